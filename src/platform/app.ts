import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyCompress from "@fastify/compress";
import fastifyCookie from "@fastify/cookie";
import fastifyCsrf from "@fastify/csrf-protection";
import fastifyFormbody from "@fastify/formbody";
import fastifyHelmet from "@fastify/helmet";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifySession from "@fastify/session";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import { sql } from "drizzle-orm";
import Fastify, { type FastifyInstance, type FastifyRequest } from "fastify";
import { registerFeatures } from "../features.ts";
import { registerAccessAudit } from "./access-audit.ts";
import { registerHashedAssets } from "./assets.ts";
import { loadCurrentUser } from "./auth.ts";
import type { Config } from "./config.ts";
import type { Database } from "./db.ts";
import { renderErrorPage } from "./error-page.tsx";
import { DomainError, ForbiddenError, NotFoundError, UnauthenticatedError } from "./errors.ts";
import { type FieldError, guardRequestInput, validationFieldErrors } from "./input-guard.ts";
import { errorCode, errorForLog, isDatabaseUnavailable } from "./log-safety.ts";
import { PgSessionStore } from "./session-store.ts";
import { registerUploads } from "./uploads.ts";

export interface AppDeps {
  config: Config;
  database: Database;
  /** Where the technical logs go (standard output by default; tests capture them). */
  logStream?: { write(line: string): void };
}

declare module "fastify" {
  interface FastifyInstance {
    deps: AppDeps;
    /** Every route registered, method and URL pattern (for the isolation, accessibility and property tests). */
    routeList: RouteEntry[];
  }
}

/** A registered route: its method, URL pattern, config (roles, public) and schema (API bodies). */
export interface RouteEntry {
  method: string;
  url: string;
  config?: { public?: boolean; roles?: readonly string[] } | undefined;
  schema?: { body?: unknown } | undefined;
}

const PUBLIC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../public");
/** The path of a request as logged: no query string (names typed in searches), no private tokens. */
export function loggedPath(url: string): string {
  return (url.split("?")[0] ?? "")
    .replace(/^\/cnc\/suivi\/[^/]+/, "/cnc/suivi/…")
    .replace(/^\/mot-de-passe\/[^/]+/, "/mot-de-passe/…");
}

/** The CSRF token of a form (also multipart, whose fields are objects) or of an API call's header. */
function csrfTokenOf(request: FastifyRequest): string | undefined {
  const field = (request.body as Record<string, unknown> | undefined)?._csrf;
  if (typeof field === "string") return field;
  if (field && typeof field === "object" && "value" in field)
    return String((field as { value: unknown }).value);
  const header = request.headers["x-csrf-token"];
  return typeof header === "string" ? header : undefined;
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function isApi(request: FastifyRequest): boolean {
  return request.url.startsWith("/api/");
}

/** The composition root: everything the app uses is passed in, nothing is global. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // No personal data in logs: paths carry identifiers only, query strings are dropped.
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: loggedPath(req.url),
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        // An error's message or parameters may quote personal data: its kind and codes only.
        err: (error: unknown) => errorForLog(error),
      },
      ...(deps.logStream ? { stream: deps.logStream } : {}),
      redact: ["req.headers.cookie", "req.headers.authorization", "res.headers['set-cookie']"],
    },
    // Proxy headers (X-Forwarded-For) only from the proxy named by TRUST_PROXY; none by default.
    trustProxy: config.trustProxy,
    connectionTimeout: 30_000,
    requestTimeout: 60_000,
    bodyLimit: 1_048_576,
    ajv: {
      // API bodies are checked strictly: no coercion (`true` is not the text "true"), unknown fields
      // refused rather than dropped, every field's error reported.
      customOptions: {
        keywords: ["requiredMessage", "errorMessage", "isoDate"],
        coerceTypes: false,
        removeAdditional: false,
        allErrors: true,
      },
    },
  });

  app.decorate("deps", deps);
  const routeList: RouteEntry[] = [];
  app.decorate("routeList", routeList);
  app.addHook("onRoute", (route) => {
    for (const method of ([] as string[]).concat(route.method))
      routeList.push({ method, url: route.url, config: route.config, schema: route.schema });
  });
  app.decorateRequest("user", null);

  await app.register(fastifyHelmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        // No font from elsewhere: the pages use the system's fonts.
        fontSrc: ["'self'"],
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
    hsts: config.cookieSecure,
  });
  await app.register(fastifyFormbody);
  await app.register(fastifyCookie);
  const store = new PgSessionStore(database.db);
  // Expired sessions are removed at start and every hour (by every instance; the delete is idempotent).
  const purge = () =>
    store.purgeExpired().catch((err: unknown) => app.log.warn({ err }, "session purge failed"));
  const purgeTimer = setInterval(purge, 60 * 60 * 1000);
  purgeTimer.unref();
  app.addHook("onReady", async () => {
    await purge();
  });
  app.addHook("onClose", async () => clearInterval(purgeTimer));
  await app.register(fastifySession, {
    secret: config.sessionSecret,
    store,
    cookieName: "parcours.sid",
    saveUninitialized: false,
    rolling: true,
    cookie: {
      secure: config.cookieSecure,
      httpOnly: true,
      sameSite: "lax",
      maxAge: 8 * 60 * 60 * 1000,
      path: "/",
    },
  });
  // Who is asking, and may they? Checked before a form's files are read (registerUploads), else before
  // the handler; once per request.
  const authorized = new WeakSet<FastifyRequest>();
  const authorize = async (request: FastifyRequest) => {
    if (authorized.has(request)) return;
    const userId = request.session?.get("userId");
    if (userId) {
      request.user = await loadCurrentUser(database.db, userId);
      if (!request.user) await request.session.destroy();
    }
    const routeConfig = request.routeOptions.config;
    authorized.add(request);
    if (routeConfig?.public || request.url.startsWith("/static/") || request.url.startsWith("/api/v1/docs"))
      return;
    if (!request.user) throw new UnauthenticatedError();
    if (routeConfig?.roles && !routeConfig.roles.includes(request.user.role)) throw new ForbiddenError();
  };
  await registerUploads(app, authorize);
  await app.register(fastifyCsrf, { sessionPlugin: "@fastify/session", getToken: csrfTokenOf });
  await app.register(fastifyRateLimit, { global: false });
  // HTML, JSON and CSS travel compressed (Brotli, else gzip) above 1 kB.
  await app.register(fastifyCompress, { threshold: 1024, encodings: ["br", "gzip"] });
  await app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: "/static/", maxAge: "1h" });
  registerHashedAssets(app);
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "Parcours API",
        description:
          "API JSON de Parcours. Authentification par la session du navigateur ; en écriture, l'en-tête x-csrf-token.",
        version: "1",
      },
    },
    hideUntagged: true,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/v1/docs" });

  app.addHook("preHandler", authorize);

  // CSRF on every form and every API write.
  app.addHook("preHandler", (request, reply, done) => {
    if (!UNSAFE_METHODS.has(request.method)) return done();
    app.csrfProtection(request, reply, done);
  });

  // Ids in paths are UUIDs (else 404), no control character in a path or a query string.
  app.addHook("preHandler", guardRequestInput);

  app.setErrorHandler(async (error, request, reply) => {
    const err = error as Error & { statusCode?: number; code?: string; validation?: unknown };
    let status = 500;
    let title = "Erreur interne";
    let detail = "Une erreur est survenue. Réessayez ; si le problème persiste, contactez l'administrateur.";
    let fieldErrors: FieldError[] | undefined;
    if (err instanceof DomainError) {
      status = err.status;
      title = err.title;
      detail = err.message;
    } else if (err.code === "FST_CSRF_INVALID_TOKEN" || err.code === "FST_CSRF_MISSING_SECRET") {
      status = 403;
      title = "Formulaire expiré";
      detail =
        "Le formulaire a expiré ou ne vient pas de Parcours. Revenez à la page précédente, rechargez-la et recommencez.";
    } else if (err.validation) {
      status = 422;
      title = "Données invalides";
      fieldErrors = validationFieldErrors(err, request);
      detail = fieldErrors.map((e) => e.message).join(" ; ") || "Certains champs sont invalides.";
    } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      status = err.statusCode;
      title = status === 429 ? "Trop de requêtes" : "Requête invalide";
      detail =
        status === 429 ? "Trop de tentatives. Patientez quelques minutes avant de réessayer." : err.message;
    } else if (isDatabaseUnavailable(err)) {
      status = 503;
      title = "Service momentanément indisponible";
      detail =
        "La base de données ne répond pas. Rien n'a été enregistré pour cette action : réessayez dans quelques instants.";
      request.log.warn(
        { code: errorCode(err), route: request.routeOptions.url ?? "" },
        "database unavailable",
      );
    } else {
      // The route's pattern and the error's codes, never its message (it may quote SQL parameters).
      request.log.error(
        { err, route: request.routeOptions.url ?? "", method: request.method },
        "unhandled error",
      );
    }
    if (status === 401 && !isApi(request)) {
      const back = request.method === "GET" ? `?retour=${encodeURIComponent(request.url)}` : "";
      return reply.redirect(`/connexion${back}`, 303);
    }
    if (isApi(request)) {
      return reply
        .status(status)
        .type("application/problem+json")
        .send({
          type: "about:blank",
          title,
          status,
          detail,
          ...(fieldErrors ? { errors: fieldErrors } : {}),
        });
    }
    return reply
      .status(status)
      .type("text/html; charset=utf-8")
      .send(renderErrorPage(request, reply, { status, title, detail }));
  });

  // Pages and API answers hold personal data: no browser or proxy keeps a copy. Static assets are cached.
  app.addHook("onSend", async (request, reply, payload) => {
    if (!request.url.startsWith("/static/") && !reply.hasHeader("cache-control"))
      reply.header("cache-control", "no-store");
    return payload;
  });

  app.setNotFoundHandler(async (_request) => {
    throw new NotFoundError();
  });

  app.get("/healthz", { config: { public: true } }, async (_request, reply) => {
    try {
      // A server that does not answer within 3 s counts as unreachable.
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error("healthz timeout")), 3000);
      });
      await Promise.race([database.db.execute(sql`select 1`), timeout]).finally(() => clearTimeout(timer));
      return { status: "ok", database: database.kind };
    } catch {
      return reply.status(503).send({ status: "unavailable", database: database.kind });
    }
  });

  registerAccessAudit(app);
  await registerFeatures(app);
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
