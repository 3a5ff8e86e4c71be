import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { engines, location, loggedIn, startTestApp, type TestContext } from "../../test/support.ts";

for (const engine of engines()) {
  describe(`audit log (${engine})`, () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await startTestApp(engine);
    });
    after(() => ctx.close());

    test("the direction lists who viewed and changed which file of its association, and only its own", async () => {
      const intervenant = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      const url = location(
        await intervenant.post("/personnes/nouvelle", { lastName: "Audité", firstName: "Jean" }),
      );
      await intervenant.get(url);
      const other = await loggedIn(ctx.app, "intervenant2@demo.parcours.fr");
      await other.post("/personnes/nouvelle", { lastName: "Ailleurs", firstName: "Paul" });

      const direction = await loggedIn(ctx.app, "direction@demo.parcours.fr");
      const res = await direction.get("/audit");
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Journal des accès/);
      assert.match(res.body, /Inès Martin/);
      assert.match(res.body, /Création/);
      assert.match(res.body, /Consultation/);
      assert.match(res.body, /AUDITÉ Jean/);
      assert.doesNotMatch(res.body, /AILLEURS/);
    });

    test("an intervenant cannot read the audit log", async () => {
      const client = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      assert.equal((await client.get("/audit")).statusCode, 403);
    });
  });
}
