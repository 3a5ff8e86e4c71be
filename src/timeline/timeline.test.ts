import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { engines, location, loggedIn, startTestApp, type TestContext } from "../../test/support.ts";

for (const engine of engines()) {
  describe(`person timeline (${engine})`, () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await startTestApp(engine);
    });
    after(() => ctx.close());

    test("the person's page shows the dated events of all their measures, newest first", async () => {
      const client = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      const me = ctx.accounts.users["intervenant@demo.parcours.fr"]?.id ?? "";
      const person = location(
        await client.post("/personnes/nouvelle", { lastName: "Chrono", firstName: "Ana" }),
      );
      const mandate = { magistrateFunction: "Juge d'instruction", courtId: "tj33063", referentId: me };
      const first = location(
        await client.post(`${person}/mesures/nouvelle`, {
          ...mandate,
          typeCode: "cjse",
          decisionDate: "2026-09-01",
          receivedDate: "2026-09-02",
        }),
      );
      await client.post(`${person}/mesures/nouvelle`, {
        ...mandate,
        typeCode: "enquete_personnalite",
        decisionDate: "2026-10-10",
        receivedDate: "2026-10-12",
      });
      await client.get(first);
      await client.post(`${first}/statut`, { to: "en_cours", on: "2026-09-15" });
      const page = await client.get(person);
      assert.match(page.body, /Chronologie/);
      const order = ["12/10/2026", "15/09/2026", "02/09/2026"].map((d) => page.body.indexOf(`>${d}</time>`));
      assert.ok(
        order.every((i) => i > 0),
        "every event is shown",
      );
      assert.deepEqual(
        [...order].sort((a, b) => a - b),
        order,
      );
      assert.match(page.body, /Statut : En cours/);
      assert.match(page.body, /septembre 2026/);
    });
  });
}
