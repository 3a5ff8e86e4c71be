import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { and, eq } from "drizzle-orm";
import {
  type Client,
  engines,
  freshDatabase,
  location,
  loggedIn,
  startTestApp,
  type TestContext,
} from "../../test/support.ts";
import { seedDemo } from "../demo/seed.ts";
import type { Database } from "../platform/db.ts";
import { todayInParis } from "../platform/request-context.ts";
import { trainingStatisticsRows, validatedTrainingsOf } from "./queries.ts";
import { cisjProgress, trainingStatistics } from "./rules.ts";
import { enrolments } from "./tables.ts";

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const INES = "intervenant@demo.parcours.fr";
const SOPHIE = "intervenant.adultes@demo.parcours.fr";
const KARIM = "intervenant.mineurs@demo.parcours.fr";
const BRUNO = "chef@demo.parcours.fr";
const THOMAS = "intervenant2@demo.parcours.fr";
const FORMATION = "formation@demo.parcours.fr";

for (const engine of engines()) {
  describe(`training pages (${engine})`, () => {
    let ctx: TestContext;
    const today = todayInParis();
    const id = (email: string) => ctx.accounts.users[email]?.id ?? "";
    const clients = new Map<string, Client>();
    /** One logged-in client per account (logins are throttled). */
    async function as(email: string): Promise<Client> {
      const known = clients.get(email);
      if (known) return known;
      const client = await loggedIn(ctx.app, email);
      clients.set(email, client);
      return client;
    }

    before(async () => {
      ctx = await startTestApp(engine);
    });
    after(() => ctx.close());

    let codeCounter = 0;
    async function newTraining(fields: Record<string, string> = {}): Promise<string> {
      const formation = await as(FORMATION);
      codeCounter += 1;
      const res = await formation.post("/formation/formations/nouvelle", {
        code: `T${String(codeCounter).padStart(2, "0")}`,
        title: `Formation essai ${codeCounter}`,
        category: "TC",
        durationDays: "3",
        countsForCisj: "1",
        ...fields,
      });
      assert.equal(res.statusCode, 303, res.body.slice(0, 1500));
      return location(res).split("/").pop() ?? "";
    }

    async function newSession(trainingId: string, fields: Record<string, string> = {}): Promise<string> {
      const formation = await as(FORMATION);
      const res = await formation.post(`/formation/formations/${trainingId}/sessions/nouvelle`, {
        startsOn: addDays(today, 30),
        endsOn: addDays(today, 32),
        place: "Bordeaux",
        trainers: "Mme Exemple",
        capacity: "12",
        ...fields,
      });
      assert.equal(res.statusCode, 303, res.body.slice(0, 1500));
      return location(res).split("/").pop() ?? "";
    }

    async function enrolmentOf(sessionId: string, email: string) {
      const [row] = await ctx.database.db
        .select()
        .from(enrolments)
        .where(and(eq(enrolments.sessionId, sessionId), eq(enrolments.traineeId, id(email))));
      return row;
    }

    test("the training service adds a training; a wrong length is refused in French and values are kept", async () => {
      const formation = await as(FORMATION);
      const form = await formation.get("/formation/formations/nouvelle");
      assert.equal(form.statusCode, 200);
      const bad = await formation.post("/formation/formations/nouvelle", {
        code: "TC99",
        title: "L'écrit professionnel au magistrat",
        category: "TC",
        durationDays: "7",
      });
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /<title>Erreur : Ajouter une formation/);
      assert.match(bad.body, /Une formation du certificat dure de 2 à 6 jours/);
      assert.match(bad.body, /value="TC99"/);
      assert.match(bad.body, /L&#39;écrit professionnel au magistrat|L'écrit professionnel au magistrat/);
      const none = await formation.post("/formation/formations/nouvelle", { durationDays: "1" });
      assert.equal(none.statusCode, 422);
      assert.match(none.body, /Saisissez le code de la formation/);
      assert.match(none.body, /Choisissez la catégorie de la formation/);

      const ok = await formation.post("/formation/formations/nouvelle", {
        code: "tc99",
        title: "L'écrit professionnel au magistrat",
        category: "TC",
        durationDays: "2",
        objectives: "Rédiger un rapport utile à la décision.",
        countsForCisj: "1",
      });
      assert.equal(ok.statusCode, 303);
      const page = await formation.get(location(ok));
      assert.match(page.body, /TC99/);
      assert.match(page.body, /2 jours – 14 h/);
      assert.match(page.body, /Compte pour le certificat/);

      const duplicate = await formation.post("/formation/formations/nouvelle", {
        code: "TC99",
        title: "Autre",
        category: "TR",
        durationDays: "2",
      });
      assert.equal(duplicate.statusCode, 422);
      assert.match(duplicate.body, /Le code TC99 est déjà celui de la formation/);

      const trainingId = location(ok).split("/").pop() ?? "";
      const edit = await formation.post(`/formation/formations/${trainingId}/modifier`, {
        code: "TC99",
        title: "L'écrit professionnel au magistrat",
        category: "TC",
        durationDays: "6",
        hours: "40",
      });
      assert.equal(edit.statusCode, 303);
      const edited = await formation.get(`/formation/formations/${trainingId}`);
      assert.match(edited.body, /6 jours – 40 h/);
      assert.match(edited.body, /Ne compte pas pour le certificat/);
    });

    test("an intervenant sees the catalogue by category but cannot manage it", async () => {
      await newTraining({ code: "MSJ42", title: "La médiation pénale", category: "MSJ", durationDays: "5" });
      const ines = await as(INES);
      const page = await ines.get("/formation");
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Tronc commun \(TC\)/);
      assert.match(page.body, /Mesure socio-judiciaire \(MSJ\)/);
      assert.match(page.body, /MSJ42 – La médiation pénale/);
      assert.match(page.body, /5 jours – 35 h/);
      assert.match(page.body, /href="\/formation\/mes-inscriptions"/);
      assert.doesNotMatch(page.body, /Ajouter une formation/);
      assert.equal((await ines.get("/formation/formations/nouvelle")).statusCode, 403);
      const post = await ines.post("/formation/formations/nouvelle", {
        code: "X01",
        title: "X",
        category: "TC",
        durationDays: "2",
      });
      assert.equal(post.statusCode, 403);
      const federation = await as("federation@demo.parcours.fr");
      assert.equal((await federation.get("/formation")).statusCode, 403);
    });

    test("a session needs an end after its start, a place or « à distance », and at least one place", async () => {
      const trainingId = await newTraining();
      const formation = await as(FORMATION);
      const url = `/formation/formations/${trainingId}/sessions/nouvelle`;
      assert.equal((await formation.get(url)).statusCode, 200);
      const bad = await formation.post(url, {
        startsOn: "12/03/2027",
        endsOn: "10/03/2027",
        capacity: "0",
        trainers: "M. Exemple",
      });
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /La date de fin doit être postérieure ou égale à la date de début/);
      assert.match(bad.body, /Indiquez le lieu de la session ou cochez « À distance »/);
      assert.match(
        bad.body,
        /La capacité doit être un nombre entier d&#39;au moins 1 place|La capacité doit être un nombre entier d'au moins 1 place/,
      );
      assert.match(bad.body, /value="M. Exemple"/);
      const remote = await formation.post(url, {
        startsOn: addDays(today, 40),
        endsOn: addDays(today, 40),
        distance: "1",
        capacity: "2",
      });
      assert.equal(remote.statusCode, 303);
      const page = await formation.get(location(remote));
      assert.match(page.body, /À distance/);
      assert.match(page.body, /2 places libres/);
      const catalogue = await formation.get("/formation");
      assert.match(catalogue.body, new RegExp(location(remote)));
      const title = `Formation essai ${codeCounter}`;
      assert.match(
        catalogue.body,
        new RegExp(`${title}</a>(?:(?!</tr>).)*<td class="num">1</td>`, "s"),
        "one upcoming session",
      );
      const training = await formation.get(`/formation/formations/${trainingId}`);
      assert.match(training.body, /0 \/ 2/);
    });

    test("enrolment: CPF refused, double enrolment refused, waiting list when full, promotion on cancellation", async () => {
      const trainingId = await newTraining();
      const sessionId = await newSession(trainingId, { capacity: "2" });
      const url = `/formation/sessions/${sessionId}`;

      const ines = await as(INES);
      const page = await ines.get(url);
      assert.match(page.body, /M&#39;inscrire|M'inscrire/);
      const cpf = await ines.post(`${url}/inscription`, { funding: "cpf" });
      assert.equal(cpf.statusCode, 422);
      assert.match(cpf.body, /n&#39;est pas finançable par le CPF|n'est pas finançable par le CPF/);
      assert.equal(await enrolmentOf(sessionId, INES), undefined);
      const noFunding = await ines.post(`${url}/inscription`, {});
      assert.equal(noFunding.statusCode, 422);
      assert.match(noFunding.body, /Choisissez le financement de la formation/);

      const ok = await ines.post(`${url}/inscription`, { funding: "plan_competences" });
      assert.equal(ok.statusCode, 303);
      const after = await ines.get(location(ok));
      assert.match(after.body, /Votre inscription est enregistrée/);
      assert.match(after.body, /Vous êtes inscrit·e à cette session/);
      const twice = await ines.post(`${url}/inscription`, { funding: "plan_competences" });
      assert.equal(twice.statusCode, 409);
      assert.match(twice.body, /Vous êtes déjà inscrit·e à cette session/);

      const sophie = await as(SOPHIE);
      assert.equal((await sophie.post(`${url}/inscription`, { funding: "france_travail" })).statusCode, 303);
      const bruno = await as(BRUNO);
      const waiting = await bruno.post(`${url}/inscription`, { funding: "fonds_personnels" });
      assert.equal(waiting.statusCode, 303);
      const brunoPage = await bruno.get(url);
      assert.match(brunoPage.body, /liste d&#39;attente, en position 1|liste d'attente, en position 1/);
      assert.equal((await enrolmentOf(sessionId, BRUNO))?.status, "liste_attente");
      assert.match(
        (await bruno.get("/formation/mes-inscriptions")).body,
        /Liste d&#39;attente \(position 1\)|Liste d'attente \(position 1\)/,
      );

      const direction = await as("direction@demo.parcours.fr");
      const directionPage = await direction.get(url);
      assert.match(directionPage.body, /Inscrire un·e salarié·e/);
      assert.doesNotMatch(directionPage.body, /Schmitt/, "staff of another association are not offered");
      const other = await direction.post(`${url}/inscription`, {
        traineeId: id(THOMAS),
        funding: "plan_competences",
      });
      assert.equal(other.statusCode, 422);
      assert.match(other.body, /Choisissez un·e salarié·e de votre association dans la liste/);
      assert.equal(await enrolmentOf(sessionId, THOMAS), undefined);
      const karim = await direction.post(`${url}/inscription`, {
        traineeId: id(KARIM),
        funding: "plan_competences",
      });
      assert.equal(karim.statusCode, 303);
      const karimFlash = await direction.get(url);
      assert.match(
        karimFlash.body,
        /Karim Benali est inscrit·e sur la liste d&#39;attente, en position 2|Karim Benali est inscrit·e sur la liste d'attente, en position 2/,
      );
      const again = await direction.post(`${url}/inscription`, {
        traineeId: id(KARIM),
        funding: "plan_competences",
      });
      assert.equal(again.statusCode, 409);
      assert.match(again.body, /Karim Benali est déjà inscrit·e à cette session/);

      const formation = await as(FORMATION);
      assert.match((await formation.get(`/formation/formations/${trainingId}`)).body, /2 \/ 2/);
      const list = await formation.get("/formation/inscriptions");
      assert.match(list.body, /Liste d&#39;attente \(position 2\)|Liste d'attente \(position 2\)/);
      const full = await formation.get(url);
      assert.match(full.body, /Liste d&#39;attente|Liste d'attente/);
      assert.match(full.body, /Bruno Garnier/);
      assert.match(
        full.body,
        /Complet – 2 personnes en liste d&#39;attente|Complet – 2 personnes en liste d'attente/,
      );

      // Inès cancels: Bruno, first of the waiting list, gets her place; Karim moves up.
      const mine = await enrolmentOf(sessionId, INES);
      const cancel = await ines.post(`/formation/inscriptions/${mine?.id}/annulation`, {});
      assert.equal(cancel.statusCode, 303);
      const cancelled = await ines.get(location(cancel));
      assert.match(
        cancelled.body,
        /La première personne de la liste d&#39;attente a obtenu la place|La première personne de la liste d'attente a obtenu la place/,
      );
      assert.equal((await enrolmentOf(sessionId, INES))?.status, "annule");
      assert.equal((await enrolmentOf(sessionId, BRUNO))?.status, "inscrit");
      assert.equal((await enrolmentOf(sessionId, KARIM))?.status, "liste_attente");
      const karimView = await (await as(KARIM)).get(url);
      assert.match(karimView.body, /en position 1/);

      // Inès can enrol again: the session is full, she goes to the end of the waiting list.
      const back = await ines.post(`${url}/inscription`, { funding: "plan_competences" });
      assert.equal(back.statusCode, 303);
      assert.equal((await enrolmentOf(sessionId, INES))?.status, "liste_attente");

      // The training service raises the capacity: the waiting list moves in, in order.
      const raise = await formation.post(`${url}/modifier`, {
        startsOn: addDays(today, 30),
        endsOn: addDays(today, 32),
        place: "Bordeaux",
        capacity: "3",
      });
      assert.equal(raise.statusCode, 303);
      assert.equal((await enrolmentOf(sessionId, KARIM))?.status, "inscrit");
      assert.equal((await enrolmentOf(sessionId, INES))?.status, "liste_attente");
      const shrink = await formation.post(`${url}/modifier`, {
        startsOn: addDays(today, 30),
        endsOn: addDays(today, 32),
        place: "Bordeaux",
        capacity: "1",
      });
      assert.equal(shrink.statusCode, 422);
      assert.match(
        shrink.body,
        /La capacité ne peut pas être inférieure au nombre d&#39;inscrits \(3\)|La capacité ne peut pas être inférieure au nombre d'inscrits \(3\)/,
      );
    });

    test("two enrolments for the last place: only one gets it", async () => {
      const trainingId = await newTraining();
      const sessionId = await newSession(trainingId, { capacity: "1" });
      const url = `/formation/sessions/${sessionId}/inscription`;
      const [a, b] = [await as(INES), await as(SOPHIE)];
      await Promise.all([
        a.post(url, { funding: "plan_competences" }),
        b.post(url, { funding: "plan_competences" }),
      ]);
      const statuses = [
        (await enrolmentOf(sessionId, INES))?.status,
        (await enrolmentOf(sessionId, SOPHIE))?.status,
      ];
      assert.deepEqual(statuses.sort(), ["inscrit", "liste_attente"]);
    });

    test("who sees an enrolment: the trainee, their direction, the training service; nobody else", async () => {
      const trainingId = await newTraining();
      const sessionId = await newSession(trainingId);
      const ines = await as(INES);
      await ines.post(`/formation/sessions/${sessionId}/inscription`, { funding: "plan_competences" });
      const thomas = await as(THOMAS);
      await thomas.post(`/formation/sessions/${sessionId}/inscription`, { funding: "plan_competences" });
      const enrolment = await enrolmentOf(sessionId, INES);
      const enrolmentUrl = `/formation/inscriptions/${enrolment?.id}`;

      assert.equal((await ines.get(enrolmentUrl)).statusCode, 200);
      const mine = await ines.get("/formation/mes-inscriptions");
      assert.match(mine.body, new RegExp(enrolmentUrl));
      const sessionPage = await ines.get(`/formation/sessions/${sessionId}`);
      assert.doesNotMatch(sessionPage.body, /Schmitt/, "an intervenant does not see the other trainees");

      assert.equal((await (await as(SOPHIE)).get(enrolmentUrl)).statusCode, 404);
      assert.equal((await thomas.get(enrolmentUrl)).statusCode, 404);
      assert.equal((await thomas.get(`${enrolmentUrl}/test`)).statusCode, 404);
      const tamper = await thomas.post(`${enrolmentUrl}/annulation`, {});
      assert.equal(tamper.statusCode, 404);
      assert.equal((await enrolmentOf(sessionId, INES))?.status, "inscrit", "nothing written");
      assert.equal((await ines.get(`/formation/sessions/${sessionId}/resultats`)).statusCode, 403);
      assert.equal((await ines.get("/formation/inscriptions")).statusCode, 403);

      const direction = await as("direction@demo.parcours.fr");
      assert.equal((await direction.get(enrolmentUrl)).statusCode, 200);
      const team = await direction.get("/formation/inscriptions");
      assert.match(team.body, /Inès Martin/);
      assert.doesNotMatch(team.body, /Thomas Schmitt/);
      const directionSession = await direction.get(`/formation/sessions/${sessionId}`);
      assert.match(directionSession.body, /Inès Martin/);
      assert.doesNotMatch(directionSession.body, /Thomas Schmitt/);

      const direction2 = await as("direction2@demo.parcours.fr");
      assert.equal((await direction2.get(enrolmentUrl)).statusCode, 404);
      assert.equal((await direction2.post(`${enrolmentUrl}/annulation`, {})).statusCode, 404);
      assert.equal((await enrolmentOf(sessionId, INES))?.status, "inscrit");

      const formation = await as(FORMATION);
      assert.equal((await formation.get(enrolmentUrl)).statusCode, 200);
      const all = await formation.get("/formation/inscriptions");
      assert.match(all.body, /Inès Martin/);
      assert.match(all.body, /Thomas Schmitt/);
    });

    test("results: 49,9 % does not validate, 50 % does; a refusal; an équivalence needs its reason", async () => {
      const trainingId = await newTraining();
      const sessionId = await newSession(trainingId, { startsOn: "2024-03-11", endsOn: "2024-03-13" });
      const formation = await as(FORMATION);
      for (const email of [INES, SOPHIE, BRUNO]) {
        const res = await formation.post(`/formation/sessions/${sessionId}/inscription`, {
          traineeId: id(email),
          funding: "plan_competences",
        });
        assert.equal(res.statusCode, 303);
      }
      const [ines, sophie, bruno] = [
        await enrolmentOf(sessionId, INES),
        await enrolmentOf(sessionId, SOPHIE),
        await enrolmentOf(sessionId, BRUNO),
      ];
      const url = `/formation/sessions/${sessionId}/resultats`;
      const page = await formation.get(url);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Score d'Inès Martin au test/);

      const bad = await formation.post(url, {
        [`attendance-${ines?.id}`]: "120",
        [`score-${ines?.id}`]: "49,9",
        [`score-${sophie?.id}`]: "60",
        [`refused-${sophie?.id}`]: "1",
        [`equivalence-${bruno?.id}`]: "1",
      });
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /Saisissez un taux de présence entre 0 et 100/);
      assert.match(bad.body, /Indiquez soit le score au test, soit le refus du test, pas les deux/);
      assert.match(
        bad.body,
        /Indiquez le motif de l&#39;équivalence accordée|Indiquez le motif de l'équivalence accordée/,
      );
      assert.match(bad.body, /value="120"/);
      assert.match(bad.body, /value="49,9"/);
      assert.equal((await enrolmentOf(sessionId, INES))?.testScore, null, "nothing saved");

      const below = await formation.post(url, {
        [`attendance-${ines?.id}`]: "100",
        [`score-${ines?.id}`]: "49,9",
        [`attendance-${sophie?.id}`]: "100",
        [`refused-${sophie?.id}`]: "1",
        [`equivalence-${bruno?.id}`]: "1",
        [`reason-${bruno?.id}`]: "Diplôme d'État d'assistant de service social",
      });
      assert.equal(below.statusCode, 303);
      const saved = await formation.get(url);
      assert.match(saved.body, /Non validée \(test &lt; 50 %\)/);
      assert.match(saved.body, /Non validée \(refus du test\)/);
      assert.match(saved.body, /Validée \(équivalence\)/);
      const inesBelow = await enrolmentOf(sessionId, INES);
      assert.equal(inesBelow?.testScore, 49.9);
      assert.equal(inesBelow?.validated, false);
      assert.equal((await enrolmentOf(sessionId, SOPHIE))?.testRefused, true);
      assert.equal((await enrolmentOf(sessionId, BRUNO))?.validationBasis, "equivalence");

      const exact = await formation.post(url, {
        [`attendance-${ines?.id}`]: "100",
        [`score-${ines?.id}`]: "50",
      });
      assert.equal(exact.statusCode, 303);
      const inesExact = await enrolmentOf(sessionId, INES);
      assert.equal(inesExact?.validated, true);
      assert.equal(inesExact?.validationBasis, "test");
      assert.equal(inesExact?.validatedOn, "2024-03-13");
      const mine = await (await as(INES)).get("/formation/mes-inscriptions");
      assert.match(mine.body, /Validée \(test ≥ 50 %\)/);

      const trainings = await validatedTrainingsOf(ctx.database.db, id(INES));
      const item = trainings.find((t) => t.trainingId === trainingId);
      assert.deepEqual(
        item && { validated: item.validated, validatedOn: item.validatedOn, category: item.category },
        { validated: true, validatedOn: "2024-03-13", category: "TC" },
      );
      assert.equal(cisjProgress(trainings).byCategory.TC.counted.length >= 1, true);
    });

    test("before 2012, attendance decides at 75 % inclusive and no test is asked", async () => {
      const trainingId = await newTraining();
      const sessionId = await newSession(trainingId, { startsOn: "2011-05-09", endsOn: "2011-05-11" });
      const formation = await as(FORMATION);
      await formation.post(`/formation/sessions/${sessionId}/inscription`, {
        traineeId: id(INES),
        funding: "plan_competences",
      });
      const ines = await enrolmentOf(sessionId, INES);
      const url = `/formation/sessions/${sessionId}/resultats`;
      const page = await formation.get(url);
      assert.doesNotMatch(page.body, /Score d'Inès Martin au test/);
      await formation.post(url, { [`attendance-${ines?.id}`]: "74,9" });
      assert.equal((await enrolmentOf(sessionId, INES))?.validated, false);
      await formation.post(url, { [`attendance-${ines?.id}`]: "75" });
      const validated = await enrolmentOf(sessionId, INES);
      assert.equal(validated?.validated, true);
      assert.equal(validated?.validationBasis, "attendance");
      const mine = await (await as(INES)).get(`/formation/inscriptions/${ines?.id}`);
      assert.match(mine.body, /Validée \(présence ≥ 75 %\)/);
    });

    test("the training service cancels a session with its enrolments", async () => {
      const trainingId = await newTraining();
      const sessionId = await newSession(trainingId);
      await (await as(INES)).post(`/formation/sessions/${sessionId}/inscription`, {
        funding: "plan_competences",
      });
      const ines = await as(INES);
      assert.equal((await ines.post(`/formation/sessions/${sessionId}/annulation`, {})).statusCode, 403);
      const formation = await as(FORMATION);
      const res = await formation.post(`/formation/sessions/${sessionId}/annulation`, {});
      assert.equal(res.statusCode, 303);
      const page = await formation.get(location(res));
      assert.match(page.body, /Session annulée/);
      assert.equal((await enrolmentOf(sessionId, INES))?.status, "annule");
      const late = await ines.post(`/formation/sessions/${sessionId}/inscription`, {
        funding: "plan_competences",
      });
      assert.equal(late.statusCode, 409);
      assert.match(late.body, /Cette session est annulée/);
    });
  });
}

describe("training demo data", () => {
  let database: Database;
  let accounts: Awaited<ReturnType<typeof seedDemo>>;
  before(async () => {
    database = await freshDatabase("pglite");
    accounts = await seedDemo(database.db, "mot-de-passe-demo");
  });
  after(() => database?.close());

  test("the seeded database gives the published figures: 77 % passed in 2021, refusals 31, 25, 18 and 22 %", async () => {
    const stats = trainingStatistics(await trainingStatisticsRows(database.db));
    const pct = (x: number | null | undefined) =>
      x === null || x === undefined ? null : Math.round(x * 100);
    const byYear = new Map(stats.map((s) => [s.year, s]));
    assert.deepEqual(
      [2018, 2019, 2020, 2021].map((year) => [year, pct(byYear.get(year)?.refusalRate)]),
      [
        [2018, 31],
        [2019, 25],
        [2020, 18],
        [2021, 22],
      ],
    );
    assert.equal(pct(byYear.get(2021)?.passRate), 77);
    assert.ok((byYear.get(2021)?.trainees ?? 0) >= 100);
  });

  test("the demo intervenant has 3 TC, 2 MSJ and 1 TR validated, and a test to take", async () => {
    const ines = accounts.users["intervenant@demo.parcours.fr"]?.id ?? "";
    const progress = cisjProgress(await validatedTrainingsOf(database.db, ines));
    assert.deepEqual(
      [
        progress.byCategory.TC.counted.length,
        progress.byCategory.MSJ.counted.length,
        progress.byCategory.TR.counted.length,
      ],
      [3, 2, 1],
    );
    assert.equal(progress.complete, false);
    const pending = await database.db
      .select()
      .from(enrolments)
      .where(and(eq(enrolments.traineeId, ines), eq(enrolments.status, "inscrit")));
    assert.ok(pending.some((e) => e.testScore === null && !e.testRefused && !e.validated));
  });
});
