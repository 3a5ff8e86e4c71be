import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { engines, loggedIn, startTestApp, type TestContext } from "../../test/support.ts";
import { users } from "../accounts/tables.ts";

function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

/** The accounts' e-mails listed in the table, in order. */
function emails(html: string): string[] {
  return [...html.matchAll(/<td>([^<@]+@[^<]+)<\/td>/g)].map((m) => m[1] ?? "");
}

for (const engine of engines()) {
  describe(`the administrator's user list (${engine})`, () => {
    let ctx: TestContext;
    const logs: string[] = [];
    let seeded = 0;

    before(async () => {
      ctx = await startTestApp(engine, { logStream: { write: (line) => logs.push(line) }, logLevel: "info" });
      seeded = Object.keys(ctx.accounts.users).length;
      // 30 more accounts of the federation; one with accents, one with a literal % in its address.
      await ctx.database.db.insert(users).values(
        Array.from({ length: 30 }, (_, i) => ({
          email: i === 7 ? "promo%100@exemple.fr" : `compte${String(i).padStart(2, "0")}@exemple.fr`,
          passwordHash: "x",
          firstName: i === 3 ? "Élodie" : "Prénom",
          lastName: i === 3 ? "Hébert" : `Zeta${String(i).padStart(2, "0")}`,
          role: "formation" as const,
          active: i !== 5,
        })),
      );
    });
    after(() => ctx?.close());

    test("25 accounts a page, with the count and the pages", async () => {
      const admin = await loggedIn(ctx.app, "admin@demo.parcours.fr");
      const total = seeded + 30;
      const first = await admin.get("/admin/utilisateurs");
      assert.equal(first.statusCode, 200);
      assert.equal(emails(first.body).length, 25);
      assert.ok(text(first.body).includes(`${total} comptes, page 1 sur 2`));
      const second = await admin.get("/admin/utilisateurs?page=2");
      assert.equal(emails(second.body).length, total - 25);
      assert.ok(text(second.body).includes(`${total} comptes, page 2 sur 2`));
      assert.deepEqual(
        emails(first.body).filter((e) => emails(second.body).includes(e)),
        [],
        "no account on both pages",
      );
      // A page past the end shows the last page.
      assert.deepEqual(emails((await admin.get("/admin/utilisateurs?page=9")).body), emails(second.body));
    });

    test("searched by name (accents and case ignored) or by e-mail, the term never logged", async () => {
      const admin = await loggedIn(ctx.app, "admin@demo.parcours.fr");
      const byName = await admin.get(`/admin/utilisateurs?q=${encodeURIComponent("elodie hebert")}`);
      assert.deepEqual(emails(byName.body), ["compte03@exemple.fr"]);
      assert.ok(text(byName.body).includes("1 compte pour « elodie hebert »"));
      assert.match(byName.body, /name="q"[^>]*value="elodie hebert"/);

      const byLastName = await admin.get(`/admin/utilisateurs?q=${encodeURIComponent("HÉBERT Élodie")}`);
      assert.deepEqual(emails(byLastName.body), ["compte03@exemple.fr"]);

      const byEmail = await admin.get("/admin/utilisateurs?q=direction");
      assert.deepEqual(emails(byEmail.body), ["direction@demo.parcours.fr", "direction2@demo.parcours.fr"]);

      const percent = await admin.get(`/admin/utilisateurs?q=${encodeURIComponent("%1")}`);
      assert.deepEqual(emails(percent.body), ["promo%100@exemple.fr"]);

      const none = await admin.get("/admin/utilisateurs?q=introuvable");
      assert.ok(text(none.body).includes("0 compte pour « introuvable »"));
      assert.ok(text(none.body).includes("Aucun compte ne correspond à cette recherche."));

      const log = logs.join("\n");
      for (const term of ["elodie", "hebert", "introuvable", "HÉBERT"]) assert.ok(!log.includes(term), term);
    });

    test("filtered: accounts never used, deactivated accounts", async () => {
      const admin = await loggedIn(ctx.app, "admin@demo.parcours.fr");
      const disabled = await admin.get("/admin/utilisateurs?etat=desactive");
      assert.deepEqual(emails(disabled.body), ["compte05@exemple.fr"]);
      assert.ok(text(disabled.body).includes("1 compte"));

      const never = await admin.get("/admin/utilisateurs?etat=jamais_connecte&q=zeta2");
      assert.deepEqual(
        emails(never.body),
        Array.from({ length: 10 }, (_, i) => `compte${20 + i}@exemple.fr`),
      );
      assert.ok(text(never.body).includes("Jamais connecté (créé le"));
      // The administrator logged in: not in the list of accounts never used.
      const admins = await admin.get("/admin/utilisateurs?etat=jamais_connecte&q=admin");
      assert.deepEqual(emails(admins.body), []);
    });
  });
}
