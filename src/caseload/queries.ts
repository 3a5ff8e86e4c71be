import { aliasedTable, and, asc, count, eq, ne, type SQL, sql } from "drizzle-orm";
import { users } from "../accounts/tables.ts";
import type { MeasureStatus } from "../measures/rules.ts";
import { measures } from "../measures/tables.ts";
import { persons } from "../persons/tables.ts";
import type { TenantTx } from "../platform/db.ts";
import { judicialCourts, measureTypes } from "../reference/tables.ts";

const referent = aliasedTable(users, "referent");

export interface CaseloadFilter {
  /** Only the measures of these référents (the intervenant's own, or a chef's team). */
  referentIds?: string[] | undefined;
  referentId?: string | undefined;
  typeCode?: string | undefined;
  status?: MeasureStatus | undefined;
}

export const CASELOAD_PAGE_SIZE = 25;

/**
 * The next deadline of a measure: the report while it is not handed in, then the planned end.
 * Later deadlines (obligations, actions) join this expression.
 */
export const nextDeadline = sql<
  string | null
>`(case when ${measures.reportSubmittedOn} is null then ${measures.reportDueDate} else ${measures.endDate} end)`;

function conditions(f: CaseloadFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [ne(measures.status, "cloturee")];
  if (f.referentIds) {
    parts.push(
      f.referentIds.length > 0
        ? sql`${measures.referentId} in (${sql.join(
            f.referentIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`
        : sql`false`,
    );
  }
  if (f.referentId) parts.push(eq(measures.referentId, f.referentId));
  if (f.typeCode) parts.push(eq(measures.typeCode, f.typeCode));
  if (f.status) parts.push(eq(measures.status, f.status));
  return and(...parts);
}

export async function caseload(tx: TenantTx, filter: CaseloadFilter, page: number) {
  const where = conditions(filter);
  const [total] = await tx.select({ n: count() }).from(measures).where(where);
  const rows = await tx
    .select({
      id: measures.id,
      number: measures.number,
      status: measures.status,
      personId: persons.id,
      lastName: persons.lastName,
      firstName: persons.firstName,
      usedName: persons.usedName,
      typeLabel: measureTypes.shortLabel,
      courtSeat: judicialCourts.seat,
      referentFirstName: referent.firstName,
      referentLastName: referent.lastName,
      nextDeadline,
      nextDeadlineKind: sql<
        "report" | "end" | null
      >`(case when ${measures.reportSubmittedOn} is null then 'report' when ${measures.endDate} is not null then 'end' end)`,
    })
    .from(measures)
    .innerJoin(persons, eq(persons.id, measures.personId))
    .innerJoin(measureTypes, eq(measureTypes.code, measures.typeCode))
    .innerJoin(judicialCourts, eq(judicialCourts.id, measures.courtId))
    .innerJoin(referent, eq(referent.id, measures.referentId))
    .where(where)
    .orderBy(sql`${nextDeadline} asc nulls last`, asc(persons.lastName))
    .limit(CASELOAD_PAGE_SIZE)
    .offset((page - 1) * CASELOAD_PAGE_SIZE);
  return { rows, total: total?.n ?? 0 };
}

export type CaseloadRow = Awaited<ReturnType<typeof caseload>>["rows"][number];
