import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  type Client,
  closeMeasure,
  engines,
  location,
  loggedIn,
  startTestApp,
  type TestContext,
} from "../../test/support.ts";
import { addCalendarDays } from "../deadlines/rules.ts";
import { todayInParis } from "../platform/request-context.ts";

for (const engine of engines()) {
  describe(`caseload (${engine})`, () => {
    let ctx: TestContext;
    const today = todayInParis();
    const id = (email: string) => ctx.accounts.users[email]?.id ?? "";

    async function addMeasure(
      client: Client,
      name: string,
      referent: string,
      due: string,
      typeCode = "cjse",
    ) {
      const person = location(
        await client.post("/personnes/nouvelle", { lastName: name, firstName: "Test" }),
      );
      const res = await client.post(`${person}/mesures/nouvelle`, {
        typeCode,
        magistrateFunction: "Juge d'instruction",
        courtId: "tj33063",
        decisionDate: addCalendarDays(today, -30),
        receivedDate: addCalendarDays(today, -29),
        referentId: id(referent),
        reportDueDate: due,
      });
      assert.equal(res.statusCode, 303);
      return location(res);
    }

    before(async () => {
      ctx = await startTestApp(engine);
      const direction = await loggedIn(ctx.app, "direction@demo.parcours.fr");
      await addMeasure(direction, "Dansdixjours", "intervenant@demo.parcours.fr", addCalendarDays(today, 10));
      await addMeasure(direction, "Enretard", "intervenant@demo.parcours.fr", addCalendarDays(today, -3));
      await addMeasure(
        direction,
        "Aujourdhui",
        "intervenant@demo.parcours.fr",
        today,
        "enquete_personnalite",
      );
      await addMeasure(
        direction,
        "Collegue",
        "intervenant.adultes@demo.parcours.fr",
        addCalendarDays(today, 5),
      );
      await addMeasure(
        direction,
        "Mineurs",
        "intervenant.mineurs@demo.parcours.fr",
        addCalendarDays(today, 5),
      );
      const closed = await addMeasure(
        direction,
        "Cloturee",
        "intervenant@demo.parcours.fr",
        addCalendarDays(today, 1),
      );
      const res = await closeMeasure(direction, closed, today);
      assert.equal(res.statusCode, 303);
    });
    after(() => ctx.close());

    test("an intervenant sees their own open measures, overdue first, with the days remaining", async () => {
      const client = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      const res = await client.get("/");
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Mes mesures en cours/);
      const order = ["ENRETARD", "AUJOURDHUI", "DANSDIXJOURS"].map((n) => res.body.indexOf(n));
      assert.ok(
        order.every((i) => i > 0),
        "all three measures are listed",
      );
      assert.deepEqual(
        [...order].sort((a, b) => a - b),
        order,
        "overdue first, then by deadline",
      );
      assert.match(res.body, /En retard de 3 j/);
      assert.match(res.body, /Aujourd’hui|Aujourd'hui/);
      assert.doesNotMatch(res.body, /COLLEGUE|CLOTUREE/);
      assert.match(res.body, /3 mesures en cours/);
    });

    test("filters by type and status", async () => {
      const client = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      const res = await client.get("/?typeCode=enquete_personnalite");
      const table = res.body.split('aria-label="Filtrer les mesures"')[1] ?? "";
      assert.match(table, /AUJOURDHUI/);
      assert.doesNotMatch(table, /ENRETARD/);
      const none = await client.get("/?status=rapport_remis");
      assert.match(none.body, /Aucune mesure en cours ne correspond/);
    });

    test("a chef de service sees the team of their service and filters by référent", async () => {
      const client = await loggedIn(ctx.app, "chef@demo.parcours.fr");
      const res = await client.get("/");
      assert.match(res.body, /Mesures de l'équipe|Mesures de l&#39;équipe/);
      assert.match(res.body, /COLLEGUE/);
      assert.match(res.body, /ENRETARD/);
      assert.doesNotMatch(res.body, /MINEURS/, "another service's measures are not the chef's team");
      const filtered = await client.get(`/?referentId=${id("intervenant.adultes@demo.parcours.fr")}`);
      assert.match(filtered.body, /COLLEGUE/);
      assert.doesNotMatch(filtered.body, /ENRETARD/);
    });

    test("the direction sees the whole association; another association sees none of it", async () => {
      const direction = await loggedIn(ctx.app, "direction@demo.parcours.fr");
      const res = await direction.get("/");
      assert.match(res.body, /MINEURS/);
      assert.match(res.body, /5 mesures en cours/);
      const other = await loggedIn(ctx.app, "intervenant2@demo.parcours.fr");
      const theirs = await other.get("/");
      assert.match(theirs.body, /0 mesure en cours/);
    });

    test("pagination keeps the filters", async () => {
      const direction = await loggedIn(ctx.app, "direction@demo.parcours.fr");
      const page2 = await direction.get("/?page=2&typeCode=cjse");
      assert.equal(page2.statusCode, 200);
    });
  });
}
