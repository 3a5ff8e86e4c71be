import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { engines, location, loggedIn, startTestApp, type TestContext } from "../../test/support.ts";
import { addCalendarDays, startOfIsoWeek } from "../deadlines/rules.ts";
import { todayInParis } from "../platform/request-context.ts";

for (const engine of engines()) {
  describe(`deadlines of the week and late ones (${engine})`, () => {
    let ctx: TestContext;
    const today = todayInParis();
    const sunday = addCalendarDays(startOfIsoWeek(today), 6);
    before(async () => {
      ctx = await startTestApp(engine);
      const direction = await loggedIn(ctx.app, "direction@demo.parcours.fr");
      const add = async (name: string, referent: string, due: string) => {
        const person = location(
          await direction.post("/personnes/nouvelle", { lastName: name, firstName: "Test" }),
        );
        const res = await direction.post(`${person}/mesures/nouvelle`, {
          typeCode: "cjse",
          magistrateFunction: "Juge d'instruction",
          courtId: "tj33063",
          decisionDate: addCalendarDays(today, -40),
          receivedDate: addCalendarDays(today, -40),
          referentId: ctx.accounts.users[referent]?.id ?? "",
          reportDueDate: due,
        });
        assert.equal(res.statusCode, 303);
      };
      await add("Tardif", "intervenant@demo.parcours.fr", addCalendarDays(today, -2));
      await add("Semaine", "intervenant.adultes@demo.parcours.fr", sunday);
      await add("Lointain", "intervenant@demo.parcours.fr", addCalendarDays(sunday, 1));
      await add("Autreservice", "intervenant.mineurs@demo.parcours.fr", addCalendarDays(today, -1));
    });
    after(() => ctx.close());

    test("a chef de service sees the late and this week's reports of their team only", async () => {
      const chef = await loggedIn(ctx.app, "chef@demo.parcours.fr");
      const res = await chef.get("/equipe");
      assert.equal(res.statusCode, 200);
      const [late, week] = res.body.split("<h2>Cette semaine</h2>");
      assert.match(late ?? "", /TARDIF/);
      assert.match(week ?? "", /SEMAINE/);
      assert.doesNotMatch(res.body, /LOINTAIN/);
      assert.doesNotMatch(res.body, /AUTRESERVICE/);
      assert.match(
        res.body,
        /1 échéance en retard, 1 d'ici au dimanche|1 échéance en retard, 1 d&#39;ici au dimanche/,
      );
    });

    test("the direction sees the whole association and filters by référent", async () => {
      const direction = await loggedIn(ctx.app, "direction@demo.parcours.fr");
      assert.match((await direction.get("/equipe")).body, /AUTRESERVICE/);
      const one = await direction.get(
        `/equipe?referentId=${ctx.accounts.users["intervenant.adultes@demo.parcours.fr"]?.id}`,
      );
      assert.match(one.body, /SEMAINE/);
      assert.doesNotMatch(one.body, /TARDIF/);
    });

    test("a proof missing past its due date is late, the next one expected this week is listed", async () => {
      const direction = await loggedIn(ctx.app, "direction@demo.parcours.fr");
      const person = location(
        await direction.post("/personnes/nouvelle", { lastName: "Justif", firstName: "Test" }),
      );
      const measure = location(
        await direction.post(`${person}/mesures/nouvelle`, {
          typeCode: "cjse",
          magistrateFunction: "Juge d'instruction",
          courtId: "tj33063",
          decisionDate: addCalendarDays(today, -40),
          receivedDate: addCalendarDays(today, -40),
          referentId: ctx.accounts.users["intervenant.adultes@demo.parcours.fr"]?.id ?? "",
          reportDueDate: addCalendarDays(sunday, 30),
        }),
      );
      await direction.get(`${measure}/obligations/nouvelle`);
      const res = await direction.post(`${measure}/obligations/nouvelle`, {
        source: "liste",
        statutoryCode: "cpp138-10",
        startDate: addCalendarDays(today, -40),
        proofRequired: "1",
        firstProofDue: addCalendarDays(today, -10),
        proofIntervalDays: "10",
      });
      assert.equal(res.statusCode, 303, res.body.slice(0, 300));
      const page = await direction.get("/equipe");
      const [late, week] = page.body.split("<h2>Cette semaine</h2>");
      assert.match(late ?? "", /Justificatif manquant/);
      assert.match(late ?? "", /JUSTIF Test/);
      const nextDue = addCalendarDays(today, 0);
      if (nextDue <= sunday) assert.match(week ?? "", /Justificatif attendu/);
    });

    test("the intervenant's caseload sums up their late and this week's deadlines", async () => {
      const client = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      const res = await client.get("/");
      assert.match(res.body, /1 échéance en retard, 0 cette\s+semaine/);
      assert.match(res.body, /Rapport à remettre<\/a> – TARDIF Test/);
      assert.equal((await client.get("/equipe")).statusCode, 403);
    });
  });
}
