import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { and, count, eq } from "drizzle-orm";
import {
  type Client,
  closeMeasure,
  engines,
  location,
  loggedIn,
  startTestApp,
  type TestContext,
} from "../../test/support.ts";
import { planObjectives } from "../action-plans/tables.ts";
import { auditLog } from "../audit/tables.ts";
import { addCalendarDays } from "../deadlines/rules.ts";
import { withTenant } from "../platform/db.ts";
import { todayInParis } from "../platform/request-context.ts";
import { latestAssessment } from "./queries.ts";
import { ASSESSMENT_DOMAINS, assessments } from "./tables.ts";

const today = todayInParis();
const received = addCalendarDays(today, -40);
const fr = (iso: string) => iso.split("-").reverse().join("/");
/** The HTML of the table row whose header cell is `label`. */
function rowOf(html: string, label: string): string {
  const start = html.indexOf(`>${label}</th>`);
  assert.ok(start >= 0, `no row ${label}`);
  return html.slice(start, html.indexOf("</tr>", start));
}

/** A complete form: every domain "non évalué" unless given. */
function form(levels: Record<string, string>, extra: Record<string, string> = {}) {
  const values: Record<string, string> = { assessedOn: today };
  for (const d of ASSESSMENT_DOMAINS) values[`level_${d}`] = levels[d] ?? "non_evaluee";
  return { ...values, ...extra };
}

for (const engine of engines()) {
  describe(`assessment of the situation (${engine})`, () => {
    let ctx: TestContext;
    let inter: Client;
    let measureId = "";
    let firstId = "";

    before(async () => {
      ctx = await startTestApp(engine);
      inter = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      const person = location(
        await inter.post("/personnes/nouvelle", { lastName: "Lefèvre", firstName: "Agnès" }),
      );
      const res = await inter.post(`${person}/mesures/nouvelle`, {
        typeCode: "cjse",
        magistrateFunction: "Juge d'instruction",
        courtId: "tj33063",
        decisionDate: addCalendarDays(received, -1),
        receivedDate: received,
        referentId: ctx.accounts.users["intervenant@demo.parcours.fr"]?.id ?? "",
      });
      assert.equal(res.statusCode, 303);
      measureId = location(res).split("/").pop() ?? "";
    });
    after(() => ctx.close());

    const countAssessments = async () =>
      (await ctx.database.db.select({ n: count() }).from(assessments))[0]?.n ?? 0;

    test("a measure without assessment says so, in its Évaluation tab", async () => {
      const res = await inter.get(`/mesures/${measureId}/evaluation`);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Aucune évaluation n'a encore été faite pour cette mesure/);
      assert.match(res.body, /href="\/mesures\/[^"]+\/evaluation" aria-current="page">Évaluation</);
      assert.match(res.body, /href="\/mesures\/[^"]+\/evaluation\/nouvelle"/);
    });

    test("the first form has today's date and every domain non évalué", async () => {
      const res = await inter.get(`/mesures/${measureId}/evaluation/nouvelle`);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, new RegExp(`name="assessedOn-jour"[^>]*value="${today.slice(8)}"`));
      assert.match(res.body, new RegExp(`name="assessedOn-mois"[^>]*value="${today.slice(5, 7)}"`));
      assert.match(res.body, new RegExp(`name="assessedOn-annee"[^>]*value="${today.slice(0, 4)}"`));
      for (const d of ASSESSMENT_DOMAINS) {
        assert.match(res.body, new RegExp(`name="level_${d}" value="non_evaluee" checked`));
      }
      assert.match(res.body, /<legend class="legend legend--large">Situation administrative<\/legend>/);
      assert.match(res.body, /Papiers d'identité, titre de séjour, droits sociaux/);
    });

    test("a wrong assessment comes back with French messages and what was typed", async () => {
      const future = await inter.post(
        `/mesures/${measureId}/evaluation/nouvelle`,
        form(
          { addictions: "majeure" },
          { assessedOn: addCalendarDays(today, 1), notes_addictions: "Alcool, le soir" },
        ),
      );
      assert.equal(future.statusCode, 422);
      assert.match(future.body, /<title>Erreur : Nouvelle évaluation/);
      assert.match(future.body, /La date de l'évaluation ne peut pas être dans le futur/);
      assert.match(future.body, /Précisez les besoins pour le domaine « Addictions » \(difficulté majeure\)/);
      assert.match(future.body, /name="level_addictions" value="majeure" checked/);
      assert.match(future.body, />Alcool, le soir<\/textarea>/);

      const early = await inter.post(
        `/mesures/${measureId}/evaluation/nouvelle`,
        form({ logement: "aucune" }, { assessedOn: addCalendarDays(received, -1) }),
      );
      assert.equal(early.statusCode, 422);
      assert.match(early.body, /La date de l'évaluation ne peut pas précéder la réception du mandat/);

      const nothing = await inter.post(`/mesures/${measureId}/evaluation/nouvelle`, form({}));
      assert.equal(nothing.statusCode, 422);
      assert.match(nothing.body, /Évaluez au moins un domaine/);

      const missing = await inter.post(`/mesures/${measureId}/evaluation/nouvelle`, {
        assessedOn: "31/02/2026",
      });
      assert.equal(missing.statusCode, 422);
      assert.match(missing.body, /La date de l'évaluation doit être une vraie date/);
      assert.match(missing.body, /Choisissez le niveau de difficulté du domaine « Logement »/);
      assert.equal(await countAssessments(), 0);
    });

    test("a first assessment is saved and shown domain by domain", async () => {
      const res = await inter.post(
        `/mesures/${measureId}/evaluation/nouvelle`,
        form(
          {
            logement: "majeure",
            emploi_formation: "difficulte",
            addictions: "difficulte",
            justice: "aucune",
          },
          {
            assessedOn: fr(addCalendarDays(received, 5)),
            needs_logement: "Hébergement d'urgence via le SIAO",
            notes_logement: "Dort chez un ami.\nBail impossible pour l'instant.",
            summary: "Situation très précaire.",
          },
        ),
      );
      assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
      assert.equal(location(res), `/mesures/${measureId}/evaluation`);
      const page = await inter.get(location(res));
      assert.match(page.body, /L'évaluation a été enregistrée/);
      assert.match(page.body, new RegExp(`Dernière évaluation : ${fr(addCalendarDays(received, 5))}`));
      assert.match(rowOf(page.body, "Logement"), /<strong class="tag tag--red">Difficulté majeure/);
      assert.match(rowOf(page.body, "Justice"), /<strong class="tag tag--green">Pas de difficulté/);
      assert.match(page.body, /Hébergement d'urgence via le SIAO/);
      assert.doesNotMatch(page.body, /Évolution depuis/);
      const [row] = await ctx.database.db.select().from(assessments);
      firstId = row?.id ?? "";
      const audits = await ctx.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, "assessment"), eq(auditLog.entityId, firstId)));
      assert.equal(audits[0]?.action, "create");
    });

    test("the next form starts from the latest assessment, and the page shows how each domain changed", async () => {
      const next = await inter.get(`/mesures/${measureId}/evaluation/nouvelle`);
      assert.match(next.body, /reprend l'évaluation du/);
      assert.match(next.body, /name="level_logement" value="majeure" checked/);
      assert.match(next.body, />Hébergement d'urgence via le SIAO<\/textarea>/);
      const res = await inter.post(
        `/mesures/${measureId}/evaluation/nouvelle`,
        form(
          {
            logement: "difficulte",
            emploi_formation: "majeure",
            addictions: "difficulte",
            justice: "non_evaluee",
            sante_psychique: "aucune",
          },
          { needs_emploi_formation: "Reprendre contact avec l'espace emploi" },
        ),
      );
      assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
      const page = await inter.get(`/mesures/${measureId}/evaluation`);
      assert.match(page.body, new RegExp(`Évolution depuis le ${fr(addCalendarDays(received, 5))}`));
      assert.match(
        page.body,
        /Logement<\/th>.*?tag--green">Amélioration<\/strong><span class="muted"> avant : Difficulté majeure/s,
      );
      assert.match(page.body, /Emploi et formation<\/th>.*?tag--red">Dégradation/s);
      assert.match(page.body, /Addictions<\/th>.*?tag--grey">Stable/s);
      assert.match(page.body, /Justice<\/th>.*?Non comparable/s);
      assert.match(page.body, /Santé psychique<\/th>.*?Non comparable/s);
      // Both assessments are listed, newest first.
      const dates = [...page.body.matchAll(/>Évaluation du (\d\d\/\d\d\/\d{4})</g)].map((m) => m[1]);
      assert.deepEqual(dates, [fr(today), fr(addCalendarDays(received, 5))]);

      // The measure's own page shows the latest situation and its changes too.
      const measurePage = await inter.get(`/mesures/${measureId}`);
      assert.match(measurePage.body, /Situation de la personne/);
      assert.match(measurePage.body, /Logement<\/th>.*?Difficulté<\/strong>.*?tag--green">Amélioration/s);
      assert.match(measurePage.body, /Emploi et formation<\/th>.*?Difficulté majeure.*?Dégradation/s);

      const userId = ctx.accounts.users["intervenant@demo.parcours.fr"]?.id ?? "";
      const latest = await withTenant(
        ctx.database.db,
        { userId, associationId: ctx.accounts.associationIds.gironde },
        (tx) => latestAssessment(tx, measureId),
      );
      assert.equal(latest?.assessedOn, today);
      assert.equal(latest?.domains.length, ASSESSMENT_DOMAINS.length);
      assert.equal(latest?.domains.find((d) => d.domain === "emploi_formation")?.level, "majeure");
      assert.equal(latest?.authorName, "Inès Martin");
    });

    test("one assessment reads in full, with its notes and the previous one", async () => {
      const page = await inter.get(`/mesures/${measureId}/evaluation/${firstId}`);
      assert.equal(page.statusCode, 200);
      assert.match(
        page.body,
        new RegExp(`<h1 class="page-header__title">Évaluation du ${fr(addCalendarDays(received, 5))}`),
      );
      assert.match(page.body, /Dort chez un ami\.<br\/>Bail impossible pour l'instant\./);
      assert.match(page.body, /Première évaluation de la mesure/);
      assert.match(page.body, /Situation très précaire\./);
      assert.equal((await inter.get(`/mesures/${measureId}/evaluation/${measureId}`)).statusCode, 404);
      assert.equal((await inter.get(`/mesures/${measureId}/evaluation/abc`)).statusCode, 404);
    });

    test("another association gets 404 everywhere and writes nothing", async () => {
      const other = await loggedIn(ctx.app, "intervenant2@demo.parcours.fr");
      const before = await countAssessments();
      assert.equal((await other.get(`/mesures/${measureId}/evaluation`)).statusCode, 404);
      assert.equal((await other.get(`/mesures/${measureId}/evaluation/nouvelle`)).statusCode, 404);
      assert.equal((await other.get(`/mesures/${measureId}/evaluation/${firstId}`)).statusCode, 404);
      await other.get("/");
      const post = await other.post(
        `/mesures/${measureId}/evaluation/nouvelle`,
        form({ logement: "aucune" }),
      );
      assert.equal(post.statusCode, 404);
      assert.equal(await countAssessments(), before);
    });

    test("the needs of an assessment become objectives of the plan in one step", async () => {
      const url = `/mesures/${measureId}/evaluation/${firstId}`;
      const page = await inter.get(url);
      assert.match(page.body, /Des besoins au plan d&#39;action|Des besoins au plan d'action/);
      assert.match(page.body, /name="besoins" value="logement" checked/);
      assert.match(page.body, /Logement → Logement : Hébergement d(&#39;|')urgence via le SIAO/);
      const none = await inter.post(`${url}/objectifs`, {});
      assert.equal(none.statusCode, 422);
      assert.match(none.body, /Cochez au moins un besoin à ajouter au plan d(&#39;|')action/);
      assert.match(none.body, /name="besoins" value="logement"(?! checked)/);

      const added = await inter.post(`${url}/objectifs`, { besoins: "logement" });
      assert.equal(added.statusCode, 303, added.body.slice(0, 1000));
      assert.equal(location(added), `/mesures/${measureId}/plan`);
      const plan = await inter.get(location(added));
      assert.match(
        plan.body,
        new RegExp(
          `1 objectif ajouté au plan d(&#39;|')action à partir de l(&#39;|')évaluation du ${fr(addCalendarDays(received, 5))}\\.`,
        ),
      );
      assert.match(plan.body, /<h2 id="domaine-logement">Logement<\/h2>/);
      assert.match(plan.body, /Hébergement d(&#39;|')urgence via le SIAO/);
      // Offered again, it is listed as already in the plan and not added twice.
      const again = await inter.get(url);
      assert.match(again.body, /Déjà dans le plan d(&#39;|')action/);
      assert.doesNotMatch(again.body, /name="besoins"/);
      assert.equal((await inter.post(`${url}/objectifs`, { besoins: "logement" })).statusCode, 422);
      const objectives = await ctx.database.db
        .select({ title: planObjectives.title, domain: planObjectives.domain, status: planObjectives.status })
        .from(planObjectives)
        .where(eq(planObjectives.measureId, measureId));
      assert.deepEqual(objectives, [
        { title: "Hébergement d'urgence via le SIAO", domain: "logement", status: "a_faire" },
      ]);
    });

    test("a closed measure keeps its assessments but takes no new one", async () => {
      const closed = await closeMeasure(inter, `/mesures/${measureId}`, today);
      assert.equal(closed.statusCode, 303);
      const page = await inter.get(`/mesures/${measureId}/evaluation`);
      assert.equal(page.statusCode, 200);
      assert.doesNotMatch(page.body, /evaluation\/nouvelle/);
      assert.equal((await inter.get(`/mesures/${measureId}/evaluation/nouvelle`)).statusCode, 409);
      const post = await inter.post(
        `/mesures/${measureId}/evaluation/nouvelle`,
        form({ logement: "aucune" }),
      );
      assert.equal(post.statusCode, 409);
      assert.equal(
        (await inter.post(`/mesures/${measureId}/evaluation/${firstId}/objectifs`, { besoins: "logement" }))
          .statusCode,
        409,
      );
    });
  });
}
