import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { DEMO_ACCOUNTS } from "../src/demo/accounts.ts";
import { engines, loggedIn, startTestApp, type TestContext } from "./support.ts";

/** Every screen a role can reach from the navigation answers, for every role. */
for (const engine of engines().slice(0, 1)) {
  describe(`navigation of every role (${engine})`, () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await startTestApp(engine);
    });
    after(() => ctx.close());

    for (const account of DEMO_ACCOUNTS) {
      test(`${account.role} (${account.email}) reaches every page of their navigation`, async () => {
        const client = await loggedIn(ctx.app, account.email);
        const home = await client.get("/");
        assert.equal(home.statusCode, 200);
        const nav =
          /<nav class="site-nav" aria-label="Navigation principale">([\s\S]*?)<\/nav>/.exec(home.body)?.[1] ??
          "";
        const links = [...nav.matchAll(/href="([^"]+)"/g)].map((m) => m[1] ?? "");
        assert.ok(links.length >= 2, "a navigation is shown");
        for (const href of links) {
          const res = await client.get(href);
          assert.equal(res.statusCode, 200, `${href} answered ${res.statusCode}`);
        }
      });
    }
  });
}
