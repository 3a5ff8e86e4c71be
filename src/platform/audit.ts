import { type AuditAction, auditLog } from "../audit/tables.ts";
import type { CurrentUser } from "./auth.ts";
import { type Db, type TenantTx, withTenant } from "./db.ts";
import { tenantContext } from "./request-context.ts";

export interface AuditEntry {
  userId: string;
  action: AuditAction;
  entity: string;
  entityId?: string | null;
  personId?: string | null;
  detail?: Record<string, unknown>;
}

/**
 * Records an access to a person's file in the transaction that does it, so that an access
 * without its audit row cannot happen. The association comes from the transaction's setting.
 */
export async function recordAudit(tx: TenantTx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    userId: entry.userId,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    personId: entry.personId ?? null,
    detail: entry.detail ?? null,
  });
}

/** Where a refused request went: the route pattern with every parameter hidden, never an id. */
export interface RefusedAccess {
  /** What was asked for: person, measure or file. */
  entity: string;
  method: string;
  /** e.g. `/mesures/…/obligations` */
  path: string;
  status: 403 | 404;
}

/**
 * Records a refused access in its own transaction (the one that refused it was rolled back), under
 * the user's association, or without association for the federation's roles (row-level security
 * allows that insert only when the transaction has no association either).
 */
export function recordRefusedAccess(db: Db, user: CurrentUser, refused: RefusedAccess): Promise<void> {
  return withTenant(db, tenantContext(user), (tx) =>
    recordAudit(tx, {
      userId: user.id,
      action: "acces_refuse",
      entity: refused.entity,
      detail: { method: refused.method, path: refused.path, status: refused.status },
    }),
  );
}
