import closeWithGrace from "close-with-grace";
import pino from "pino";
import { DEMO_ACCOUNTS, demoPassword } from "./demo/accounts.ts";
import { isEmpty, seedDemo } from "./demo/seed.ts";
import { startBackgroundJobs } from "./jobs/runner.ts";
import { buildApp } from "./platform/app.ts";
import { ROLE_LABELS } from "./platform/auth.ts";
import { startBackupListener } from "./platform/backup-pglite.ts";
import { loadConfig } from "./platform/config.ts";
import { openDatabase } from "./platform/db.ts";
import { errorForLog } from "./platform/log-safety.ts";
import { ensureReferenceData } from "./reference/load.ts";

/** Starts Parcours: migrations, reference data, demo data on the first start, then the web server. */
async function main() {
  const config = loadConfig();
  const log = pino({ level: config.logLevel, name: "parcours" });
  const database = await openDatabase(config, {
    onConnectionLost: (error) => log.warn({ code: error.code }, "PostgreSQL connection lost"),
  });
  await database.migrate();
  let demo: { password: string } | null = null;
  await database.withStartupLock(async () => {
    await ensureReferenceData(database.db);
    if (config.loadDemoData && (await isEmpty(database.db))) {
      demo = await seedDemo(database.db, demoPassword(config.demoPassword));
    }
  });
  const app = await buildApp({ config, database });
  const jobs = startBackgroundJobs({ config, database });
  // `npm run backup` asks this instance for a copy of the embedded database (PGlite has one process).
  const backups = await startBackupListener(database, config.dataDir);
  // On SIGTERM or SIGINT: stop taking requests, finish those in flight, stop the jobs, close the pool.
  // An unexpected error is logged without its message (it may quote personal data) and closes the same way.
  closeWithGrace(
    {
      delay: 20_000,
      logger: { error: (message: unknown) => log.error({ err: errorForLog(message) }, "closing") },
    },
    async ({ err, signal }) => {
      if (err) log.error({ err: errorForLog(err) }, "unexpected error: closing");
      else log.info({ signal }, "closing");
      await app.close();
      await jobs.stop();
      await backups?.close();
      await database.close();
    },
  );
  await app.listen({ port: config.port, host: config.host });

  const where = config.databaseUrl
    ? "serveur PostgreSQL (DATABASE_URL)"
    : `base embarquée dans ${config.dataDir}`;
  const lines = [``, `Parcours est démarré sur ${config.publicUrl} (${where}).`];
  if (demo) {
    lines.push(
      ``,
      `Données de démonstration créées (personnes fictives). Comptes :`,
      ...DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(40)} ${ROLE_LABELS[a.role]}`),
      `Mot de passe de ces comptes : ${(demo as { password: string }).password}`,
      config.demoPassword
        ? `(valeur de DEMO_PASSWORD)`
        : `(définissez DEMO_PASSWORD au premier démarrage pour le choisir)`,
    );
  } else if (config.loadDemoData) {
    lines.push(
      `Les données existantes ont été conservées ; le mot de passe de démonstration est celui affiché au premier démarrage.`,
    );
  }
  console.log(lines.join("\n"));
}

main().catch((error: unknown) => {
  console.error("Parcours n'a pas pu démarrer :", error instanceof Error ? error.message : error);
  if (error instanceof Error && error.stack && process.env.NODE_ENV !== "production")
    console.error(error.stack);
  process.exit(1);
});
