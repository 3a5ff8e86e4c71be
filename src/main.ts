import { DEMO_ACCOUNTS, demoPassword } from "./demo/accounts.ts";
import { isEmpty, seedDemo } from "./demo/seed.ts";
import { startBackgroundJobs } from "./jobs/runner.ts";
import { buildApp } from "./platform/app.ts";
import { startBackupListener } from "./platform/backup-pglite.ts";
import { loadConfig } from "./platform/config.ts";
import { openDatabase } from "./platform/db.ts";
import { ensureReferenceData } from "./reference/load.ts";

/** Starts Parcours: migrations, reference data, demo data on the first start, then the web server. */
async function main() {
  const config = loadConfig();
  const database = await openDatabase(config);
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
  const close = async () => {
    await jobs.stop();
    await app.close();
    await backups?.close();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", close);
  process.once("SIGTERM", close);
  await app.listen({ port: config.port, host: config.host });

  const where = config.databaseUrl
    ? "serveur PostgreSQL (DATABASE_URL)"
    : `base embarquée dans ${config.dataDir}`;
  const lines = [``, `Parcours est démarré sur ${config.publicUrl} (${where}).`];
  if (demo) {
    lines.push(
      ``,
      `Données de démonstration créées (personnes fictives). Comptes :`,
      ...DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(40)} ${a.role}`),
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
