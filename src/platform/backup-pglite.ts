import {
  chmodSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  openAsBlob,
  readdirSync,
  rmSync,
} from "node:fs";
import { writeFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { BackupError } from "./backup-errors.ts";
import { type Database, openPglite } from "./db.ts";

/**
 * Backup and restore of the embedded database (PGlite, in `$DATA_DIR/pgdata`).
 *
 * PGlite runs inside the Parcours process and only one process may open its folder. So while Parcours
 * runs, the copy is made by Parcours itself: it listens on a Unix socket `$DATA_DIR/backup.sock`
 * (mode 0600: only the account running Parcours can ask) and answers with `dumpDataDir()`, a gzipped
 * tarball of the folder taken while no query or transaction runs. When Parcours is stopped, the
 * backup command opens the folder itself.
 */

export const BACKUP_SOCKET = "backup.sock";
// Linux limits a Unix socket path to 107 bytes.
const MAX_SOCKET_PATH = 100;

export function pgdataDir(dataDir: string): string {
  return path.join(dataDir, "pgdata");
}

export function backupSocketPath(dataDir: string): string {
  return path.join(dataDir, BACKUP_SOCKET);
}

/** The PGlite client behind an embedded Database, or null for a PostgreSQL server. */
export function pgliteClient(database: Database): PGlite | null {
  if (database.kind !== "pglite") return null;
  const client = (database.db as unknown as { $client?: unknown }).$client;
  return client instanceof PGlite ? client : null;
}

/**
 * A consistent copy of the data folder: a checkpoint writes the data files, then the dump runs while
 * holding PGlite's transaction lock, which every query and transaction takes: none is half done. What
 * was committed between the checkpoint and the dump is in the write-ahead log, copied too.
 */
export async function dumpPglite(client: PGlite): Promise<Buffer> {
  await client.query("checkpoint");
  const tarball = await client._runExclusiveTransaction(() => client.dumpDataDir("gzip"));
  return Buffer.from(await tarball.arrayBuffer());
}

/** The answer of the backup socket when no instance listens on it (absent or left by a crash). */
function isNobodyListening(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === "ENOENT" || code === "ECONNREFUSED" || code === "ENOTSOCK";
}

function probeSocket(socketPath: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const request = http.get({ socketPath, path: "/ping" }, (response) => {
      response.resume();
      resolve(true);
    });
    request.on("error", (error) => (isNobodyListening(error) ? resolve(false) : reject(error)));
  });
}

export interface BackupListener {
  socketPath: string;
  close(): Promise<void>;
}

/**
 * Lets `npm run backup` ask this running instance for a copy of its embedded database. Returns null on a
 * PostgreSQL server (pg_dump needs no help) or when the folder's path is too long for a socket.
 */
export async function startBackupListener(
  database: Database,
  dataDir: string,
): Promise<BackupListener | null> {
  const client = pgliteClient(database);
  if (!client) return null;
  const socketPath = backupSocketPath(dataDir);
  if (socketPath.length > MAX_SOCKET_PATH) {
    process.emitWarning(
      `Le chemin de DATA_DIR est trop long pour le point d'accès de sauvegarde (${socketPath.length} caractères, ${MAX_SOCKET_PATH} au plus) : arrêtez Parcours pour sauvegarder.`,
      { code: "PARCOURS_BACKUP_SOCKET" },
    );
    return null;
  }
  if (existsSync(socketPath)) {
    if (await probeSocket(socketPath)) {
      throw new BackupError(`Une autre instance de Parcours utilise déjà ${dataDir}.`);
    }
    rmSync(socketPath, { force: true }); // left by an instance that stopped abruptly
  }
  const server = http.createServer((request, response) => {
    if (request.method !== "GET" || request.url !== "/backup") {
      response.writeHead(request.url === "/ping" ? 204 : 404).end();
      return;
    }
    dumpPglite(client).then(
      (data) => {
        response.writeHead(200, { "content-type": "application/gzip", "content-length": data.length });
        response.end(data);
      },
      () => {
        response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
        response.end("La copie de la base embarquée a échoué dans l'instance en cours.");
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(socketPath, () => resolve());
  });
  chmodSync(socketPath, 0o600);
  return {
    socketPath,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        rmSync(socketPath, { force: true });
      }),
  };
}

/**
 * Asks the running instance for a copy, written to `file` (mode 0600). False when no instance listens.
 */
export function backupFromInstance(dataDir: string, file: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const request = http.get({ socketPath: backupSocketPath(dataDir), path: "/backup" }, (response) => {
      if (response.statusCode !== 200) {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          text += chunk;
        });
        response.on("end", () =>
          reject(new BackupError(text || `L'instance en cours a répondu ${response.statusCode}.`)),
        );
        return;
      }
      pipeline(response, createWriteStream(file, { flags: "wx", mode: 0o600 })).then(
        () => resolve(true),
        reject,
      );
    });
    request.on("error", (error) => (isNobodyListening(error) ? resolve(false) : reject(error)));
  });
}

/** With Parcours stopped: opens the folder, copies it and closes it. */
export async function backupStoppedPglite(dataDir: string, file: string): Promise<void> {
  const folder = pgdataDir(dataDir);
  if (!existsSync(path.join(folder, "PG_VERSION"))) {
    throw new BackupError(`Aucune base embarquée dans ${dataDir} : vérifiez DATA_DIR.`);
  }
  if (existsSync(path.join(folder, "postmaster.pid"))) {
    throw new BackupError(
      `La base de ${dataDir} est ouverte par un Parcours qui ne répond pas à la demande de sauvegarde. ` +
        "S'il tourne, attendez qu'il ait fini de démarrer ; s'il s'est arrêté brutalement, démarrez-le puis relancez la sauvegarde.",
    );
  }
  const database = await openPglite(folder);
  try {
    const client = pgliteClient(database);
    if (!client) throw new BackupError("La base embarquée n'a pas pu être ouverte.");
    await writeFile(file, await dumpPglite(client), { flag: "wx", mode: 0o600 });
  } finally {
    await database.close();
  }
}

/** True when the folder does not exist or holds nothing. */
function isEmptyFolder(folder: string): boolean {
  return !existsSync(folder) || readdirSync(folder).length === 0;
}

/** Rebuilds `$DATA_DIR/pgdata` from a tarball; refuses a folder that already holds a database. */
export async function restorePglite(dataDir: string, file: string): Promise<void> {
  const folder = pgdataDir(dataDir);
  if (!isEmptyFolder(folder)) {
    throw new BackupError(
      `Le dossier ${folder} n'est pas vide : la restauration ne remplace jamais une base existante. ` +
        "Restaurez dans un DATA_DIR vide, ou déplacez d'abord l'ancien dossier (Parcours arrêté).",
    );
  }
  let client: PGlite | null = null;
  try {
    mkdirSync(folder, { recursive: true });
    client = await PGlite.create(`file://${folder}`, {
      loadDataDir: await openAsBlob(file),
      extensions: { pg_trgm, unaccent },
    });
    // A readable copy has the migrations' history; reading it also replays any logged change.
    await client.query("select count(*) from drizzle.__drizzle_migrations");
    await client.close();
  } catch (error) {
    if (client && !client.closed) await client.close().catch(() => undefined);
    rmSync(folder, { recursive: true, force: true });
    if (error instanceof BackupError) throw error;
    throw new BackupError(
      `Ce fichier n'a pas pu être restauré : ce n'est pas une sauvegarde complète de la base embarquée de Parcours.`,
    );
  }
}
