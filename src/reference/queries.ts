import { asc, eq } from "drizzle-orm";
import type { Queryable } from "../platform/db.ts";
import { judicialCourts, measureTypes } from "./tables.ts";

export type MeasureTypeRow = typeof measureTypes.$inferSelect;
export type JudicialCourtRow = typeof judicialCourts.$inferSelect;

export function activeMeasureTypes(db: Queryable): Promise<MeasureTypeRow[]> {
  return db
    .select()
    .from(measureTypes)
    .where(eq(measureTypes.active, true))
    .orderBy(asc(measureTypes.sortOrder));
}

export async function findMeasureType(db: Queryable, code: string): Promise<MeasureTypeRow | null> {
  const [row] = await db.select().from(measureTypes).where(eq(measureTypes.code, code));
  return row ?? null;
}

export function allCourts(db: Queryable): Promise<JudicialCourtRow[]> {
  return db.select().from(judicialCourts).orderBy(asc(judicialCourts.seat));
}

export async function findCourt(db: Queryable, id: string): Promise<JudicialCourtRow | null> {
  const [row] = await db.select().from(judicialCourts).where(eq(judicialCourts.id, id));
  return row ?? null;
}

/** The place whose public holidays apply to a juridiction's deadlines. */
export function courtPlace(court: Pick<JudicialCourtRow, "departementSeat" | "alsaceMoselle">) {
  return { departement: court.departementSeat, alsaceMoselle: court.alsaceMoselle };
}
