import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  closeMeasure,
  engines,
  location,
  loggedIn,
  startTestApp,
  type TestContext,
} from "../../test/support.ts";
import { computeDueDate } from "../deadlines/rules.ts";
import { todayInParis } from "../platform/request-context.ts";

for (const engine of engines()) {
  describe(`measure pages (${engine})`, () => {
    let ctx: TestContext;
    let personUrl = "";
    before(async () => {
      ctx = await startTestApp(engine);
      const client = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      personUrl = location(
        await client.post("/personnes/nouvelle", { lastName: "Fontaine", firstName: "Théo" }),
      );
    });
    after(() => ctx.close());

    const mandate = (referentId: string) => ({
      typeCode: "cjse",
      magistrateFunction: "Juge d'instruction",
      magistrateName: "Mme Exemple",
      courtId: "tj33063",
      decisionDate: "2026-10-01",
      receivedDate: "2026-10-02",
      referentId,
    });

    test("a measure gets a number and a report due date computed from its type and the juridiction's calendar", async () => {
      const client = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      const me = ctx.accounts.users["intervenant@demo.parcours.fr"]?.id ?? "";
      const form = await client.get(`${personUrl}/mesures/nouvelle`);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /Contrôle judiciaire socio-éducatif/);
      const res = await client.post(`${personUrl}/mesures/nouvelle`, mandate(me));
      assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
      const page = await client.get(location(res));
      assert.match(page.body, /2026-0001/);
      const expected = computeDueDate("2026-10-02", { amount: 2, unit: "months" }, { departement: "33" });
      const [y, m, d] = expected.split("-");
      assert.match(page.body, new RegExp(`${d}/${m}/${y}`));
      assert.match(page.body, /Reçue/);
      const second = await client.post(`${personUrl}/mesures/nouvelle`, {
        ...mandate(me),
        typeCode: "enquete_personnalite",
      });
      const secondPage = await client.get(location(second));
      assert.match(secondPage.body, /2026-0002/);
    });

    test("an explicit due date is kept, and wrong dates come back with French messages and the typed values", async () => {
      const client = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      const me = ctx.accounts.users["intervenant@demo.parcours.fr"]?.id ?? "";
      const bad = await client.post(`${personUrl}/mesures/nouvelle`, {
        ...mandate(me),
        decisionDate: "2026-10-05",
        receivedDate: "2026-10-01",
        courtId: "tj99999",
      });
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /La date de réception doit être postérieure ou égale à la date de la décision/);
      assert.match(bad.body, /Choisissez une juridiction dans la liste/);
      assert.match(bad.body, /value="Mme Exemple"/);
      const future = await client.post(`${personUrl}/mesures/nouvelle`, {
        ...mandate(me),
        decisionDate: "2999-01-01",
        receivedDate: "2999-01-02",
      });
      assert.match(future.body, /La date de la décision ne peut pas être dans le futur/);
      const missing = await client.post(`${personUrl}/mesures/nouvelle`, {});
      assert.match(missing.body, /Choisissez le type de mesure/);
      assert.match(missing.body, /Saisissez la date de la décision/);
      assert.match(
        missing.body,
        /Choisissez l&#39;intervenant·e référent·e|Choisissez l'intervenant·e référent·e/,
      );

      const ok = await client.post(`${personUrl}/mesures/nouvelle`, {
        ...mandate(me),
        reportDueDate: "2026-12-15",
      });
      const page = await client.get(location(ok));
      assert.match(page.body, /15\/12\/2026/);
    });

    test("a référent of another association is refused", async () => {
      const client = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      const other = ctx.accounts.users["intervenant2@demo.parcours.fr"]?.id ?? "";
      const res = await client.post(`${personUrl}/mesures/nouvelle`, mandate(other));
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /Choisissez un·e référent·e de votre association/);
    });

    test("status changes are dated, follow the allowed path and are kept in the history", async () => {
      const client = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      const me = ctx.accounts.users["intervenant@demo.parcours.fr"]?.id ?? "";
      const url = location(await client.post(`${personUrl}/mesures/nouvelle`, mandate(me)));
      await client.get(url);
      const wrong = await client.post(`${url}/statut`, { to: "rapport_remis", on: "2026-10-03" });
      assert.equal(wrong.statusCode, 422);
      assert.match(wrong.body, /ne peut pas passer à/);
      const early = await client.post(`${url}/statut`, { to: "en_cours", on: "2026-09-01" });
      assert.match(early.body, /postérieure ou égale à celle du statut précédent/);
      const ok = await client.post(`${url}/statut`, {
        to: "en_cours",
        on: "2026-10-05",
        note: "Premier entretien",
      });
      assert.equal(ok.statusCode, 303);
      const report = await client.post(`${url}/statut`, { to: "rapport_remis", on: "2026-11-02" });
      assert.equal(report.statusCode, 303);
      const page = await client.get(url);
      assert.match(page.body, /Rapport remis le<\/dt><dd class="summary-list__value">02\/11\/2026/);
      assert.match(page.body, /Premier entretien/);
      const direct = await client.post(`${url}/statut`, { to: "cloturee", on: todayInParis() });
      assert.equal(direct.statusCode, 422);
      assert.match(direct.body, /passez par la page « Clôture »/);
      const close = await closeMeasure(client, url, todayInParis(), "menee_a_terme");
      assert.equal(close.statusCode, 303, close.body.slice(0, 500));
      const closed = await client.get(url);
      assert.doesNotMatch(closed.body, /Changer le statut/);
      const again = await client.post(`${url}/statut`, { to: "en_cours", on: todayInParis() });
      assert.match(again.body, /Une mesure clôturée ne change plus de statut/);
    });

    test("editing the mandate updates the due date", async () => {
      const client = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      const me = ctx.accounts.users["intervenant@demo.parcours.fr"]?.id ?? "";
      const url = location(await client.post(`${personUrl}/mesures/nouvelle`, mandate(me)));
      const edit = await client.get(`${url}/modifier`);
      assert.match(edit.body, /value="Mme Exemple"/);
      const res = await client.post(`${url}/modifier`, {
        ...mandate(me),
        reportDueDate: "2027-01-20",
        magistrateName: "M. Autre",
      });
      assert.equal(res.statusCode, 303);
      const page = await client.get(url);
      assert.match(page.body, /20\/01\/2027/);
      assert.match(page.body, /M\. Autre/);
    });
  });
}
