/** Reads and writes of accounts: login attempts, refused logins in the audit log, passwords, reset links. */
import { and, count, eq, gt, isNull, max, min, ne } from "drizzle-orm";
import { auditLog } from "../audit/tables.ts";
import type { Db } from "../platform/db.ts";
import {
  type AttemptCounts,
  emailHash,
  hashResetToken,
  newResetToken,
  RESET_TOKEN_MINUTES,
  THROTTLE,
  type ThrottleReason,
} from "./rules.ts";
import { loginAttempts, passwordResetTokens, sessions, users } from "./tables.ts";

const minutesAgo = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000);

/** How many times this account and this address failed lately, as the throttling rule needs them. */
export async function attemptCounts(
  db: Db,
  email: string,
  ip: string,
  now = new Date(),
): Promise<AttemptCounts> {
  const pair = and(eq(loginAttempts.email, email), eq(loginAttempts.ip, ip));
  const [lastSuccess] = await db
    .select({ at: max(loginAttempts.at) })
    .from(loginAttempts)
    .where(and(pair, eq(loginAttempts.succeeded, true)));
  const dayAgo = minutesAgo(now, THROTTLE.pairWindowHours * 60);
  const since = lastSuccess?.at && lastSuccess.at > dayAgo ? lastSuccess.at : dayAgo;
  const failed = eq(loginAttempts.succeeded, false);
  const [pairRow] = await db
    .select({ n: count(), last: max(loginAttempts.at) })
    .from(loginAttempts)
    .where(and(pair, failed, gt(loginAttempts.at, since)));
  const [ipRow] = await db
    .select({ n: count(), oldest: min(loginAttempts.at) })
    .from(loginAttempts)
    .where(
      and(eq(loginAttempts.ip, ip), failed, gt(loginAttempts.at, minutesAgo(now, THROTTLE.ipWindowMinutes))),
    );
  const [accountRow] = await db
    .select({ n: count(), oldest: min(loginAttempts.at) })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.email, email),
        failed,
        gt(loginAttempts.at, minutesAgo(now, THROTTLE.accountWindowMinutes)),
      ),
    );
  return {
    pairFailures: pairRow?.n ?? 0,
    lastPairFailureAt: pairRow?.last ?? null,
    ipFailures: ipRow?.n ?? 0,
    oldestIpFailureAt: ipRow?.oldest ?? null,
    accountFailures: accountRow?.n ?? 0,
    oldestAccountFailureAt: accountRow?.oldest ?? null,
    knownAddress: Boolean(lastSuccess?.at),
  };
}

export async function recordSuccessfulLogin(db: Db, userId: string, email: string, ip: string) {
  await db.transaction(async (tx) => {
    await tx.insert(loginAttempts).values({ email, ip, succeeded: true });
    await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, userId));
  });
}

export type RefusalReason = "mot_de_passe" | "compte_inconnu" | "compte_desactive" | ThrottleReason;

/**
 * A refused login: counted for throttling (unless it was refused by the throttling itself) and kept in
 * the audit log with the account, or the e-mail's hash when no account has it, the address and the
 * reason. Never the password; nothing in the technical logs.
 */
export async function recordRefusedLogin(
  db: Db,
  refusal: {
    email: string;
    ip: string;
    reason: RefusalReason;
    user: { id: string; associationId: string | null } | null;
  },
) {
  const throttled = ["compte_et_adresse", "adresse", "compte"].includes(refusal.reason);
  await db.transaction(async (tx) => {
    if (!throttled)
      await tx.insert(loginAttempts).values({ email: refusal.email, ip: refusal.ip, succeeded: false });
    await tx.insert(auditLog).values({
      userId: refusal.user?.id ?? null,
      associationId: refusal.user?.associationId ?? null,
      action: "login_refused",
      entity: "connexion",
      detail: {
        reason: refusal.reason,
        ip: refusal.ip,
        ...(refusal.user ? {} : { emailHash: emailHash(refusal.email) }),
      },
    });
  });
}

/**
 * Sets a user's chosen password and ends their sessions, except `keepSessionId` (the browser that
 * changed it). Every reset link still open is spent.
 */
export async function setPassword(
  db: Db,
  userId: string,
  passwordHash: string,
  keepSessionId: string | null,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordSetAt: new Date() }).where(eq(users.id, userId));
    await tx
      .delete(sessions)
      .where(
        keepSessionId
          ? and(eq(sessions.userId, userId), ne(sessions.sid, keepSessionId))
          : eq(sessions.userId, userId),
      );
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)));
  });
}

/** At most this many links per account and hour, so that a stranger cannot flood a mailbox. */
const MAX_LINKS_PER_HOUR = 3;

/** A new reset link's token for an active account (null when the account sent too many lately). */
export async function createResetToken(db: Db, userId: string, now = new Date()): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [recent] = await tx
      .select({ n: count() })
      .from(passwordResetTokens)
      .where(
        and(eq(passwordResetTokens.userId, userId), gt(passwordResetTokens.createdAt, minutesAgo(now, 60))),
      );
    if ((recent?.n ?? 0) >= MAX_LINKS_PER_HOUR) return null;
    const { token, hash } = newResetToken();
    await tx.insert(passwordResetTokens).values({
      userId,
      tokenHash: hash,
      createdAt: now,
      expiresAt: new Date(now.getTime() + RESET_TOKEN_MINUTES * 60_000),
    });
    return token;
  });
}

/** The active account a reset token opens, if it is unused and not expired. */
export async function accountOfResetToken(db: Db, token: string, now = new Date()) {
  const [row] = await db
    .select({ id: users.id, email: users.email, firstName: users.firstName, lastName: users.lastName })
    .from(passwordResetTokens)
    .innerJoin(users, eq(users.id, passwordResetTokens.userId))
    .where(
      and(
        eq(passwordResetTokens.tokenHash, hashResetToken(token)),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, now),
        eq(users.active, true),
      ),
    );
  return row ?? null;
}

/**
 * Spends a reset token and sets the password in one transaction; false when the token was used
 * meanwhile or has expired (two tabs submitting at once: one wins).
 */
export async function resetPasswordWithToken(
  db: Db,
  token: string,
  passwordHash: string,
  now = new Date(),
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [spent] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordResetTokens.tokenHash, hashResetToken(token)),
          isNull(passwordResetTokens.usedAt),
          gt(passwordResetTokens.expiresAt, now),
        ),
      )
      .returning({ userId: passwordResetTokens.userId });
    if (!spent) return false;
    await tx.update(users).set({ passwordHash, passwordSetAt: now }).where(eq(users.id, spent.userId));
    await tx.delete(sessions).where(eq(sessions.userId, spent.userId));
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.userId, spent.userId), isNull(passwordResetTokens.usedAt)));
    return true;
  });
}
