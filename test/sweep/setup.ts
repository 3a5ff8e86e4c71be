/**
 * What the property sweep needs before it posts anything: demo data so that every route with ids has
 * real targets, and the forms found by browsing the app as each demo account (the same HTML a person
 * fills in), with the identifiers seen in links for the routes no page shows a form for.
 */
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { DEMO_ACCOUNTS } from "../../src/demo/accounts.ts";
import { seedDemoData } from "../../src/demo/seed.ts";
import type { RouteEntry } from "../../src/platform/app.ts";
import { type Db, queryRows } from "../../src/platform/db.ts";
import { todayInParis } from "../../src/platform/request-context.ts";
import { Client, type TestContext } from "../support.ts";
import { formsOf, linksOf, matchPattern, type PageForm, patternRegExp } from "./html-forms.ts";

/** The demo data of src/demo/seed.ts with fewer persons (the sweep needs targets, not volume). */
export async function seedSweepData(ctx: TestContext): Promise<void> {
  await seedDemoData(ctx.database.db, ctx.accounts, {
    today: todayInParis(),
    persons: { gironde: 12, moselle: 3 },
  });
}

/**
 * Tables written whatever the answer, by design: sessions (rolling cookie), login attempts
 * (throttling) and the access log (a refused access or a consultation is recorded on purpose).
 */
const WRITTEN_ANYWAY = new Set(["sessions", "login_attempts", "audit_log"]);

/** Counts the rows of every table of the public schema in one query (as the superuser: no RLS). */
export async function rowCounter(db: Db): Promise<() => Promise<Record<string, number>>> {
  const tables = (
    await queryRows<{ table_name: string }>(
      db,
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    )
  )
    .map((t) => t.table_name)
    .filter((t) => !WRITTEN_ANYWAY.has(t) && !t.startsWith("__drizzle"));
  const query = sql.raw(
    tables.map((t) => `select '${t}' as t, count(*)::int as n from "${t}"`).join(" union all "),
  );
  return async () => {
    const rows = await queryRows<{ t: string; n: number }>(db, query);
    return Object.fromEntries(rows.map((r) => [r.t, r.n]));
  };
}

/** A form found on a page, with the client (account) that saw it. */
export interface Target {
  form: PageForm;
  client: Client;
  account: string;
}

export interface Discovery {
  /** POST route pattern → the forms posting to it, as found by browsing. */
  forms: Map<string, Target[]>;
  /** Pattern prefix ending at a parameter (`/mesures/:id`) → values seen in links and actions. */
  params: Map<string, string[]>;
  /** Field name → a value some page offers or shows for it (valid-looking API bodies). */
  knownValues: Map<string, string>;
  clients: Map<string, Client>;
}

/** Pages the crawl does not open: files rather than pages (slow to build, no form). */
const NOT_PAGES =
  /\.(ics|pdf|docx|xlsx)$|^\/fichiers\/|^\/static\/|^\/api\/|^\/healthz$|^\/cisj\/dossiers\/:id\/memoire$|^\/cnc\/candidatures\/:id\/pieces\/:code$/;
/**
 * Crawl budget: two pages per URL pattern, two more each time a page of that pattern shows a form not
 * seen before (forms depend on the record's state: a candidacy awaiting payment, a draft report…);
 * an account stops after this many pages without a new form (the first one browses everything).
 */
const PAGES_PER_PATTERN = 2;
const MAX_PAGES_PER_PATTERN = 12;
const PAGES_WITHOUT_NEWS = 30;
const PAGES_PER_ACCOUNT = 150;

/** Records, for each pattern prefix ending at a parameter, the concrete prefix seen (ids that belong together). */
function recordParams(path: string, pattern: string, params: Map<string, string[]>) {
  const values = patternRegExp(pattern).exec(path)?.slice(1) ?? [];
  let prefix = "";
  let concrete = "";
  let index = 0;
  for (const part of pattern.split(/(:[A-Za-z]+)/)) {
    prefix += part;
    if (!part.startsWith(":")) {
      concrete += part;
      continue;
    }
    const value = values[index++];
    if (!value) return;
    concrete += value;
    const seen = params.get(prefix) ?? [];
    if (!seen.includes(concrete) && seen.length < 20) params.set(prefix, [...seen, concrete]);
  }
}

/**
 * Browses the app from its home page (and its public pages) as an anonymous visitor, then as each demo
 * account of the first association and of the federation, until every write route has been seen in a form.
 */
export async function discover(app: FastifyInstance, writeRoutes: string[]): Promise<Discovery> {
  const routes = app.routeList as RouteEntry[];
  const getPatterns = routes.filter((r) => r.method === "GET").map((r) => r.url);
  const postPatterns = [...new Set(routes.filter((r) => r.method === "POST").map((r) => r.url))];
  const publicPages = routes
    .filter((r) => r.method === "GET" && r.config?.public && !r.url.includes(":") && !NOT_PAGES.test(r.url))
    .map((r) => r.url);
  const found: Discovery = {
    forms: new Map(),
    params: new Map(),
    knownValues: new Map(),
    clients: new Map(),
  };
  // One account per role first (the most different pages), then the other accounts of the first
  // association (their own training path, CISJ dossier…).
  const demo = DEMO_ACCOUNTS.filter((a) => a.association !== "moselle");
  const firstOfRole = demo.filter((a, i) => demo.findIndex((b) => b.role === a.role) === i);
  const accounts = ["anonyme", ...new Set([...firstOfRole, ...demo].map((a) => a.email))];
  for (const [rank, account] of accounts.entries()) {
    if (writeRoutes.every((r) => found.forms.has(r))) break;
    const client = account === "anonyme" ? new Client(app) : await new Client(app).login(account);
    found.clients.set(account, client);
    const queue = account === "anonyme" ? [...publicPages] : ["/"];
    const seen = new Set(queue);
    const perPattern = new Map<string, number>();
    const budget = new Map<string, number>();
    let pages = 0;
    let lastNews = 0;
    while (queue.length > 0 && pages < PAGES_PER_ACCOUNT) {
      if (rank > 1 && pages - lastNews >= PAGES_WITHOUT_NEWS) break;
      const url = queue.shift() ?? "/";
      const path = url.split("?")[0] ?? "/";
      const pattern = matchPattern(path, getPatterns);
      if (!pattern || NOT_PAGES.test(pattern)) continue;
      const visited = perPattern.get(pattern) ?? 0;
      if (visited >= (budget.get(pattern) ?? PAGES_PER_PATTERN)) continue;
      perPattern.set(pattern, visited + 1);
      const res = await client.get(url);
      pages++;
      if (res.statusCode !== 200 || !String(res.headers["content-type"]).startsWith("text/html")) continue;
      recordParams(path, pattern, found.params);
      for (const form of formsOf(url, res.body)) {
        const actionPath = form.action.split("?")[0] ?? "";
        const route = matchPattern(actionPath, postPatterns);
        if (!route) continue;
        recordParams(actionPath, route, found.params);
        for (const f of form.fields) {
          const offered = f.value || f.options.find((o) => o !== "");
          if (offered && !found.knownValues.has(f.name)) found.knownValues.set(f.name, offered);
        }
        const targets = found.forms.get(route) ?? [];
        if (targets.length === 0) {
          lastNews = pages;
          const more = (budget.get(pattern) ?? PAGES_PER_PATTERN) + 2;
          budget.set(pattern, Math.min(more, MAX_PAGES_PER_PATTERN));
          if (process.env.SWEEP_DEBUG) console.log("FOUND", route, account, pages);
        }
        if (targets.length < 6) found.forms.set(route, [...targets, { form, client, account }]);
      }
      if (process.env.SWEEP_DEBUG) console.log("CRAWL", account, pages, url);
      for (const link of linksOf(res.body)) {
        if (seen.has(link)) continue;
        seen.add(link);
        queue.push(link);
      }
    }
  }
  return found;
}

/**
 * A concrete URL for a route pattern from the identifiers seen while browsing: the longest prefix seen
 * (so a report's id goes with its own measure's), avoiding the given ids; an unknown UUID for the rest.
 */
export function concreteUrl(pattern: string, params: Map<string, string[]>, avoid: Set<string>): string {
  const parts = pattern.split(/(:[A-Za-z]+)/);
  for (let end = parts.length; end > 0; end--) {
    if (!parts[end - 1]?.startsWith(":")) continue;
    const seen = params.get(parts.slice(0, end).join("")) ?? [];
    const concrete = seen.find((c) => ![...avoid].some((id) => c.includes(id))) ?? seen[0];
    if (concrete) return concrete + unknownIds(parts.slice(end).join(""));
  }
  return unknownIds(pattern);
}

const unknownIds = (pattern: string) =>
  pattern.replace(/:[A-Za-z]+/g, "00000000-0000-4000-8000-000000000000");
