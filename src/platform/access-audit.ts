import type { FastifyInstance } from "fastify";
import { recordRefusedAccess } from "./audit.ts";
import { ForbiddenError, NotFoundError } from "./errors.ts";

/** The first segment of a route (after `/api/v1`) that names a person's file, and what it is. */
const GUARDED_SEGMENTS: Record<string, string> = {
  personnes: "person",
  persons: "person",
  mesures: "measure",
  measures: "measure",
  fichiers: "file",
  "rendez-vous": "appointment",
};

/**
 * What a refused request asked for, from its route pattern (not the URL): the parameters are
 * hidden, so that neither another association's id nor a mistyped one is stored. Null for a route
 * that is not about a person, a measure, an appointment or a file.
 */
export function refusedAccessTarget(
  routePattern: string | undefined,
): { entity: string; path: string } | null {
  if (!routePattern) return null;
  const segment = routePattern.replace(/^\/api\/v1(?=\/)/, "").split("/")[1] ?? "";
  const entity = GUARDED_SEGMENTS[segment];
  if (!entity) return null;
  return { entity, path: routePattern.replace(/:[A-Za-z0-9_]+/g, "…") };
}

/**
 * Every request for a person, a measure, an appointment or a file that ends in "not found" (another association's
 * record, or none) or "forbidden" (a role that sees no person) writes an "accès refusé" row to the
 * access log, in a transaction of its own: the one that refused was rolled back.
 */
export function registerAccessAudit(app: FastifyInstance): void {
  app.addHook("onError", async (request, _reply, error) => {
    const user = request.user;
    if (!user) return;
    const status = error instanceof NotFoundError ? 404 : error instanceof ForbiddenError ? 403 : null;
    if (!status) return;
    const target = refusedAccessTarget(request.routeOptions.url);
    if (!target) return;
    try {
      await recordRefusedAccess(app.deps.database.db, user, { ...target, method: request.method, status });
    } catch (err) {
      // The refusal itself is answered anyway; the log says only that the audit row is missing.
      request.log.error({ err: { message: (err as Error).message } }, "refused access not recorded");
    }
  });
}
