import type { FastifyRequest } from "fastify";
import { findMeasure, type MeasureDetail } from "../measures/queries.ts";
import { type AuditEntry, recordAudit } from "../platform/audit.ts";
import type { CurrentUser } from "../platform/auth.ts";
import type { TenantTx } from "../platform/db.ts";
import { NotFoundError } from "../platform/errors.ts";
import { inTenant } from "../platform/request-context.ts";
import { type AppointmentDetail, findAppointment } from "./queries.ts";

/**
 * Runs fn on an appointment of the user's association and its measure, in one transaction, after
 * logging the access to the person's file. Another association's appointment, or a wrong id, is a 404.
 * Every page under /rendez-vous/:id goes through here.
 */
export function withAppointment<T>(
  request: FastifyRequest,
  appointmentId: string,
  fn: (
    tx: TenantTx,
    found: { appointment: AppointmentDetail; measure: MeasureDetail },
    user: CurrentUser,
  ) => Promise<T>,
  /** null when fn records the access itself (a change, recorded only once it is saved). */
  audit: { action: AuditEntry["action"]; detail?: Record<string, unknown> } | null = { action: "view" },
): Promise<T> {
  return inTenant(request, async (tx, user) => {
    const appointment = await findAppointment(tx, appointmentId);
    if (!appointment) throw new NotFoundError();
    const measure = await findMeasure(tx, appointment.appointment.measureId);
    if (!measure) throw new NotFoundError();
    if (audit)
      await recordAudit(tx, {
        userId: user.id,
        action: audit.action,
        entity: "appointment",
        entityId: appointment.appointment.id,
        personId: appointment.person.id,
        ...(audit.detail ? { detail: audit.detail } : {}),
      });
    return fn(tx, { appointment, measure }, user);
  });
}
