import assert from "node:assert/strict";
import { after, before, describe, describe as group, test } from "node:test";
import { eq } from "drizzle-orm";
import { Client, engines, location, loggedIn, startTestApp, type TestContext } from "../../test/support.ts";
import { users } from "../accounts/tables.ts";
import { isValidSiret } from "./form.ts";

group("SIRET check digit", () => {
  test("valid and invalid SIRETs", () => {
    assert.equal(isValidSiret("73282932000074"), true);
    assert.equal(isValidSiret("73282932000075"), false);
    assert.equal(isValidSiret("7328293200007"), false);
    assert.equal(isValidSiret("35600000000048"), true);
  });
});

for (const engine of engines()) {
  describe(`administration of associations and accounts (${engine})`, () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await startTestApp(engine);
    });
    after(() => ctx.close());

    test("the administrator adds an association, with French errors first", async () => {
      const admin = await loggedIn(ctx.app, "admin@demo.parcours.fr");
      await admin.get("/admin/associations/nouvelle");
      const bad = await admin.post("/admin/associations/nouvelle", {
        name: "Nouvelle",
        siret: "12345678901234",
      });
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /Ce SIRET n&#39;est pas valide|Ce SIRET n'est pas valide/);
      assert.match(bad.body, /Choisissez le département du siège/);
      assert.match(bad.body, /value="Nouvelle"/);
      const ok = await admin.post("/admin/associations/nouvelle", {
        name: "Association Démo Nord (fictive)",
        siret: "73282932000074",
        departementCode: "59",
      });
      assert.equal(ok.statusCode, 303);
      const list = await admin.get("/admin/associations");
      assert.match(list.body, /Association Démo Nord \(fictive\)/);
      assert.match(list.body, /ca-douai/);
    });

    test("the administrator creates an account that can log in, then disables it", async () => {
      const admin = await loggedIn(ctx.app, "admin@demo.parcours.fr");
      await admin.get("/admin/utilisateurs/nouveau");
      const bad = await admin.post("/admin/utilisateurs/nouveau", {
        firstName: "Léa",
        lastName: "Nouvelle",
        email: "lea@exemple.fr",
        role: "intervenant",
        password: "court",
      });
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /Choisissez l&#39;association|Choisissez l'association/);
      assert.match(bad.body, /au moins 12 caractères/);
      const ok = await admin.post("/admin/utilisateurs/nouveau", {
        firstName: "Léa",
        lastName: "Nouvelle",
        email: "Lea.Nouvelle@exemple.fr",
        role: "intervenant",
        associationId: ctx.accounts.associationIds.moselle,
        password: "un-mot-de-passe-long",
      });
      assert.equal(ok.statusCode, 303);
      const lea = new Client(ctx.app);
      await lea.get("/connexion");
      const first = await lea.post("/connexion", {
        email: "lea.nouvelle@exemple.fr",
        password: "un-mot-de-passe-long",
      });
      assert.equal(location(first), "/connexion/mot-de-passe", "she chooses her own password first");
      await lea.get("/connexion/mot-de-passe");
      const chosen = await lea.post("/connexion/mot-de-passe", {
        newPassword: "pivoine-radeau-tonnerre-46",
        confirmation: "pivoine-radeau-tonnerre-46",
      });
      assert.equal(location(chosen), "/");
      assert.equal((await lea.get("/")).statusCode, 200);
      const list = await admin.get("/admin/utilisateurs");
      assert.match(list.body, /Léa Nouvelle/);
      const [row] = await ctx.database.db
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, "lea.nouvelle@exemple.fr"));
      const userId = row?.id ?? "";
      assert.equal((await admin.post(`/admin/utilisateurs/${userId}/desactiver`, {})).statusCode, 303);
      assert.equal((await lea.get("/")).statusCode, 303, "the disabled account is logged out");
    });

    test("an association that is not an identifier is a French error even when the role is sent twice", async () => {
      const admin = await loggedIn(ctx.app, "admin@demo.parcours.fr");
      await admin.get("/admin/utilisateurs/nouveau");
      const res = await admin.post("/admin/utilisateurs/nouveau", {
        firstName: "Léa",
        email: "lea.double@exemple.fr",
        role: ["intervenant", "federation"],
        associationId: "association-inconnue",
      });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /Choisissez une association dans la liste/);
      assert.match(res.body, /value="lea.double@exemple.fr"/);
    });

    test("only the administrator reaches these pages", async () => {
      const direction = await loggedIn(ctx.app, "direction@demo.parcours.fr");
      assert.equal((await direction.get("/admin/utilisateurs")).statusCode, 403);
    });
  });
}
