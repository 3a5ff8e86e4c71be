import { chmodSync, closeSync, existsSync, openSync, readSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { BackupError } from "./backup-errors.ts";
import { backupFromInstance, backupStoppedPglite, restorePglite } from "./backup-pglite.ts";
import { dumpPostgres, restorePostgres } from "./backup-postgres.ts";

export { BackupError } from "./backup-errors.ts";

/**
 * `npm run backup -- <file>` and `npm run restore -- <file>`: one file holds the whole database.
 * Embedded database: a gzipped tarball of `$DATA_DIR/pgdata` (PGlite's dumpDataDir). PostgreSQL server
 * (`DATABASE_URL`): a pg_dump archive in its custom format. Restoring only ever fills an empty target.
 */

/** Where the database is, read from the same variables as Parcours itself (see config.ts). */
export interface BackupTarget {
  databaseUrl: string | null;
  dataDir: string;
}

export function backupTargetFromEnv(env: NodeJS.ProcessEnv = process.env): BackupTarget {
  return { databaseUrl: env.DATABASE_URL || null, dataDir: path.resolve(env.DATA_DIR ?? "data") };
}

export type BackupFormat = "pglite" | "pg_dump";

export interface BackupReport {
  file: string;
  bytes: number;
  format: BackupFormat;
  /** How the copy was taken: by the running instance, from the stopped folder, or by pg_dump. */
  via: "instance" | "stopped" | "pg_dump";
}

/** The kind of backup a file holds, from its first bytes: gzip (PGlite's tarball) or pg_dump's "PGDMP". */
export function backupFormatOf(header: Uint8Array): BackupFormat | null {
  if (header[0] === 0x1f && header[1] === 0x8b) return "pglite";
  if (Buffer.from(header.subarray(0, 5)).toString("latin1") === "PGDMP") return "pg_dump";
  return null;
}

function readHeader(file: string): Uint8Array {
  const fd = openSync(file, "r");
  try {
    const header = new Uint8Array(5);
    readSync(fd, header, 0, 5, 0);
    return header;
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a consistent copy of the database to `file` (a new file, readable by its owner only). The copy
 * is written beside it first and renamed when complete: a failed backup never leaves a truncated file.
 */
export async function backup(target: BackupTarget, file: string): Promise<BackupReport> {
  if (existsSync(file)) {
    throw new BackupError(
      `Le fichier ${file} existe déjà : la sauvegarde ne l'écrase pas, choisissez un autre nom.`,
    );
  }
  if (!existsSync(path.dirname(file))) {
    throw new BackupError(`Le dossier ${path.dirname(file)} n'existe pas.`);
  }
  const partial = `${file}.partiel`;
  rmSync(partial, { force: true });
  let via: BackupReport["via"];
  try {
    if (target.databaseUrl) {
      await dumpPostgres(target.databaseUrl, partial);
      via = "pg_dump";
    } else if (await backupFromInstance(target.dataDir, partial)) {
      via = "instance";
    } else {
      await backupStoppedPglite(target.dataDir, partial);
      via = "stopped";
    }
    chmodSync(partial, 0o600); // justice data: pg_dump creates its file with the default rights
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return {
    file,
    bytes: statSync(file).size,
    format: target.databaseUrl ? "pg_dump" : "pglite",
    via,
  };
}

/** Brings a backup back into an empty DATA_DIR (embedded) or an empty database (DATABASE_URL). */
export async function restore(target: BackupTarget, file: string): Promise<{ format: BackupFormat }> {
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new BackupError(`Le fichier ${file} n'existe pas.`);
  }
  const format = backupFormatOf(readHeader(file));
  if (format === null) {
    throw new BackupError(`Le fichier ${file} n'est pas une sauvegarde de Parcours.`);
  }
  if (target.databaseUrl) {
    if (format !== "pg_dump") {
      throw new BackupError(
        "Ce fichier est une sauvegarde de la base embarquée : restaurez-le sans DATABASE_URL, dans un DATA_DIR vide.",
      );
    }
    await restorePostgres(target.databaseUrl, file);
  } else {
    if (format !== "pglite") {
      throw new BackupError(
        "Ce fichier est une sauvegarde d'un serveur PostgreSQL (pg_dump) : restaurez-le avec DATABASE_URL pointant vers une base vide.",
      );
    }
    await restorePglite(target.dataDir, file);
  }
  return { format };
}

/** "12,3 Mo" */
export function formatSize(bytes: number): string {
  const mb = bytes / 1_000_000;
  return mb >= 0.1
    ? `${mb.toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Mo`
    : `${Math.max(1, Math.round(bytes / 1000)).toLocaleString("fr-FR")} ko`;
}
