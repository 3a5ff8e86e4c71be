import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { and, eq } from "drizzle-orm";
import {
  type Client,
  confirmOn,
  engines,
  issueReport,
  location,
  loggedIn,
  startTestApp,
  type TestContext,
} from "../../test/support.ts";
import { addCalendarDays } from "../deadlines/rules.ts";
import { measureStatusChanges, measures } from "../measures/tables.ts";
import { todayInParis } from "../platform/request-context.ts";
import { formatDate } from "../platform/views/display.tsx";

const ME = "intervenant@demo.parcours.fr";

for (const engine of engines()) {
  describe(`closing a measure (${engine})`, () => {
    let ctx: TestContext;
    let client: Client;
    const today = todayInParis();
    const days = (n: number) => addCalendarDays(today, n);

    async function newMeasure(typeCode: string, lastName: string): Promise<{ url: string; number: string }> {
      const me = ctx.accounts.users[ME]?.id ?? "";
      const person = location(await client.post("/personnes/nouvelle", { lastName, firstName: "Théo" }));
      const res = await client.post(`${person}/mesures/nouvelle`, {
        typeCode,
        magistrateFunction: "Juge d'instruction",
        courtId: "tj33063",
        decisionDate: days(-40),
        receivedDate: days(-40),
        referentId: me,
      });
      const url = location(res);
      const number = /La mesure (\d{4}-\d{4})/.exec((await client.get(url)).body)?.[1] ?? "";
      assert.equal((await client.post(`${url}/statut`, { to: "en_cours", on: days(-30) })).statusCode, 303);
      return { url, number };
    }

    before(async () => {
      ctx = await startTestApp(engine);
      client = await loggedIn(ctx.app, ME);
    });
    after(() => ctx.close());

    test("without the end-of-measure report the closing is refused with a link to write it", async () => {
      const { url } = await newMeasure("cjse", "Dubois");
      const page = await client.get(`${url}/cloture`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Clôture de la mesure/);
      assert.match(page.body, /Mesure menée à terme \(jugement ou non-lieu\)/);
      assert.match(page.body, /Révocation \(placement en détention provisoire\)/);
      assert.match(page.body, /href="\/mesures\/[^"]+\/ecrits\/nouveau\?type=rapport_fin_mesure"/);
      const res = await client.post(`${url}/cloture`, {
        outcome: "mainlevee",
        closedOn: today,
        note: "Mainlevée ordonnée par le juge.",
      });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /Émettez le rapport de fin de mesure avant de clôturer la mesure/);
      assert.match(res.body, /Rédiger le rapport de fin de mesure/);
      assert.match(res.body, /Mainlevée ordonnée par le juge\./);
      assert.match(res.body, /value="mainlevee" checked/);
      const [measure] = await ctx.database.db
        .select()
        .from(measures)
        .where(eq(measures.id, url.split("/").pop() ?? ""));
      assert.equal(measure?.status, "en_cours");
    });

    test("the outcome and the date are checked, with the typed values kept", async () => {
      const { url } = await newMeasure("cjse", "Moreau");
      await issueReport(client, url, "rapport_fin_mesure");
      const missing = await client.post(`${url}/cloture`, { note: "Note gardée" });
      assert.equal(missing.statusCode, 422);
      assert.doesNotMatch(missing.body, /Confirmer la clôture/);
      assert.match(missing.body, /Choisissez l&#39;issue de la mesure|Choisissez l'issue de la mesure/);
      assert.match(missing.body, /Note gardée/);
      const other = await client.post(`${url}/cloture`, { outcome: "mediation_reussie", closedOn: today });
      assert.match(other.body, /Choisissez une issue de la liste/);
      const future = await client.post(`${url}/cloture`, { outcome: "mainlevee", closedOn: days(1) });
      assert.match(future.body, /La date de clôture ne peut pas être dans le futur/);
      const early = await client.post(`${url}/cloture`, { outcome: "mainlevee", closedOn: days(-1) });
      assert.match(
        early.body,
        new RegExp(
          `postérieure ou égale au dernier changement de statut \\(${formatDate(today).replace(/\//g, "\\/")}\\)`,
        ),
      );
    });

    test("once the final report is issued the measure closes, stays readable and leaves the caseload", async () => {
      const { url, number } = await newMeasure("cjse", "Girard");
      const home = await client.get("/");
      assert.match(home.body, new RegExp(number));
      const reportUrl = await issueReport(client, url, "rapport_fin_mesure");
      const page = await client.get(`${url}/cloture`);
      assert.match(page.body, /Rapport final :/);
      assert.match(page.body, /Rien ne reste ouvert : aucun rendez-vous à venir/);
      // The note can start from the final report's conclusion.
      assert.match(page.body, /Partir de la conclusion du rapport final/);
      const fromReport = await client.get(`${url}/cloture?depuis=rapport`);
      assert.match(fromReport.body, /name="note"[^>]*>Texte rédigé par l(&#39;|')intervenante\.<\/textarea>/);
      const typed = { outcome: "menee_a_terme", closedOn: today, note: "Jugement rendu, mesure terminée." };
      const confirm = await client.post(`${url}/cloture`, typed);
      assert.equal(confirm.statusCode, 200);
      assert.match(confirm.body, /Confirmer la clôture de la mesure/);
      assert.match(confirm.body, /Mesure menée à terme \(jugement ou non-lieu\)/);
      assert.match(
        confirm.body,
        new RegExp(`Date de clôture</dt><dd class="summary-list__value">${formatDate(today)}`),
      );
      assert.match(confirm.body, /Jugement rendu, mesure terminée\./);
      const id = url.split("/").pop() ?? "";
      const [pending] = await ctx.database.db.select().from(measures).where(eq(measures.id, id));
      assert.equal(pending?.status, "rapport_remis", "nothing is closed before the confirmation");
      // « Modifier » brings the form back with what was typed.
      const back = await client.post(`${url}/cloture`, { ...typed, modifier: "1" });
      assert.equal(back.statusCode, 200);
      assert.match(back.body, /value="menee_a_terme" checked/);
      assert.match(back.body, /Jugement rendu, mesure terminée\.<\/textarea>/);
      // The confirmation is checked again: a date changed to tomorrow is refused at the field.
      const forged = await client.post(`${url}/cloture`, { ...typed, closedOn: days(1), confirme: "1" });
      assert.equal(forged.statusCode, 422);
      assert.match(forged.body, /La date de clôture ne peut pas être dans le futur/);
      const res = await confirmOn(client, confirm.body);
      assert.equal(res.statusCode, 303, res.body.slice(0, 800));
      const closed = await client.get(location(res));
      assert.match(closed.body, /La mesure est clôturée\. Elle reste consultable/);
      assert.match(
        closed.body,
        /Effets de la clôture<\/dt><dd class="summary-list__value">Rien ne restait ouvert/,
      );
      assert.match(closed.body, /Mesure menée à terme \(jugement ou non-lieu\)/);
      assert.match(closed.body, /Jugement rendu, mesure terminée\./);
      assert.match(closed.body, /Rapport de fin de mesure n° 1/);
      assert.doesNotMatch(closed.body, /Clôturer la mesure<\/button>/);

      const [measure] = await ctx.database.db.select().from(measures).where(eq(measures.id, id));
      assert.equal(measure?.status, "cloturee");
      assert.equal(measure?.closedOn, today);
      assert.equal(measure?.outcomeCode, "menee_a_terme");
      const [change] = await ctx.database.db
        .select()
        .from(measureStatusChanges)
        .where(and(eq(measureStatusChanges.measureId, id), eq(measureStatusChanges.toStatus, "cloturee")));
      assert.equal(change?.fromStatus, "rapport_remis");
      assert.equal(change?.note, "Jugement rendu, mesure terminée.");

      assert.doesNotMatch((await client.get("/")).body, new RegExp(number));
      for (const readable of [url, `${url}/ecrits`, reportUrl, `${reportUrl}.pdf`, `${url}/cloture`]) {
        assert.equal((await client.get(readable)).statusCode, 200, readable);
      }
      const mandate = await client.get(url);
      assert.match(mandate.body, /Clôturée/);
      assert.equal((await client.get(`${url}/ecrits/nouveau?type=rapport_etape`)).statusCode, 409);
      assert.equal((await client.post(`${reportUrl}/nouvelle-version`, {})).statusCode, 409);
      assert.equal(
        (await client.post(`${url}/cloture`, { outcome: "mainlevee", closedOn: today })).statusCode,
        409,
      );
    });

    test("an enquiry closes after its enquiry report", async () => {
      const { url } = await newMeasure("enquete_personnalite", "Haddad");
      const refused = await client.post(`${url}/cloture`, { outcome: "rapport_remis", closedOn: today });
      assert.match(
        refused.body,
        /Émettez le rapport d&#39;enquête avant de clôturer la mesure|Émettez le rapport d'enquête avant de clôturer la mesure/,
      );
      await issueReport(client, url, "rapport_enquete");
      const ok = await client.post(`${url}/cloture`, { outcome: "rapport_remis", closedOn: today });
      assert.equal(ok.statusCode, 200);
      assert.match(ok.body, /Issue<\/dt><dd class="summary-list__value">Rapport remis</);
      assert.equal((await confirmOn(client, ok.body)).statusCode, 303);
    });

    test("another association gets 404 and the measure stays open", async () => {
      const { url } = await newMeasure("cjse", "Petit");
      await issueReport(client, url, "rapport_fin_mesure");
      const outsider = await loggedIn(ctx.app, "intervenant2@demo.parcours.fr");
      assert.equal((await outsider.get(`${url}/cloture`)).statusCode, 404);
      const res = await outsider.post(`${url}/cloture`, { outcome: "mainlevee", closedOn: today });
      assert.equal(res.statusCode, 404);
      const [measure] = await ctx.database.db
        .select()
        .from(measures)
        .where(eq(measures.id, url.split("/").pop() ?? ""));
      assert.equal(measure?.status, "rapport_remis");
    });
  });
}
