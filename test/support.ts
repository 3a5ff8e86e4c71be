import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { type DemoAccounts, seedDemoAccounts } from "../src/demo/accounts.ts";
import { buildApp } from "../src/platform/app.ts";
import { loadConfig } from "../src/platform/config.ts";
import { type Database, openPglite, openPostgres } from "../src/platform/db.ts";
import { ensureReferenceData } from "../src/reference/load.ts";

export type Engine = "pglite" | "postgres";

/** The engines the suite runs on: PGlite always, PostgreSQL too when TEST_DATABASE_URL is set. */
export function engines(): Engine[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

/** A fresh, migrated database: in-memory PGlite, or a new database on the test server, dropped on close. */
export async function freshDatabase(engine: Engine): Promise<Database> {
  if (engine === "pglite") {
    const database = await openPglite(null);
    await database.migrate();
    await ensureReferenceData(database.db);
    return database;
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DATABASE_URL is not set");
  const name = `parcours_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), { max: 4 });
  await database.migrate();
  await ensureReferenceData(database.db);
  return {
    ...database,
    close: async () => {
      await database.close();
      const drop = new pg.Client({ connectionString: base });
      await drop.connect();
      await drop.query(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
}

export const TEST_PASSWORD = "mot-de-passe-de-test";

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  accounts: DemoAccounts;
  close(): Promise<void>;
}

/** The app on a fresh database with the two demo associations and their accounts (no person yet). */
export async function startTestApp(
  engine: Engine,
  options: { logStream?: { write(line: string): void }; logLevel?: string } = {},
): Promise<TestContext> {
  const database = await freshDatabase(engine);
  const accounts = await seedDemoAccounts(database.db, TEST_PASSWORD);
  const config = {
    ...loadConfig({ NODE_ENV: "test" }),
    cookieSecure: false,
    ...(options.logLevel ? { logLevel: options.logLevel } : {}),
  };
  const app = await buildApp({ config, database, logStream: options.logStream });
  await app.ready();
  return {
    app,
    database,
    accounts,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

function cookieHeader(setCookie: string | string[] | undefined, jar: Map<string, string>) {
  for (const c of ([] as string[]).concat(setCookie ?? [])) {
    const [pair] = c.split(";");
    const [name, ...value] = (pair ?? "").split("=");
    if (name) jar.set(name.trim(), value.join("="));
  }
}

export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error("no CSRF token in page");
  return match[1];
}

/** A browser-like client: keeps the session cookie and sends the page's CSRF token with forms. */
export class Client {
  private readonly jar = new Map<string, string>();
  csrf = "";
  constructor(private readonly app: FastifyInstance) {}

  private get cookie() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async get(url: string) {
    const res = await this.app.inject({ method: "GET", url, headers: { cookie: this.cookie } });
    cookieHeader(res.headers["set-cookie"], this.jar);
    if (res.headers["content-type"]?.toString().startsWith("text/html")) {
      const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
      if (m?.[1]) this.csrf = m[1];
    }
    return res;
  }

  async post(url: string, form: Record<string, string | string[]>, options: { csrf?: string | null } = {}) {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form))
      for (const item of ([] as string[]).concat(v)) body.append(k, item);
    const token = options.csrf === undefined ? this.csrf : options.csrf;
    if (token) body.append("_csrf", token);
    const res = await this.app.inject({
      method: "POST",
      url,
      headers: { cookie: this.cookie, "content-type": "application/x-www-form-urlencoded" },
      payload: body.toString(),
    });
    cookieHeader(res.headers["set-cookie"], this.jar);
    return res;
  }

  async json(method: "GET" | "POST", url: string, payload?: unknown) {
    const res = await this.app.inject({
      method,
      url,
      headers: {
        cookie: this.cookie,
        "x-csrf-token": this.csrf,
        ...(payload ? { "content-type": "application/json" } : {}),
      },
      ...(payload ? { payload: JSON.stringify(payload) } : {}),
    });
    cookieHeader(res.headers["set-cookie"], this.jar);
    return res;
  }

  /** Any request with this client's session cookie (bodies the helpers above cannot build). */
  async raw(options: {
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
    url: string;
    headers?: Record<string, string>;
    payload?: string;
  }) {
    const res = await this.app.inject({ ...options, headers: { ...options.headers, cookie: this.cookie } });
    cookieHeader(res.headers["set-cookie"], this.jar);
    return res;
  }

  async login(email: string, password = TEST_PASSWORD) {
    await this.get("/connexion");
    const res = await this.post("/connexion", { email, password });
    if (res.statusCode !== 303) throw new Error(`login of ${email} failed: ${res.statusCode}`);
    await this.get("/");
    return this;
  }
}

export async function loggedIn(app: FastifyInstance, email: string): Promise<Client> {
  return new Client(app).login(email);
}

/** The value of a Location header after a redirect. */
export function location(res: { headers: Record<string, unknown> }): string {
  return String(res.headers.location ?? "");
}

function unescapeHtml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Issues a report of `kind` for a measure through its pages, every section filled. Returns the report's URL. */
export async function issueReport(client: Client, measureUrl: string, kind: string): Promise<string> {
  const page = await client.get(`${measureUrl}/ecrits/nouveau?type=${kind}`);
  if (page.statusCode !== 200) throw new Error(`no ${kind} form: ${page.statusCode}`);
  const form: Record<string, string> = {};
  for (const m of page.body.matchAll(/<textarea[^>]*name="(section_[^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) {
    form[m[1] ?? ""] = unescapeHtml(m[2] ?? "") || "Texte rédigé par l'intervenante.";
  }
  const checked = await client.post(`${measureUrl}/ecrits/nouveau`, {
    ...form,
    type: kind,
    action: "emettre",
  });
  if (checked.statusCode !== 200) throw new Error(`report not ready to issue: ${checked.statusCode}`);
  const res = await confirmOn(client, checked.body);
  if (res.statusCode !== 303) throw new Error(`report not issued: ${res.statusCode}`);
  return location(res);
}

/**
 * Closes a measure the way a user does: on its closing page, writes and issues the final report the page
 * asks for, then picks the first outcome offered (or `outcome`).
 */
export async function closeMeasure(client: Client, measureUrl: string, on: string, outcome?: string) {
  let page = await client.get(`${measureUrl}/cloture`);
  const missing = /ecrits\/nouveau\?type=([a-z_]+)/.exec(page.body)?.[1];
  if (missing) {
    await issueReport(client, measureUrl, missing);
    page = await client.get(`${measureUrl}/cloture`);
  }
  const chosen = outcome ?? /name="outcome" value="([^"]+)"/.exec(page.body)?.[1];
  if (!chosen) throw new Error("no outcome offered on the closing page");
  const checked = await client.post(`${measureUrl}/cloture`, { outcome: chosen, closedOn: on });
  if (checked.statusCode !== 200) return checked;
  return confirmOn(client, checked.body);
}

/**
 * The form of a server-rendered confirmation page (the hidden values it carries again and its
 * « confirme=1 » button), posted as a user confirming does. Fails when the page has no such form.
 */
export async function confirmOn(client: Client, html: string) {
  const form =
    /<form method="post" action="([^"]+)"[^>]*>((?:(?!<\/form>)[\s\S])*?name="confirme" value="1"[\s\S]*?)<\/form>/.exec(
      html,
    );
  if (!form) throw new Error("no confirmation form on the page");
  const values: Record<string, string> = { confirme: "1" };
  for (const m of (form[2] ?? "").matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    if (m[1] !== "_csrf") values[m[1] ?? ""] = unescapeHtml(m[2] ?? "");
  }
  return client.post(unescapeHtml(form[1] ?? ""), values);
}
