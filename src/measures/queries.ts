import { aliasedTable, and, asc, desc, eq, inArray, like, sql } from "drizzle-orm";
import { type Role, users } from "../accounts/tables.ts";
import { isUuid } from "../persons/queries.ts";
import { persons } from "../persons/tables.ts";
import type { Queryable, TenantTx } from "../platform/db.ts";
import { judicialCourts, measureTypes } from "../reference/tables.ts";
import type { MeasureInput } from "./form.ts";
import { type MeasureStatus, nextMeasureNumber } from "./rules.ts";
import { measureStatusChanges, measures } from "./tables.ts";

const referent = aliasedTable(users, "referent");

export async function findMeasure(tx: TenantTx, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await tx
    .select({
      measure: measures,
      person: {
        id: persons.id,
        lastName: persons.lastName,
        firstName: persons.firstName,
        usedName: persons.usedName,
      },
      type: measureTypes,
      court: {
        id: judicialCourts.id,
        name: judicialCourts.name,
        departementSeat: judicialCourts.departementSeat,
        alsaceMoselle: judicialCourts.alsaceMoselle,
      },
      referent: { id: referent.id, firstName: referent.firstName, lastName: referent.lastName },
    })
    .from(measures)
    .innerJoin(persons, eq(persons.id, measures.personId))
    .innerJoin(measureTypes, eq(measureTypes.code, measures.typeCode))
    .innerJoin(judicialCourts, eq(judicialCourts.id, measures.courtId))
    .innerJoin(referent, eq(referent.id, measures.referentId))
    .where(eq(measures.id, id));
  return row ?? null;
}

export type MeasureDetail = NonNullable<Awaited<ReturnType<typeof findMeasure>>>;

export async function createMeasure(
  tx: TenantTx,
  personId: string,
  input: MeasureInput & { reportDueDate: string },
  userId: string,
): Promise<{ id: string; number: string }> {
  // One number at a time per association: the lock lasts until the transaction ends.
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtext('measure-number:' || app_current_association()::text))`,
  );
  const year = Number(input.receivedDate.slice(0, 4));
  const [last] = await tx
    .select({ number: measures.number })
    .from(measures)
    .where(like(measures.number, `${year}-%`))
    .orderBy(desc(measures.number))
    .limit(1);
  const number = nextMeasureNumber(year, last?.number ?? null);
  const [row] = await tx
    .insert(measures)
    .values({
      ...input,
      personId,
      number,
      status: "recue",
      statusDate: input.receivedDate,
      createdBy: userId,
    })
    .returning({ id: measures.id });
  if (!row) throw new Error("insert returned no row");
  await tx.insert(measureStatusChanges).values({
    measureId: row.id,
    fromStatus: null,
    toStatus: "recue",
    changedOn: input.receivedDate,
    changedBy: userId,
  });
  return { id: row.id, number };
}

export async function updateMeasure(
  tx: TenantTx,
  id: string,
  input: MeasureInput & { reportDueDate: string },
) {
  await tx
    .update(measures)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(measures.id, id));
}

export async function changeStatus(
  tx: TenantTx,
  measure: { id: string; status: MeasureStatus },
  change: { to: MeasureStatus; on: string; note: string | null; userId: string },
) {
  const dates: Partial<typeof measures.$inferInsert> = {};
  if (change.to === "rapport_remis") dates.reportSubmittedOn = change.on;
  if (change.to === "cloturee") dates.closedOn = change.on;
  await tx
    .update(measures)
    .set({ status: change.to, statusDate: change.on, updatedAt: new Date(), ...dates })
    .where(eq(measures.id, measure.id));
  await tx.insert(measureStatusChanges).values({
    measureId: measure.id,
    fromStatus: measure.status,
    toStatus: change.to,
    changedOn: change.on,
    changedBy: change.userId,
    note: change.note,
  });
}

export function statusHistory(tx: TenantTx, measureId: string) {
  return tx
    .select({
      fromStatus: measureStatusChanges.fromStatus,
      toStatus: measureStatusChanges.toStatus,
      changedOn: measureStatusChanges.changedOn,
      note: measureStatusChanges.note,
      byFirstName: users.firstName,
      byLastName: users.lastName,
    })
    .from(measureStatusChanges)
    .leftJoin(users, eq(users.id, measureStatusChanges.changedBy))
    .where(eq(measureStatusChanges.measureId, measureId))
    .orderBy(asc(measureStatusChanges.changedOn), asc(measureStatusChanges.at));
}

const REFERENT_ROLES: Role[] = ["intervenant", "chef_service", "direction"];

/** The staff of an association who can be référent of a measure. */
export function referentsOf(db: Queryable, associationId: string) {
  return db
    .select({
      id: users.id,
      firstName: users.firstName,
      lastName: users.lastName,
      serviceId: users.serviceId,
    })
    .from(users)
    .where(
      and(
        eq(users.associationId, associationId),
        eq(users.active, true),
        inArray(users.role, REFERENT_ROLES),
      ),
    )
    .orderBy(asc(users.lastName), asc(users.firstName));
}
