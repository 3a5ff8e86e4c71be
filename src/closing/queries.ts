import { and, asc, desc, eq, gt, gte, inArray, isNull, or, sql } from "drizzle-orm";
import { users } from "../accounts/tables.ts";
import { planActions, planObjectives } from "../action-plans/tables.ts";
import { appointments } from "../appointments/tables.ts";
import type { IsoDate } from "../deadlines/rules.ts";
import { changeStatus } from "../measures/queries.ts";
import type { MeasureStatus } from "../measures/rules.ts";
import { measureStatusChanges, measures } from "../measures/tables.ts";
import { obligations } from "../obligations/tables.ts";
import { persons } from "../persons/tables.ts";
import type { TenantTx } from "../platform/db.ts";
import { todayInParis } from "../platform/request-context.ts";
import type { ReportKind } from "../reference/data/measure-types.ts";
import { reports } from "../reports/tables.ts";
import { CANCELLED_BY_CLOSING, type ClosingEffects, type OpenItems, reminderPending } from "./rules.ts";

/** The status change that closed a measure: its date, note and author. */
export async function closingChange(tx: TenantTx, measureId: string) {
  const [row] = await tx
    .select({
      changedOn: measureStatusChanges.changedOn,
      note: measureStatusChanges.note,
      byFirstName: users.firstName,
      byLastName: users.lastName,
    })
    .from(measureStatusChanges)
    .leftJoin(users, eq(users.id, measureStatusChanges.changedBy))
    .where(and(eq(measureStatusChanges.measureId, measureId), eq(measureStatusChanges.toStatus, "cloturee")))
    .orderBy(desc(measureStatusChanges.changedOn), desc(measureStatusChanges.at))
    .limit(1);
  return row ?? null;
}

/** Appointments not yet begun at `now`, neither cancelled nor with an attendance recorded. */
function upcoming(measureId: string, now: Date) {
  return and(
    eq(appointments.measureId, measureId),
    gte(appointments.startsAt, now),
    isNull(appointments.attendance),
    isNull(appointments.cancelledOn),
  );
}

/** Obligations still running on `on`: no end date, or one after it. */
function runningOn(measureId: string, on: IsoDate) {
  return and(
    eq(obligations.measureId, measureId),
    or(isNull(obligations.endDate), gt(obligations.endDate, on)),
  );
}

/**
 * What still hangs from a measure that is about to close: its upcoming appointments (and whether a
 * reminder e-mail is planned for each), its obligations running after `on`, its unfinished plan actions.
 */
export async function openItems(tx: TenantTx, measureId: string, on: IsoDate, now: Date): Promise<OpenItems> {
  const [upcomingRows, obligationRows, actionRows] = await Promise.all([
    tx
      .select({
        id: appointments.id,
        startsAt: appointments.startsAt,
        kind: appointments.kind,
        reminderSentAt: appointments.reminderSentAt,
        email: persons.email,
        reminderConsent: persons.reminderConsent,
      })
      .from(appointments)
      .innerJoin(persons, eq(persons.id, appointments.personId))
      .where(upcoming(measureId, now))
      .orderBy(asc(appointments.startsAt)),
    tx
      .select({ id: obligations.id, label: obligations.label, endDate: obligations.endDate })
      .from(obligations)
      .where(runningOn(measureId, on))
      .orderBy(asc(obligations.startDate), asc(obligations.createdAt)),
    tx
      .select({
        id: planActions.id,
        description: planActions.description,
        dueDate: planActions.dueDate,
        status: planActions.status,
        objective: planObjectives.title,
      })
      .from(planActions)
      .innerJoin(planObjectives, eq(planObjectives.id, planActions.objectiveId))
      .where(
        and(eq(planObjectives.measureId, measureId), inArray(planActions.status, ["a_faire", "en_cours"])),
      )
      .orderBy(sql`${planActions.dueDate} asc nulls last`, asc(planActions.createdAt)),
  ]);
  return {
    appointments: upcomingRows.map((a) => ({
      id: a.id,
      startsAt: a.startsAt,
      kind: a.kind,
      reminderPending: reminderPending(a),
    })),
    obligations: obligationRows,
    actions: actionRows,
  };
}

/** What the closing of a measure did, read back once it is closed (for its page and the timeline). */
export async function closingEffectsOf(
  tx: TenantTx,
  measureId: string,
  closedOn: IsoDate,
): Promise<Omit<ClosingEffects, "cancelledReminders">> {
  const count = sql<number>`count(*)::int`;
  const [[a], [o], [n]] = await Promise.all([
    tx
      .select({ n: count })
      .from(appointments)
      .where(
        and(eq(appointments.measureId, measureId), eq(appointments.cancellationReason, CANCELLED_BY_CLOSING)),
      ),
    tx
      .select({ n: count })
      .from(obligations)
      .where(and(eq(obligations.measureId, measureId), eq(obligations.endDate, closedOn))),
    tx
      .select({ n: count })
      .from(planActions)
      .innerJoin(planObjectives, eq(planObjectives.id, planActions.objectiveId))
      .where(
        and(eq(planObjectives.measureId, measureId), inArray(planActions.status, ["a_faire", "en_cours"])),
      ),
  ]);
  return { cancelledAppointments: a?.n ?? 0, endedObligations: o?.n ?? 0, openActions: n?.n ?? 0 };
}

/** The conclusion of the last issued final report of a kind, to start the closing note from. */
export async function finalConclusion(
  tx: TenantTx,
  measureId: string,
  kind: ReportKind,
): Promise<string | null> {
  const [row] = await tx
    .select({ sections: reports.sections })
    .from(reports)
    .where(and(eq(reports.measureId, measureId), eq(reports.kind, kind), eq(reports.status, "emis")))
    .orderBy(desc(reports.version))
    .limit(1);
  const body = row?.sections.find((s) => s.key === "conclusion")?.body.trim();
  return body ? body : null;
}

/**
 * Closes a measure in the caller's transaction: « clôturée » on the date (with its status change row
 * and note) and its outcome; its upcoming appointments are cancelled (so no reminder goes out), its
 * running obligations end on the closing date; the plan is frozen by the closed status itself.
 */
export async function closeMeasure(
  tx: TenantTx,
  measure: { id: string; status: MeasureStatus },
  closing: { outcome: string; on: IsoDate; note: string | null; userId: string; now?: Date },
): Promise<ClosingEffects> {
  const now = closing.now ?? new Date();
  const before = await openItems(tx, measure.id, closing.on, now);
  await changeStatus(tx, measure, {
    to: "cloturee",
    on: closing.on,
    note: closing.note,
    userId: closing.userId,
  });
  await tx
    .update(measures)
    .set({ outcomeCode: closing.outcome, closedOn: closing.on, updatedAt: new Date() })
    .where(eq(measures.id, measure.id));
  const cancelled = await tx
    .update(appointments)
    .set({ cancelledOn: todayInParis(now), cancellationReason: CANCELLED_BY_CLOSING })
    .where(upcoming(measure.id, now))
    .returning({ id: appointments.id });
  const ended = await tx
    .update(obligations)
    .set({ endDate: sql`greatest(${obligations.startDate}, ${closing.on}::date)` })
    .where(runningOn(measure.id, closing.on))
    .returning({ id: obligations.id });
  return {
    cancelledAppointments: cancelled.length,
    cancelledReminders: before.appointments.filter((a) => a.reminderPending).length,
    endedObligations: ended.length,
    openActions: before.actions.length,
  };
}
