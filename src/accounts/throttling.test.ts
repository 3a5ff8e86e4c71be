import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { and, eq } from "drizzle-orm";
import { engines, location, TEST_PASSWORD, type TestContext } from "../../test/support.ts";
import { auditLog } from "../audit/tables.ts";
import { readTrustProxy } from "../platform/config.ts";
import { loginFrom, startAppWith } from "./account-test-support.ts";
import { emailHash } from "./rules.ts";

const rotating = (i: number) => ({ "x-forwarded-for": `203.0.113.${i + 1}` });

for (const engine of engines()) {
  describe(`login throttling and open redirects, TRUST_PROXY unset (${engine})`, () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await startAppWith(engine, { trustProxy: false });
    });
    after(() => ctx.close());

    test("rotating X-Forwarded-For does not escape the limit when no proxy is trusted", async () => {
      const email = "chef@demo.parcours.fr";
      for (let i = 0; i < 3; i++) {
        const res = await loginFrom(ctx.app, { email, password: `faux-${i}` }, "198.51.100.7", rotating(i));
        assert.equal(res.statusCode, 422);
      }
      const blocked = await loginFrom(
        ctx.app,
        { email, password: TEST_PASSWORD },
        "198.51.100.7",
        rotating(9),
      );
      assert.equal(blocked.statusCode, 429);
      assert.match(blocked.body, /Trop de tentatives pour ce compte depuis cette adresse/);
    });

    test("five wrong passwords from address A do not lock the owner out at address B", async () => {
      const email = "direction@demo.parcours.fr";
      for (let i = 0; i < 6; i++) await loginFrom(ctx.app, { email, password: `devine-${i}` }, "192.0.2.10");
      const stillA = await loginFrom(ctx.app, { email, password: TEST_PASSWORD }, "192.0.2.10");
      assert.equal(stillA.statusCode, 429, "the guessing address waits");
      const owner = await loginFrom(ctx.app, { email, password: TEST_PASSWORD }, "192.0.2.20");
      assert.equal(owner.statusCode, 303, "the owner's right password from elsewhere works");
      assert.equal(location(owner), "/");
    });

    test("every refused login is in the audit log: account or e-mail hash, address, reason, no password", async () => {
      const userId = ctx.accounts.users["direction@demo.parcours.fr"]?.id ?? "";
      const rows = await ctx.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "login_refused"), eq(auditLog.userId, userId)));
      const reasons = rows.map((r) => `${r.detail?.reason} ${r.detail?.ip}`).sort();
      assert.deepEqual(reasons, [
        "compte_et_adresse 192.0.2.10",
        "compte_et_adresse 192.0.2.10",
        "compte_et_adresse 192.0.2.10",
        "compte_et_adresse 192.0.2.10",
        "mot_de_passe 192.0.2.10",
        "mot_de_passe 192.0.2.10",
        "mot_de_passe 192.0.2.10",
      ]);
      assert.ok(rows.every((r) => r.associationId === ctx.accounts.associationIds.gironde));
      assert.ok(
        rows.every((r) => !JSON.stringify(r.detail).includes("devine")),
        "no password kept",
      );

      await loginFrom(ctx.app, { email: "Inconnu@Exemple.fr", password: "secret-123" }, "192.0.2.30");
      const unknown = await ctx.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "login_refused"), eq(auditLog.entity, "connexion")));
      const row = unknown.find((r) => r.detail?.ip === "192.0.2.30");
      assert.equal(row?.userId, null);
      assert.equal(row?.detail?.reason, "compte_inconnu");
      assert.equal(row?.detail?.emailHash, emailHash("inconnu@exemple.fr"));
      assert.ok(!JSON.stringify(row).includes("exemple.fr"), "the e-mail itself is not kept");
    });

    test("after login, retour=/\\evil.example and retour=/<TAB>/evil.example go home, not to evil.example", async () => {
      for (const retour of [
        "/\\evil.example",
        "/\t/evil.example",
        "//evil.example",
        "https://evil.example",
      ]) {
        const page = await ctx.app.inject({
          method: "GET",
          url: `/connexion?retour=${encodeURIComponent(retour)}`,
        });
        assert.doesNotMatch(
          page.body,
          /evil\.example/,
          `${JSON.stringify(retour)} is not carried in the form`,
        );
        const res = await loginFrom(
          ctx.app,
          { email: "intervenant@demo.parcours.fr", password: TEST_PASSWORD, retour },
          "192.0.2.40",
        );
        assert.equal(res.statusCode, 303);
        assert.equal(location(res), "/", JSON.stringify(retour));
      }
      const ok = await loginFrom(
        ctx.app,
        {
          email: "intervenant@demo.parcours.fr",
          password: TEST_PASSWORD,
          retour: "/agenda?semaine=2026-03-09",
        },
        "192.0.2.40",
      );
      assert.equal(location(ok), "/agenda?semaine=2026-03-09");
    });
  });

  describe(`login throttling behind a trusted proxy, TRUST_PROXY=127.0.0.1 (${engine})`, () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await startAppWith(engine, { trustProxy: readTrustProxy("127.0.0.1") });
    });
    after(() => ctx.close());

    test("the proxy's X-Forwarded-For is the client's address", async () => {
      const email = "chef@demo.parcours.fr";
      for (let i = 0; i < 3; i++)
        await loginFrom(ctx.app, { email, password: `faux-${i}` }, "127.0.0.1", {
          "x-forwarded-for": "203.0.113.5",
        });
      const sameClient = await loginFrom(ctx.app, { email, password: TEST_PASSWORD }, "127.0.0.1", {
        "x-forwarded-for": "203.0.113.5",
      });
      assert.equal(sameClient.statusCode, 429);
      const otherClient = await loginFrom(ctx.app, { email, password: TEST_PASSWORD }, "127.0.0.1", {
        "x-forwarded-for": "203.0.113.6",
      });
      assert.equal(otherClient.statusCode, 303, "another client behind the same proxy logs in");
      const [row] = await ctx.database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, "login_refused"))
        .limit(1);
      assert.equal(row?.detail?.ip, "203.0.113.5");
    });

    test("a header sent by anyone but the proxy is ignored", async () => {
      const email = "intervenant2@demo.parcours.fr";
      for (let i = 0; i < 3; i++)
        await loginFrom(ctx.app, { email, password: `faux-${i}` }, "198.51.100.9", rotating(i));
      const res = await loginFrom(ctx.app, { email, password: TEST_PASSWORD }, "198.51.100.9", rotating(7));
      assert.equal(res.statusCode, 429);
    });
  });
}

describe("TRUST_PROXY", () => {
  test("unset or false trusts no header; addresses, ranges or a hop count name the proxy", () => {
    assert.equal(readTrustProxy(undefined), false);
    assert.equal(readTrustProxy(""), false);
    assert.equal(readTrustProxy("false"), false);
    assert.deepEqual(readTrustProxy("127.0.0.1, 10.0.0.0/8"), ["127.0.0.1", "10.0.0.0/8"]);
    const hops = readTrustProxy("1");
    assert.equal(typeof hops, "function");
    assert.throws(() => readTrustProxy("true"), /TRUST_PROXY doit nommer le proxy/);
    assert.throws(() => readTrustProxy("n'importe quoi"), /TRUST_PROXY doit nommer le proxy/);
  });
});
