import path from "node:path";
import { BackupError, backupTargetFromEnv, restore } from "../src/platform/backup.ts";

/** `npm run restore -- <fichier>`: brings a backup back into an empty DATA_DIR or an empty database. */
const [argument] = process.argv.slice(2);
if (!argument) {
  console.error(
    "Usage : npm run restore -- <fichier>   (dans un DATA_DIR vide, ou DATABASE_URL d'une base vide)",
  );
  process.exit(2);
}
// npm runs scripts from the project's folder: a relative name is relative to where the command was typed.
const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), argument);
const target = backupTargetFromEnv();

try {
  await restore(target, file);
  const where = target.databaseUrl ? "la base de DATABASE_URL" : `la base embarquée de ${target.dataDir}`;
  console.log(`Sauvegarde ${file} restaurée dans ${where}. Démarrez Parcours : npm start.`);
} catch (error) {
  console.error(
    error instanceof BackupError
      ? `Restauration impossible : ${error.message}`
      : `La restauration a échoué : ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
