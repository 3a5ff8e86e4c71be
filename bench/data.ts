/**
 * The scale data set: `npm run bench:data -- --associations 150 --persons 1000000 --measures 3000000`
 * fills the PostgreSQL database of DATABASE_URL (connected as its owner), or, without it, the PGlite
 * directory DATA_DIR (`DATA_DIR=/tmp/parcours-50k npm run bench:data -- --persons 50000`: one large
 * association). The database must be empty. The demo accounts log in with DEMO_PASSWORD (drawn at random
 * and printed when unset): intervenant@demo.parcours.fr carries 40 to 80 open measures of the largest
 * association, chef@ its first service, direction@ the whole of it. Prints each step's rows and time.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { demoPassword } from "../src/demo/accounts.ts";
import { isEmpty } from "../src/demo/seed.ts";
import { openPglite, openPostgres } from "../src/platform/db.ts";
import { todayInParis } from "../src/platform/request-context.ts";
import { ensureReferenceData } from "../src/reference/load.ts";
import { generateScaleData } from "./generate.ts";

const { values } = parseArgs({
  options: {
    associations: { type: "string" },
    persons: { type: "string", default: "50000" },
    measures: { type: "string" },
  },
});
const databaseUrl = process.env.DATABASE_URL ?? null;
const dataDir = process.env.DATA_DIR ?? null;
if (!databaseUrl && !dataDir) {
  console.error(
    "Indiquez DATABASE_URL (serveur PostgreSQL) ou DATA_DIR (dossier PGlite, par exemple sous /tmp).",
  );
  process.exit(2);
}
const persons = Number(values.persons);
const associations = Number(values.associations ?? (databaseUrl ? 150 : 1));
const measures = Number(values.measures ?? persons * 3);
if (![persons, associations, measures].every((n) => Number.isInteger(n) && n > 0) || measures < persons) {
  console.error(
    "--associations, --persons et --measures sont des entiers positifs, au moins une mesure par personne.",
  );
  process.exit(2);
}

const database = databaseUrl
  ? await openPostgres(databaseUrl, { max: 2 })
  : await openPglite(path.join(dataDir ?? "", "pgdata"));
try {
  const t0 = performance.now();
  await database.migrate();
  await ensureReferenceData(database.db);
  if (!(await isEmpty(database.db))) {
    console.error(
      "La base contient déjà des associations : utilisez une base vide (createdb, ou un DATA_DIR neuf).",
    );
    process.exit(2);
  }
  console.log(
    `schéma et référentiels (${database.kind}) : ${((performance.now() - t0) / 1000).toFixed(1)} s ; ` +
      `${associations} associations, ${persons} personnes, ${measures} mesures`,
  );
  const password = demoPassword(process.env.DEMO_PASSWORD ?? null);
  const result = await generateScaleData(database.db, {
    associations,
    persons,
    measures,
    password,
    today: todayInParis(),
    log: (line) => console.log(line),
  });
  const largest = result.plans[0];
  console.log(
    `total ${result.seconds.toFixed(1)} s. Plus grande association : ${(largest?.pTo ?? 0) - (largest?.pFrom ?? 1) + 1} personnes, ` +
      `${largest?.open} mesures en cours, ${largest?.staff} intervenant·es.`,
  );
  console.log(
    `Comptes : intervenant@demo.parcours.fr, chef@demo.parcours.fr, direction@demo.parcours.fr` +
      (process.env.DEMO_PASSWORD ? " (mot de passe : DEMO_PASSWORD)" : ` ; mot de passe : ${password}`),
  );
} finally {
  await database.close();
}
