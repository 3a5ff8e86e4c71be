import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import {
  type Client,
  engines,
  location,
  loggedIn,
  startTestApp,
  type TestContext,
} from "../../test/support.ts";
import { withTenant } from "../platform/db.ts";
import { partnerOptions } from "./queries.ts";
import { partners } from "./tables.ts";

for (const engine of engines()) {
  describe(`partners directory (${engine})`, () => {
    let ctx: TestContext;
    let inter: Client;
    let jap = "";
    before(async () => {
      ctx = await startTestApp(engine);
      inter = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
    });
    after(() => ctx.close());

    test("an empty directory says so and offers to add a partner", async () => {
      const res = await inter.get("/partenaires");
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /L'annuaire est vide/);
      assert.match(res.body, /href="\/partenaires\/nouveau"/);
      assert.match(res.body, /href="\/partenaires" aria-current="page">Partenaires<\/a>/);
    });

    test("a magistrate needs a function and a juridiction; what was typed is kept", async () => {
      await inter.get("/partenaires/nouveau");
      const res = await inter.post("/partenaires/nouveau", {
        kind: "magistrat",
        name: "Service de l'application des peines",
        phone: "abc",
        email: "greffe@",
        contactName: "Greffe – Mme Lévêque",
      });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /<title>Erreur : Ajouter un partenaire/);
      assert.match(res.body, /Choisissez la fonction du magistrat/);
      assert.match(res.body, /Choisissez la juridiction du magistrat/);
      assert.match(res.body, /Saisissez un numéro de téléphone/);
      assert.match(res.body, /Saisissez une adresse e-mail valide/);
      assert.match(res.body, /value="Service de l'application des peines"/);
      assert.match(res.body, /value="Greffe – Mme Lévêque"/);
      const none = await inter.post("/partenaires/nouveau", {});
      assert.match(none.body, /Choisissez le type de partenaire/);
      assert.match(none.body, /Saisissez le nom du partenaire/);
      const wrongCourt = await inter.post("/partenaires/nouveau", {
        kind: "magistrat",
        name: "Parquet",
        magistrateFunction: "Procureur de la République",
        courtId: "tj99999",
      });
      assert.equal(wrongCourt.statusCode, 422);
      assert.match(wrongCourt.body, /Choisissez une juridiction dans la liste/);
    });

    test("a magistrate is saved with function and juridiction and shown on its page", async () => {
      const res = await inter.post("/partenaires/nouveau", {
        kind: "magistrat",
        name: "Service de l'application des peines",
        magistrateFunction: "Juge de l'application des peines",
        courtId: "tj33063",
        phone: "01 99 00 12 34",
        email: "Greffe.JAP@exemple.invalid",
        active: "1",
      });
      assert.equal(res.statusCode, 303);
      assert.match(location(res), /^\/partenaires\/[0-9a-f-]{36}$/);
      jap = location(res).split("/").pop() ?? "";
      const page = await inter.get(location(res));
      assert.match(page.body, /Le partenaire a été ajouté à l'annuaire/);
      assert.match(page.body, /Juge de l'application des peines/);
      assert.match(page.body, /Tribunal judiciaire de Bordeaux/);
      assert.match(page.body, /greffe\.jap@exemple\.invalid/);
    });

    test("another kind drops a magistrate's function; the list filters by kind and by name without accents", async () => {
      const res = await inter.post("/partenaires/nouveau", {
        kind: "soins",
        name: "Centre médico-psychologique Éole",
        magistrateFunction: "Juge d'instruction",
        courtId: "tj33063",
        active: "1",
      });
      assert.equal(res.statusCode, 303);
      const id = location(res).split("/").pop() ?? "";
      const [row] = await ctx.database.db.select().from(partners).where(eq(partners.id, id));
      assert.equal(row?.magistrateFunction, null);
      assert.equal(row?.courtId, null);

      const soins = await inter.get("/partenaires?type=soins");
      assert.match(soins.body, /Centre médico-psychologique Éole/);
      assert.doesNotMatch(soins.body, /Service de l'application des peines<\/a>/);
      assert.match(soins.body, /1 partenaire de type « Soins »/);
      const search = await inter.get("/partenaires?q=eole");
      assert.match(search.body, /Centre médico-psychologique Éole/);
      const none = await inter.get("/partenaires?q=zzz");
      assert.match(none.body, /Aucun partenaire ne correspond à ces critères/);
    });

    test("editing keeps the values; an inactive partner leaves the selects but stays on its records", async () => {
      const form = await inter.get(`/partenaires/${jap}/modifier`);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /value="01 99 00 12 34"/);
      assert.match(form.body, /<option value="tj33063" selected/);
      const bad = await inter.post(`/partenaires/${jap}/modifier`, { kind: "magistrat", name: "" });
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /Saisissez le nom du partenaire/);
      const ok = await inter.post(`/partenaires/${jap}/modifier`, {
        kind: "magistrat",
        name: "JAP – cabinet 2",
        magistrateFunction: "Juge de l'application des peines",
        courtId: "tj33063",
      });
      assert.equal(ok.statusCode, 303);
      const page = await inter.get(`/partenaires/${jap}`);
      assert.match(page.body, /JAP – cabinet 2/);
      assert.match(page.body, /Inactif/);
      const list = await inter.get("/partenaires");
      assert.match(list.body, /JAP – cabinet 2<\/a> <strong class="tag tag--grey">Inactif/);

      const gironde = ctx.accounts.associationIds.gironde;
      const userId = ctx.accounts.users["intervenant@demo.parcours.fr"]?.id ?? "";
      const options = await withTenant(ctx.database.db, { userId, associationId: gironde }, (tx) =>
        partnerOptions(tx),
      );
      assert.deepEqual(
        options.map((o) => o.label),
        ["Centre médico-psychologique Éole (Soins)"],
      );
      const kept = await withTenant(ctx.database.db, { userId, associationId: gironde }, (tx) =>
        partnerOptions(tx, { include: [jap] }),
      );
      assert.ok(
        kept.some(
          (o) => o.id === jap && /Juge de l'application des peines, Bordeaux\) – inactif$/.test(o.label),
        ),
      );
    });

    test("another association sees nothing of this directory and cannot change it", async () => {
      const other = await loggedIn(ctx.app, "intervenant2@demo.parcours.fr");
      const list = await other.get("/partenaires");
      assert.equal(list.statusCode, 200);
      assert.doesNotMatch(list.body, /JAP – cabinet 2/);
      assert.equal((await other.get(`/partenaires/${jap}`)).statusCode, 404);
      assert.equal((await other.get(`/partenaires/${jap}/modifier`)).statusCode, 404);
      await other.get("/partenaires/nouveau");
      const post = await other.post(`/partenaires/${jap}/modifier`, { kind: "autre", name: "Piraté" });
      assert.equal(post.statusCode, 404);
      const [row] = await ctx.database.db.select().from(partners).where(eq(partners.id, jap));
      assert.equal(row?.name, "JAP – cabinet 2");
      assert.equal((await inter.get("/partenaires/pas-un-id")).statusCode, 404);
    });

    test("the federation has no access to the directory", async () => {
      const client = await loggedIn(ctx.app, "federation@demo.parcours.fr");
      assert.equal((await client.get("/partenaires")).statusCode, 403);
    });
  });
}
