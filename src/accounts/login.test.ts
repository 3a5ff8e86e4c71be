import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import {
  Client,
  engines,
  location,
  startTestApp,
  TEST_PASSWORD,
  type TestContext,
} from "../../test/support.ts";
import { sessions, users } from "./tables.ts";

for (const engine of engines()) {
  describe(`login and sessions (${engine})`, () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await startTestApp(engine);
    });
    after(() => ctx.close());

    test("a page needs a login and brings the user back to it afterwards", async () => {
      const client = new Client(ctx.app);
      const res = await client.get("/personnes?q=a");
      assert.equal(res.statusCode, 303);
      assert.equal(location(res), "/connexion?retour=%2Fpersonnes%3Fq%3Da");
      const login = await client.get(location(res));
      assert.match(login.body, /name="retour" value="\/personnes\?q=a"/);
      const ok = await client.post("/connexion", {
        email: "Intervenant@Demo.Parcours.fr",
        password: TEST_PASSWORD,
        retour: "/personnes?q=a",
      });
      assert.equal(ok.statusCode, 303);
      assert.equal(location(ok), "/personnes?q=a");
    });

    test("a wrong password or an unknown e-mail gets the same French message, the e-mail kept", async () => {
      const client = new Client(ctx.app);
      await client.get("/connexion");
      const wrong = await client.post("/connexion", { email: "chef@demo.parcours.fr", password: "nope" });
      assert.equal(wrong.statusCode, 422);
      assert.match(wrong.body, /Adresse e-mail ou mot de passe incorrect/);
      assert.match(wrong.body, /value="chef@demo.parcours.fr"/);
      const unknown = await client.post("/connexion", { email: "personne@exemple.fr", password: "nope" });
      assert.match(unknown.body, /Adresse e-mail ou mot de passe incorrect/);
      const empty = await client.post("/connexion", {});
      assert.match(empty.body, /Saisissez votre adresse e-mail/);
      assert.match(empty.body, /Saisissez votre mot de passe/);
    });

    test("after three failures from one address the account pauses there, even with the right password", async () => {
      const client = new Client(ctx.app);
      await client.get("/connexion");
      for (let i = 0; i < 3; i++)
        await client.post("/connexion", { email: "direction@demo.parcours.fr", password: `bad-${i}` });
      const blocked = await client.post("/connexion", {
        email: "direction@demo.parcours.fr",
        password: TEST_PASSWORD,
      });
      assert.equal(blocked.statusCode, 429);
      assert.match(
        blocked.body,
        /Trop de tentatives pour ce compte depuis cette adresse. Réessayez dans 1 minute./,
      );
    });

    test("a form without its CSRF token is refused and changes nothing", async () => {
      const client = new Client(ctx.app);
      await client.login("intervenant@demo.parcours.fr");
      const res = await client.post(
        "/personnes/nouvelle",
        { lastName: "Sans", firstName: "Jeton" },
        { csrf: null },
      );
      assert.equal(res.statusCode, 403);
      assert.match(res.body, /Le formulaire a expiré/);
      const forged = await client.post(
        "/personnes/nouvelle",
        { lastName: "Sans", firstName: "Jeton" },
        { csrf: "forged-token" },
      );
      assert.equal(forged.statusCode, 403);
      const list = await client.get("/personnes?q=Sans");
      assert.doesNotMatch(list.body, /SANS Jeton/);
    });

    test("logging out ends the server-side session", async () => {
      const client = new Client(ctx.app);
      await client.login("chef@demo.parcours.fr");
      const userId = ctx.accounts.users["chef@demo.parcours.fr"]?.id ?? "";
      const before = await ctx.database.db.select().from(sessions).where(eq(sessions.userId, userId));
      assert.ok(before.length >= 1);
      const out = await client.post("/deconnexion", {});
      assert.equal(out.statusCode, 303);
      const after = await ctx.database.db.select().from(sessions).where(eq(sessions.userId, userId));
      assert.equal(after.length, 0);
      const page = await client.get("/");
      assert.equal(page.statusCode, 303);
    });

    test("a disabled account is logged out at its next request and cannot log in", async () => {
      const client = new Client(ctx.app);
      await client.login("intervenant.adultes@demo.parcours.fr");
      await ctx.database.db
        .update(users)
        .set({ active: false })
        .where(eq(users.email, "intervenant.adultes@demo.parcours.fr"));
      const page = await client.get("/");
      assert.equal(page.statusCode, 303);
      const again = new Client(ctx.app);
      await again.get("/connexion");
      const res = await again.post("/connexion", {
        email: "intervenant.adultes@demo.parcours.fr",
        password: TEST_PASSWORD,
      });
      assert.equal(res.statusCode, 422);
    });

    test("the session cookie is httpOnly and SameSite, and pages carry a CSP with a nonce", async () => {
      const res = await ctx.app.inject({ method: "GET", url: "/connexion" });
      const cookie = String(res.headers["set-cookie"] ?? "");
      assert.match(cookie, /HttpOnly/i);
      assert.match(cookie, /SameSite=Lax/i);
      assert.match(String(res.headers["content-security-policy"]), /script-src 'self' 'nonce-/);
    });

    test("/healthz answers with the database reachable", async () => {
      const res = await ctx.app.inject({ method: "GET", url: "/healthz" });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), { status: "ok", database: engine });
    });
  });
}
