import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import {
  type Client,
  closeMeasure,
  confirmOn,
  engines,
  issueReport,
  location,
  loggedIn,
  startTestApp,
  type TestContext,
} from "../../test/support.ts";
import { appointmentUid } from "../appointments/ics.ts";
import { appointments } from "../appointments/tables.ts";
import { addCalendarDays } from "../deadlines/rules.ts";
import { sendDueReminders } from "../jobs/reminders.ts";
import { obligations } from "../obligations/tables.ts";
import { todayInParis } from "../platform/request-context.ts";
import { formatDate } from "../platform/views/display.tsx";

const ME = "intervenant@demo.parcours.fr";

for (const engine of engines()) {
  describe(`what closing a measure closes (${engine})`, () => {
    let ctx: TestContext;
    let client: Client;
    const today = todayInParis();
    const tomorrow = addCalendarDays(today, 1);
    let measureUrl = "";
    let personUrl = "";
    let appointmentId = "";

    before(async () => {
      ctx = await startTestApp(engine);
      client = await loggedIn(ctx.app, ME);
      const me = ctx.accounts.users[ME]?.id ?? "";
      personUrl = location(
        await client.post("/personnes/nouvelle", {
          lastName: "Lefort",
          firstName: "Maëlle",
          email: "maelle.lefort@exemple.invalid",
          reminderConsent: "1",
        }),
      );
      measureUrl = location(
        await client.post(`${personUrl}/mesures/nouvelle`, {
          typeCode: "cjse",
          magistrateFunction: "Juge d'instruction",
          courtId: "tj33063",
          decisionDate: addCalendarDays(today, -40),
          receivedDate: addCalendarDays(today, -40),
          referentId: me,
        }),
      );
      await client.get(measureUrl);
      const status = await client.post(`${measureUrl}/statut`, {
        to: "en_cours",
        on: addCalendarDays(today, -30),
      });
      assert.equal(status.statusCode, 303);
      await client.get(`${measureUrl}/rendez-vous/nouveau`);
      const planned = await client.post(`${measureUrl}/rendez-vous/nouveau`, {
        date: tomorrow,
        time: "10:30",
        durationMinutes: "60",
        place: "service",
        kind: "entretien",
        staffId: me,
      });
      assert.equal(planned.statusCode, 303, planned.body.slice(0, 1000));
      const [row] = await ctx.database.db
        .select({ id: appointments.id })
        .from(appointments)
        .where(eq(appointments.measureId, measureUrl.split("/").pop() ?? ""));
      appointmentId = row?.id ?? "";
      await client.get(`${measureUrl}/obligations/nouvelle`);
      const obligation = await client.post(`${measureUrl}/obligations/nouvelle`, {
        source: "liste",
        statutoryCode: "cpp138-10",
        details: "Suivi au CSAPA",
        startDate: addCalendarDays(today, -30),
      });
      assert.equal(obligation.statusCode, 303, obligation.body.slice(0, 1000));
      const plan = `${measureUrl}/plan`;
      await client.get(`${plan}/objectifs/nouveau`);
      assert.equal(
        (
          await client.post(`${plan}/objectifs/nouveau`, {
            domain: "emploi",
            title: "Reprendre une activité",
          })
        ).statusCode,
        303,
      );
      const objective = /\/plan\/objectifs\/([0-9a-f-]{36})\/actions\/nouvelle/.exec(
        (await client.get(plan)).body,
      )?.[1];
      const action = await client.post(`${plan}/objectifs/${objective}/actions/nouvelle`, {
        description: "Atelier CV",
        dueDate: addCalendarDays(today, 10),
        status: "a_faire",
      });
      assert.equal(action.statusCode, 303, action.body.slice(0, 1000));
      await issueReport(client, measureUrl, "rapport_fin_mesure");
    });
    after(() => ctx.close());

    test("the closing page lists what is still open, with counts and what closing will do", async () => {
      const page = await client.get(`${measureUrl}/cloture`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Ce qui reste ouvert/);
      assert.match(page.body, /Rendez-vous à venir \(1\) – rappels par e-mail prévus \(1\)/);
      assert.match(
        page.body,
        new RegExp(`Entretien du ${formatDate(tomorrow).replace(/\//g, "\\/")} à 10:30`),
      );
      assert.match(page.body, /Obligations en cours \(1\)/);
      assert.match(page.body, /Actions du plan non terminées \(1\)/);
      assert.match(page.body, /Atelier CV \(Reprendre une activité\) – à faire/);
      assert.match(
        page.body,
        /1 rendez-vous à venir sera annulé et 1 rappel par e-mail prévu ne partira pas\./,
      );
      assert.match(
        page.body,
        new RegExp(`1 obligation en cours prendra fin le ${formatDate(today).replace(/\//g, "\\/")}\\.`),
      );
      assert.match(
        page.body,
        /Le plan d(&#39;|')action sera figé : 1 action non terminée restera en l(&#39;|')état\./,
      );
    });

    test("closing cancels the appointment and its reminder, ends the obligation, freezes the plan, and the timeline says so", async () => {
      const confirm = await client.post(`${measureUrl}/cloture`, {
        outcome: "menee_a_terme",
        closedOn: today,
      });
      assert.equal(confirm.statusCode, 200);
      assert.match(confirm.body, /Confirmer la clôture/);
      assert.match(confirm.body, /1 rendez-vous à venir sera annulé/);
      const done = await confirmOn(client, confirm.body);
      assert.equal(done.statusCode, 303, done.body.slice(0, 800));
      const closed = await client.get(location(done));
      const effects = `1 rendez-vous annulé, 1 obligation terminée le ${formatDate(today)}, plan d(&#39;|')action figé \\(1 action non terminée\\)`;
      assert.match(closed.body, new RegExp(`La mesure est clôturée : ${effects}\\. Elle reste consultable`));
      assert.match(
        closed.body,
        new RegExp(`Effets de la clôture</dt><dd class="summary-list__value">${effects}`),
      );

      // The appointment leaves the agenda and its feed; its page says it is cancelled and it is read-only.
      const agenda = await client.get(`/agenda?semaine=${tomorrow}`);
      assert.doesNotMatch(agenda.body, /LEFORT|Lefort/);
      const feed = await client.get("/agenda.ics");
      assert.equal(feed.statusCode, 200);
      assert.doesNotMatch(feed.body, new RegExp(appointmentUid(appointmentId)));
      const single = await client.get(`/rendez-vous/${appointmentId}.ics`);
      assert.match(single.body, /STATUS:CANCELLED/);
      const page = await client.get(`/rendez-vous/${appointmentId}`);
      assert.match(
        page.body,
        new RegExp(`Annulé le ${formatDate(today).replace(/\//g, "\\/")} : mesure clôturée`),
      );
      assert.doesNotMatch(page.body, /Modifier le rendez-vous/);
      assert.equal((await client.get(`/rendez-vous/${appointmentId}/modifier`)).statusCode, 409);
      const list = await client.get(`${measureUrl}/rendez-vous`);
      assert.match(list.body, /Aucun rendez-vous à venir\./);
      assert.match(list.body, /<h2>Annulés<\/h2>/);

      // No reminder goes out the day before.
      const sent: string[] = [];
      const mailer = { sendMail: async (m: { to: string }) => void sent.push(m.to) };
      await sendDueReminders({
        config: { smtpUrl: null, mailFrom: "parcours@exemple.invalid" },
        database: ctx.database,
        mailer,
      });
      assert.ok(!sent.includes("maelle.lefort@exemple.invalid"), "no reminder for a cancelled appointment");

      // The obligation ends on the closing date; the plan is frozen and says so.
      const [obligation] = await ctx.database.db
        .select()
        .from(obligations)
        .where(eq(obligations.measureId, measureUrl.split("/").pop() ?? ""));
      assert.equal(obligation?.endDate, today);
      const plan = await client.get(`${measureUrl}/plan`);
      assert.match(plan.body, /Plan d(&#39;|')action figé/);

      const timeline = await client.get(personUrl);
      assert.match(timeline.body, new RegExp(`Mesure clôturée : ${effects}`));
      assert.match(timeline.body, /Rendez-vous annulé le [0-9/]+ \(mesure clôturée\)/);
    });

    test("the helper used by other tests goes through the same confirmation", async () => {
      const person = location(
        await client.post("/personnes/nouvelle", { lastName: "Vidal", firstName: "Noé" }),
      );
      const url = location(
        await client.post(`${person}/mesures/nouvelle`, {
          typeCode: "cjse",
          magistrateFunction: "Juge d'instruction",
          courtId: "tj33063",
          decisionDate: addCalendarDays(today, -10),
          receivedDate: addCalendarDays(today, -10),
          referentId: ctx.accounts.users[ME]?.id ?? "",
        }),
      );
      await client.get(url);
      const res = await closeMeasure(client, url, today);
      assert.equal(res.statusCode, 303);
      assert.match((await client.get(url)).body, /Clôturée/);
    });
  });
}
