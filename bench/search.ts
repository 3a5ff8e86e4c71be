/**
 * Search speed on the demo data: `npm run bench:search`. Prints the median and the 95th percentile
 * of the search query (target: under 50 ms). Runs on PGlite, or on DATABASE_URL when set.
 */
import { performance } from "node:perf_hooks";
import { seedDemo } from "../src/demo/seed.ts";
import { openPglite, openPostgres, withTenant } from "../src/platform/db.ts";
import { ensureReferenceData } from "../src/reference/load.ts";
import { searchPersons } from "../src/search/queries.ts";
import { parseSearch } from "../src/search/rules.ts";

const database = process.env.DATABASE_URL
  ? await openPostgres(process.env.DATABASE_URL)
  : await openPglite(null);
await database.migrate();
await ensureReferenceData(database.db);
const accounts = await seedDemo(database.db, "bench-password");
const userId = accounts.users["intervenant@demo.parcours.fr"]?.id ?? "";
const ctx = { userId, associationId: accounts.associationIds.gironde };
const queries = [
  "Lefevre",
  "lefèvre chloe",
  "Lefebvre",
  "N'Diaye",
  "le goff",
  "2026-0012",
  "12/03/1990",
  "Zzyzx",
  "moreau",
  "Da Silva",
];
const timings: number[] = [];
for (let round = 0; round < 30; round++) {
  for (const q of queries) {
    const start = performance.now();
    await withTenant(database.db, ctx, (tx) => searchPersons(tx, parseSearch(q)));
    timings.push(performance.now() - start);
  }
}
timings.sort((a, b) => a - b);
const at = (p: number) => timings[Math.min(timings.length - 1, Math.floor(p * timings.length))]?.toFixed(1);
console.log(
  `search on the demo data (${database.kind}, ${timings.length} queries): median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms (target < 50 ms)`,
);
await database.close();
