import { aliasedTable, and, asc, desc, eq, gte, isNull, lt } from "drizzle-orm";
import { users } from "../accounts/tables.ts";
import { measures } from "../measures/tables.ts";
import { partners } from "../partners/tables.ts";
import { isUuid } from "../persons/queries.ts";
import { persons } from "../persons/tables.ts";
import type { TenantTx } from "../platform/db.ts";
import type { Period } from "./rules.ts";
import { type Attendance, appointments } from "./tables.ts";

const staff = aliasedTable(users, "staff");

const listColumns = {
  id: appointments.id,
  measureId: appointments.measureId,
  startsAt: appointments.startsAt,
  durationMinutes: appointments.durationMinutes,
  place: appointments.place,
  placeDetail: appointments.placeDetail,
  kind: appointments.kind,
  attendance: appointments.attendance,
  reminderSentAt: appointments.reminderSentAt,
  cancelledOn: appointments.cancelledOn,
  cancellationReason: appointments.cancellationReason,
  staffFirstName: staff.firstName,
  staffLastName: staff.lastName,
  partnerName: partners.name,
};

/** The appointments of a measure, latest first, with what the reminder needs to know of the person. */
export function appointmentsOfMeasure(tx: TenantTx, measureId: string) {
  return tx
    .select({ ...listColumns, email: persons.email, reminderConsent: persons.reminderConsent })
    .from(appointments)
    .innerJoin(staff, eq(staff.id, appointments.staffId))
    .innerJoin(persons, eq(persons.id, appointments.personId))
    .leftJoin(partners, eq(partners.id, appointments.partnerId))
    .where(eq(appointments.measureId, measureId))
    .orderBy(desc(appointments.startsAt));
}

export type AppointmentListRow = Awaited<ReturnType<typeof appointmentsOfMeasure>>[number];

/** One staff member's appointments over a period, in time order, with the person and the measure (cancelled ones left out). */
export function agendaOf(tx: TenantTx, staffId: string, period: Period) {
  return tx
    .select({
      ...listColumns,
      personId: persons.id,
      lastName: persons.lastName,
      firstName: persons.firstName,
      usedName: persons.usedName,
      measureNumber: measures.number,
    })
    .from(appointments)
    .innerJoin(staff, eq(staff.id, appointments.staffId))
    .innerJoin(persons, eq(persons.id, appointments.personId))
    .innerJoin(measures, eq(measures.id, appointments.measureId))
    .leftJoin(partners, eq(partners.id, appointments.partnerId))
    .where(
      and(
        eq(appointments.staffId, staffId),
        isNull(appointments.cancelledOn),
        gte(appointments.startsAt, period.from),
        lt(appointments.startsAt, period.to),
      ),
    )
    .orderBy(asc(appointments.startsAt));
}

export type AgendaRow = Awaited<ReturnType<typeof agendaOf>>[number];

/** An appointment of the association with its person, staff member and partner; null when not visible. */
export async function findAppointment(tx: TenantTx, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await tx
    .select({
      appointment: appointments,
      person: {
        id: persons.id,
        lastName: persons.lastName,
        firstName: persons.firstName,
        usedName: persons.usedName,
        email: persons.email,
        reminderConsent: persons.reminderConsent,
      },
      staff: { id: staff.id, firstName: staff.firstName, lastName: staff.lastName },
      partner: { id: partners.id, name: partners.name },
      measureStatus: measures.status,
    })
    .from(appointments)
    .innerJoin(persons, eq(persons.id, appointments.personId))
    .innerJoin(measures, eq(measures.id, appointments.measureId))
    .innerJoin(staff, eq(staff.id, appointments.staffId))
    .leftJoin(partners, eq(partners.id, appointments.partnerId))
    .where(eq(appointments.id, id));
  return row ?? null;
}

export type AppointmentDetail = NonNullable<Awaited<ReturnType<typeof findAppointment>>>;

/** The active partners of the association's directory (row-level security keeps them to it). */
export function partnerOptions(tx: TenantTx) {
  return tx
    .select({ id: partners.id, name: partners.name, kind: partners.kind })
    .from(partners)
    .where(eq(partners.active, true))
    .orderBy(asc(partners.name));
}

export interface AppointmentValues {
  startsAt: Date;
  durationMinutes: number;
  place: (typeof appointments.$inferInsert)["place"];
  placeDetail: string | null;
  kind: (typeof appointments.$inferInsert)["kind"];
  staffId: string;
  partnerId: string | null;
}

export async function createAppointment(
  tx: TenantTx,
  measure: { id: string; personId: string },
  values: AppointmentValues,
  userId: string,
): Promise<string> {
  const [row] = await tx
    .insert(appointments)
    .values({ ...values, measureId: measure.id, personId: measure.personId, createdBy: userId })
    .returning({ id: appointments.id });
  if (!row) throw new Error("insert returned no row");
  return row.id;
}

/** Saves a changed appointment; a new day or time calls for a new reminder. */
export async function updateAppointment(
  tx: TenantTx,
  current: { id: string; startsAt: Date },
  values: AppointmentValues,
): Promise<void> {
  const moved = current.startsAt.getTime() !== values.startsAt.getTime();
  await tx
    .update(appointments)
    .set({ ...values, ...(moved ? { reminderSentAt: null } : {}) })
    .where(eq(appointments.id, current.id));
}

export async function recordAttendance(
  tx: TenantTx,
  id: string,
  attendance: Attendance,
  note: string | null,
): Promise<void> {
  await tx.update(appointments).set({ attendance, note }).where(eq(appointments.id, id));
}
