/** Test helpers of the accounts tests: an app with chosen settings, logins from a chosen address. */
import type { FastifyInstance } from "fastify";
import { csrfFrom, type Engine, freshDatabase, TEST_PASSWORD, type TestContext } from "../../test/support.ts";
import { seedDemoAccounts } from "../demo/accounts.ts";
import { buildApp } from "../platform/app.ts";
import { type Config, loadConfig } from "../platform/config.ts";

/** Like startTestApp, with some settings changed (TRUST_PROXY, SMTP_URL…). */
export async function startAppWith(engine: Engine, settings: Partial<Config>): Promise<TestContext> {
  const database = await freshDatabase(engine);
  const accounts = await seedDemoAccounts(database.db, TEST_PASSWORD);
  const config = { ...loadConfig({ NODE_ENV: "test" }), cookieSecure: false, ...settings };
  const app = await buildApp({ config, database });
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

/**
 * One login attempt from a fresh browser at `remoteAddress`, with extra headers (X-Forwarded-For):
 * the login page, then the form with its CSRF token and the session cookie.
 */
export async function loginFrom(
  app: FastifyInstance,
  form: { email: string; password: string; retour?: string },
  remoteAddress: string,
  headers: Record<string, string> = {},
) {
  const page = await app.inject({ method: "GET", url: "/connexion", remoteAddress, headers });
  const cookie = String(page.headers["set-cookie"] ?? "").split(";")[0] ?? "";
  const body = new URLSearchParams({ ...form, _csrf: csrfFrom(page.body) });
  return app.inject({
    method: "POST",
    url: "/connexion",
    remoteAddress,
    headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
    payload: body.toString(),
  });
}
