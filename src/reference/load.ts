import { statutoryObligations } from "../obligations/tables.ts";
import type { Db } from "../platform/db.ts";
import { COURTS_OF_APPEAL, JUDICIAL_COURTS } from "./data/courts.ts";
import { DEPARTEMENTS } from "./data/departements.ts";
import { MEASURE_TYPES } from "./data/measure-types.ts";
import { STATUTORY_OBLIGATIONS } from "./data/statutory-obligations.ts";
import { courtsOfAppeal, departements, judicialCourts, measureTypes } from "./tables.ts";

/**
 * Loads the reference data shipped with Parcours. Rows that exist are left as they are, so that
 * an administrator's edits survive a restart; new rows of a new version are added.
 */
export async function ensureReferenceData(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(departements)
      .values(DEPARTEMENTS.map((d) => ({ ...d })))
      .onConflictDoNothing();
    await tx
      .insert(courtsOfAppeal)
      .values(COURTS_OF_APPEAL.map((c) => ({ ...c })))
      .onConflictDoNothing();
    await tx
      .insert(judicialCourts)
      .values(JUDICIAL_COURTS.map((c) => ({ ...c })))
      .onConflictDoNothing();
    await tx
      .insert(measureTypes)
      .values(MEASURE_TYPES.map((t, i) => ({ ...t, sortOrder: i + 1 })))
      .onConflictDoNothing();
    await tx
      .insert(statutoryObligations)
      .values(STATUTORY_OBLIGATIONS.map((o) => ({ ...o })))
      .onConflictDoNothing();
  });
}
