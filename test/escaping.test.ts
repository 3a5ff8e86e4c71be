import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { engines, location, loggedIn, startTestApp, type TestContext } from "./support.ts";

const PAYLOAD = `<script>alert("x")</script>`;

for (const engine of engines().slice(0, 1)) {
  describe(`pages escape what users typed (${engine})`, () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await startTestApp(engine);
    });
    after(() => ctx.close());

    test("a script typed in free-text fields comes back as text on every page that shows it", async () => {
      const client = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      const url = location(
        await client.post("/personnes/nouvelle", {
          lastName: "Échappé",
          firstName: "Test",
          birthPlace: PAYLOAD,
          addressLine: PAYLOAD,
          city: PAYLOAD,
        }),
      );
      const me = ctx.accounts.users["intervenant@demo.parcours.fr"]?.id ?? "";
      const measure = location(
        await client.post(`${url}/mesures/nouvelle`, {
          typeCode: "cjse",
          magistrateFunction: "Juge d'instruction",
          magistrateName: PAYLOAD,
          proceedingsNumber: "<b>1</b>",
          courtId: "tj33063",
          decisionDate: "2026-10-01",
          receivedDate: "2026-10-02",
          referentId: me,
        }),
      );
      await client.get(measure);
      await client.post(`${measure}/statut`, { to: "en_cours", on: "2026-10-03", note: PAYLOAD });
      for (const page of [
        url,
        `${url}/modifier`,
        "/personnes",
        measure,
        `${measure}/modifier`,
        `/personnes?q=${encodeURIComponent(PAYLOAD)}`,
      ]) {
        const res = await client.get(page);
        assert.equal(res.statusCode, 200, page);
        assert.ok(!res.body.includes(PAYLOAD), `${page} contains the raw script`);
      }
      const bad = await client.post("/personnes/nouvelle", { lastName: PAYLOAD, firstName: PAYLOAD });
      assert.ok(!bad.body.includes(PAYLOAD));
      assert.match(bad.body, /&lt;script>/);
    });
  });
}
