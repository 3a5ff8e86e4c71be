import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { FastifyInstance } from "fastify";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { seedDemo } from "../../src/demo/seed.ts";
import { buildApp } from "../../src/platform/app.ts";
import { loadConfig } from "../../src/platform/config.ts";
import type { Database } from "../../src/platform/db.ts";
import { freshDatabase } from "../support.ts";

export const BROWSER_PASSWORD = "mot-de-passe-navigateur";
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const SCREENSHOTS = path.resolve("screenshots");

/** Whether Chromium is installed: browser tests are skipped with a reason when it is not. */
export const chromiumMissing = existsSync(CHROMIUM)
  ? false
  : `Chromium introuvable (${CHROMIUM}) : lancez .ci/run ou apt-get install chromium`;

export interface BrowserSession {
  baseUrl: string;
  app: FastifyInstance;
  database: Database;
  browser: Browser;
  page: Page;
  /** Logs in through the login form and lands on the home page. */
  login(email: string): Promise<void>;
  logout(): Promise<void>;
  /** Runs axe-core (WCAG 2.x A/AA) on the current page and fails on any violation. */
  expectAccessible(label: string): Promise<void>;
  /** Saves a PNG in ./screenshots for a person to look at. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** Parcours on a fresh embedded database with the full demo data, served on a free local port, and Chromium. */
export async function startBrowserSession(): Promise<BrowserSession> {
  const database = await freshDatabase("pglite");
  await seedDemo(database.db, BROWSER_PASSWORD);
  const config = { ...loadConfig({ NODE_ENV: "test" }), cookieSecure: false, host: "127.0.0.1", port: 0 };
  const app = await buildApp({ config, database });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
  });
  const page = await context.newPage();
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    baseUrl,
    app,
    database,
    browser,
    page,
    async login(email) {
      await page.goto(`${baseUrl}/connexion`);
      await page.getByLabel("Adresse e-mail").fill(email);
      await page.getByLabel("Mot de passe").fill(BROWSER_PASSWORD);
      await page.getByRole("button", { name: "Se connecter" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/connexion"));
    },
    async logout() {
      await page.getByRole("button", { name: "Se déconnecter" }).click();
      await page.waitForURL(/\/connexion/);
    },
    async expectAccessible(label) {
      const results = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
        .analyze();
      const summary = results.violations.map(
        (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
      );
      assert.deepEqual(summary, [], `axe-core violations on ${label}`);
    },
    async screenshot(name) {
      const file = path.join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}

/**
 * Types a date in a date field (three inputs Jour, Mois, Année in the group named `legend`), as a
 * person does; `date` is `YYYY-MM-DD` or `jj/mm/aaaa`.
 */
export async function fillDate(
  scope: Page | Locator,
  legend: string,
  date: string,
  options: { exact?: boolean } = {},
): Promise<void> {
  const [day = "", month = "", year = ""] = /^\d{4}-/.test(date)
    ? date.split("-").reverse()
    : date.split("/");
  const group = scope.getByRole("group", { name: legend, exact: options.exact ?? false });
  await group.getByLabel("Jour").fill(day);
  await group.getByLabel("Mois").fill(month);
  await group.getByLabel("Année").fill(year);
}
