import { count, desc, eq, inArray, type SQL } from "drizzle-orm";
import { associations, users } from "../accounts/tables.ts";
import { persons } from "../persons/tables.ts";
import type { TenantTx } from "../platform/db.ts";
import { type AuditAction, auditLog } from "./tables.ts";

export interface AuditRow {
  at: Date;
  action: AuditAction;
  entity: string;
  personId: string | null;
  detail: Record<string, unknown> | null;
  userFirstName: string | null;
  userLastName: string | null;
  userRole: string | null;
  associationName: string | null;
  /** Only for the rows of a person the reader may see (row-level security on persons). */
  person: { lastName: string; firstName: string; usedName: string | null } | null;
}

/**
 * Rows of the access log the reader may see (row-level security: its association's rows, every
 * row for the administrator), most recent first, optionally of some actions only.
 */
export async function listAuditRows(
  tx: TenantTx,
  options: { actions: readonly AuditAction[] | null; page: number; pageSize: number },
): Promise<{ rows: AuditRow[]; total: number }> {
  const where: SQL | undefined = options.actions ? inArray(auditLog.action, [...options.actions]) : undefined;
  const [n] = await tx.select({ n: count() }).from(auditLog).where(where);
  const list = await tx
    .select({
      at: auditLog.at,
      action: auditLog.action,
      entity: auditLog.entity,
      personId: auditLog.personId,
      detail: auditLog.detail,
      userFirstName: users.firstName,
      userLastName: users.lastName,
      userRole: users.role,
      associationName: associations.name,
      lastName: persons.lastName,
      firstName: persons.firstName,
      usedName: persons.usedName,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .leftJoin(associations, eq(associations.id, auditLog.associationId))
    .leftJoin(persons, eq(persons.id, auditLog.personId))
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize);
  return {
    total: n?.n ?? 0,
    rows: list.map(({ lastName, firstName, usedName, ...r }) => ({
      ...r,
      person: lastName && firstName ? { lastName, firstName, usedName } : null,
    })),
  };
}
