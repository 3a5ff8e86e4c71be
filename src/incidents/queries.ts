import { and, asc, desc, eq, isNull, lte } from "drizzle-orm";
import { appointments } from "../appointments/tables.ts";
import type { IsoDate } from "../deadlines/rules.ts";
import { obligations } from "../obligations/tables.ts";
import { isUuid } from "../persons/queries.ts";
import type { TenantTx } from "../platform/db.ts";
import { type IncidentKind, incidents } from "./tables.ts";

export type IncidentRow = typeof incidents.$inferSelect;

/** An incident with what it is linked to. */
export interface IncidentRecord extends IncidentRow {
  obligationLabel: string | null;
  appointmentStartsAt: Date | null;
}

function selectIncidents(tx: TenantTx) {
  return tx
    .select({
      incident: incidents,
      obligationLabel: obligations.label,
      appointmentStartsAt: appointments.startsAt,
    })
    .from(incidents)
    .leftJoin(obligations, eq(obligations.id, incidents.obligationId))
    .leftJoin(appointments, eq(appointments.id, incidents.appointmentId));
}

type Selected = Awaited<ReturnType<ReturnType<typeof selectIncidents>["execute"]>>[number];

function toRecord(row: Selected): IncidentRecord {
  return {
    ...row.incident,
    obligationLabel: row.obligationLabel ?? null,
    appointmentStartsAt: row.appointmentStartsAt ?? null,
  };
}

/** The incidents of a measure, latest first. */
export async function incidentsOfMeasure(tx: TenantTx, measureId: string): Promise<IncidentRecord[]> {
  const rows = await selectIncidents(tx)
    .where(eq(incidents.measureId, measureId))
    .orderBy(desc(incidents.occurredOn), desc(incidents.createdAt));
  return rows.map(toRecord);
}

/** One incident of a measure, or null (wrong id, another measure, another association). */
export async function findIncident(
  tx: TenantTx,
  measureId: string,
  incidentId: string,
): Promise<IncidentRecord | null> {
  if (!isUuid(incidentId)) return null;
  const [row] = await selectIncidents(tx).where(
    and(eq(incidents.id, incidentId), eq(incidents.measureId, measureId)),
  );
  return row ? toRecord(row) : null;
}

export interface NewIncident {
  occurredOn: IsoDate;
  kind: IncidentKind;
  description: string;
  obligationId: string | null;
  appointmentId: string | null;
}

export async function createIncident(
  tx: TenantTx,
  measureId: string,
  values: NewIncident,
  userId: string,
): Promise<string> {
  const [row] = await tx
    .insert(incidents)
    .values({ ...values, measureId, createdBy: userId })
    .returning({ id: incidents.id });
  if (!row) throw new Error("insert returned no row");
  return row.id;
}

/**
 * Records that the incident report was issued to the magistrate on `on` (the report's id when it is
 * kept in Parcours). Returns false when the incident is not one of the association's.
 */
export async function markIncidentReported(
  tx: TenantTx,
  incidentId: string,
  reportId: string | null,
  on: IsoDate,
): Promise<boolean> {
  if (!isUuid(incidentId)) return false;
  const rows = await tx
    .update(incidents)
    .set({ reportedOn: on, reportId })
    .where(eq(incidents.id, incidentId))
    .returning({ id: incidents.id });
  return rows.length > 0;
}

/** The obligations of a measure an incident can be linked to. */
export function obligationOptions(tx: TenantTx, measureId: string) {
  return tx
    .select({ id: obligations.id, label: obligations.label, statutoryCode: obligations.statutoryCode })
    .from(obligations)
    .where(eq(obligations.measureId, measureId))
    .orderBy(asc(obligations.startDate), asc(obligations.label));
}

/** The appointments of a measure that have begun by `until`, latest first: an incident follows them. */
export function appointmentOptions(tx: TenantTx, measureId: string, until: Date) {
  return tx
    .select({
      id: appointments.id,
      startsAt: appointments.startsAt,
      kind: appointments.kind,
      attendance: appointments.attendance,
    })
    .from(appointments)
    .where(
      and(
        eq(appointments.measureId, measureId),
        lte(appointments.startsAt, until),
        isNull(appointments.cancelledOn),
      ),
    )
    .orderBy(desc(appointments.startsAt))
    .limit(100);
}
