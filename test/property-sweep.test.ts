import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import type { RouteEntry } from "../src/platform/app.ts";
import { normalizeForm } from "../src/platform/forms.ts";
import { type Client, engines, startTestApp, type TestContext } from "./support.ts";
import {
  type FieldValue,
  fieldArbitrary,
  hostileString,
  jsonBody,
  describe as show,
} from "./sweep/hostile.ts";
import { formsOf, type PageForm, shownValues } from "./sweep/html-forms.ts";
import {
  concreteUrl,
  type Discovery,
  discover,
  rowCounter,
  seedSweepData,
  type Target,
} from "./sweep/setup.ts";

/**
 * Issue 8, item 4: every form and every API write route of the app's own route table receives hostile
 * values (control characters, 100 kB strings, combining marks, right-to-left text, emoji, impossible
 * dates, strange numbers, duplicated fields, wrong JSON types) with a valid session and CSRF token.
 * The answer is never a 5xx; a 422 page shows every typed value again (without its control characters);
 * an error writes nothing. A new route is swept without editing this file: its form is found by
 * browsing the app as each demo account, or it is posted to with the identifiers seen in links.
 *
 * Reproduce a failure with the seed it prints: SWEEP_SEED=<seed> node --import tsx --test <this file>.
 */
const SEED = Number(process.env.SWEEP_SEED ?? 20_260_408);
// PGlite: 6 runs per route keep the file under two minutes on a shared 2-core machine. The PostgreSQL
// server runs the same code paths (only the engine differs): fewer runs there.
const RUNS: Record<string, number> = { pglite: Number(process.env.SWEEP_RUNS ?? 6), postgres: 3 };

/** Write routes not swept here, and why. */
const NOT_SWEPT: Record<string, string> = {
  "POST /deconnexion": "ends the session the sweep posts with",
  // Uploads (multipart with a file) have their own hostile-file tests with the upload checks.
  "POST /mesures/:id/obligations/:obligationId/justificatifs": "multipart upload of a proof",
  "POST /formation/parcours/memoire": "multipart upload of the mémoire",
  "POST /cisj/dossiers/:id/memoire": "multipart upload of the mémoire",
  "POST /cnc/candidatures/:id/pieces": "multipart upload of a piece",
  "POST /cnc/suivi/:token/pieces": "multipart upload of a piece by the candidate",
};

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
/** Fields a person types in (their value must come back on a 422); not passwords, hidden or choices. */
const TYPED_KINDS = new Set(["text", "email", "tel", "date", "number", "search", "url", "time", "textarea"]);
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

/** The form body of one run: pairs, so that duplicated and odd names (`__proto__`) go through as sent. */
function bodyOf(form: PageForm, values: FieldValue[], extra: [string, string] | null): [string, string][] {
  const pairs: [string, string][] = [];
  form.fields.forEach((field, i) => {
    const v = values[i] ?? { kind: "page" };
    if (v.kind === "page" && field.value !== "") pairs.push([field.name, field.value]);
    if (v.kind === "option") pairs.push([field.name, v.value]);
    if (v.kind === "hostile") pairs.push([field.name, v.value]);
    if (v.kind === "duplicated") for (const item of v.values) pairs.push([field.name, item]);
  });
  if (form.button && !pairs.some(([n]) => n === form.button?.name))
    pairs.push([form.button.name, form.button.value]);
  if (extra) pairs.push(extra);
  return pairs;
}

async function post(client: Client, url: string, pairs: [string, string][]) {
  const body = new URLSearchParams(pairs);
  body.append("_csrf", client.csrf);
  return client.raw({
    method: "POST",
    url,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    payload: body.toString(),
  });
}

/** The ways a typed value may legitimately be shown again: as typed, or as the form reads it (ISO date). */
function shownForms(name: string, typed: string): string[] {
  const clean = typed.replace(/\r\n?/g, "\n").replace(CONTROL, "").trim();
  const normalised = normalizeForm({ [name]: typed.replace(CONTROL, "") })[name];
  const forms = [clean, clean.replace(/\s/g, ""), ...(typeof normalised === "string" ? [normalised] : [])];
  // E-mail addresses are read in lower case (the login and account forms show them so).
  return [...forms, ...forms.map((f) => f.toLowerCase())];
}

function excerpt(body: string): string {
  const title = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(body)?.[1] ?? body.slice(0, 200);
  return title.replace(/<[^>]+>/g, "").trim();
}

for (const engine of engines()) {
  describe(`hostile values on every form and API write route (${engine})`, () => {
    let ctx: TestContext;
    let found: Discovery;
    let counts: () => Promise<Record<string, number>>;
    let writeRoutes: RouteEntry[] = [];
    let ownIds = new Set<string>();

    before(async () => {
      let t = Date.now();
      const debug = (what: string) => {
        if (process.env.SWEEP_DEBUG) console.log(`${what}: ${Date.now() - t} ms`);
        t = Date.now();
      };
      ctx = await startTestApp(engine);
      debug("start");
      await seedSweepData(ctx);
      debug("seed");
      writeRoutes = (ctx.app.routeList as RouteEntry[]).filter(
        (r) => WRITE_METHODS.has(r.method) && !NOT_SWEPT[key(r)],
      );
      found = await discover(
        ctx.app,
        writeRoutes.filter((r) => !r.url.startsWith("/api/")).map((r) => r.url),
      );
      debug("discover");
      counts = await rowCounter(ctx.database.db);
      ownIds = new Set(Object.values(ctx.accounts.users).map((u) => u.id));
    });
    after(() => ctx.close());

    test("the routes left out of the sweep still exist (the list does not rot)", () => {
      const all = new Set(ctx.app.routeList.map(key));
      for (const route of Object.keys(NOT_SWEPT)) assert.ok(all.has(route), `${route} is no longer a route`);
    });

    test("every HTML write route is swept with hostile values", async (t) => {
      const forms = writeRoutes.filter((r) => !r.url.startsWith("/api/"));
      assert.ok(forms.length >= 50, `only ${forms.length} write routes found`);
      // Forms with text to type first, buttons that only change a state afterwards, the login form last.
      const typed = (r: RouteEntry) =>
        found.forms.get(r.url)?.[0]?.form.fields.some((f) => TYPED_KINDS.has(f.kind));
      const order = (r: RouteEntry) => (r.config?.public ? 2 : typed(r) ? 0 : 1);
      for (const route of [...forms].sort((a, b) => order(a) - order(b))) {
        await t.test(key(route), () => sweepForm(route));
      }
    });

    test("every API write route is swept with wrong JSON types and hostile values", async (t) => {
      const api = writeRoutes.filter((r) => r.url.startsWith("/api/"));
      assert.ok(api.length >= 2, `only ${api.length} API write routes found`);
      for (const route of api) await t.test(key(route), () => sweepApi(route));
    });

    /** The form to post to: one found on a page (not aimed at a sweeping account), or a bare one. */
    function targetOf(route: RouteEntry): Target {
      const targets = found.forms.get(route.url) ?? [];
      const chosen = targets.find((t) => ![...ownIds].some((id) => t.form.action.includes(id))) ?? targets[0];
      if (chosen) return chosen;
      // No page shows this form with the demo data: post to it with identifiers seen in links, as an
      // account the route admits.
      const roles = route.config?.roles;
      const account = route.config?.public
        ? "anonyme"
        : (Object.entries(ctx.accounts.users).find(
            ([email, u]) => (roles ? roles.includes(u.role) : true) && found.clients.has(email),
          )?.[0] ?? "intervenant@demo.parcours.fr");
      const client = found.clients.get(account);
      assert.ok(client, `no client for ${account}`);
      const action = concreteUrl(route.url, found.params, ownIds);
      // The page at the same URL often holds the form (GET and POST share it); otherwise no field.
      return { account, client, form: { page: action, action, multipart: false, fields: [] } };
    }

    async function sweepForm(route: RouteEntry) {
      const target = targetOf(route);
      const { client } = target;
      let form = target.form;
      // The page again: the current state of its form and a CSRF token for this client.
      const page = await client.get(form.page);
      const fresh = formsOf(form.page, page.body).find(
        (f) =>
          f.action === form.action &&
          ((form.fields.length === 0 && !form.button) ||
            (f.button?.name === form.button?.name && f.button?.value === form.button?.value)),
      );
      if (fresh) form = fresh;
      const extra = fc.option(
        fc.tuple(
          fc.constantFrom("champInconnu", "__proto__", "constructor", "a[b]", form.fields[0]?.name ?? "x"),
          hostileString,
        ),
        { freq: 3 },
      );
      const property = fc.asyncProperty(
        fc.tuple(...form.fields.map(fieldArbitrary)),
        extra,
        async (values, more) => {
          const pairs = bodyOf(form, values, more);
          const before = await counts();
          const res = await post(client, form.action, pairs);
          const context = `${form.action} as ${target.account} with ${show(pairs)}`;
          assert.ok(res.statusCode < 500, `${res.statusCode} « ${excerpt(res.body)} » from ${context}`);
          if (res.statusCode >= 400)
            assert.deepEqual(await counts(), before, `an error ${res.statusCode} wrote rows: ${context}`);
          if (res.statusCode !== 422 || !String(res.headers["content-type"]).startsWith("text/html")) return;
          const shown = shownValues(res.body);
          form.fields.forEach((field, i) => {
            const v = values[i];
            if (v?.kind !== "hostile" || !TYPED_KINDS.has(field.kind)) return;
            // A field sent twice has no single typed value to show again.
            if (pairs.filter(([name]) => name === field.name).length > 1) return;
            const expected = shownForms(field.name, v.value);
            if (expected[0] === "") return;
            const onPage = shown.get(field.name) ?? [];
            assert.ok(
              expected.some((e) => onPage.includes(e)),
              `the 422 page does not show what was typed in « ${field.name} » (${show(v.value)}; shown: ${show(onPage)}) after ${context}`,
            );
          });
        },
      );
      await check(property, route);
    }

    async function sweepApi(route: RouteEntry) {
      const client = found.clients.get("intervenant@demo.parcours.fr");
      assert.ok(client);
      // Identifiers: the first item of the collection the parameter belongs to (GET /api/v1/persons).
      let url = route.url;
      for (const param of route.url.match(/:[A-Za-z]+/g) ?? []) {
        const collection = url.slice(0, url.indexOf(param) - 1);
        const list = await client.raw({ method: "GET", url: collection });
        const id = /"id":"([^"]+)"/.exec(list.body)?.[1] ?? "00000000-0000-4000-8000-000000000000";
        url = url.replace(param, id);
      }
      const schema = (route.schema?.body ?? {}) as { properties?: Record<string, unknown> };
      const names = Object.keys(schema.properties ?? {});
      assert.ok(names.length > 0, `${key(route)} has no body schema to sweep`);
      const property = fc.asyncProperty(jsonBody(names, found.knownValues), async (payload) => {
        const before = await counts();
        const res = await client.raw({
          method: route.method as "POST",
          url,
          headers: { "content-type": "application/json", "x-csrf-token": client.csrf },
          payload,
        });
        const context = `${route.method} ${url} with ${show(payload)}`;
        assert.ok(res.statusCode < 500, `${res.statusCode} ${res.body.slice(0, 200)} from ${context}`);
        if (res.statusCode < 400) return;
        assert.match(String(res.headers["content-type"]), /^application\/problem\+json/, context);
        assert.deepEqual(await counts(), before, `an error ${res.statusCode} wrote rows: ${context}`);
        const problem = JSON.parse(res.body) as { status: number; title: string; errors?: unknown };
        assert.equal(problem.status, res.statusCode);
        assert.match(problem.title, /[a-zà-ÿ]{3}/i);
        if (res.statusCode === 422) {
          const errors = (problem.errors ?? []) as { field: string; message: string }[];
          assert.ok(Array.isArray(errors) && errors.length > 0, `a 422 names no field: ${context}`);
          for (const e of errors) {
            assert.equal(typeof e.field, "string", context);
            assert.match(e.message, /[a-zà-ÿ]{3}/i, context);
          }
        }
      });
      await check(property, route);
    }

    async function check(property: fc.IAsyncProperty<unknown>, route: RouteEntry) {
      const details = await fc.check(property, {
        seed: SEED,
        numRuns: RUNS[engine] ?? 3,
        endOnFailure: true,
      });
      if (!details.failed) return;
      const error =
        details.errorInstance instanceof Error
          ? details.errorInstance.message
          : String(details.errorInstance);
      assert.fail(`${key(route)} (seed ${details.seed}, path ${details.counterexamplePath}): ${error}`);
    }
  });
}
