import type { FastifyRequest } from "fastify";
import { type CurrentUser, FIELD_ROLES } from "./auth.ts";
import { type TenantContext, type TenantTx, withTenant } from "./db.ts";
import { UnauthenticatedError } from "./errors.ts";

export function currentUser(request: FastifyRequest): CurrentUser {
  if (!request.user) throw new UnauthenticatedError();
  return request.user;
}

/** The federation's roles get no association: row-level security then shows them no person at all. */
export function tenantContext(user: CurrentUser): TenantContext {
  return { userId: user.id, associationId: FIELD_ROLES.includes(user.role) ? user.associationId : null };
}

/** Runs fn in one transaction with the requesting user's association set for row-level security. */
export function inTenant<T>(
  request: FastifyRequest,
  fn: (tx: TenantTx, user: CurrentUser) => Promise<T>,
): Promise<T> {
  const user = currentUser(request);
  return withTenant(request.server.deps.database.db, tenantContext(user), (tx) => fn(tx, user));
}

/** Today's date in France, as the users' calendar sees it. */
export function todayInParis(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Paris",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

export function pageNumber(value: unknown): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}
