import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { count, eq } from "drizzle-orm";
import { users } from "../src/accounts/tables.ts";
import { persons } from "../src/persons/tables.ts";
import { engines, loggedIn, startTestApp, type TestContext } from "./support.ts";

/**
 * Hostile input at the single shared place (normalizeForm / validateForm, the request guard and the
 * API's strict schemas): a NUL byte, a year 0000, an id that is not a UUID, a wrong JSON type each get
 * a French message, never a 500, and nothing is saved.
 */
const CONTROL = "Ce champ contient un caractère non autorisé (caractère de contrôle invisible) : retirez-le";
const NUL = "\u0000";

/** The page's text with its entities decoded, so messages with apostrophes can be matched. */
const text = (html: string) =>
  html
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");

for (const engine of engines()) {
  describe(`hostile input gets a French message, never a 500 (${engine})`, () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await startTestApp(engine);
    });
    after(() => ctx.close());

    const personCount = async () => (await ctx.database.db.select({ n: count() }).from(persons))[0]?.n ?? 0;

    test("a NUL byte in a person's last name is refused at the field, the rest kept, nothing saved", async () => {
      const client = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      await client.get("/personnes/nouvelle");
      const before = await personCount();
      const res = await client.post("/personnes/nouvelle", {
        lastName: `Du${NUL}pont`,
        firstName: "Ana\u0085",
        city: "Mérignac",
      });
      assert.equal(res.statusCode, 422);
      const page = text(res.body);
      assert.match(page, /id="f-lastName-error"[^>]*>[\s\S]*?Ce champ contient un caractère non autorisé/);
      assert.match(page, /id="f-firstName-error"[^>]*>[\s\S]*?Ce champ contient un caractère non autorisé/);
      assert.match(page, /value="Dupont"/, "the typed value is shown again without the control character");
      assert.match(page, /value="Mérignac"/);
      assert.equal(await personCount(), before);
    });

    test("a year 0000, a 2-digit year and 29/02 of a common year are refused; typed parts kept", async () => {
      const client = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      await client.get("/personnes/nouvelle");
      const before = await personCount();
      for (const [typed, message] of [
        [{ birthDate: "0000-01-01" }, "La date de naissance doit être une vraie date"],
        [{ birthDate: "01/01/0000" }, "La date de naissance doit être une vraie date"],
        [
          { "birthDate-jour": "29", "birthDate-mois": "2", "birthDate-annee": "1990" },
          "La date de naissance doit être une vraie date",
        ],
        [
          { "birthDate-jour": "27", "birthDate-mois": "3", "birthDate-annee": "90" },
          "L'année doit comporter 4 chiffres",
        ],
        [
          { "birthDate-jour": "27", "birthDate-mois": "", "birthDate-annee": "1990" },
          "La date de naissance doit comporter un jour, un mois et une année",
        ],
        [
          { "birthDate-jour": "1", "birthDate-mois": "1", "birthDate-annee": "1899" },
          "La date de naissance ne peut pas être antérieure au 01/01/1900",
        ],
      ] as const) {
        const res = await client.post("/personnes/nouvelle", {
          lastName: "Date",
          firstName: "Zoé",
          ...typed,
        });
        assert.equal(res.statusCode, 422, JSON.stringify(typed));
        assert.ok(text(res.body).includes(message), `${JSON.stringify(typed)}: ${message}`);
      }
      const kept = await client.post("/personnes/nouvelle", {
        lastName: "Date",
        firstName: "Zoé",
        "birthDate-jour": "29",
        "birthDate-mois": "2",
        "birthDate-annee": "1990",
      });
      assert.match(kept.body, /name="birthDate-jour"[^>]*value="29"/);
      assert.match(kept.body, /name="birthDate-mois"[^>]*value="2"/);
      assert.match(kept.body, /name="birthDate-annee"[^>]*value="1990"/);
      assert.equal(await personCount(), before);
    });

    test("a NUL byte in the login e-mail gets the French message at the field", async () => {
      const client = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      await client.post("/deconnexion", {});
      await client.get("/connexion");
      const res = await client.post("/connexion", {
        email: `intervenant@demo.parcours.fr${NUL}`,
        password: "x",
      });
      assert.equal(res.statusCode, 422);
      assert.ok(text(res.body).includes(CONTROL));
    });

    test("a NUL byte in a search box or a filter answers a French message, not a 500", async () => {
      const client = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      for (const url of [
        `/recherche?q=Du%00pont`,
        `/personnes?q=%00`,
        `/?status=%00`,
        `/agenda?semaine=2026-W10%00`,
      ]) {
        const res = await client.get(url);
        assert.equal(res.statusCode, 422, url);
        assert.ok(text(res.body).includes("contient un caractère non autorisé"), url);
      }
      const api = await client.json("GET", "/api/v1/persons?q=a%00b");
      assert.equal(api.statusCode, 422);
      const problem = api.json() as { errors: { field: string; message: string }[] };
      assert.equal(problem.errors[0]?.field, "q");
      assert.match(problem.errors[0]?.message ?? "", /caractère non autorisé/);
    });

    test("an id that is not a UUID in a URL is the French 404 page (or a 404 problem in the API)", async () => {
      const client = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      for (const url of [
        "/personnes/abc",
        "/mesures/1/ecrits",
        "/personnes/'%20or%201=1--",
        "/rendez-vous/%00",
      ]) {
        const res = await client.get(url);
        assert.equal(res.statusCode, 404, url);
        assert.match(res.body, /La page demandée n'existe pas ou vous n'y avez pas accès|n&#39;existe pas/);
      }
      const api = await client.json("GET", "/api/v1/measures/not-a-uuid");
      assert.equal(api.statusCode, 404);
      assert.equal((api.json() as { title: string }).title, "Page introuvable");
    });

    test("a non-UUID association in the admin user form is a French error at the field, no account created", async () => {
      const admin = await loggedIn(ctx.app, "admin@demo.parcours.fr");
      const form = await admin.get("/admin/utilisateurs/nouveau");
      assert.equal(form.statusCode, 200);
      const usersBefore = (await ctx.database.db.select({ n: count() }).from(users))[0]?.n ?? 0;
      const res = await admin.post("/admin/utilisateurs/nouveau", {
        firstName: "Nina",
        lastName: "Hostile",
        email: "nina.hostile@example.invalid",
        role: "intervenant",
        associationId: "1 or 1=1",
        password: "un-mot-de-passe-assez-long-2026",
      });
      assert.equal(res.statusCode, 422);
      assert.ok(text(res.body).includes("Choisissez une association dans la liste"));
      const usersAfter = (await ctx.database.db.select({ n: count() }).from(users))[0]?.n ?? 0;
      assert.equal(usersAfter, usersBefore);
    });

    test("the API refuses wrong JSON types and unknown fields with a 422 listing each field", async () => {
      const client = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      await client.get("/");
      const before = await personCount();
      const res = await client.json("POST", "/api/v1/persons", {
        lastName: true,
        firstName: 12,
        birthDate: "0000-01-01",
        nickname: "Jo",
      });
      assert.equal(res.statusCode, 422);
      assert.match(String(res.headers["content-type"]), /application\/problem\+json/);
      const problem = res.json() as { status: number; errors: { field: string; message: string }[] };
      const byField = Object.fromEntries(problem.errors.map((e) => [e.field, e.message]));
      assert.equal(byField.lastName, "Ce champ doit être un texte (entre guillemets)");
      assert.equal(byField.firstName, "Ce champ doit être un texte (entre guillemets)");
      assert.equal(byField.nickname, "Ce champ n'existe pas : retirez-le");
      assert.equal(byField.birthDate, "La date de naissance doit être une vraie date");
      const nul = await client.json("POST", "/api/v1/persons", { lastName: `A${NUL}`, firstName: "B" });
      assert.equal(nul.statusCode, 422);
      const nulProblem = nul.json() as { errors: { field: string; message: string }[] };
      assert.deepEqual(nulProblem.errors, [{ field: "lastName", message: CONTROL }]);
      assert.equal(await personCount(), before);
    });

    test("the CISJ search answers when it matches a deactivated account", async () => {
      const [trainee] = await ctx.database.db
        .select({ id: users.id, lastName: users.lastName })
        .from(users)
        .where(eq(users.email, "intervenant2@demo.parcours.fr"));
      assert.ok(trainee);
      await ctx.database.db.update(users).set({ active: false }).where(eq(users.id, trainee.id));
      const formation = await loggedIn(ctx.app, "formation@demo.parcours.fr");
      const res = await formation.get(`/cisj?q=${encodeURIComponent(trainee.lastName)}`);
      assert.equal(res.statusCode, 200);
      assert.ok(text(res.body).includes(trainee.lastName));
    });
  });
}
