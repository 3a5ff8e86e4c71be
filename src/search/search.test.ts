import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { engines, location, loggedIn, startTestApp, type TestContext } from "../../test/support.ts";

for (const engine of engines()) {
  describe(`search (${engine})`, () => {
    let ctx: TestContext;
    let measureNumber = "";
    before(async () => {
      ctx = await startTestApp(engine);
      const client = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      const me = ctx.accounts.users["intervenant@demo.parcours.fr"]?.id ?? "";
      const lefevre = location(
        await client.post("/personnes/nouvelle", {
          lastName: "Lefèvre",
          firstName: "Chloé",
          birthDate: "12/03/1990",
        }),
      );
      await client.post("/personnes/nouvelle", {
        lastName: "Le Goff",
        firstName: "Yann",
        birthDate: "01/01/1985",
      });
      await client.post("/personnes/nouvelle", { lastName: "Dubois", firstName: "Marc" });
      const m = await client.post(`${lefevre}/mesures/nouvelle`, {
        typeCode: "cjse",
        magistrateFunction: "Juge d'instruction",
        courtId: "tj33063",
        decisionDate: "2026-10-01",
        receivedDate: "2026-10-02",
        referentId: me,
      });
      const page = await client.get(location(m));
      measureNumber = /2026-\d{4}/.exec(page.body)?.[0] ?? "";
      const other = await loggedIn(ctx.app, "intervenant2@demo.parcours.fr");
      await other.post("/personnes/nouvelle", { lastName: "Lefèvre", firstName: "Autre" });
    });
    after(() => ctx.close());

    const search = async (q: string) =>
      (await loggedIn(ctx.app, "intervenant@demo.parcours.fr")).get(`/recherche?q=${encodeURIComponent(q)}`);

    test("a name without its accents, in any case, or with a small typo finds the person", async () => {
      for (const q of ["Lefevre", "LEFÈVRE", "lefevre chloe", "Lefebvre", "Lfevre"]) {
        const res = await search(q);
        assert.equal(res.statusCode, 200);
        assert.match(res.body, /LEFÈVRE Chloé/, q);
        assert.doesNotMatch(res.body, /DUBOIS/, q);
      }
    });

    test("a birth date or a measure number finds the person", async () => {
      assert.match((await search("12/03/1990")).body, /LEFÈVRE Chloé/);
      assert.match((await search("1990-03-12")).body, /LEFÈVRE Chloé/);
      assert.match((await search(measureNumber)).body, /LEFÈVRE Chloé/);
      assert.match((await search("01/01/1985")).body, /LE GOFF Yann/);
    });

    test("another association's people are never found", async () => {
      const res = await search("Lefèvre");
      assert.doesNotMatch(res.body, /Autre/);
      assert.match(res.body, /1 personne trouvée/);
    });

    test("no result says so in French", async () => {
      assert.match((await search("Zzyzx")).body, /Aucune personne ne correspond/);
    });
  });
}
