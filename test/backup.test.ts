import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { setTimeout } from "node:timers/promises";
import { sql } from "drizzle-orm";
import pg from "pg";
import { seedDemo } from "../src/demo/seed.ts";
import { BackupError, backup, backupFormatOf, restore } from "../src/platform/backup.ts";
import { startBackupListener } from "../src/platform/backup-pglite.ts";
import { connectionForTools } from "../src/platform/backup-postgres.ts";
import { type Database, type Db, openPglite, openPostgres, queryRows } from "../src/platform/db.ts";
import { ensureReferenceData } from "../src/reference/load.ts";

/** Every table's row count (public schema and Drizzle's migrations) and a checksum of persons and measures. */
interface Fingerprint {
  counts: Record<string, number>;
  persons: string;
  measures: string;
}

async function fingerprint(db: Db): Promise<Fingerprint> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select quote_ident(schemaname) || '.' || quote_ident(tablename) as name from pg_tables
         where schemaname in ('public', 'drizzle') order by 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${name}`));
    counts[name] = row?.n ?? -1;
  }
  const checksum = async (table: string) => {
    const [row] = await queryRows<{ sum: string }>(
      db,
      sql.raw(
        `select md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as sum from ${table} t`,
      ),
    );
    return row?.sum ?? "";
  };
  return { counts, persons: await checksum("persons"), measures: await checksum("measures") };
}

/** The demo installation: schema, reference data and the whole demo data set. */
async function seeded(database: Database): Promise<Database> {
  await database.migrate();
  await ensureReferenceData(database.db);
  await seedDemo(database.db, "mot-de-passe-de-demonstration");
  return database;
}

/** The demo data is there: a comparison of two empty databases would prove nothing. */
function assertDemoData(found: Fingerprint) {
  assert.equal(found.counts["public.persons"], 50, "40 personnes en Gironde, 10 en Moselle");
  assert.ok((found.counts["public.measures"] ?? 0) >= 50);
  assert.ok((found.counts["drizzle.__drizzle_migrations"] ?? 0) >= 9);
  assert.ok(Object.keys(found.counts).length > 30);
}

const root = mkdtempSync(path.join(tmpdir(), "parcours-backup-"));
after(() => rmSync(root, { recursive: true, force: true }));

test("the kind of a backup file is read from its first bytes", () => {
  const cases: [string, number[], string | null][] = [
    ["gzip tarball of PGlite", [0x1f, 0x8b, 0x08, 0x00, 0x00], "pglite"],
    ["pg_dump custom archive", [...Buffer.from("PGDMP")], "pg_dump"],
    ["plain SQL", [...Buffer.from("-- Po")], null],
    ["empty file", [], null],
  ];
  for (const [label, bytes, expected] of cases) {
    assert.equal(backupFormatOf(Uint8Array.from(bytes)), expected, label);
  }
});

test("the password of DATABASE_URL goes to PGPASSWORD, never on pg_dump's command line", () => {
  const { url, env } = connectionForTools(
    "postgres://parcours:s%40cret@db.example:5433/parcours?sslmode=require",
  );
  assert.equal(url, "postgres://parcours@db.example:5433/parcours?sslmode=require");
  assert.equal(env.PGPASSWORD, "s@cret");
  assert.throws(() => connectionForTools("pas une adresse"), /DATABASE_URL n'est pas une adresse PostgreSQL/);
});

describe("embedded database (PGlite)", () => {
  const source = path.join(root, "source");
  const copy = path.join(root, "copie");
  const file = path.join(root, "parcours.sauvegarde");

  test("a backup taken while Parcours runs restores every row into an empty DATA_DIR", async () => {
    const database = await seeded(await openPglite(path.join(source, "pgdata")));
    const listener = await startBackupListener(database, source);
    let expected: Fingerprint;
    try {
      assert.ok(listener, "the running instance answers backup requests");
      const seededOnly = await fingerprint(database.db);
      assertDemoData(seededOnly);
      // A transaction is open when the backup is asked for: the copy waits for it and holds its change,
      // never half of it.
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const open = database.db.transaction(async (tx) => {
        await tx.execute(
          sql`update persons set first_name = 'Sauvegardée' where id = (select id from persons order by id limit 1)`,
        );
        await held;
      });
      const pending = backup({ databaseUrl: null, dataDir: source }, file);
      await setTimeout(300);
      release();
      await open;
      const report = await pending;
      expected = await fingerprint(database.db);
      assert.notEqual(expected.persons, seededOnly.persons, "the change shows in the checksum");
      assert.equal(report.via, "instance");
      assert.equal(report.format, "pglite");
      assert.equal(statSync(file).mode & 0o777, 0o600, "readable by its owner only");
      // The instance keeps working after the copy.
      const [row] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from persons`);
      assert.equal(row?.n, 50);
      await assert.rejects(backup({ databaseUrl: null, dataDir: source }, file), {
        name: "BackupError",
        message: `Le fichier ${file} existe déjà : la sauvegarde ne l'écrase pas, choisissez un autre nom.`,
      });
    } finally {
      await listener?.close();
      await database.close();
    }

    await restore({ databaseUrl: null, dataDir: copy }, file);
    const restored = await openPglite(path.join(copy, "pgdata"));
    try {
      assert.deepEqual(await fingerprint(restored.db), expected);
      await restored.migrate(); // Parcours starts on it: nothing left to migrate
      assert.deepEqual(await fingerprint(restored.db), expected);
    } finally {
      await restored.close();
    }
  });

  test("restore refuses a DATA_DIR that already holds a database, and leaves it as it was", async () => {
    const before = readdirSync(path.join(copy, "pgdata")).sort();
    await assert.rejects(restore({ databaseUrl: null, dataDir: copy }, file), {
      name: "BackupError",
      message:
        `Le dossier ${path.join(copy, "pgdata")} n'est pas vide : la restauration ne remplace jamais une base existante. ` +
        "Restaurez dans un DATA_DIR vide, ou déplacez d'abord l'ancien dossier (Parcours arrêté).",
    });
    assert.deepEqual(readdirSync(path.join(copy, "pgdata")).sort(), before);
  });

  test("with Parcours stopped, the backup opens the folder itself", async () => {
    const second = path.join(root, "arrete.sauvegarde");
    const report = await backup({ databaseUrl: null, dataDir: copy }, second);
    assert.equal(report.via, "stopped");
    const again = path.join(root, "copie-2");
    await restore({ databaseUrl: null, dataDir: again }, second);
    const restored = await openPglite(path.join(again, "pgdata"));
    try {
      assertDemoData(await fingerprint(restored.db));
    } finally {
      await restored.close();
    }
  });

  test("restore refuses files that are not a backup of the embedded database", async () => {
    const empty = path.join(root, "vide");
    const pgDump = path.join(root, "serveur.dump");
    writeFileSync(pgDump, "PGDMP fake archive");
    await assert.rejects(restore({ databaseUrl: null, dataDir: empty }, pgDump), {
      message:
        "Ce fichier est une sauvegarde d'un serveur PostgreSQL (pg_dump) : restaurez-le avec DATABASE_URL pointant vers une base vide.",
    });
    const text = path.join(root, "notes.txt");
    writeFileSync(text, "pas une sauvegarde");
    await assert.rejects(restore({ databaseUrl: null, dataDir: empty }, text), {
      message: `Le fichier ${text} n'est pas une sauvegarde de Parcours.`,
    });
    const truncated = path.join(root, "tronquee.sauvegarde");
    writeFileSync(truncated, Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00]));
    await assert.rejects(restore({ databaseUrl: null, dataDir: empty }, truncated), BackupError);
    mkdirSync(empty, { recursive: true });
    assert.deepEqual(readdirSync(empty), [], "a failed restore leaves no half-built database");
  });
});

const serverUrl = process.env.TEST_DATABASE_URL;

describe("PostgreSQL server (pg_dump and pg_restore)", {
  skip: serverUrl ? false : "TEST_DATABASE_URL unset",
}, () => {
  const base = serverUrl ?? "";
  const created: string[] = [];
  const admin = async (query: string) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    try {
      await client.query(query);
    } finally {
      await client.end();
    }
  };
  const newDatabase = async () => {
    const name = `parcours_backup_${randomBytes(5).toString("hex")}`;
    await admin(`create database ${name}`);
    created.push(name);
    const url = new URL(base);
    url.pathname = `/${name}`;
    return url.toString();
  };
  after(async () => {
    for (const name of created) await admin(`drop database if exists ${name} with (force)`);
  });

  test("a pg_dump taken while Parcours runs restores every row into an empty database", async () => {
    const sourceUrl = await newDatabase();
    const database = await seeded(await openPostgres(sourceUrl, { max: 2 }));
    const file = path.join(root, "serveur.sauvegarde");
    let expected: Fingerprint;
    try {
      expected = await fingerprint(database.db);
      assertDemoData(expected);
      const report = await backup({ databaseUrl: sourceUrl, dataDir: root }, file);
      assert.equal(report.via, "pg_dump");
      assert.equal(statSync(file).mode & 0o777, 0o600);
    } finally {
      await database.close();
    }

    const targetUrl = await newDatabase();
    await restore({ databaseUrl: targetUrl, dataDir: root }, file);
    const restored = await openPostgres(targetUrl, { max: 2 });
    try {
      assert.deepEqual(await fingerprint(restored.db), expected);
      await restored.migrate();
      assert.deepEqual(await fingerprint(restored.db), expected);
    } finally {
      await restored.close();
    }

    await assert.rejects(restore({ databaseUrl: targetUrl, dataDir: root }, file), {
      name: "BackupError",
      message: new RegExp(
        `^La base de DATABASE_URL n'est pas vide \\(${Object.keys(expected.counts).length} tables\\) : la restauration ne remplace jamais des données existantes\\.`,
      ),
    });
  });

  test("restore refuses a backup of the embedded database", async () => {
    const targetUrl = await newDatabase();
    const tarball = path.join(root, "embarquee.sauvegarde");
    writeFileSync(tarball, Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00]));
    await assert.rejects(restore({ databaseUrl: targetUrl, dataDir: root }, tarball), {
      message:
        "Ce fichier est une sauvegarde de la base embarquée : restaurez-le sans DATABASE_URL, dans un DATA_DIR vide.",
    });
  });
});
