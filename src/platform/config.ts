import { randomBytes } from "node:crypto";
import path from "node:path";

/** Settings read once at boot from the environment; invalid values stop the start with a clear message. */
export interface Config {
  port: number;
  host: string;
  /** PostgreSQL server URL; when absent the embedded database (PGlite) is used. */
  databaseUrl: string | null;
  /** Folder of the embedded database and of uploaded files. */
  dataDir: string;
  sessionSecret: string;
  cookieSecure: boolean;
  /** Password of the demo accounts, used only when the demo data is created. */
  demoPassword: string | null;
  loadDemoData: boolean;
  logLevel: string;
  smtpUrl: string | null;
  mailFrom: string;
  publicUrl: string;
}

function readPort(value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT doit être un numéro de port (0 à 65535), reçu « ${value} »`);
  }
  return port;
}

function readBoolean(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === "") return fallback;
  return ["1", "true", "yes", "oui"].includes(value.toLowerCase());
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === "production";
  const sessionSecret = env.SESSION_SECRET ?? (production ? "" : randomBytes(32).toString("hex"));
  if (sessionSecret.length < 32) {
    throw new Error("SESSION_SECRET doit contenir au moins 32 caractères en production");
  }
  const port = readPort(env.PORT, 3000);
  return {
    port,
    host: env.HOST ?? "0.0.0.0",
    databaseUrl: env.DATABASE_URL || null,
    dataDir: path.resolve(env.DATA_DIR ?? "data"),
    sessionSecret,
    cookieSecure: readBoolean(env.COOKIE_SECURE, production),
    demoPassword: env.DEMO_PASSWORD || null,
    loadDemoData: readBoolean(env.LOAD_DEMO_DATA, true),
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "silent" : "info"),
    smtpUrl: env.SMTP_URL || null,
    mailFrom: env.MAIL_FROM ?? "Parcours <ne-pas-repondre@parcours.local>",
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${port}`,
  };
}
