import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { engines, location, loggedIn, startTestApp, type TestContext } from "../../test/support.ts";
import { auditLog } from "../audit/tables.ts";

for (const engine of engines()) {
  describe(`persons pages (${engine})`, () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await startTestApp(engine);
    });
    after(() => ctx.close());

    test("an intervenant creates a person with accents and a compound name, then sees the file", async () => {
      const client = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      const form = await client.get("/personnes/nouvelle");
      assert.equal(form.statusCode, 200);
      const res = await client.post("/personnes/nouvelle", {
        lastName: "Le Goff-Éluard",
        firstName: "Zoë Anaïs",
        birthDate: "14/07/1991",
        birthPlace: "Quimper",
        sex: "F",
        postalCode: "33000",
        city: "Bordeaux",
        familySituation: "pacse",
      });
      assert.equal(res.statusCode, 303);
      assert.match(location(res), /^\/personnes\/[0-9a-f-]{36}$/);
      const page = await client.get(location(res));
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /LE GOFF-ÉLUARD Zoë Anaïs/);
      assert.match(page.body, /14\/07\/1991/);
      assert.match(page.body, /Pacsé·e/);
      assert.match(page.body, /La personne a été enregistrée/);
    });

    test("a wrong form comes back with French errors next to the fields and keeps what was typed", async () => {
      const client = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      await client.get("/personnes/nouvelle");
      const res = await client.post("/personnes/nouvelle", {
        firstName: "Jean-Noël",
        birthDate: "31/02/1990",
        postalCode: "3300",
        city: "Mérignac",
      });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /<title>Erreur : Ajouter une personne/);
      assert.match(res.body, /href="#f-lastName"/);
      assert.match(res.body, /Saisissez le nom de naissance/);
      assert.match(res.body, /La date de naissance doit être une vraie date/);
      assert.match(res.body, /Le code postal doit comporter 5 chiffres/);
      assert.match(res.body, /value="Jean-Noël"/);
      assert.match(res.body, /value="Mérignac"/);
    });

    test("a birth date in the future is refused", async () => {
      const client = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      const res = await client.post("/personnes/nouvelle", {
        lastName: "Durand",
        firstName: "Paul",
        birthDate: "2999-01-01",
      });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /La date de naissance ne peut pas être dans le futur/);
    });

    test("editing a person keeps the file and records the change in the audit log", async () => {
      const client = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      const created = await client.post("/personnes/nouvelle", { lastName: "Moreau", firstName: "Lucas" });
      const url = location(created);
      const id = url.split("/").pop() ?? "";
      const edit = await client.get(`${url}/modifier`);
      assert.match(edit.body, /value="Moreau"/);
      const bad = await client.post(`${url}/modifier`, { lastName: "Moreau", firstName: "", phone: "abc" });
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /Saisissez le prénom/);
      const ok = await client.post(`${url}/modifier`, {
        lastName: "Moreau",
        firstName: "Lucas",
        phone: "01 99 00 12 34",
      });
      assert.equal(ok.statusCode, 303);
      const page = await client.get(url);
      assert.match(page.body, /01 99 00 12 34/);
      const rows = await ctx.database.db.select().from(auditLog).where(eq(auditLog.personId, id));
      assert.deepEqual(rows.map((r) => r.action).sort(), ["create", "update", "view", "view"].sort());
    });

    test("the list finds a person by name without accents", async () => {
      const client = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      await client.post("/personnes/nouvelle", { lastName: "Lefèvre", firstName: "Agnès" });
      const res = await client.get("/personnes?q=lefevre");
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /LEFÈVRE Agnès/);
      const none = await client.get("/personnes?q=zzz");
      assert.doesNotMatch(none.body, /LEFÈVRE/);
    });

    test("the federation has no access to persons", async () => {
      const client = await loggedIn(ctx.app, "federation@demo.parcours.fr");
      const res = await client.get("/personnes");
      assert.equal(res.statusCode, 403);
    });
  });
}
