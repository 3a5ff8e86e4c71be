/**
 * `npm run bench:pages`: the daily pages under load, side by side with their own SQL. On the data of
 * `npm run bench:data` (DATABASE_URL, or DATA_DIR for PGlite; DEMO_PASSWORD), the app is started in this
 * process on 127.0.0.1:0; for each role (intervenant, chef de service, direction) and page (caseload `/`,
 * `/equipe`, a measure, a person, the search, the agenda) autocannon sends requests on 10 connections for
 * BENCH_DURATION seconds (10 by default); then every SQL statement that one request of that page sent
 * (recorded through Drizzle's logger) is replayed for as long, on 10 connections of the `pg` driver (or on
 * PGlite's one connection), without the app. A bare Fastify route gives the HTTP ceiling. One line per page:
 * `page=caseload role=intervenant app_rps=86.1 app_p95_ms=242 raw_rps=212.9 raw_p95_ms=70.6 ratio=0.40`.
 */
import path from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import Fastify from "fastify";
import pg from "pg";
import { buildApp } from "../src/platform/app.ts";
import { loadConfig } from "../src/platform/config.ts";
import { type Database, openPglite, openPostgres, queryRows } from "../src/platform/db.ts";

const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = 10;
const password = process.env.DEMO_PASSWORD;
const databaseUrl = process.env.DATABASE_URL ?? null;
if (!password || (!databaseUrl && !process.env.DATA_DIR)) {
  console.error("Indiquez DEMO_PASSWORD et DATABASE_URL ou DATA_DIR (les données de npm run bench:data).");
  process.exit(2);
}
const database: Database = databaseUrl
  ? await openPostgres(databaseUrl, { max: 10 })
  : await openPglite(path.join(process.env.DATA_DIR ?? "", "pgdata"));

/**
 * Statements sent through Drizzle while `recording` is set: one request, sent once the requests of the
 * previous load have ended (see settle()).
 */
let recording: { text: string; params: unknown[] }[] | null = null;
const session = (database.db as unknown as { session: { logger: unknown; options: { logger?: unknown } } })
  .session;
const logger = {
  logQuery: (text: string, params: unknown[]) => recording?.push({ text, params }),
};
session.logger = logger;
session.options.logger = logger;

const app = await buildApp({
  config: { ...loadConfig({ NODE_ENV: "test" }), cookieSecure: false, logLevel: "warn" },
  database,
});
const address = await app.listen({ host: "127.0.0.1", port: 0 });

async function login(email: string): Promise<string> {
  const form = await app.inject({ method: "GET", url: "/connexion" });
  const cookie = String(form.headers["set-cookie"] ?? "").split(";")[0] ?? "";
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? "";
  const res = await app.inject({
    method: "POST",
    url: "/connexion",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams({ email, password: password ?? "", _csrf: csrf }).toString(),
  });
  if (res.statusCode !== 303) throw new Error(`connexion refusée pour ${email} (${res.statusCode})`);
  return String(res.headers["set-cookie"] ?? "").split(";")[0] ?? "";
}

const p95 = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))] ?? 0;
};

async function load(url: string, headers: Record<string, string>) {
  const latencies: number[] = [];
  let failed = 0;
  // Without a callback autocannon returns its instance, which is also a promise of the result.
  const instance = autocannon({
    url: `${address}${url}`,
    connections,
    duration,
    headers,
  }) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>;
  instance.on("response", (_client: unknown, status: number, _bytes: number, time: number) => {
    if (status === 200) latencies.push(time);
    else failed++;
  });
  await instance;
  return { rps: latencies.length / duration, p95: p95(latencies), failed };
}

/** Replays the recorded statements in a loop on `connections` connections for `duration` seconds. */
async function replay(statements: { text: string; params: unknown[] }[]) {
  const latencies: number[] = [];
  const until = performance.now() + duration * 1000;
  if (databaseUrl) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
    await Promise.all(
      Array.from({ length: connections }, async () => {
        const client = await pool.connect();
        try {
          while (performance.now() < until) {
            const t0 = performance.now();
            for (const s of statements) await client.query(s.text, s.params);
            latencies.push(performance.now() - t0);
          }
        } finally {
          client.release();
        }
      }),
    );
    await pool.end();
  } else {
    // PGlite has one connection: its statements run one transaction at a time, as the app's do.
    const client = (database.db as unknown as { $client: import("@electric-sql/pglite").PGlite }).$client;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < until) {
          const t0 = performance.now();
          await client.transaction(async (tx) => {
            for (const s of statements) await tx.query(s.text, s.params);
          });
          latencies.push(performance.now() - t0);
        }
      }),
    );
  }
  return { rps: latencies.length / duration, p95: p95(latencies) };
}

interface Target {
  page: string;
  url: string;
}

async function targets(email: string, role: string): Promise<Target[]> {
  const [m] = await queryRows<{ id: string; person_id: string; last_name: string }>(
    database.db,
    sql`select m.id, m.person_id, p.last_name from measures m join users u on u.id = m.referent_id
        join persons p on p.id = m.person_id
        where u.email = ${role === "intervenant" ? email : "intervenant@demo.parcours.fr"} and m.status <> 'cloturee'
        order by m.number limit 1`,
  );
  if (!m) throw new Error("aucune mesure en cours : lancez d'abord npm run bench:data");
  return [
    { page: "caseload", url: "/" },
    ...(role === "intervenant" ? [] : [{ page: "team", url: "/equipe" }]),
    { page: "measure", url: `/mesures/${m.id}` },
    { page: "person", url: `/personnes/${m.person_id}` },
    { page: "search", url: `/recherche?q=${encodeURIComponent(m.last_name.toLowerCase())}` },
    { page: "agenda", url: "/agenda" },
  ];
}

try {
  const bare = Fastify();
  bare.get("/", async () => "ok");
  const bareAddress = await bare.listen({ host: "127.0.0.1", port: 0 });
  const bareResult = await autocannon({ url: bareAddress, connections, duration });
  await bare.close();
  console.log(
    `# ${database.kind}, ${connections} connexions, ${duration} s par mesure ; route Fastify nue : ` +
      `${bareResult.requests.average.toFixed(0)} req/s, p97.5 ${bareResult.latency.p97_5} ms`,
  );
  for (const [email, role] of [
    ["intervenant@demo.parcours.fr", "intervenant"],
    ["chef@demo.parcours.fr", "chef_service"],
    ["direction@demo.parcours.fr", "direction"],
  ] as const) {
    const cookie = await login(email);
    for (const t of await targets(email, role)) {
      const statements: { text: string; params: unknown[] }[] = [];
      recording = statements;
      const once = await app.inject({
        method: "GET",
        url: t.url,
        headers: { cookie, "accept-encoding": "br" },
      });
      recording = null;
      if (once.statusCode !== 200) throw new Error(`${t.url} : ${once.statusCode}`);
      const a = await load(t.url, { cookie });
      // Requests queued when autocannon stopped still run: let them end before the replay and the next recording.
      await new Promise((resolve) => setTimeout(resolve, Math.max(1000, 3 * a.p95)));
      const r = await replay(statements);
      console.log(
        `page=${t.page} role=${role} app_rps=${a.rps.toFixed(1)} app_p95_ms=${a.p95.toFixed(0)} ` +
          `raw_rps=${r.rps.toFixed(1)} raw_p95_ms=${r.p95.toFixed(1)} ratio=${(a.rps / r.rps).toFixed(2)}` +
          ` statements=${statements.length} br_bytes=${once.rawPayload.length}${a.failed ? ` failed=${a.failed}` : ""}`,
      );
    }
  }
} finally {
  await app.close();
  await database.close();
}
