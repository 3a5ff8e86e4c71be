import { spawn } from "node:child_process";
import pg from "pg";
import { BackupError } from "./backup-errors.ts";
import { plural } from "./french.ts";

/**
 * Backup and restore of a PostgreSQL server with pg_dump and pg_restore (Debian's postgresql-client).
 * pg_dump reads one snapshot: the copy is consistent while Parcours keeps running.
 */

/** The connection string without its password, and the password for PGPASSWORD: never in the process list. */
export function connectionForTools(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new BackupError("DATABASE_URL n'est pas une adresse PostgreSQL valide (postgres://…).");
  }
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (url.password) {
    env.PGPASSWORD = decodeURIComponent(url.password);
    url.password = "";
  }
  return { url: url.toString(), env };
}

/** Runs a PostgreSQL client tool; its error output becomes the French message when it fails. */
function runTool(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      if (stderr.length < 4000) stderr += chunk;
    });
    child.on("error", (error: NodeJS.ErrnoException) => {
      reject(
        new BackupError(
          error.code === "ENOENT"
            ? `${command} est introuvable : installez le client PostgreSQL (apt-get install postgresql-client), de la même version que le serveur ou plus récent.`
            : `${command} n'a pas pu être lancé (${error.code ?? error.message}).`,
        ),
      );
    });
    child.on("close", (code) => {
      if (code === 0) resolve();
      else reject(new BackupError(`${command} a échoué (code ${code}) :\n${stderr.trim()}`));
    });
  });
}

/** Writes a pg_dump archive (custom format, compressed) of the database to `file`. */
export async function dumpPostgres(databaseUrl: string, file: string): Promise<void> {
  const { url, env } = connectionForTools(databaseUrl);
  await runTool("pg_dump", ["--format=custom", "--no-password", `--file=${file}`, `--dbname=${url}`], env);
}

async function withClient<T>(databaseUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "parcours-restore" });
  try {
    await client.connect();
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new BackupError(
      `La base de DATABASE_URL ne répond pas${code ? ` (${code})` : ""} : créez-la vide et vérifiez l'adresse.`,
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Tables outside PostgreSQL's own schemas: a database with none is empty. */
export async function userTableCount(databaseUrl: string): Promise<number> {
  return withClient(databaseUrl, async (client) => {
    const result = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_catalog.pg_tables
        where schemaname not in ('pg_catalog', 'information_schema') and schemaname not like 'pg_toast%'`,
    );
    return result.rows[0]?.n ?? 0;
  });
}

/**
 * Restores a pg_dump archive into the empty database of DATABASE_URL, in one transaction: on any error
 * nothing is left behind. Objects belong to the restoring user (the application's user).
 */
export async function restorePostgres(databaseUrl: string, file: string): Promise<void> {
  const tables = await userTableCount(databaseUrl);
  if (tables > 0) {
    throw new BackupError(
      `La base de DATABASE_URL n'est pas vide (${plural(tables, "table")}) : la restauration ne remplace jamais des données existantes. Créez une base vide (createdb) et pointez DATABASE_URL vers elle.`,
    );
  }
  // The application role is cluster-wide and pg_dump does not copy roles: create it as migration 0000 does.
  await withClient(databaseUrl, (client) =>
    client.query(`DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'parcours_app') THEN
    CREATE ROLE parcours_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$`),
  );
  const { url, env } = connectionForTools(databaseUrl);
  await runTool(
    "pg_restore",
    ["--single-transaction", "--exit-on-error", "--no-owner", "--no-password", `--dbname=${url}`, file],
    env,
  );
}
