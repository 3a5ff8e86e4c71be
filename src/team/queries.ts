import { aliasedTable, and, eq, inArray, isNotNull, lte, ne, type SQL, sql } from "drizzle-orm";
import { users } from "../accounts/tables.ts";
import { planActions, planObjectives } from "../action-plans/tables.ts";
import { measures } from "../measures/tables.ts";
import { proofDeadlinesOfMeasures } from "../obligations/queries.ts";
import { persons } from "../persons/tables.ts";
import type { TenantTx } from "../platform/db.ts";
import { measureTypes } from "../reference/tables.ts";

export type DeadlineKind = "report" | "measure_end" | "action" | "proof";

export interface DeadlineItem {
  kind: DeadlineKind;
  date: string;
  label: string;
  measureId: string;
  measureNumber: string;
  typeLabel: string;
  personId: string;
  lastName: string;
  firstName: string;
  usedName: string | null;
  referentId: string;
  referentName: string;
  /** Where to act on it. */
  href: string;
}

const referent = aliasedTable(users, "referent");

function scope(referentIds: string[] | undefined): SQL | undefined {
  if (!referentIds) return undefined;
  return referentIds.length > 0 ? inArray(measures.referentId, referentIds) : sql`false`;
}

/**
 * Every dated thing still to do on the open measures, up to a date: the report to hand in, the
 * planned end of the measure, the actions of the plan. Late items are those before today.
 */
export async function deadlinesUntil(
  tx: TenantTx,
  options: { until: string; today: string; referentIds?: string[] | undefined },
): Promise<DeadlineItem[]> {
  const base = {
    measureId: measures.id,
    measureNumber: measures.number,
    typeLabel: measureTypes.shortLabel,
    personId: persons.id,
    lastName: persons.lastName,
    firstName: persons.firstName,
    usedName: persons.usedName,
    referentId: referent.id,
    referentFirst: referent.firstName,
    referentLast: referent.lastName,
  };
  const open = and(ne(measures.status, "cloturee"), scope(options.referentIds));
  const measureRows = await tx
    .select({
      ...base,
      reportDueDate: measures.reportDueDate,
      reportSubmittedOn: measures.reportSubmittedOn,
      endDate: measures.endDate,
    })
    .from(measures)
    .innerJoin(persons, eq(persons.id, measures.personId))
    .innerJoin(measureTypes, eq(measureTypes.code, measures.typeCode))
    .innerJoin(referent, eq(referent.id, measures.referentId))
    .where(open);
  const actionRows = await tx
    .select({
      ...base,
      actionId: planActions.id,
      description: planActions.description,
      dueDate: planActions.dueDate,
    })
    .from(planActions)
    .innerJoin(planObjectives, eq(planObjectives.id, planActions.objectiveId))
    .innerJoin(measures, eq(measures.id, planObjectives.measureId))
    .innerJoin(persons, eq(persons.id, measures.personId))
    .innerJoin(measureTypes, eq(measureTypes.code, measures.typeCode))
    .innerJoin(referent, eq(referent.id, measures.referentId))
    .where(
      and(
        open,
        inArray(planActions.status, ["a_faire", "en_cours"]),
        isNotNull(planActions.dueDate),
        lte(planActions.dueDate, options.until),
      ),
    );

  const items: DeadlineItem[] = [];
  const common = (r: (typeof measureRows)[number] | (typeof actionRows)[number]) => ({
    measureId: r.measureId,
    measureNumber: r.measureNumber,
    typeLabel: r.typeLabel,
    personId: r.personId,
    lastName: r.lastName,
    firstName: r.firstName,
    usedName: r.usedName,
    referentId: r.referentId,
    referentName: `${r.referentFirst} ${r.referentLast}`,
  });
  for (const r of measureRows) {
    if (!r.reportSubmittedOn && r.reportDueDate <= options.until) {
      items.push({
        ...common(r),
        kind: "report",
        date: r.reportDueDate,
        label: "Rapport à remettre",
        href: `/mesures/${r.measureId}/ecrits`,
      });
    }
    if (r.endDate && r.endDate <= options.until) {
      items.push({
        ...common(r),
        kind: "measure_end",
        date: r.endDate,
        label: "Fin de la mesure",
        href: `/mesures/${r.measureId}/cloture`,
      });
    }
  }
  // Proofs of obligations: every missed due date (late) and the next one when it falls in the window.
  const byMeasure = new Map(measureRows.map((r) => [r.measureId, r]));
  for (const o of await proofDeadlinesOfMeasures(tx, [...byMeasure.keys()], options.today)) {
    const r = byMeasure.get(o.measureId);
    if (!r) continue;
    const href = `/mesures/${o.measureId}/obligations/${o.obligationId}`;
    for (const due of o.overdue)
      items.push({
        ...common(r),
        kind: "proof",
        date: due,
        label: `Justificatif manquant : ${o.label}`,
        href,
      });
    if (o.nextDue && o.nextDue <= options.until) {
      items.push({
        ...common(r),
        kind: "proof",
        date: o.nextDue,
        label: `Justificatif attendu : ${o.label}`,
        href,
      });
    }
  }
  for (const r of actionRows) {
    if (r.dueDate)
      items.push({
        ...common(r),
        kind: "action",
        date: r.dueDate,
        label: `Action : ${r.description}`,
        href: `/mesures/${r.measureId}/plan`,
      });
  }
  return items.sort((a, b) => a.date.localeCompare(b.date) || a.lastName.localeCompare(b.lastName));
}
