import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { count } from "drizzle-orm";
import {
  type Client,
  engines,
  location,
  loggedIn,
  startTestApp,
  type TestContext,
} from "../../test/support.ts";
import { parisToInstant } from "../appointments/rules.ts";
import { appointments } from "../appointments/tables.ts";
import { addCalendarDays } from "../deadlines/rules.ts";
import { withTenant } from "../platform/db.ts";
import { todayInParis } from "../platform/request-context.ts";
import { incidentsOfMeasure, markIncidentReported } from "./queries.ts";
import { incidents } from "./tables.ts";

const today = todayInParis();
const fr = (iso: string) => iso.split("-").reverse().join("/");
const text = (html: string) =>
  html.replaceAll("&#39;", "'").replaceAll("&quot;", '"').replaceAll("&amp;", "&").replaceAll("&lt;", "<");

for (const engine of engines()) {
  describe(`incidents (${engine})`, () => {
    let ctx: TestContext;
    let inter: Client;
    let measureId = "";
    let otherMeasureId = "";
    let obligationId = "";
    let foreignObligationId = "";
    let appointmentId = "";
    let incidentId = "";
    const decisionDate = addCalendarDays(today, -60);
    const user = (email: string) => ctx.accounts.users[email]?.id ?? "";
    const gironde = () => ({
      userId: user("intervenant@demo.parcours.fr"),
      associationId: ctx.accounts.associationIds.gironde,
    });

    async function newMeasure(lastName: string) {
      const person = location(await inter.post("/personnes/nouvelle", { lastName, firstName: "Noé" }));
      const res = await inter.post(`${person}/mesures/nouvelle`, {
        typeCode: "cjse",
        magistrateFunction: "Juge d'instruction",
        courtId: "tj33063",
        decisionDate,
        receivedDate: decisionDate,
        referentId: user("intervenant@demo.parcours.fr"),
      });
      return { id: location(res).split("/").pop() ?? "", personId: person.split("/").pop() ?? "" };
    }

    async function newObligation(measure: string, code: string) {
      const res = await inter.post(`/mesures/${measure}/obligations/nouvelle`, {
        source: "liste",
        statutoryCode: code,
        startDate: decisionDate,
      });
      assert.equal(res.statusCode, 303);
      return location(res).split("/").pop() ?? "";
    }

    before(async () => {
      ctx = await startTestApp(engine);
      inter = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      const measure = await newMeasure("Aubert");
      measureId = measure.id;
      otherMeasureId = (await newMeasure("Bernard")).id;
      obligationId = await newObligation(measureId, "cpp138-6");
      foreignObligationId = await newObligation(otherMeasureId, "cpp138-9");
      appointmentId = await withTenant(ctx.database.db, gironde(), async (tx) => {
        const [row] = await tx
          .insert(appointments)
          .values({
            measureId,
            personId: measure.personId,
            startsAt: parisToInstant(addCalendarDays(today, -3), "10:00") ?? new Date(),
            place: "service",
            kind: "entretien",
            staffId: user("intervenant@demo.parcours.fr"),
            attendance: "absent",
          })
          .returning({ id: appointments.id });
        return row?.id ?? "";
      });
    });
    after(() => ctx.close());

    test("« Déclarer un incident » from an absence fills its day, links the appointment and picks the obligation", async () => {
      const page = await inter.get(`/rendez-vous/${appointmentId}`);
      const link = `/mesures/${measureId}/incidents/nouveau?rendezVous=${appointmentId}`;
      assert.match(page.body, new RegExp(`href="${link.replace("?", "\\?")}"[^>]*>\\s*Déclarer un incident`));
      const form = text((await inter.get(link)).body);
      const day = addCalendarDays(today, -3);
      assert.match(form, new RegExp(`name="occurredOn-jour"[^>]*value="${day.slice(8)}"`));
      assert.match(form, new RegExp(`name="occurredOn-mois"[^>]*value="${day.slice(5, 7)}"`));
      assert.match(form, new RegExp(`name="occurredOn-annee"[^>]*value="${day.slice(0, 4)}"`));
      assert.match(form, /name="kind" value="absence" checked/);
      assert.match(form, new RegExp(`<option value="${obligationId}" selected`));
      assert.match(form, new RegExp(`<option value="${appointmentId}" selected`));
      // An appointment of no past of this measure fills nothing.
      const plain = text(
        (await inter.get(`/mesures/${otherMeasureId}/incidents/nouveau?rendezVous=${appointmentId}`)).body,
      );
      assert.match(plain, new RegExp(`name="occurredOn-jour"[^>]*value="${today.slice(8)}"`));
      assert.doesNotMatch(plain, new RegExp(appointmentId));
      assert.doesNotMatch(plain, /value="absence" checked/);
    });

    test("the tab lists no incident; the form offers the measure's obligations and past appointments", async () => {
      const list = await inter.get(`/mesures/${measureId}/incidents`);
      assert.equal(list.statusCode, 200);
      assert.match(list.body, /Aucun incident enregistré pour cette mesure/);
      assert.match(list.body, /aria-current="page">Incidents</);
      const form = text((await inter.get(`/mesures/${measureId}/incidents/nouveau`)).body);
      assert.match(form, new RegExp(`name="occurredOn-jour"[^>]*value="${today.slice(8)}"`));
      assert.match(form, new RegExp(`name="occurredOn-mois"[^>]*value="${today.slice(5, 7)}"`));
      assert.match(form, new RegExp(`name="occurredOn-annee"[^>]*value="${today.slice(0, 4)}"`));
      assert.match(form, /Absence à une convocation/);
      assert.match(form, /Nouvelle infraction signalée/);
      assert.match(
        form,
        new RegExp(
          `<option value="${obligationId}">Répondre aux convocations et suivre les mesures socio-éducatives</option>`,
        ),
      );
      assert.doesNotMatch(form, new RegExp(foreignObligationId));
      assert.match(
        form,
        new RegExp(
          `<option value="${appointmentId}">Entretien du ${fr(addCalendarDays(today, -3))} à 10:00 \\(absent`,
        ),
      );
    });

    test("a wrong date, missing fields or a link to another measure come back in French with the typed values", async () => {
      const future = await inter.post(`/mesures/${measureId}/incidents/nouveau`, {
        occurredOn: addCalendarDays(today, 1),
        kind: "absence",
        description: "Description gardée",
      });
      assert.equal(future.statusCode, 422);
      assert.match(text(future.body), /La date de l'incident ne peut pas être dans le futur/);
      assert.match(text(future.body), /Description gardée/);
      const early = await inter.post(`/mesures/${measureId}/incidents/nouveau`, {
        occurredOn: addCalendarDays(decisionDate, -1),
        obligationId: foreignObligationId,
        appointmentId: "00000000-0000-0000-0000-000000000000",
      });
      const page = text(early.body);
      assert.match(page, /L'incident ne peut pas précéder la décision du magistrat/);
      assert.match(page, /Choisissez la nature de l'incident/);
      assert.match(page, /Décrivez l'incident/);
      assert.match(page, /Choisissez une obligation de la mesure/);
      assert.match(page, /Choisissez un rendez-vous passé de la mesure/);
      const [n] = await ctx.database.db.select({ n: count() }).from(incidents);
      assert.equal(n?.n, 0);
    });

    test("a recorded incident prompts the incident report to the magistrate", async () => {
      const res = await inter.post(`/mesures/${measureId}/incidents/nouveau`, {
        occurredOn: addCalendarDays(today, -3),
        kind: "absence",
        description: "Absent à l'entretien, sans prévenir.",
        obligationId,
        appointmentId,
      });
      assert.equal(res.statusCode, 303, text(res.body).slice(0, 2000));
      assert.match(location(res), new RegExp(`^/mesures/${measureId}/incidents\\?nouveau=[0-9a-f-]{36}$`));
      incidentId = location(res).split("=").pop() ?? "";
      const page = text((await inter.get(location(res))).body);
      assert.match(page, /L'incident est enregistré/);
      assert.match(page, /Incident à signaler au magistrat/);
      assert.match(
        page,
        new RegExp(
          `href="/mesures/${measureId}/ecrits/nouveau\\?type=rapport_incident&incident=${incidentId}">Rédiger le rapport d'incident`,
        ),
      );
      assert.match(page, /À signaler au magistrat/);
      assert.match(page, /Obligation : Répondre aux convocations/);
      assert.match(page, new RegExp(`href="/rendez-vous/${appointmentId}"`));

      const plain = text((await inter.get(`/mesures/${measureId}/incidents`)).body);
      assert.match(plain, /Un incident n'a pas encore fait l'objet d'un rapport d'incident au magistrat/);
    });

    test("once the report is issued, the incident shows when it was reported", async () => {
      const reportedOn = addCalendarDays(today, -1);
      const done = await withTenant(ctx.database.db, gironde(), (tx) =>
        markIncidentReported(tx, incidentId, null, reportedOn),
      );
      assert.equal(done, true);
      const page = text((await inter.get(`/mesures/${measureId}/incidents`)).body);
      assert.match(page, new RegExp(`Signalé le ${fr(reportedOn)}`));
      assert.doesNotMatch(page, /À signaler au magistrat/);
      const moselle = {
        userId: user("intervenant2@demo.parcours.fr"),
        associationId: ctx.accounts.associationIds.moselle,
      };
      const foreign = await withTenant(ctx.database.db, moselle, (tx) =>
        markIncidentReported(tx, incidentId, null, today),
      );
      assert.equal(foreign, false);
      const records = await withTenant(ctx.database.db, gironde(), (tx) => incidentsOfMeasure(tx, measureId));
      assert.deepEqual(
        records.map((r) => [r.id, r.kind, r.reportedOn, r.obligationLabel]),
        [
          [
            incidentId,
            "absence",
            reportedOn,
            "Répondre aux convocations et suivre les mesures socio-éducatives",
          ],
        ],
      );
      assert.deepEqual(
        await withTenant(ctx.database.db, moselle, (tx) => incidentsOfMeasure(tx, measureId)),
        [],
      );
    });

    test("another association's user gets 404 and writes nothing", async () => {
      const intruder = await loggedIn(ctx.app, "intervenant2@demo.parcours.fr");
      for (const url of [`/mesures/${measureId}/incidents`, `/mesures/${measureId}/incidents/nouveau`]) {
        const res = await intruder.get(url);
        assert.equal(res.statusCode, 404, url);
        assert.doesNotMatch(res.body, /AUBERT|Aubert/);
      }
      const res = await intruder.post(`/mesures/${measureId}/incidents/nouveau`, {
        occurredOn: today,
        kind: "comportement",
        description: "Intrusion",
      });
      assert.equal(res.statusCode, 404);
      const [n] = await ctx.database.db.select({ n: count() }).from(incidents);
      assert.equal(n?.n, 1);
    });
  });
}
