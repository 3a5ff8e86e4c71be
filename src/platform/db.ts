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

export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, application_name: "parcours" });
  // An idle connection closed by the server (restart, failover, dropped database) must not stop the
  // process: the pool drops it and opens another one on the next query.
  pool.on("error", (error) => {
    process.emitWarning(`PostgreSQL connection lost: ${error.message}`, { code: "PARCOURS_PG_IDLE" });
  });
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
  };
}

export function openDatabase(config: { databaseUrl: string | null; dataDir: string }): Promise<Database> {
  return config.databaseUrl
    ? openPostgres(config.databaseUrl)
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
