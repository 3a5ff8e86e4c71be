import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { engines, loggedIn, startTestApp, type TestContext } from "../../test/support.ts";

for (const engine of engines()) {
  describe(`JSON API /api/v1 (${engine})`, () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await startTestApp(engine);
    });
    after(() => ctx.close());

    test("creates a person and a measure, reads them back, and lists the caseload", async () => {
      const client = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      const created = await client.json("POST", "/api/v1/persons", {
        lastName: "Api",
        firstName: "Élise",
        birthDate: "1990-03-27",
      });
      assert.equal(created.statusCode, 201, created.body);
      const person = created.json() as { id: string; lastName: string };
      assert.equal(person.lastName, "Api");
      const me = ctx.accounts.users["intervenant@demo.parcours.fr"]?.id ?? "";
      const measure = await client.json("POST", `/api/v1/persons/${person.id}/measures`, {
        typeCode: "mediation_penale",
        magistrateFunction: "Procureur de la République",
        courtId: "tj33063",
        decisionDate: "2026-10-01",
        receivedDate: "2026-10-02",
        referentId: me,
      });
      assert.equal(measure.statusCode, 201, measure.body);
      const m = measure.json() as { id: string; number: string; reportDueDate: string };
      assert.match(m.number, /^2026-\d{4}$/);
      assert.match(m.reportDueDate, /^\d{4}-\d{2}-\d{2}$/);
      const read = await client.json("GET", `/api/v1/measures/${m.id}`);
      assert.equal(read.statusCode, 200);
      const list = await client.json("GET", "/api/v1/caseload");
      assert.equal((list.json() as { total: number }).total, 1);
    });

    test("a likely duplicate is answered first (409 listing it), created only when confirmed", async () => {
      const client = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      const first = await client.json("POST", "/api/v1/persons", {
        lastName: "Le Bihan-Kervella",
        firstName: "Maëlys",
        birthDate: "1987-05-09",
      });
      assert.equal(first.statusCode, 201, first.body);
      const { id } = first.json() as { id: string };
      const again = { lastName: "Kervella Le Bihan", firstName: "Maelys", birthDate: "1987-05-09" };
      const refused = await client.json("POST", "/api/v1/persons", again);
      assert.equal(refused.statusCode, 409, refused.body);
      const problem = refused.json() as { title: string; duplicates: { id: string; firstName: string }[] };
      assert.equal(problem.title, "Doublon possible");
      assert.deepEqual(
        problem.duplicates.map((d) => [d.id, d.firstName]),
        [[id, "Maëlys"]],
      );
      const listed = await client.json("GET", "/api/v1/persons?q=kervella");
      assert.equal((listed.json() as { total: number }).total, 1, "nothing created");

      const confirmed = await client.json("POST", "/api/v1/persons", { ...again, confirmDuplicate: true });
      assert.equal(confirmed.statusCode, 201, confirmed.body);
      assert.equal((await client.json("GET", "/api/v1/persons?q=kervella")).json().total, 2);
      // Another association never sees this person as a duplicate.
      const other = await loggedIn(ctx.app, "intervenant2@demo.parcours.fr");
      assert.equal((await other.json("POST", "/api/v1/persons", again)).statusCode, 201);
    });

    test("invalid input gets a problem document with a French message per field", async () => {
      const client = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      const res = await client.json("POST", "/api/v1/persons", { firstName: "", birthDate: "2026-02-30" });
      assert.equal(res.statusCode, 422);
      assert.match(String(res.headers["content-type"]), /application\/problem\+json/);
      const problem = res.json() as { status: number; errors: { field: string; message: string }[] };
      assert.equal(problem.status, 422);
      const message = (field: string) => problem.errors.find((e) => e.field === field)?.message;
      assert.equal(message("lastName"), "Saisissez le nom de naissance");
      assert.equal(message("birthDate"), "La date de naissance doit être une vraie date");
    });

    test("an unknown or foreign record is a 404 problem, a missing login a 401 problem, a missing CSRF header a 403", async () => {
      const other = await loggedIn(ctx.app, "intervenant2@demo.parcours.fr");
      const res = await other.json("GET", "/api/v1/persons/00000000-0000-4000-8000-000000000000");
      assert.equal(res.statusCode, 404);
      assert.equal((res.json() as { title: string }).title, "Page introuvable");
      const anonymous = await ctx.app.inject({ method: "GET", url: "/api/v1/caseload" });
      assert.equal(anonymous.statusCode, 401);
      const client = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      client.csrf = "";
      const noCsrf = await client.json("POST", "/api/v1/persons", { lastName: "X", firstName: "Y" });
      assert.equal(noCsrf.statusCode, 403);
    });

    test("the OpenAPI document describes the routes from their schemas", async () => {
      const res = await ctx.app.inject({ method: "GET", url: "/api/v1/openapi.json" });
      assert.equal(res.statusCode, 200);
      const doc = res.json() as { openapi: string; paths: Record<string, unknown> };
      assert.match(doc.openapi, /^3\./);
      assert.ok(doc.paths["/api/v1/persons"]);
      assert.ok(doc.paths["/api/v1/persons/{id}/measures"]);
    });
  });
}
