import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import net from "node:net";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import pg from "pg";
import { engines, loggedIn, startTestApp, TEST_PASSWORD, type TestContext } from "../../test/support.ts";
import { seedDemoAccounts } from "../demo/accounts.ts";
import { ensureReferenceData } from "../reference/load.ts";
import { buildApp } from "./app.ts";
import { loadConfig } from "./config.ts";
import { type Database, openPostgres, queryRows } from "./db.ts";
import { errorForLog, isDatabaseUnavailable } from "./log-safety.ts";

describe("what an error leaves in the logs", () => {
  test("a failed query's SQL, parameters and message are not kept; its codes and frames are", () => {
    const cause = Object.assign(new Error('invalid input syntax for type uuid: "Zébulonix"'), {
      code: "22P02",
      table: "persons",
    });
    const error = Object.assign(
      new Error("Failed query: insert into persons values ($1, $2)\nparams: Zébulonix,1984-02-29"),
      { query: "insert into persons values ($1, $2)", params: ["Zébulonix", "1984-02-29"], cause },
    );
    const logged = JSON.stringify(errorForLog(error));
    assert.doesNotMatch(logged, /Zébulonix|1984-02-29|insert into/);
    const parsed = errorForLog(error);
    assert.equal(parsed.cause?.sqlState, "22P02");
    assert.equal(parsed.cause?.table, "persons");
    assert.match(parsed.stack, /^\s+at /);
  });

  const cases: [string, unknown, boolean][] = [
    ["a terminated backend (57P01)", Object.assign(new Error("x"), { code: "57P01" }), true],
    ["a refused connection", Object.assign(new Error("x"), { code: "ECONNREFUSED" }), true],
    ["a lost socket", new Error("Connection terminated unexpectedly"), true],
    [
      "wrapped by Drizzle",
      Object.assign(new Error("Failed query"), { cause: new Error("Connection terminated") }),
      true,
    ],
    ["a unique violation", Object.assign(new Error("duplicate"), { code: "23505" }), false],
    ["a programming error", new TypeError("x is undefined"), false],
  ];
  for (const [name, error, unavailable] of cases) {
    test(`${name}: ${unavailable ? "database unavailable (503)" : "not a connection problem"}`, () => {
      assert.equal(isDatabaseUnavailable(error), unavailable);
    });
  }
});

for (const engine of engines()) {
  describe(`no personal data in the logs, headers of private pages (${engine})`, () => {
    let ctx: TestContext;
    const lines: string[] = [];
    before(async () => {
      ctx = await startTestApp(engine, {
        logStream: { write: (line) => lines.push(line) },
        logLevel: "info",
      });
      // A rule of the database that refuses this one name: the insert fails inside PostgreSQL.
      await ctx.database.db.execute(
        sql.raw("alter table persons add constraint test_refuse_name check (last_name <> 'Zébulonix')"),
      );
    });
    after(() => ctx.close());

    test("a database error on a form logs its code and route, none of the typed values", async () => {
      const client = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      lines.length = 0;
      const typed = {
        lastName: "Zébulonix",
        firstName: "Hortensia",
        birthPlace: "Quimperlé-Plage",
        addressLine: "12 rue de l'Exemple-Cachée",
        birthDate: "14/07/1983",
      };
      const res = await client.post("/personnes/nouvelle", typed);
      assert.equal(res.statusCode, 500);
      assert.match(res.body, /Erreur interne/);
      const log = lines.join("");
      assert.match(log, /unhandled error/);
      assert.match(log, /23514/, "the SQLSTATE of the check violation is logged");
      assert.match(log, /"route":"\/personnes\/nouvelle"/);
      for (const value of [...Object.values(typed), "1983-07-14", "Failed query", "params"]) {
        assert.ok(!log.includes(value), `the log must not contain « ${value} »`);
      }
      const saved = await queryRows<{ n: number }>(
        ctx.database.db,
        sql`select count(*)::int as n from persons where first_name = 'Hortensia'`,
      );
      assert.equal(saved[0]?.n, 0, "nothing was saved");
    });

    test("every private page and API answer says no-store; static files may be cached", async () => {
      const client = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      for (const url of ["/", "/personnes", "/agenda"]) {
        const res = await client.get(url);
        assert.equal(res.statusCode, 200, url);
        assert.equal(res.headers["cache-control"], "no-store", url);
      }
      const api = await client.json("GET", "/api/v1/persons");
      assert.equal(api.headers["cache-control"], "no-store");
      const css = await client.get("/static/css/parcours.css");
      assert.equal(css.statusCode, 200);
      assert.match(String(css.headers["cache-control"]), /max-age=3600/);
    });

    test("the content security policy allows fonts from this site only", async () => {
      const res = await ctx.app.inject({ method: "GET", url: "/connexion" });
      const csp = String(res.headers["content-security-policy"]);
      const fontSrc = /font-src ([^;]+)/.exec(csp)?.[1];
      assert.equal(fontSrc, "'self'");
    });
  });
}

describe("listening address", () => {
  test("the embedded default listens on this machine only; HOST opens it", () => {
    assert.equal(loadConfig({ NODE_ENV: "test" }).host, "127.0.0.1");
    assert.equal(loadConfig({ NODE_ENV: "test", HOST: "0.0.0.0" }).host, "0.0.0.0");
  });
});

/** A TCP relay to the test server that can be cut and restored, as a failing network would. */
class Relay {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  port = 0;
  constructor(private readonly target: { host: string; port: number }) {}

  async start(port = 0) {
    const server = net.createServer((socket) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [socket, upstream]) {
        this.sockets.add(s);
        s.on("close", () => this.sockets.delete(s));
        s.on("error", () => s.destroy());
      }
      socket.pipe(upstream).pipe(socket);
      socket.on("close", () => upstream.destroy());
      upstream.on("close", () => socket.destroy());
    });
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  async stop() {
    for (const s of this.sockets) s.destroy();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

const baseUrl = process.env.TEST_DATABASE_URL;
if (baseUrl) {
  describe("a lost database connection never stops the server (postgres)", () => {
    const name = `parcours_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: baseUrl });
    const target = new URL(baseUrl);
    const relay = new Relay({ host: target.hostname, port: Number(target.port || 5432) });
    let database: Database;
    let app: Awaited<ReturnType<typeof buildApp>>;

    before(async () => {
      await admin.connect();
      await admin.query(`create database ${name}`);
      await relay.start();
      const url = new URL(baseUrl);
      url.pathname = `/${name}`;
      url.hostname = "127.0.0.1";
      url.port = String(relay.port);
      database = await openPostgres(url.toString(), {
        max: 6,
        connectionTimeoutMillis: 2000,
      });
      await database.migrate();
      await ensureReferenceData(database.db);
      await seedDemoAccounts(database.db, TEST_PASSWORD);
      app = await buildApp({
        config: { ...loadConfig({ NODE_ENV: "test" }), cookieSecure: false },
        database,
      });
      await app.ready();
    });
    after(async () => {
      await app.close();
      await database.close();
      await relay.stop();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    });

    test("20 times, every backend is terminated during a burst of requests: 503 at worst, then 200", async () => {
      const client = await loggedIn(app, "intervenant@demo.parcours.fr");
      const statuses = new Map<number, number>();
      let terminated = 0;
      for (let round = 0; round < 20; round++) {
        const burst = Array.from({ length: 12 }, (_, i) =>
          client.get(["/", "/personnes", "/agenda", "/partenaires"][i % 4] ?? "/"),
        );
        await new Promise((resolve) => setTimeout(resolve, round % 5));
        const killed = await admin.query(
          "select count(*) filter (where pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
          [name],
        );
        terminated += Number(killed.rows[0]?.n ?? 0);
        for (const res of await Promise.all(burst)) {
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          assert.ok([200, 503].includes(res.statusCode), `round ${round}: ${res.statusCode}`);
          if (res.statusCode === 503) assert.match(res.body, /La base de données ne répond pas/);
        }
        // The next request is served, without a restart.
        const next = await client.get("/");
        assert.equal(next.statusCode, 200, `round ${round}: the next request`);
      }
      assert.ok((statuses.get(200) ?? 0) > 0);
      // No connection was kept by a request that failed: every open one is back in the pool.
      const state = database.poolState?.();
      assert.ok(state);
      assert.equal(state.idle, state.total, "no connection leaked");
      assert.equal(state.waiting, 0);
      assert.ok(terminated >= 20, `backends were terminated (${terminated})`);
    });

    test("/healthz says 503 while the database cannot be reached and 200 again after", async () => {
      assert.equal((await app.inject({ method: "GET", url: "/healthz" })).statusCode, 200);
      const port = relay.port;
      await relay.stop();
      const down = await app.inject({ method: "GET", url: "/healthz" });
      assert.equal(down.statusCode, 503);
      assert.equal(down.json().status, "unavailable");
      const page = await app.inject({ method: "GET", url: "/connexion" });
      assert.ok(page.statusCode < 500 || page.statusCode === 503);
      await relay.start(port);
      const up = await app.inject({ method: "GET", url: "/healthz" });
      assert.equal(up.statusCode, 200);
      assert.equal(up.json().status, "ok");
    });
  });
}
