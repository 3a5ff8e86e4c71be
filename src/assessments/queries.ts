import { and, desc, eq, inArray, lt, or } from "drizzle-orm";
import { users } from "../accounts/tables.ts";
import { isUuid } from "../persons/queries.ts";
import type { TenantTx } from "../platform/db.ts";
import type { AssessmentInput } from "./rules.ts";
import {
  ASSESSMENT_DOMAINS,
  type AssessmentDomain,
  type AssessmentLevel,
  assessmentDomains,
  assessments,
} from "./tables.ts";

export interface AssessmentDomainEntry {
  domain: AssessmentDomain;
  level: AssessmentLevel;
  needs: string | null;
  notes: string | null;
}

/** An assessment with its author and every domain, in the order of ASSESSMENT_DOMAINS (missing ones "non évalué"). */
export interface AssessmentWithDomains {
  id: string;
  measureId: string;
  assessedOn: string;
  summary: string | null;
  authorId: string | null;
  authorName: string | null;
  createdAt: Date;
  domains: AssessmentDomainEntry[];
}

const header = {
  id: assessments.id,
  measureId: assessments.measureId,
  assessedOn: assessments.assessedOn,
  summary: assessments.summary,
  authorId: assessments.authorId,
  authorFirstName: users.firstName,
  authorLastName: users.lastName,
  createdAt: assessments.createdAt,
};

type Header = {
  id: string;
  measureId: string;
  assessedOn: string;
  summary: string | null;
  authorId: string | null;
  authorFirstName: string | null;
  authorLastName: string | null;
  createdAt: Date;
};

/** Newest first: by date, then by the time it was recorded (two assessments on one day). */
const newestFirst = [desc(assessments.assessedOn), desc(assessments.createdAt), desc(assessments.id)];

async function withDomains(tx: TenantTx, rows: Header[]): Promise<AssessmentWithDomains[]> {
  if (rows.length === 0) return [];
  const domainRows = await tx
    .select()
    .from(assessmentDomains)
    .where(
      inArray(
        assessmentDomains.assessmentId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((r) => ({
    id: r.id,
    measureId: r.measureId,
    assessedOn: r.assessedOn,
    summary: r.summary,
    authorId: r.authorId,
    authorName: r.authorFirstName ? `${r.authorFirstName} ${r.authorLastName ?? ""}`.trim() : null,
    createdAt: r.createdAt,
    domains: ASSESSMENT_DOMAINS.map((domain) => {
      const found = domainRows.find((d) => d.assessmentId === r.id && d.domain === domain);
      return {
        domain,
        level: found?.level ?? "non_evaluee",
        needs: found?.needs ?? null,
        notes: found?.notes ?? null,
      };
    }),
  }));
}

/** Every assessment of a measure with its domains, newest first. */
export async function assessmentsOfMeasure(
  tx: TenantTx,
  measureId: string,
): Promise<AssessmentWithDomains[]> {
  const rows = await tx
    .select(header)
    .from(assessments)
    .leftJoin(users, eq(users.id, assessments.authorId))
    .where(eq(assessments.measureId, measureId))
    .orderBy(...newestFirst);
  return withDomains(tx, rows);
}

/** The latest assessment of a measure with its domains; null when the measure has none (or is not visible). */
export async function latestAssessment(
  tx: TenantTx,
  measureId: string,
): Promise<AssessmentWithDomains | null> {
  if (!isUuid(measureId)) return null;
  const rows = await tx
    .select(header)
    .from(assessments)
    .leftJoin(users, eq(users.id, assessments.authorId))
    .where(eq(assessments.measureId, measureId))
    .orderBy(...newestFirst)
    .limit(1);
  const [found] = await withDomains(tx, rows);
  return found ?? null;
}

/** One assessment of the measure, and the one before it (to show how each domain changed). */
export async function findAssessment(
  tx: TenantTx,
  measureId: string,
  assessmentId: string,
): Promise<{ assessment: AssessmentWithDomains; previous: AssessmentWithDomains | null } | null> {
  if (!isUuid(assessmentId)) return null;
  const rows = await tx
    .select(header)
    .from(assessments)
    .leftJoin(users, eq(users.id, assessments.authorId))
    .where(and(eq(assessments.id, assessmentId), eq(assessments.measureId, measureId)));
  const [row] = rows;
  if (!row) return null;
  const before = await tx
    .select(header)
    .from(assessments)
    .leftJoin(users, eq(users.id, assessments.authorId))
    .where(
      and(
        eq(assessments.measureId, measureId),
        or(
          lt(assessments.assessedOn, row.assessedOn),
          and(eq(assessments.assessedOn, row.assessedOn), lt(assessments.createdAt, row.createdAt)),
        ),
      ),
    )
    .orderBy(...newestFirst)
    .limit(1);
  const [assessment, previous] = await withDomains(tx, [row, ...before]);
  if (!assessment) return null;
  return { assessment, previous: previous ?? null };
}

export async function createAssessment(
  tx: TenantTx,
  measureId: string,
  input: AssessmentInput,
  authorId: string,
): Promise<string> {
  const [row] = await tx
    .insert(assessments)
    .values({ measureId, assessedOn: input.assessedOn, summary: input.summary, authorId })
    .returning({ id: assessments.id });
  if (!row) throw new Error("insert returned no row");
  await tx.insert(assessmentDomains).values(
    ASSESSMENT_DOMAINS.map((domain) => ({
      assessmentId: row.id,
      domain,
      level: input.domains[domain].level ?? "non_evaluee",
      needs: input.domains[domain].needs,
      notes: input.domains[domain].notes,
    })),
  );
  return row.id;
}
