import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import type { ParsedMail } from "mailparser";
import { startTestSmtp, type TestSmtp } from "../../test/smtp.ts";
import { Client, engines, location, loggedIn, TEST_PASSWORD, type TestContext } from "../../test/support.ts";
import { startAppWith } from "./account-test-support.ts";
import { hashResetToken } from "./rules.ts";
import { passwordResetTokens, users } from "./tables.ts";

const STRONG = "girafe-timbale-escalier-orage";

async function waitFor<T>(find: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const linkIn = (mail: ParsedMail) => /\/mot-de-passe\/([A-Za-z0-9_-]+)/.exec(mail.text ?? "")?.[1];
const mailTo = (received: ParsedMail[], address: string) => () =>
  received.find((m) =>
    (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).some((a) => a.text.includes(address)),
  );

for (const engine of engines()) {
  describe(`passwords and accounts (${engine})`, () => {
    let ctx: TestContext;
    let smtp: TestSmtp;
    before(async () => {
      smtp = await startTestSmtp();
      ctx = await startAppWith(engine, { smtpUrl: smtp.url, publicUrl: "https://parcours.example" });
    });
    after(async () => {
      await ctx.close();
      await smtp.close();
    });

    test("a weak new password is refused with a French explanation, values not sent back", async () => {
      const client = await loggedIn(ctx.app, "chef@demo.parcours.fr");
      const page = await client.get("/");
      assert.match(page.body, /href="\/mon-compte"/, "every page links to « Mon compte »");
      await client.get("/mon-compte");
      const weak = await client.post("/mon-compte/mot-de-passe", {
        currentPassword: TEST_PASSWORD,
        newPassword: "azertyuiopqsdf",
        confirmation: "azertyuiopqsdf",
      });
      assert.equal(weak.statusCode, 422);
      assert.match(weak.body, /Ce mot de passe est trop facile à deviner/);
      assert.match(weak.body, /clavier/);
      assert.doesNotMatch(weak.body, /azertyuiopqsdf/);
      const wrong = await client.post("/mon-compte/mot-de-passe", {
        currentPassword: "pas-le-bon",
        newPassword: STRONG,
        confirmation: `${STRONG}x`,
      });
      assert.equal(wrong.statusCode, 422);
      assert.match(wrong.body, /Le mot de passe actuel est incorrect/);
      assert.match(wrong.body, /La confirmation ne correspond pas au nouveau mot de passe/);
    });

    test("changing one's password needs the current one and ends the other sessions", async () => {
      const email = "intervenant2@demo.parcours.fr";
      const here = await loggedIn(ctx.app, email);
      const elsewhere = await loggedIn(ctx.app, email);
      await here.get("/mon-compte");
      const res = await here.post("/mon-compte/mot-de-passe", {
        currentPassword: TEST_PASSWORD,
        newPassword: STRONG,
        confirmation: STRONG,
      });
      assert.equal(res.statusCode, 303);
      const after = await here.get("/mon-compte");
      assert.equal(after.statusCode, 200, "this browser stays logged in");
      assert.match(after.body, /Votre mot de passe a été changé. Vos autres sessions ont été fermées./);
      assert.equal((await elsewhere.get("/")).statusCode, 303, "the other browser is logged out");
      await assert.rejects(new Client(ctx.app).login(email, TEST_PASSWORD), /login of .* failed: 422/);
      await new Client(ctx.app).login(email, STRONG);
    });

    test("a forgotten password: the same answer for any address, a mail with a link for a real one", async () => {
      const client = new Client(ctx.app);
      const login = await client.get("/connexion");
      assert.match(login.body, /href="\/mot-de-passe-oublie"[^>]*>Mot de passe oublié ?/);
      await client.get("/mot-de-passe-oublie");
      const known = await client.post("/mot-de-passe-oublie", { email: "Direction2@demo.parcours.fr" });
      const unknown = await client.post("/mot-de-passe-oublie", { email: "personne@exemple.fr" });
      assert.equal(known.statusCode, 200);
      assert.equal(unknown.statusCode, 200);
      const answer = (body: string) => /<main[\s\S]*<\/main>/.exec(body.replace(/value="[^"]*"/g, ""))?.[0];
      assert.ok(answer(known.body));
      assert.equal(answer(known.body), answer(unknown.body));
      assert.match(
        known.body,
        /Si un compte Parcours existe pour cette adresse, un e-mail vient de lui être envoyé/,
      );
      assert.doesNotMatch(known.body, /mot-de-passe\/[A-Za-z0-9_-]{20}/, "the link is never on the page");

      const mail = await waitFor(mailTo(smtp.received, "direction2@demo.parcours.fr"), "the reset e-mail");
      assert.equal(mail.subject, "Parcours : choisir votre mot de passe");
      assert.match(mail.text ?? "", /Bonjour Anne,/);
      assert.match(mail.text ?? "", /https:\/\/parcours\.example\/mot-de-passe\//);
      assert.equal(
        smtp.received.filter((m) => JSON.stringify(m.to).includes("personne@exemple.fr")).length,
        0,
      );
      const token = linkIn(mail) ?? "";
      const [stored] = await ctx.database.db
        .select()
        .from(passwordResetTokens)
        .where(eq(passwordResetTokens.tokenHash, hashResetToken(token)));
      assert.ok(stored, "only the token's hash is stored");
      assert.equal(Math.round((stored.expiresAt.getTime() - stored.createdAt.getTime()) / 60_000), 60);

      const form = await client.get(`/mot-de-passe/${token}`);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /Pour le compte direction2@demo.parcours.fr/);
      const weak = await client.post(`/mot-de-passe/${token}`, {
        newPassword: "motdepasse123",
        confirmation: "motdepasse123",
      });
      assert.equal(weak.statusCode, 422);
      assert.match(weak.body, /trop facile à deviner/);
      const done = await client.post(`/mot-de-passe/${token}`, { newPassword: STRONG, confirmation: STRONG });
      assert.equal(done.statusCode, 200);
      assert.match(done.body, /Votre mot de passe est enregistré/);
      const again = await client.get(`/mot-de-passe/${token}`);
      assert.equal(again.statusCode, 410, "the link is single use");
      assert.match(again.body, /Ce lien n&#39;est plus valable|Ce lien n'est plus valable/);
      await new Client(ctx.app).login("direction2@demo.parcours.fr", STRONG);
    });

    test("a reset link expires after one hour", async () => {
      const client = new Client(ctx.app);
      await client.get("/mot-de-passe-oublie");
      await client.post("/mot-de-passe-oublie", { email: "federation@demo.parcours.fr" });
      const mail = await waitFor(mailTo(smtp.received, "federation@demo.parcours.fr"), "the reset e-mail");
      const token = linkIn(mail) ?? "";
      await ctx.database.db
        .update(passwordResetTokens)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(passwordResetTokens.tokenHash, hashResetToken(token)));
      assert.equal((await client.get(`/mot-de-passe/${token}`)).statusCode, 410);
      const res = await client.post(`/mot-de-passe/${token}`, { newPassword: STRONG, confirmation: STRONG });
      assert.equal(res.statusCode, 410);
      await new Client(ctx.app).login("federation@demo.parcours.fr", TEST_PASSWORD);
    });

    test("an account created by the administrator chooses its own password at first login", async () => {
      const admin = await loggedIn(ctx.app, "admin@demo.parcours.fr");
      await admin.get("/admin/utilisateurs/nouveau");
      const created = await admin.post("/admin/utilisateurs/nouveau", {
        firstName: "Paul",
        lastName: "Nouveau",
        email: "paul.nouveau@exemple.fr",
        role: "formation",
        password: "provisoire-a-changer",
      });
      assert.equal(created.statusCode, 303);
      const paul = new Client(ctx.app);
      await paul.get("/connexion");
      const first = await paul.post("/connexion", {
        email: "paul.nouveau@exemple.fr",
        password: "provisoire-a-changer",
        retour: "/formation",
      });
      assert.equal(location(first), "/connexion/mot-de-passe");
      assert.equal((await paul.get("/")).statusCode, 303, "nothing else before choosing");
      const page = await paul.get("/connexion/mot-de-passe");
      assert.match(page.body, /<h1>Choisissez votre mot de passe<\/h1>/);
      const same = await paul.post("/connexion/mot-de-passe", {
        newPassword: "provisoire-a-changer",
        confirmation: "provisoire-a-changer",
      });
      assert.equal(same.statusCode, 422);
      assert.match(same.body, /différent du mot de passe provisoire/);
      const chosen = await paul.post("/connexion/mot-de-passe", {
        newPassword: STRONG,
        confirmation: STRONG,
      });
      assert.equal(chosen.statusCode, 303);
      assert.equal(location(chosen), "/formation");
      assert.equal((await paul.get("/formation")).statusCode, 200);
      const later = new Client(ctx.app);
      await later.get("/connexion");
      const second = await later.post("/connexion", { email: "paul.nouveau@exemple.fr", password: STRONG });
      assert.equal(location(second), "/", "no second change");
    });

    test("the administrator sends a reset link by e-mail", async () => {
      const admin = await loggedIn(ctx.app, "admin@demo.parcours.fr");
      const list = await admin.get("/admin/utilisateurs");
      assert.match(list.body, /Envoyer un lien de réinitialisation/);
      const id = ctx.accounts.users["intervenant.mineurs@demo.parcours.fr"]?.id ?? "";
      const res = await admin.post(`/admin/utilisateurs/${id}/lien-mot-de-passe`, {});
      assert.equal(res.statusCode, 303);
      const next = await admin.get("/admin/utilisateurs");
      assert.match(
        next.body,
        /Un lien pour choisir un nouveau mot de passe a été envoyé à intervenant.mineurs@demo.parcours.fr/,
      );
      const mail = await waitFor(
        mailTo(smtp.received, "intervenant.mineurs@demo.parcours.fr"),
        "the admin's e-mail",
      );
      assert.match(mail.text ?? "", /L'administrateur de Parcours vous envoie un lien/);
      const direction = await loggedIn(ctx.app, "direction@demo.parcours.fr");
      assert.equal((await direction.post(`/admin/utilisateurs/${id}/lien-mot-de-passe`, {})).statusCode, 403);
    });
  });

  describe(`passwords without a mail server (${engine})`, () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await startAppWith(engine, { smtpUrl: null });
    });
    after(() => ctx.close());

    test("the forgotten-password page never shows a link; the administrator gets one to hand over", async () => {
      const client = new Client(ctx.app);
      await client.get("/mot-de-passe-oublie");
      const res = await client.post("/mot-de-passe-oublie", { email: "chef@demo.parcours.fr" });
      assert.equal(res.statusCode, 200);
      assert.doesNotMatch(res.body, /\/mot-de-passe\/[A-Za-z0-9_-]{20}/);
      const admin = await loggedIn(ctx.app, "admin@demo.parcours.fr");
      const id = ctx.accounts.users["chef@demo.parcours.fr"]?.id ?? "";
      const page = await admin.post(`/admin/utilisateurs/${id}/lien-mot-de-passe`, {});
      assert.equal(page.statusCode, 200);
      assert.match(
        page.body,
        /Aucun serveur d&#39;e-mail n&#39;est configuré|Aucun serveur d'e-mail n'est configuré/,
      );
      const token = /\/mot-de-passe\/([A-Za-z0-9_-]{20,})/.exec(page.body)?.[1] ?? "";
      const [user] = await ctx.database.db.select().from(users).where(eq(users.id, id));
      assert.ok(user);
      const done = await client.post(`/mot-de-passe/${token}`, { newPassword: STRONG, confirmation: STRONG });
      assert.equal(done.statusCode, 200);
      await new Client(ctx.app).login("chef@demo.parcours.fr", STRONG);
    });
  });
}
