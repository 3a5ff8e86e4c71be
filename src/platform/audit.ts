import { auditLog } from "../audit/tables.ts";
import type { TenantTx } from "./db.ts";

export interface AuditEntry {
  userId: string;
  action: "view" | "create" | "update" | "delete" | "export";
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
