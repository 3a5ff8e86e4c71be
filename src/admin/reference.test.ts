import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { engines, location, loggedIn, startTestApp, type TestContext } from "../../test/support.ts";
import { computeDueDate } from "../deadlines/rules.ts";
import { ensureReferenceData } from "../reference/load.ts";

for (const engine of engines()) {
  describe(`reference data edited by the administrator (${engine})`, () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await startTestApp(engine);
    });
    after(() => ctx.close());

    test("a new default deadline applies to new measures and survives a restart's loading", async () => {
      const admin = await loggedIn(ctx.app, "admin@demo.parcours.fr");
      const page = await admin.get("/admin/referentiels/mesures/cjse");
      assert.match(page.body, /value="2"/);
      const bad = await admin.post("/admin/referentiels/mesures/cjse", {
        label: "",
        shortLabel: "CJSE",
        legalBasis: "art. 138 CPP",
        deadlineAmount: "deux",
        deadlineUnit: "months",
        active: "1",
      });
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /Saisissez l&#39;intitulé de la mesure|Saisissez l'intitulé de la mesure/);
      assert.match(bad.body, /Le délai est un nombre entier/);
      assert.match(bad.body, /value="deux"/);
      const ok = await admin.post("/admin/referentiels/mesures/cjse", {
        label: "Contrôle judiciaire socio-éducatif",
        shortLabel: "CJSE",
        legalBasis: "art. 138 CPP",
        deadlineAmount: "3",
        deadlineUnit: "months",
        active: "1",
      });
      assert.equal(ok.statusCode, 303);
      await ensureReferenceData(ctx.database.db);

      const intervenant = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      const person = location(
        await intervenant.post("/personnes/nouvelle", { lastName: "Delai", firstName: "Test" }),
      );
      const measure = location(
        await intervenant.post(`${person}/mesures/nouvelle`, {
          typeCode: "cjse",
          magistrateFunction: "Juge d'instruction",
          courtId: "tj33063",
          decisionDate: "2026-10-01",
          receivedDate: "2026-10-02",
          referentId: ctx.accounts.users["intervenant@demo.parcours.fr"]?.id ?? "",
        }),
      );
      const [y, m, d] = computeDueDate(
        "2026-10-02",
        { amount: 3, unit: "months" },
        { departement: "33" },
      ).split("-");
      assert.match((await intervenant.get(measure)).body, new RegExp(`${d}/${m}/${y}`));
    });

    test("a type or an obligation taken out of use is no longer offered", async () => {
      const admin = await loggedIn(ctx.app, "admin@demo.parcours.fr");
      await admin.get("/admin/referentiels/mesures/arse");
      await admin.post("/admin/referentiels/mesures/arse", {
        label: "ARSE",
        shortLabel: "ARSE",
        legalBasis: "art. 142-5 CPP",
        deadlineAmount: "1",
        deadlineUnit: "months",
      });
      await admin.post("/admin/referentiels/obligations/cpp138-14", { label: "Ne pas détenir d'arme" });
      const list = await admin.get("/admin/referentiels");
      assert.match(list.body, /Retirée/);

      const intervenant = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      const person = location(
        await intervenant.post("/personnes/nouvelle", { lastName: "Retrait", firstName: "Test" }),
      );
      const form = await intervenant.get(`${person}/mesures/nouvelle`);
      assert.doesNotMatch(form.body, /value="arse"/);
      const measure = location(
        await intervenant.post(`${person}/mesures/nouvelle`, {
          typeCode: "cjse",
          magistrateFunction: "Juge d'instruction",
          courtId: "tj33063",
          decisionDate: "2026-10-01",
          receivedDate: "2026-10-02",
          referentId: ctx.accounts.users["intervenant@demo.parcours.fr"]?.id ?? "",
        }),
      );
      const obligations = await intervenant.get(`${measure}/obligations/nouvelle`);
      assert.match(obligations.body, /value="cpp138-10"/);
      assert.doesNotMatch(obligations.body, /value="cpp138-14"/);
    });

    test("only the administrator edits reference data", async () => {
      const direction = await loggedIn(ctx.app, "direction@demo.parcours.fr");
      assert.equal((await direction.get("/admin/referentiels")).statusCode, 403);
      assert.equal(
        (await direction.post("/admin/referentiels/mesures/cjse", { label: "X" })).statusCode,
        403,
      );
      const admin = await loggedIn(ctx.app, "admin@demo.parcours.fr");
      assert.equal((await admin.get("/admin/referentiels/mesures/inconnue")).statusCode, 404);
    });
  });
}
