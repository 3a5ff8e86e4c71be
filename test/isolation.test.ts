import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { queryRows, withTenant } from "../src/platform/db.ts";
import { engines, location, loggedIn, startTestApp, type TestContext } from "./support.ts";

/**
 * Association isolation (RGPD art. 10): a user of one association can reach nothing of another's
 * people, through any route, and PostgreSQL itself returns no row under the other association's setting.
 */
const PERSONAL_ROUTE = /^\/(personnes|mesures|rendez-vous|fichiers)\/:|^\/api\/v1\/(persons|measures)\/:/;
// Tables whose rows change on every request whatever the outcome (sessions) or by design (login attempts).
const IGNORED_TABLES = new Set(["sessions", "login_attempts"]);

async function rowCounts(ctx: TestContext): Promise<Record<string, number>> {
  const tables = await queryRows<{ table_name: string }>(
    ctx.database.db,
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    if (IGNORED_TABLES.has(table_name) || table_name.startsWith("__drizzle")) continue;
    const [row] = await queryRows<{ n: number }>(
      ctx.database.db,
      sql.raw(`select count(*)::int as n from "${table_name}"`),
    );
    counts[table_name] = row?.n ?? 0;
  }
  return counts;
}

for (const engine of engines()) {
  describe(`isolation between associations (${engine})`, () => {
    let ctx: TestContext;
    let personId = "";
    let measureId = "";
    before(async () => {
      ctx = await startTestApp(engine);
      const owner = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      personId =
        location(await owner.post("/personnes/nouvelle", { lastName: "Secret", firstName: "Dossier" }))
          .split("/")
          .pop() ?? "";
      const me = ctx.accounts.users["intervenant@demo.parcours.fr"]?.id ?? "";
      const res = await owner.post(`/personnes/${personId}/mesures/nouvelle`, {
        typeCode: "cjse",
        magistrateFunction: "Juge d'instruction",
        courtId: "tj33063",
        decisionDate: "2026-10-01",
        receivedDate: "2026-10-02",
        referentId: me,
      });
      measureId = location(res).split("/").pop() ?? "";
      assert.match(measureId, /^[0-9a-f-]{36}$/);
    });
    after(() => ctx.close());

    test("every person and measure route answers 404 to another association and writes nothing", async () => {
      const intruder = await loggedIn(ctx.app, "intervenant2@demo.parcours.fr");
      const routes = ctx.app.routeList.filter(
        (r) => PERSONAL_ROUTE.test(r.url) && ["GET", "POST"].includes(r.method),
      );
      assert.ok(routes.length >= 8, `only ${routes.length} personal routes found`);
      const before = await rowCounts(ctx);
      let validatedFirst = 0;
      for (const route of routes) {
        const url = route.url
          .replace(
            /:id(?=\/|$|\.)/,
            route.url.startsWith("/personnes") || route.url.includes("/persons/") ? personId : measureId,
          )
          .replace(/:[A-Za-z]+/g, "00000000-0000-4000-8000-000000000000");
        const res =
          route.method === "GET"
            ? await intruder.get(url)
            : await intruder.post(url, {
                lastName: "Intrus",
                firstName: "Test",
                to: "cloturee",
                on: "2026-11-01",
                typeCode: "cjse",
              });
        assert.doesNotMatch(res.body, /SECRET|Secret/, `${route.method} ${url} leaked the name`);
        if (route.method === "POST" && route.url.startsWith("/api/") && res.statusCode === 422) {
          // The API checks a body against its schema before looking for the record: the same answer for
          // an id that exists nowhere, so the refusal tells nothing about the other association's data.
          const nowhere = url.replace(
            /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
            randomUUID(),
          );
          const other = await intruder.post(nowhere, {
            lastName: "Intrus",
            firstName: "Test",
            to: "cloturee",
            on: "2026-11-01",
            typeCode: "cjse",
          });
          assert.equal(other.statusCode, 422);
          assert.equal(other.body, res.body, `${route.method} ${url} answers differently for a real id`);
          validatedFirst++;
          continue;
        }
        assert.equal(res.statusCode, 404, `${route.method} ${url} answered ${res.statusCode}`);
      }
      // Nothing is written but one "accès refusé" row per request in the access log, without the ids asked for.
      const { audit_log: refusals = 0, ...after } = await rowCounts(ctx);
      const { audit_log: audited = 0, ...unchanged } = before;
      assert.deepEqual(after, unchanged);
      assert.equal(refusals - audited, routes.length - validatedFirst);
      const leaks = await queryRows<{ n: number }>(
        ctx.database.db,
        sql`select count(*)::int as n from audit_log where action = 'acces_refuse'
            and (to_jsonb(audit_log)::text like ${`%${personId}%`} or to_jsonb(audit_log)::text like ${`%${measureId}%`})`,
      );
      assert.equal(leaks[0]?.n, 0);
    });

    test("under the other association's setting, PostgreSQL returns no row of the first", async () => {
      const gironde = ctx.accounts.associationIds.gironde;
      const moselle = ctx.accounts.associationIds.moselle;
      const userId = ctx.accounts.users["intervenant2@demo.parcours.fr"]?.id ?? "";
      const seen = await withTenant(ctx.database.db, { userId, associationId: moselle }, async (tx) => {
        const persons = await queryRows(tx, sql`select id from persons where id = ${personId}`);
        const measures = await queryRows(tx, sql`select id from measures where id = ${measureId}`);
        const [all] = await queryRows<{ n: number }>(
          tx,
          sql`select count(*)::int as n from persons where association_id = ${gironde}`,
        );
        return { persons: persons.length, measures: measures.length, all: all?.n };
      });
      assert.deepEqual(seen, { persons: 0, measures: 0, all: 0 });
      const own = await withTenant(
        ctx.database.db,
        { userId, associationId: gironde },
        async (tx) => (await queryRows(tx, sql`select id from persons where id = ${personId}`)).length,
      );
      assert.equal(own, 1);
    });

    test("the application role cannot write a row for another association nor bypass the policy", async () => {
      const moselle = ctx.accounts.associationIds.moselle;
      const gironde = ctx.accounts.associationIds.gironde;
      const userId = ctx.accounts.users["intervenant2@demo.parcours.fr"]?.id ?? "";
      await assert.rejects(
        withTenant(ctx.database.db, { userId, associationId: moselle }, (tx) =>
          tx.execute(
            sql`insert into persons (association_id, last_name, first_name) values (${gironde}, 'Injecté', 'Faux')`,
          ),
        ),
        (error: Error & { cause?: Error }) =>
          /row-level security/.test(`${error.message} ${error.cause?.message ?? ""}`),
      );
      const role = await withTenant(
        ctx.database.db,
        { userId, associationId: moselle },
        async (tx) =>
          (
            await queryRows<{ rolsuper: boolean; rolbypassrls: boolean }>(
              tx,
              sql`select rolsuper, rolbypassrls from pg_roles where rolname = current_user`,
            )
          )[0],
      );
      assert.deepEqual({ ...role }, { rolsuper: false, rolbypassrls: false });
    });

    test("the federation's roles see no person at all", async () => {
      const userId = ctx.accounts.users["federation@demo.parcours.fr"]?.id ?? "";
      const n = await withTenant(
        ctx.database.db,
        { userId, associationId: null },
        async (tx) => (await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from persons`))[0]?.n,
      );
      assert.equal(n, 0);
      const client = await loggedIn(ctx.app, "federation@demo.parcours.fr");
      assert.equal((await client.get(`/personnes/${personId}`)).statusCode, 403);
      const api = await client.json("GET", `/api/v1/persons/${personId}`);
      assert.equal(api.statusCode, 403);
    });
  });
}
