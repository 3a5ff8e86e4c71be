import { and, eq, gt, lt } from "drizzle-orm";
import type { Session } from "fastify";
import { sessions } from "../accounts/tables.ts";
import type { Db } from "./db.ts";

type Callback = (err?: unknown) => void;
type GetCallback = (err: unknown, session?: Session | null) => void;

const DEFAULT_LIFETIME_MS = 8 * 60 * 60 * 1000;

/** Sessions kept in PostgreSQL, so that several app instances share them and an account can be logged out everywhere. */
export class PgSessionStore {
  constructor(private readonly db: Db) {}

  set(sid: string, session: Session, callback: Callback): void {
    const expires = session.cookie?.expires
      ? new Date(session.cookie.expires)
      : new Date(Date.now() + DEFAULT_LIFETIME_MS);
    const data = JSON.parse(JSON.stringify(session)) as Record<string, unknown>;
    const userId = typeof data.userId === "string" ? data.userId : null;
    this.db
      .insert(sessions)
      .values({ sid, data, expiresAt: expires, userId })
      .onConflictDoUpdate({ target: sessions.sid, set: { data, expiresAt: expires, userId } })
      .then(() => callback(), callback);
  }

  get(sid: string, callback: GetCallback): void {
    this.db
      .select({ data: sessions.data })
      .from(sessions)
      .where(and(eq(sessions.sid, sid), gt(sessions.expiresAt, new Date())))
      .then((rows) => callback(null, (rows[0]?.data as Session | undefined) ?? null), callback);
  }

  destroy(sid: string, callback: Callback): void {
    this.db
      .delete(sessions)
      .where(eq(sessions.sid, sid))
      .then(() => callback(), callback);
  }

  /** Removes expired sessions; called at start and from time to time. */
  async purgeExpired(): Promise<void> {
    await this.db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  }
}
