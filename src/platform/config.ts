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
  /**
   * Whose X-Forwarded-For to believe, passed to Fastify's `trustProxy`: false (default) uses the
   * socket's address; a list of proxy addresses/CIDR or a number of hops names the reverse proxy.
   */
  trustProxy: TrustProxy;
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

export type TrustProxy = false | string[] | ((address: string, hop: number) => boolean);

/** TRUST_PROXY: unset = trust no proxy header; "127.0.0.1,10.0.0.0/8" = those proxies; "1" = one hop. */
export function readTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? "";
  if (text === "" || ["false", "0", "non", "no"].includes(text.toLowerCase())) return false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    // What Fastify does with a number: the first `hops` addresses from the socket are proxies.
    return (_address: string, hop: number) => hop < hops;
  }
  const list = text
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
  const address = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f:]*:[0-9a-f:.]*)(\/\d{1,3})?$/i;
  if (list.length === 0 || !list.every((item) => address.test(item) || item === "loopback")) {
    throw new Error(
      `TRUST_PROXY doit nommer le proxy : des adresses IP ou plages CIDR séparées par des virgules, ou un nombre de relais, reçu « ${text} »`,
    );
  }
  return list;
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
    // Only this machine by default; HOST=0.0.0.0 (or an address) opens it to the network.
    host: env.HOST || "127.0.0.1",
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
    trustProxy: readTrustProxy(env.TRUST_PROXY),
  };
}
