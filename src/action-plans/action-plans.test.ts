import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { count, eq } from "drizzle-orm";
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
import { withTenant } from "../platform/db.ts";
import { todayInParis } from "../platform/request-context.ts";
import { overdueActionsByMeasure, planOfMeasure } from "./queries.ts";
import { planActions, planObjectives } from "./tables.ts";

const today = todayInParis();
const received = addCalendarDays(today, -40);
const yesterday = addCalendarDays(today, -1);

for (const engine of engines()) {
  describe(`action plan (${engine})`, () => {
    let ctx: TestContext;
    let inter: Client;
    let measureId = "";
    let otherMeasureId = "";
    let partnerId = "";
    let otherPartnerId = "";
    let objectiveId = "";
    let actionId = "";
    const plan = () => `/mesures/${measureId}/plan`;

    async function newMeasure(client: Client, email: string, courtId: string) {
      const person = location(
        await client.post("/personnes/nouvelle", { lastName: "Haddad", firstName: "Mehdi" }),
      );
      const res = await client.post(`${person}/mesures/nouvelle`, {
        typeCode: "cjse",
        magistrateFunction: "Juge d'instruction",
        courtId,
        decisionDate: addCalendarDays(received, -1),
        receivedDate: received,
        referentId: ctx.accounts.users[email]?.id ?? "",
      });
      assert.equal(res.statusCode, 303, res.body.slice(0, 1000));
      return location(res).split("/").pop() ?? "";
    }

    async function newPartner(client: Client, name: string) {
      await client.get("/partenaires/nouveau");
      const res = await client.post("/partenaires/nouveau", { kind: "emploi", name, active: "1" });
      assert.equal(res.statusCode, 303);
      return location(res).split("/").pop() ?? "";
    }

    const tenant = (email: string, association: "gironde" | "moselle") => ({
      userId: ctx.accounts.users[email]?.id ?? "",
      associationId: ctx.accounts.associationIds[association],
    });

    const counts = async () => ({
      objectives: (await ctx.database.db.select({ n: count() }).from(planObjectives))[0]?.n ?? 0,
      actions: (await ctx.database.db.select({ n: count() }).from(planActions))[0]?.n ?? 0,
    });

    before(async () => {
      ctx = await startTestApp(engine);
      inter = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      measureId = await newMeasure(inter, "intervenant@demo.parcours.fr", "tj33063");
      partnerId = await newPartner(inter, "Espace emploi de la Garonne");
      const other = await loggedIn(ctx.app, "intervenant2@demo.parcours.fr");
      otherMeasureId = await newMeasure(other, "intervenant2@demo.parcours.fr", "tj57463");
      otherPartnerId = await newPartner(other, "Mission emploi de Moselle");
    });
    after(() => ctx.close());

    test("an empty plan invites to add the objectives agreed with the person", async () => {
      const res = await inter.get(plan());
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Aucun objectif pour cette mesure/);
      assert.match(res.body, /aria-current="page">Plan d'action</);
      assert.match(res.body, /href="\/mesures\/[^"]+\/plan\/objectifs\/nouveau"/);
    });

    test("an objective needs a domain and a title, and no due date before the mandate", async () => {
      await inter.get(`${plan()}/objectifs/nouveau`);
      const empty = await inter.post(`${plan()}/objectifs/nouveau`, { title: "Trouver un hébergement" });
      assert.equal(empty.statusCode, 422);
      assert.match(empty.body, /Choisissez le domaine de l'objectif/);
      assert.match(empty.body, /value="Trouver un hébergement"/);
      const early = await inter.post(`${plan()}/objectifs/nouveau`, {
        domain: "hebergement",
        title: "Trouver un hébergement",
        dueDate: addCalendarDays(received, -1),
      });
      assert.equal(early.statusCode, 422);
      assert.match(early.body, /L'échéance de l'objectif ne peut pas précéder la réception du mandat/);
      const ok = await inter.post(`${plan()}/objectifs/nouveau`, {
        domain: "emploi",
        title: "Reprendre une activité",
        dueDate: addCalendarDays(today, 60),
      });
      assert.equal(ok.statusCode, 303);
      assert.equal(location(ok), plan());
      const page = await inter.get(plan());
      assert.match(page.body, /L'objectif a été ajouté au plan d'action/);
      assert.match(page.body, /<h2 id="domaine-emploi">Emploi<\/h2>/);
      assert.match(page.body, /Reprendre une activité/);
      const [row] = await ctx.database.db.select().from(planObjectives);
      objectiveId = row?.id ?? "";
      assert.equal(row?.status, "a_faire");
    });

    test("an action is checked: description, due date, reason of an abandonment, partner of the directory", async () => {
      const url = `${plan()}/objectifs/${objectiveId}/actions/nouvelle`;
      const form = await inter.get(url);
      assert.equal(form.statusCode, 200);
      assert.match(
        form.body,
        new RegExp(`<option value="${partnerId}">Espace emploi de la Garonne \\(Emploi et insertion\\)`),
      );
      assert.doesNotMatch(form.body, /Mission emploi de Moselle/);
      assert.match(form.body, /name="status" value="a_faire" checked/);
      const empty = await inter.post(url, { status: "a_faire" });
      assert.equal(empty.statusCode, 422);
      assert.match(empty.body, /Décrivez l'action/);
      assert.match(empty.body, /Saisissez l'échéance de l'action/);
      const abandoned = await inter.post(url, {
        description: "Atelier CV",
        dueDate: today,
        status: "abandonne",
      });
      assert.equal(abandoned.statusCode, 422);
      assert.match(abandoned.body, /Indiquez pourquoi l'action est abandonnée/);
      assert.match(abandoned.body, /value="Atelier CV"/);
      const foreign = await inter.post(url, {
        description: "Atelier CV",
        dueDate: today,
        status: "a_faire",
        partnerId: otherPartnerId,
      });
      assert.equal(foreign.statusCode, 422);
      assert.match(foreign.body, /Choisissez un partenaire de l'annuaire de votre association/);
      assert.equal((await counts()).actions, 0);
    });

    test("an action past its due date shows as overdue on the plan and for the caseload", async () => {
      const url = `${plan()}/objectifs/${objectiveId}/actions/nouvelle`;
      const res = await inter.post(url, {
        description: "S'inscrire comme demandeur d'emploi",
        dueDate: yesterday,
        status: "a_faire",
        partnerId,
      });
      assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
      const second = await inter.post(url, {
        description: "Atelier CV",
        dueDate: addCalendarDays(today, 10),
        status: "a_faire",
      });
      assert.equal(second.statusCode, 303);
      const page = await inter.get(plan());
      assert.match(page.body, /1 action en retard/);
      assert.match(page.body, /En retard de 1 j/);
      assert.match(page.body, /Dans 10 j/);
      assert.match(page.body, new RegExp(`href="/partenaires/${partnerId}">Espace emploi de la Garonne`));
      const [row] = await ctx.database.db
        .select()
        .from(planActions)
        .where(eq(planActions.description, "S'inscrire comme demandeur d'emploi"));
      actionId = row?.id ?? "";

      const overdue = await withTenant(
        ctx.database.db,
        tenant("intervenant@demo.parcours.fr", "gironde"),
        (tx) => overdueActionsByMeasure(tx, [measureId, otherMeasureId, "not-a-uuid"], today),
      );
      assert.deepEqual([...overdue.keys()], [measureId]);
      assert.deepEqual(
        overdue.get(measureId)?.map((a) => [a.description, a.dueDate, a.objectiveTitle]),
        [["S'inscrire comme demandeur d'emploi", yesterday, "Reprendre une activité"]],
      );
      const tomorrow = await withTenant(
        ctx.database.db,
        tenant("intervenant@demo.parcours.fr", "gironde"),
        (tx) => overdueActionsByMeasure(tx, [measureId], addCalendarDays(today, 11)),
      );
      assert.equal(tomorrow.get(measureId)?.length, 2);
      // The caseload's summary of late deadlines lists it with a link to the plan.
      const home = await inter.get("/");
      assert.match(home.body, /Action : S'inscrire comme demandeur d'emploi/);
    });

    test("quick status changes move the action and its objective along", async () => {
      await inter.get(plan());
      const started = await inter.post(`${plan()}/actions/${actionId}/statut`, { status: "en_cours" });
      assert.equal(started.statusCode, 303);
      let [objective] = await ctx.database.db
        .select()
        .from(planObjectives)
        .where(eq(planObjectives.id, objectiveId));
      assert.equal(objective?.status, "en_cours");
      const page = await inter.get(plan());
      assert.match(page.body, /L'action « S'inscrire comme demandeur d'emploi » est en cours/);
      const done = await inter.post(`${plan()}/actions/${actionId}/statut`, { status: "atteint" });
      assert.equal(done.statusCode, 303);
      const [action] = await ctx.database.db.select().from(planActions).where(eq(planActions.id, actionId));
      assert.equal(action?.status, "atteint");
      assert.equal(action?.doneOn, today);
      const after = await inter.get(plan());
      assert.doesNotMatch(after.body, /action en retard/);
      assert.match(after.body, /Réalisée<\/strong><span class="muted"> le /);
      [objective] = await ctx.database.db
        .select()
        .from(planObjectives)
        .where(eq(planObjectives.id, objectiveId));
      assert.equal(objective?.status, "en_cours");
    });

    test("abandoning from the plan without a reason opens the action's form with the message", async () => {
      const [atelier] = await ctx.database.db
        .select()
        .from(planActions)
        .where(eq(planActions.description, "Atelier CV"));
      const id = atelier?.id ?? "";
      const res = await inter.post(`${plan()}/actions/${id}/statut`, { status: "abandonne" });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /<title>Erreur : Modifier l'action/);
      assert.match(res.body, /Indiquez pourquoi l'action est abandonnée/);
      assert.match(res.body, /name="status" value="abandonne" checked/);
      const link = await inter.get(`${plan()}/actions/${id}/modifier?statut=abandonne`);
      assert.match(link.body, /name="status" value="abandonne" checked/);
      assert.match(link.body, /value="Atelier CV"/);
    });

    test("an objective is reached only when nothing is pending; then it takes no new action", async () => {
      const url = `${plan()}/objectifs/${objectiveId}/modifier`;
      const form = await inter.get(url);
      assert.match(form.body, /value="Reprendre une activité"/);
      const early = await inter.post(url, {
        domain: "emploi",
        title: "Reprendre une activité",
        status: "atteint",
      });
      assert.equal(early.statusCode, 422);
      assert.match(early.body, /Une action est encore à faire ou en cours/);
      const [atelier] = await ctx.database.db
        .select()
        .from(planActions)
        .where(eq(planActions.description, "Atelier CV"));
      const edit = await inter.post(`${plan()}/actions/${atelier?.id}/modifier`, {
        description: "Atelier CV",
        dueDate: addCalendarDays(today, 10),
        status: "abandonne",
        statusReason: "A retrouvé un emploi",
      });
      assert.equal(edit.statusCode, 303);
      const reached = await inter.post(url, {
        domain: "emploi",
        title: "Reprendre une activité",
        status: "atteint",
      });
      assert.equal(reached.statusCode, 303);
      const page = await inter.get(plan());
      assert.match(page.body, /tag--green">Atteint/);
      assert.match(page.body, /Raison : A retrouvé un emploi/);
      assert.match(page.body, /1 objectif, dont 1 atteint/);
      assert.doesNotMatch(page.body, new RegExp(`objectifs/${objectiveId}/actions/nouvelle`));
      const refused = await inter.get(`${plan()}/objectifs/${objectiveId}/actions/nouvelle`);
      assert.equal(refused.statusCode, 409);
      assert.match(refused.body, /Cet objectif est atteint/);
    });

    test("abandoning an objective needs a reason and abandons its pending actions", async () => {
      await inter.post(`${plan()}/objectifs/nouveau`, {
        domain: "hebergement",
        title: "Trouver un logement",
      });
      const plans = await withTenant(
        ctx.database.db,
        tenant("intervenant@demo.parcours.fr", "gironde"),
        (tx) => planOfMeasure(tx, measureId),
      );
      // Objectives come in the order of the domains: emploi before hébergement.
      assert.deepEqual(
        plans.map((o) => o.domain),
        ["emploi", "hebergement"],
      );
      const housing = plans[1]?.id ?? "";
      await inter.post(`${plan()}/objectifs/${housing}/actions/nouvelle`, {
        description: "Demande au SIAO",
        dueDate: today,
        status: "en_cours",
      });
      const url = `${plan()}/objectifs/${housing}/modifier`;
      const noReason = await inter.post(url, {
        domain: "hebergement",
        title: "Trouver un logement",
        status: "abandonne",
      });
      assert.equal(noReason.statusCode, 422);
      assert.match(noReason.body, /Indiquez pourquoi l'objectif est abandonné/);
      const ok = await inter.post(url, {
        domain: "hebergement",
        title: "Trouver un logement",
        status: "abandonne",
        statusReason: "Hébergé durablement par sa famille",
      });
      assert.equal(ok.statusCode, 303);
      const [siao] = await ctx.database.db
        .select()
        .from(planActions)
        .where(eq(planActions.description, "Demande au SIAO"));
      assert.equal(siao?.status, "abandonne");
      assert.equal(siao?.statusReason, "Objectif abandonné : Hébergé durablement par sa famille");
      const page = await inter.get(plan());
      assert.match(page.body, /Raison de l'abandon : Hébergé durablement par sa famille/);
    });

    test("another association gets 404 on every page and change of this plan, and nothing is written", async () => {
      const other = await loggedIn(ctx.app, "intervenant2@demo.parcours.fr");
      const before = await counts();
      for (const url of [
        plan(),
        `${plan()}/objectifs/nouveau`,
        `${plan()}/objectifs/${objectiveId}/modifier`,
        `${plan()}/objectifs/${objectiveId}/actions/nouvelle`,
        `${plan()}/actions/${actionId}/modifier`,
      ]) {
        assert.equal((await other.get(url)).statusCode, 404, url);
      }
      await other.get("/");
      const posts: [string, Record<string, string>][] = [
        [`${plan()}/objectifs/nouveau`, { domain: "autre", title: "Intrusion" }],
        [
          `${plan()}/objectifs/${objectiveId}/modifier`,
          { domain: "autre", title: "Intrusion", status: "a_faire" },
        ],
        [`${plan()}/actions/${actionId}/statut`, { status: "a_faire" }],
        [
          `${plan()}/actions/${actionId}/modifier`,
          { description: "Intrusion", dueDate: today, status: "a_faire" },
        ],
      ];
      for (const [url, body] of posts) assert.equal((await other.post(url, body)).statusCode, 404, url);
      // Nor can an action of this plan be reached through the other association's own measure.
      assert.equal(
        (await other.get(`/mesures/${otherMeasureId}/plan/actions/${actionId}/modifier`)).statusCode,
        404,
      );
      assert.deepEqual(await counts(), before);
      const [action] = await ctx.database.db.select().from(planActions).where(eq(planActions.id, actionId));
      assert.equal(action?.status, "atteint");
    });

    test("a closed measure shows its plan read-only", async () => {
      const closed = await closeMeasure(inter, `/mesures/${measureId}`, today);
      assert.equal(closed.statusCode, 303);
      const page = await inter.get(plan());
      assert.equal(page.statusCode, 200);
      assert.doesNotMatch(page.body, /Ajouter un objectif/);
      assert.doesNotMatch(page.body, /\/statut"/);
      assert.equal((await inter.get(`${plan()}/objectifs/nouveau`)).statusCode, 409);
      assert.equal(
        (await inter.post(`${plan()}/actions/${actionId}/statut`, { status: "en_cours" })).statusCode,
        409,
      );
    });
  });
}
