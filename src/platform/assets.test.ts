import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { engines, loggedIn, startTestApp, type TestContext } from "../../test/support.ts";
import { hashedName, PUBLIC_DIR } from "./assets.ts";

describe("hashed asset names", () => {
  const cases: [string, string, RegExp][] = [
    ["css/parcours.css", "body{}", /^css\/parcours\.[0-9a-f]{10}\.css$/],
    ["js/enhance.js", "void 0", /^js\/enhance\.[0-9a-f]{10}\.js$/],
    ["logo", "x", /^logo\.[0-9a-f]{10}$/],
  ];
  for (const [name, content, expected] of cases) {
    test(name, () => assert.match(hashedName(name, content), expected));
  }
  test("the name changes with the content, not otherwise", () => {
    assert.equal(hashedName("a.css", "x"), hashedName("a.css", "x"));
    assert.notEqual(hashedName("a.css", "x"), hashedName("a.css", "y"));
  });
});

/** A page without what changes at each request (CSP nonce, CSRF token). */
const stable = (html: string) =>
  html.replace(/nonce="[^"]+"/g, 'nonce=""').replace(/name="_csrf" value="[^"]+"/g, 'name="_csrf" value=""');

for (const engine of engines()) {
  describe(`compression and caching (${engine})`, () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await startTestApp(engine);
    });
    after(async () => ctx?.close());

    test("pages travel compressed with Brotli, else gzip, and are still never cached", async () => {
      const client = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      const plain = await client.raw({ method: "GET", url: "/agenda" });
      assert.equal(plain.headers["content-encoding"], undefined, "no compression when not asked for");
      const br = await client.raw({
        method: "GET",
        url: "/agenda",
        headers: { "accept-encoding": "br, gzip" },
      });
      assert.equal(br.statusCode, 200);
      assert.equal(br.headers["content-encoding"], "br");
      assert.equal(br.headers["cache-control"], "no-store");
      const html = brotliDecompressSync(br.rawPayload).toString("utf8");
      assert.equal(stable(html), stable(plain.body));
      assert.match(html, /<h1[^>]*>Mon agenda<\/h1>/);
      assert.ok(
        br.rawPayload.length < plain.rawPayload.length / 2,
        `${br.rawPayload.length} of ${plain.rawPayload.length} bytes`,
      );
      const gz = await client.raw({ method: "GET", url: "/agenda", headers: { "accept-encoding": "gzip" } });
      assert.equal(gz.headers["content-encoding"], "gzip");
      assert.equal(stable(gunzipSync(gz.rawPayload).toString("utf8")), stable(plain.body));
    });

    test("a small answer is sent as it is", async () => {
      const res = await ctx.app.inject({
        method: "GET",
        url: "/healthz",
        headers: { "accept-encoding": "br" },
      });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers["content-encoding"], undefined);
      assert.equal(res.json().status, "ok");
    });

    test("pages link the stylesheet and script by content hash, cached for a year", async () => {
      const page = await ctx.app.inject({ method: "GET", url: "/connexion" });
      const css = /href="(\/static\/css\/parcours\.[0-9a-f]{10}\.css)"/.exec(page.body)?.[1];
      const js = /src="(\/static\/js\/enhance\.[0-9a-f]{10}\.js)"/.exec(page.body)?.[1];
      assert.ok(css && js, "hashed asset URLs in the page");
      for (const [url, file] of [
        [css, "css/parcours.css"],
        [js, "js/enhance.js"],
      ] as const) {
        const res = await ctx.app.inject({ method: "GET", url });
        assert.equal(res.statusCode, 200, url);
        assert.equal(res.headers["cache-control"], "public, max-age=31536000, immutable", url);
        assert.equal(res.body, readFileSync(path.join(PUBLIC_DIR, file), "utf8"));
      }
      const plainCss = await ctx.app.inject({ method: "GET", url: "/static/css/parcours.css" });
      assert.equal(plainCss.headers["cache-control"], "public, max-age=3600");
      const wrongHash = await ctx.app.inject({ method: "GET", url: "/static/css/parcours.0000000000.css" });
      assert.equal(wrongHash.statusCode, 404);
    });
  });
}
