import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { and, eq } from "drizzle-orm";
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
import { knowledgeTestAttempts, knowledgeTestQuestions } from "./tables.ts";

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const INES = "intervenant@demo.parcours.fr";
const SOPHIE = "intervenant.adultes@demo.parcours.fr";
const BRUNO = "chef@demo.parcours.fr";
const FORMATION = "formation@demo.parcours.fr";

for (const engine of engines()) {
  describe(`knowledge tests (${engine})`, () => {
    let ctx: TestContext;
    const today = todayInParis();
    const clients = new Map<string, Client>();
    const id = (email: string) => ctx.accounts.users[email]?.id ?? "";
    async function as(email: string): Promise<Client> {
      const known = clients.get(email);
      if (known) return known;
      const client = await loggedIn(ctx.app, email);
      clients.set(email, client);
      return client;
    }

    let trainingId = "";
    let endedSession = "";
    let upcomingSession = "";

    before(async () => {
      ctx = await startTestApp(engine);
      const formation = await as(FORMATION);
      const created = await formation.post("/formation/formations/nouvelle", {
        code: "TC04",
        title: "Posture professionnelle et éthique de l'intervention",
        category: "TC",
        durationDays: "2",
        countsForCisj: "1",
      });
      trainingId = location(created).split("/").pop() ?? "";
      const ended = await formation.post(`/formation/formations/${trainingId}/sessions/nouvelle`, {
        startsOn: addDays(today, -3),
        endsOn: addDays(today, -2),
        place: "Paris",
        capacity: "10",
      });
      endedSession = location(ended).split("/").pop() ?? "";
      const upcoming = await formation.post(`/formation/formations/${trainingId}/sessions/nouvelle`, {
        startsOn: addDays(today, 20),
        endsOn: addDays(today, 21),
        place: "Paris",
        capacity: "10",
      });
      upcomingSession = location(upcoming).split("/").pop() ?? "";
      for (const email of [INES, SOPHIE, BRUNO]) {
        await formation.post(`/formation/sessions/${endedSession}/inscription`, {
          traineeId: id(email),
          funding: "plan_competences",
        });
      }
      await (await as(INES)).post(`/formation/sessions/${upcomingSession}/inscription`, {
        funding: "plan_competences",
      });
    });
    after(() => ctx.close());

    async function enrolmentOf(sessionId: string, email: string) {
      const [row] = await ctx.database.db
        .select()
        .from(enrolments)
        .where(and(eq(enrolments.sessionId, sessionId), eq(enrolments.traineeId, id(email))));
      if (!row) throw new Error("no enrolment");
      return row;
    }

    test("the training service writes the test one question at a time, with French errors", async () => {
      const formation = await as(FORMATION);
      const url = `/formation/formations/${trainingId}/test`;
      const page = await formation.get(url);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Le test ne contient encore aucune question/);
      const bad = await formation.post(url, { choice1: "Au magistrat mandant", correct: "2" });
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /Saisissez l&#39;énoncé de la question|Saisissez l'énoncé de la question/);
      assert.match(bad.body, /Saisissez au moins 2 réponses possibles/);
      assert.match(bad.body, /Une réponse cochée comme bonne est vide/);
      assert.match(bad.body, /value="Au magistrat mandant"/);
      const noRight = await formation.post(url, { prompt: "Question ?", choice1: "Oui", choice2: "Non" });
      assert.equal(noRight.statusCode, 422);
      assert.match(noRight.body, /Cochez au moins une bonne réponse/);

      const first = await formation.post(url, {
        prompt: "À qui l'intervenant rend-il compte de la mesure ?",
        choice1: "Au magistrat mandant",
        choice2: "À la victime",
        choice3: "Au maire",
        correct: "0",
      });
      assert.equal(first.statusCode, 303);
      const second = await formation.post(url, {
        prompt: "Quelles attitudes conviennent en entretien ?",
        choice1: "Écouter sans juger",
        choice3: "Distinguer les faits de leur interprétation",
        choice4: "Promettre une issue favorable",
        correct: ["0", "2"],
      });
      assert.equal(second.statusCode, 303);
      const questions = await ctx.database.db.select().from(knowledgeTestQuestions);
      assert.equal(questions.length, 2);
      const multi = questions.find((q) => q.position === 2);
      assert.deepEqual(multi?.choices, [
        "Écouter sans juger",
        "Distinguer les faits de leur interprétation",
        "Promettre une issue favorable",
      ]);
      assert.deepEqual(multi?.correct, [0, 1], "right answers renumbered after the empty choice");
      const written = await formation.get(url);
      assert.match(written.body, /Questions \(2\)/);
      const training = await formation.get(`/formation/formations/${trainingId}`);
      assert.match(training.body, /2 questions/);

      const ines = await as(INES);
      assert.equal((await ines.get(url)).statusCode, 403);
      assert.equal(
        (await ines.post(url, { prompt: "x", choice1: "a", choice2: "b", correct: "0" })).statusCode,
        403,
      );
    });

    test("a trainee takes the test in the browser form: scored on submit, stored, validation recomputed", async () => {
      const ines = await as(INES);
      const enrolment = await enrolmentOf(endedSession, INES);
      const url = `/formation/inscriptions/${enrolment.id}/test`;
      const mine = await ines.get("/formation/mes-inscriptions");
      assert.match(mine.body, new RegExp(`href="${url}"`));
      const page = await ines.get(url);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /type="radio"/);
      assert.match(page.body, /type="checkbox"/);
      assert.match(page.body, /Plusieurs réponses possibles/);

      const [q1, q2] = (await ctx.database.db.select().from(knowledgeTestQuestions)).sort(
        (a, b) => a.position - b.position,
      );
      const partial = await ines.post(url, { [`q-${q1?.id}`]: "0" });
      assert.equal(partial.statusCode, 422);
      assert.match(partial.body, /Répondez à la question 2/);
      assert.match(partial.body, /value="0" checked/);
      assert.equal((await enrolmentOf(endedSession, INES)).testScore, null);

      const res = await ines.post(url, { [`q-${q1?.id}`]: "0", [`q-${q2?.id}`]: ["0", "1"] });
      assert.equal(res.statusCode, 303);
      const result = await ines.get(location(res));
      assert.match(
        result.body,
        /Test enregistré : 2 bonnes réponses sur 2, soit 100 %. La formation est validée./,
      );
      assert.match(result.body, /Validée \(test ≥ 50 %\)/);
      const stored = await enrolmentOf(endedSession, INES);
      assert.equal(stored.testScore, 100);
      assert.equal(stored.validated, true);
      assert.equal(stored.validationBasis, "test");
      assert.equal(stored.validatedOn, addDays(today, -2));

      const again = await ines.post(url, { [`q-${q1?.id}`]: "1", [`q-${q2?.id}`]: "0" });
      assert.equal(again.statusCode, 409);
      assert.match(
        again.body,
        /Vous avez déjà passé ce test. Un nouvel essai n&#39;est possible que si le service Formation l&#39;autorise|Vous avez déjà passé ce test. Un nouvel essai n'est possible que si le service Formation l'autorise/,
      );
      const attempts = await ctx.database.db
        .select()
        .from(knowledgeTestAttempts)
        .where(eq(knowledgeTestAttempts.enrolmentId, enrolment.id));
      assert.equal(attempts.length, 1);

      // The training service allows a retake: half the questions right is exactly 50 %, which validates.
      const formation = await as(FORMATION);
      const results = await formation.get(`/formation/sessions/${endedSession}/resultats`);
      assert.match(results.body, /Autoriser un nouvel essai pour Inès Martin/);
      assert.match(results.body, /value="100"/, "the score of the online test fills the results form");
      assert.equal(
        (await ines.post(`/formation/inscriptions/${enrolment.id}/nouvel-essai`, {})).statusCode,
        403,
      );
      const allow = await formation.post(`/formation/inscriptions/${enrolment.id}/nouvel-essai`, {});
      assert.equal(allow.statusCode, 303);
      assert.match((await formation.get(location(allow))).body, /Nouvel essai autorisé/);
      const retake = await ines.post(url, { [`q-${q1?.id}`]: "0", [`q-${q2?.id}`]: "0" });
      assert.equal(retake.statusCode, 303);
      const retaken = await enrolmentOf(endedSession, INES);
      assert.equal(retaken.testScore, 50);
      assert.equal(retaken.validated, true);
      const third = await ines.post(url, { [`q-${q1?.id}`]: "0", [`q-${q2?.id}`]: ["0", "1"] });
      assert.equal(third.statusCode, 409, "the retake is used up");

      // A wrong second attempt after another retake leaves the training not validated.
      await formation.post(`/formation/inscriptions/${enrolment.id}/nouvel-essai`, {});
      const failed = await ines.post(url, { [`q-${q1?.id}`]: "1", [`q-${q2?.id}`]: "0" });
      assert.equal(failed.statusCode, 303);
      assert.match((await ines.get(location(failed))).body, /Le score est inférieur à 50 %/);
      assert.equal((await enrolmentOf(endedSession, INES)).validated, false);
    });

    test("only the trainee takes their test, and only once the session has ended", async () => {
      const sophie = await as(SOPHIE);
      const ines = await as(INES);
      const formation = await as(FORMATION);
      const inesEnrolment = await enrolmentOf(endedSession, INES);
      assert.equal((await sophie.get(`/formation/inscriptions/${inesEnrolment.id}/test`)).statusCode, 404);
      assert.equal((await formation.get(`/formation/inscriptions/${inesEnrolment.id}/test`)).statusCode, 403);
      const attemptsBefore = (await ctx.database.db.select().from(knowledgeTestAttempts)).length;
      const forged = await sophie.post(`/formation/inscriptions/${inesEnrolment.id}/test`, {});
      assert.equal(forged.statusCode, 404);
      assert.equal((await ctx.database.db.select().from(knowledgeTestAttempts)).length, attemptsBefore);

      const upcoming = await enrolmentOf(upcomingSession, INES);
      const early = await ines.get(`/formation/inscriptions/${upcoming.id}/test`);
      assert.equal(early.statusCode, 200);
      assert.match(early.body, /Le test sera ouvert à la fin de la session/);
      assert.doesNotMatch(early.body, /Envoyer mes réponses/);
      const forcedEarly = await ines.post(`/formation/inscriptions/${upcoming.id}/test`, {});
      assert.equal(forcedEarly.statusCode, 409);
    });

    test("a trainee may refuse the test: the training is not validated and the test closes", async () => {
      const bruno = await as(BRUNO);
      const enrolment = await enrolmentOf(endedSession, BRUNO);
      const page = await bruno.get(`/formation/inscriptions/${enrolment.id}`);
      assert.match(page.body, /Je refuse de passer le test/);
      assert.match(page.body, /Passer le test/);
      const res = await bruno.post(`/formation/inscriptions/${enrolment.id}/refus-test`, {});
      assert.equal(res.statusCode, 303);
      const after = await bruno.get(location(res));
      assert.match(after.body, /Non validée \(refus du test\)/);
      const stored = await enrolmentOf(endedSession, BRUNO);
      assert.equal(stored.testRefused, true);
      assert.equal(stored.validated, false);
      const closed = await bruno.get(`/formation/inscriptions/${enrolment.id}/test`);
      assert.match(closed.body, /Vous avez refusé de passer ce test/);
      const twice = await bruno.post(`/formation/inscriptions/${enrolment.id}/refus-test`, {});
      assert.equal(twice.statusCode, 409);
      const other = await (await as(SOPHIE)).post(`/formation/inscriptions/${enrolment.id}/refus-test`, {});
      assert.equal(other.statusCode, 404);
    });

    test("the training service removes a question", async () => {
      const formation = await as(FORMATION);
      const [question] = await ctx.database.db.select().from(knowledgeTestQuestions);
      const url = `/formation/formations/${trainingId}/test/questions/${question?.id}/suppression`;
      assert.equal((await (await as(INES)).post(url, {})).statusCode, 403);
      const res = await formation.post(url, {});
      assert.equal(res.statusCode, 303);
      assert.equal((await ctx.database.db.select().from(knowledgeTestQuestions)).length, 1);
      assert.equal((await formation.post(url, {})).statusCode, 404);
    });
  });
}
