import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "drizzle-orm";
import { Client, engines, location, loggedIn, startTestApp, type TestContext } from "../../test/support.ts";
import { queryRows } from "../platform/db.ts";

interface Row {
  user_id: string | null;
  association_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  person_id: string | null;
  detail: Record<string, unknown> | null;
  whole: string;
}

/** The access log rows of one action, read as the database owner (every association). */
function auditRows(ctx: TestContext, action: string): Promise<Row[]> {
  return queryRows<Row>(
    ctx.database.db,
    sql`select user_id, association_id, action, entity, entity_id, person_id, detail, to_jsonb(a)::text as whole
        from audit_log a where action = ${action} order by at, id`,
  );
}

async function newPerson(client: Client, lastName: string, firstName: string): Promise<string> {
  const res = await client.post("/personnes/nouvelle", { lastName, firstName });
  assert.equal(res.statusCode, 303);
  return location(res).split("/").pop() ?? "";
}

async function newMeasure(client: Client, personId: string, referentId: string): Promise<string> {
  const res = await client.post(`/personnes/${personId}/mesures/nouvelle`, {
    typeCode: "cjse",
    magistrateFunction: "Juge d'instruction",
    courtId: "tj57463",
    decisionDate: "2026-10-01",
    receivedDate: "2026-10-02",
    referentId,
  });
  assert.equal(res.statusCode, 303, "measure created");
  return location(res).split("/").pop() ?? "";
}

for (const engine of engines()) {
  describe(`refused accesses and searches in the access log (${engine})`, () => {
    let ctx: TestContext;
    let userId: (email: string) => string;
    before(async () => {
      ctx = await startTestApp(engine);
      userId = (email) => ctx.accounts.users[email]?.id ?? "";
    });
    after(() => ctx.close());

    test("the refused-access audit rows: an intervenant asking for another association's measure", async () => {
      const moselle = await loggedIn(ctx.app, "intervenant2@demo.parcours.fr");
      const theirPerson = await newPerson(moselle, "Lointain", "Hugo");
      const theirMeasure = await newMeasure(moselle, theirPerson, userId("intervenant2@demo.parcours.fr"));

      const ines = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      const refused = await ines.get(`/mesures/${theirMeasure}/obligations`);
      assert.equal(refused.statusCode, 404);
      assert.match(
        refused.body,
        /La page demandée n&#39;existe pas ou vous n&#39;y avez pas accès|n'existe pas/,
      );
      // A mistyped id of her own association is logged the same way, with the pattern only.
      assert.equal((await ines.get("/mesures/pas-un-identifiant")).statusCode, 404);

      const rows = await auditRows(ctx, "acces_refuse");
      assert.equal(rows.length, 2);
      const [first, second] = rows;
      assert.equal(first?.user_id, userId("intervenant@demo.parcours.fr"));
      assert.equal(first?.association_id, ctx.accounts.associationIds.gironde);
      assert.equal(first?.entity, "measure");
      assert.deepEqual(first?.detail, { method: "GET", path: "/mesures/…/obligations", status: 404 });
      assert.equal(second?.detail?.path, "/mesures/…");
      for (const row of rows) {
        assert.equal(row.entity_id, null);
        assert.equal(row.person_id, null);
        assert.ok(!row.whole.includes(theirMeasure), "the other association's measure id is not stored");
        assert.ok(!row.whole.includes(theirPerson), "nor its person's id");
        assert.ok(!row.whole.includes("pas-un-identifiant"), "nor the mistyped id");
      }

      const direction = await loggedIn(ctx.app, "direction@demo.parcours.fr");
      const page = await direction.get("/audit?voir=refus");
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /2 accès refusés, du plus récent au plus ancien/);
      assert.match(page.body, /Inès Martin/);
      assert.match(page.body, /Accès refusé/);
      assert.match(page.body, /\/mesures\/…\/obligations \(consultation\)/);
      assert.ok(!page.body.includes(theirMeasure));

      // The other association's direction does not see Gironde's refusals.
      const otherDirection = await loggedIn(ctx.app, "direction2@demo.parcours.fr");
      const theirs = await otherDirection.get("/audit?voir=refus");
      assert.match(theirs.body, /0 accès refusé,/);
      assert.doesNotMatch(theirs.body, /Inès Martin/);
    });

    test("the federation asking for a person: recorded without association, seen by the administrator only", async () => {
      const ines = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      const person = await newPerson(ines, "Proche", "Léa");
      const marc = await loggedIn(ctx.app, "federation@demo.parcours.fr");
      assert.equal((await marc.get(`/personnes/${person}`)).statusCode, 403);
      assert.equal((await marc.json("GET", `/api/v1/persons/${person}`)).statusCode, 403);

      const rows = (await auditRows(ctx, "acces_refuse")).filter(
        (r) => r.user_id === userId("federation@demo.parcours.fr"),
      );
      assert.deepEqual(
        rows.map((r) => [r.association_id, r.entity, r.detail]),
        [
          [null, "person", { method: "GET", path: "/personnes/…", status: 403 }],
          [null, "person", { method: "GET", path: "/api/v1/persons/…", status: 403 }],
        ],
      );
      assert.ok(rows.every((r) => !r.whole.includes(person)));

      const admin = await loggedIn(ctx.app, "admin@demo.parcours.fr");
      const page = await admin.get("/admin/audit");
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Journal des accès de toutes les associations/);
      assert.match(page.body, /Marc Lambert \(Fédération\)/);
      assert.match(page.body, /Fédération \(sans association\)/);
      assert.match(page.body, /\/api\/v1\/persons\/… \(consultation\)/);
      // The first test's refusals, in another association, are on the same page.
      assert.match(page.body, /Inès Martin \(Intervenant·e socio-judiciaire\)/);
      assert.match(page.body, /Association Démo Gironde/);
      assert.match(page.body, /4 accès refusés/);
      assert.doesNotMatch(page.body, /PROCHE|Proche/, "the administrator sees no person's name");
      assert.match(
        page.body,
        /href="\/admin\/audit"[^>]*aria-current="page"|aria-current="page"[^>]*href="\/admin\/audit"/,
      );

      const direction = await loggedIn(ctx.app, "direction@demo.parcours.fr");
      assert.doesNotMatch((await direction.get("/audit?voir=refus")).body, /Marc Lambert/);
      assert.equal((await direction.get("/admin/audit")).statusCode, 403);
    });

    test("a search is recorded with its number of results and without its term", async () => {
      const ines = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      await newPerson(ines, "Quernevel", "Paul");
      await newPerson(ines, "Quernevel", "Marie");
      const before = (await auditRows(ctx, "recherche")).length;
      const res = await ines.get("/recherche?q=quernevel");
      assert.match(res.body, /2 personnes trouvées par nom/);

      const rows = (await auditRows(ctx, "recherche")).slice(before);
      assert.equal(rows.length, 1);
      assert.equal(rows[0]?.user_id, userId("intervenant@demo.parcours.fr"));
      assert.deepEqual(rows[0]?.detail, { results: 2, by: "name" });
      assert.ok(!rows[0]?.whole.toLowerCase().includes("quernevel"), "the term is not stored");
      // An empty search is not an access.
      await ines.get("/recherche?q=");
      assert.equal((await auditRows(ctx, "recherche")).length, before + 1);

      const direction = await loggedIn(ctx.app, "direction@demo.parcours.fr");
      const page = await direction.get("/audit?voir=recherches");
      assert.match(page.body, /1 recherche, du plus récent au plus ancien/);
      assert.match(page.body, /Inès Martin/);
      assert.match(page.body, /<td>Recherche<\/td>/);
      assert.match(page.body, /2 résultats/);

      // The persons list filtered by name and the API's search are accesses too.
      await ines.get("/personnes?q=quernevel");
      await ines.json("GET", "/api/v1/persons?q=quernevel");
      const more = (await auditRows(ctx, "recherche")).slice(before + 1);
      assert.deepEqual(
        more.map((r) => r.detail),
        [
          { results: 2, by: "liste" },
          { results: 2, by: "api" },
        ],
      );
      assert.ok(more.every((r) => !r.whole.toLowerCase().includes("quernevel")));
      assert.doesNotMatch(page.body, /quernevel/i);
    });

    test("the direction reads its users' refused logins, with the reason and never the password", async () => {
      const stranger = new Client(ctx.app);
      await stranger.get("/connexion");
      const res = await stranger.post("/connexion", {
        email: "intervenant@demo.parcours.fr",
        password: "pas-le-bon-secret",
      });
      assert.equal(res.statusCode, 422);
      const direction = await loggedIn(ctx.app, "direction@demo.parcours.fr");
      const page = await direction.get("/audit?voir=connexions");
      assert.match(page.body, /1 connexion refusée, du plus récent au plus ancien/);
      assert.match(page.body, /Inès Martin/);
      assert.match(page.body, /Connexion refusée/);
      assert.match(page.body, /mot de passe erroné/);
      assert.doesNotMatch(page.body, /pas-le-bon-secret/);
    });
  });
}
