import path from "node:path";
import { BackupError, backup, backupTargetFromEnv, formatSize } from "../src/platform/backup.ts";

/** `npm run backup -- <fichier>`: a consistent copy of the database, Parcours running or not. */
const [argument] = process.argv.slice(2);
if (!argument) {
  console.error("Usage : npm run backup -- <fichier>   (par exemple parcours-2026-01-31.sauvegarde)");
  process.exit(2);
}
// npm runs scripts from the project's folder: a relative name is relative to where the command was typed.
const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), argument);
const target = backupTargetFromEnv();

try {
  const report = await backup(target, file);
  const how = {
    instance: `copie de la base embarquée faite par Parcours en cours d'exécution (${target.dataDir})`,
    stopped: `copie de la base embarquée de ${target.dataDir}, Parcours arrêté`,
    pg_dump: "pg_dump du serveur PostgreSQL (DATABASE_URL)",
  }[report.via];
  console.log(`Sauvegarde écrite dans ${report.file} (${formatSize(report.bytes)}) : ${how}.`);
  console.log("Rangez-la chiffrée, hors de ce serveur : elle contient des données judiciaires.");
} catch (error) {
  console.error(
    error instanceof BackupError
      ? `Sauvegarde impossible : ${error.message}`
      : `La sauvegarde a échoué : ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
