import { and, desc, eq } from "drizzle-orm";
import { users } from "../accounts/tables.ts";
import type { IsoDate } from "../deadlines/rules.ts";
import { changeStatus } from "../measures/queries.ts";
import type { MeasureStatus } from "../measures/rules.ts";
import { measureStatusChanges, measures } from "../measures/tables.ts";
import type { TenantTx } from "../platform/db.ts";

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

/** Closes a measure: « clôturée » on the date (with its status change row and note) and its outcome. */
export async function closeMeasure(
  tx: TenantTx,
  measure: { id: string; status: MeasureStatus },
  closing: { outcome: string; on: IsoDate; note: string | null; userId: string },
): Promise<void> {
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
}
