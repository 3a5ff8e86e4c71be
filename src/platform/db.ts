import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { type ExtractTablesWithRelations, type SQL, sql } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema.ts";
import { APP_ROLE_NAME } from "./tenancy.ts";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database or a transaction. */
export type Queryable = Db | Tx;

declare const tenantBrand: unique symbol;
/**
 * A transaction running under the application role with the current association set:
 * row-level security applies. Queries on personal data only accept this type.
 */
export type TenantTx = Tx & { readonly [tenantBrand]: true };

export interface Database {
  kind: "pglite" | "postgres";
  db: Db;
  /** Applies pending migrations; safe when several instances start at once. */
  migrate(): Promise<void>;
  /** Runs fn while holding a cluster-wide lock, for start-up work done by one instance only. */
  withStartupLock<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** Connections of a PostgreSQL pool: open, idle, and requests waiting for one (none on PGlite). */
  poolState?(): { total: number; idle: number; waiting: number };
}

export const MIGRATIONS_FOLDER = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../migrations",
);
const STARTUP_LOCK_KEY = 724_187_001;

export async function openPglite(dataDir: string | null): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir ? `file://${dataDir}` : undefined, {
    extensions: { pg_trgm, unaccent },
  });
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    kind: "pglite",
    db,
    // PGlite has a single connection: nothing runs concurrently with the start-up work.
    migrate: () => migratePglite(drizzlePglite({ client, schema }), { migrationsFolder: MIGRATIONS_FOLDER }),
    withStartupLock: (fn) => fn(),
    close: () => client.close(),
  };
}

export interface PostgresOptions {
  max?: number;
  connectionTimeoutMillis?: number;
  /** Told when a connection is lost (its code only is logged: the message may quote a query). */
  onConnectionLost?: (error: Error & { code?: string }) => void;
}

export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    application_name: "parcours",
    // A server that does not answer: the request fails with a 503 instead of waiting for ever.
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 10_000,
    // A server that disappears without closing the socket is detected by TCP keep-alive.
    keepAlive: true,
  });
  // A connection closed by the server (restart, failover, pg_terminate_backend) must never stop the
  // process. An idle one is reported to the pool, which drops it; a checked-out one emits 'error' on
  // its client, whose running query fails (the request answers 503) and which the pool then discards
  // because it is no longer queryable. Without these listeners Node throws the 'error' event.
  const onConnectionLost = (error: Error & { code?: string }) => {
    options.onConnectionLost?.(error);
  };
  pool.on("error", onConnectionLost);
  pool.on("connect", (client) => {
    client.on("error", onConnectionLost);
  });
  // Drizzle sends BEGIN before its try/finally: a connection lost at that moment would never go back
  // to the pool, and after `max` such losses every request would wait for ever. A checked-out client
  // that loses its connection is therefore released at once (and discarded), and releasing it again
  // later is harmless.
  const connect = pool.connect.bind(pool);
  pool.connect = ((callback?: Parameters<typeof connect>[0]) =>
    callback ? connect(callback) : connect().then(releasedOnLoss)) as typeof pool.connect;
  const db = drizzleNodePg({ client: pool, schema }) as unknown as Db;
  const withStartupLock = async <T>(fn: () => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query("select pg_advisory_lock($1)", [STARTUP_LOCK_KEY]);
      try {
        return await fn();
      } finally {
        await client.query("select pg_advisory_unlock($1)", [STARTUP_LOCK_KEY]);
      }
    } finally {
      client.release();
    }
  };
  return {
    kind: "postgres",
    db,
    migrate: () =>
      withStartupLock(() =>
        migrateNodePg(drizzleNodePg({ client: pool, schema }), { migrationsFolder: MIGRATIONS_FOLDER }),
      ),
    withStartupLock,
    close: () => pool.end(),
    poolState: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
  };
}

/** A checked-out client released (with its error, so that the pool drops it) as soon as it fails. */
function releasedOnLoss(client: pg.PoolClient): pg.PoolClient {
  const release = client.release;
  let released = false;
  const releaseOnce = (error?: Error | boolean) => {
    if (released) return;
    released = true;
    client.removeListener("error", onError);
    release(error);
  };
  const onError = (error: Error) => releaseOnce(error);
  client.on("error", onError);
  client.release = releaseOnce;
  return client;
}

export function openDatabase(
  config: { databaseUrl: string | null; dataDir: string },
  options: PostgresOptions = {},
): Promise<Database> {
  return config.databaseUrl
    ? openPostgres(config.databaseUrl, options)
    : openPglite(path.join(config.dataDir, "pgdata"));
}

export interface TenantContext {
  userId: string;
  /** null for the federation's roles: they see no person at all. */
  associationId: string | null;
}

/**
 * Runs fn in one transaction under the application role, with the association of the
 * current user set for row-level security. Every read and write of personal data goes here.
 */
export function withTenant<T>(db: Db, ctx: TenantContext, fn: (tx: TenantTx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('app.association_id', ${ctx.associationId ?? ""}, true), set_config('app.user_id', ${ctx.userId}, true)`,
    );
    await tx.execute(sql.raw(`set local role ${APP_ROLE_NAME}`));
    return fn(tx as TenantTx);
  });
}

/** Rows of a raw SQL query, on either engine (both drivers answer with `{ rows }`). */
export async function queryRows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
