import type { FastifyRequest } from "fastify";
import { recordAudit } from "../platform/audit.ts";
import type { CurrentUser } from "../platform/auth.ts";
import type { TenantTx } from "../platform/db.ts";
import { NotFoundError } from "../platform/errors.ts";
import { inTenant } from "../platform/request-context.ts";
import { findMeasure, type MeasureDetail } from "./queries.ts";

/**
 * Runs fn on a measure of the user's association, in one transaction, after logging the access
 * to the person's file. A measure of another association, or a wrong id, is a 404.
 * Every page under /mesures/:id/… goes through here.
 */
export function withMeasure<T>(
  request: FastifyRequest,
  measureId: string,
  fn: (tx: TenantTx, detail: MeasureDetail, user: CurrentUser) => Promise<T>,
  audit: {
    action: "view" | "create" | "update" | "delete" | "export";
    entity?: string;
    detail?: Record<string, unknown>;
  } = { action: "view" },
): Promise<T> {
  return inTenant(request, async (tx, user) => {
    const detail = await findMeasure(tx, measureId);
    if (!detail) throw new NotFoundError();
    await recordAudit(tx, {
      userId: user.id,
      action: audit.action,
      entity: audit.entity ?? "measure",
      entityId: measureId,
      personId: detail.person.id,
      ...(audit.detail ? { detail: audit.detail } : {}),
    });
    return fn(tx, detail, user);
  });
}
