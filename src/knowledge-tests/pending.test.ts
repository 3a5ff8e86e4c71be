import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import {
  type Client,
  engines,
  location,
  loggedIn,
  startTestApp,
  type TestContext,
} from "../../test/support.ts";
import { todayInParis } from "../platform/request-context.ts";
import { enrolments } from "../training/tables.ts";

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const frenchDate = (iso: string) => iso.split("-").reverse().join("/");

const INES = "intervenant@demo.parcours.fr";
const FORMATION = "formation@demo.parcours.fr";

for (const engine of engines()) {
  describe(`what a trainee and the training service expect (${engine})`, () => {
    let ctx: TestContext;
    let formation: Client;
    let ines: Client;
    const today = todayInParis();
    let sessionId = "";
    let trainingId = "";

    before(async () => {
      ctx = await startTestApp(engine);
      formation = await loggedIn(ctx.app, FORMATION);
      ines = await loggedIn(ctx.app, INES);
      const created = await formation.post("/formation/formations/nouvelle", {
        code: "TC09",
        title: "Le cadre pénal de l'intervention",
        category: "TC",
        durationDays: "2",
        countsForCisj: "1",
      });
      trainingId = location(created).split("/").pop() ?? "";
      const session = await formation.post(`/formation/formations/${trainingId}/sessions/nouvelle`, {
        startsOn: addDays(today, -30),
        endsOn: addDays(today, -29),
        place: "Lyon",
        capacity: "10",
      });
      sessionId = location(session).split("/").pop() ?? "";
    });
    after(() => ctx.close());

    test("the training service sets the enrolment date of a past session; a date after the session is refused", async () => {
      const inesId = ctx.accounts.users[INES]?.id ?? "";
      await formation.get(`/formation/sessions/${sessionId}`);
      const late = await formation.post(`/formation/sessions/${sessionId}/inscription`, {
        traineeId: inesId,
        funding: "plan_competences",
        enrolledOn: frenchDate(addDays(today, -5)),
      });
      assert.equal(late.statusCode, 422);
      assert.match(
        late.body,
        new RegExp(
          `La date d(&#39;|')inscription ne peut pas suivre la fin de la session \\(le ${frenchDate(addDays(today, -29))}\\)`,
        ),
      );
      const enrolledOn = addDays(today, -45);
      const ok = await formation.post(`/formation/sessions/${sessionId}/inscription`, {
        traineeId: inesId,
        funding: "plan_competences",
        enrolledOn: frenchDate(enrolledOn),
      });
      assert.equal(ok.statusCode, 303, ok.body);
      const page = await formation.get(`/formation/sessions/${sessionId}`);
      assert.match(page.body, new RegExp(`<td[^>]*>${frenchDate(enrolledOn)}</td>`));
    });

    test("a pending knowledge test shows on the trainee's home page and on « Mon parcours CISJ »", async () => {
      const before = await ines.get("/");
      assert.doesNotMatch(before.body, /test de connaissances à passer/, "no question yet: no test to take");
      await formation.get(`/formation/formations/${trainingId}/test`);
      const question = await formation.post(`/formation/formations/${trainingId}/test`, {
        prompt: "Qui ordonne la mesure ?",
        choice1: "Le magistrat",
        choice2: "L'association",
        correct: "0",
      });
      assert.equal(question.statusCode, 303);
      const [enrolment] = await ctx.database.db
        .select({ id: enrolments.id })
        .from(enrolments)
        .where(eq(enrolments.sessionId, sessionId));
      const link = `href="/formation/inscriptions/${enrolment?.id}/test"`;
      for (const url of ["/", "/formation/parcours"]) {
        const page = await ines.get(url);
        assert.equal(page.statusCode, 200);
        assert.match(page.body, /1 test de connaissances à passer/, url);
        assert.match(
          page.body,
          new RegExp(
            `TC09 – Le cadre pénal de l(&#39;|')intervention \\(session terminée le ${frenchDate(addDays(today, -29))}\\)`,
          ),
          url,
        );
        assert.ok(page.body.includes(link), url);
      }
      const form = await ines.get(`/formation/inscriptions/${enrolment?.id}/test`);
      const field = /name="(q-[0-9a-f-]{36})"/.exec(form.body)?.[1] ?? "";
      const taken = await ines.post(`/formation/inscriptions/${enrolment?.id}/test`, { [field]: "0" });
      assert.equal(taken.statusCode, 303, taken.body);
      for (const url of ["/", "/formation/parcours"]) {
        const page = await ines.get(url);
        assert.doesNotMatch(page.body, /test de connaissances à passer/, `${url} after the test`);
      }
    });
  });
}
