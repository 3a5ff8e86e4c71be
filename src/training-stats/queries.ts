import { and, asc, count, eq, lte, ne, sql } from "drizzle-orm";
import { cisjCertificates } from "../cisj/tables.ts";
import { cncDecisions } from "../cnc/tables.ts";
import type { Queryable } from "../platform/db.ts";
import type { IsoDate } from "../training/reference.ts";
import { TEST_PASS_THRESHOLD } from "../training/reference.ts";
import { type TraineeTestRow, trainingStatistics } from "../training/rules.ts";
import { enrolments, trainingSessions, trainings } from "../training/tables.ts";
import { type CncCounts, type CncOutcome, type StatisticsRow, statisticsRows } from "./rules.ts";

/**
 * One row per trainee at the end of a CISJ training (session ended, not cancelled, trainee enrolled),
 * counted in the year the session began.
 */
export async function traineeTestRows(db: Queryable, today: IsoDate): Promise<TraineeTestRow[]> {
  const rows = await db
    .select({
      year: sql<number>`extract(year from ${trainingSessions.startsOn})::int`,
      testScore: enrolments.testScore,
      testRefused: enrolments.testRefused,
    })
    .from(enrolments)
    .innerJoin(trainingSessions, eq(trainingSessions.id, enrolments.sessionId))
    .innerJoin(trainings, eq(trainings.id, trainingSessions.trainingId))
    .where(
      and(
        eq(enrolments.status, "inscrit"),
        ne(trainingSessions.status, "annulee"),
        lte(trainingSessions.endsOn, today),
        eq(trainings.countsForCisj, true),
      ),
    );
  return rows.map((r) => ({
    year: Number(r.year),
    refusedTest: r.testRefused,
    tookTest: !r.testRefused && r.testScore !== null,
    passed: !r.testRefused && r.testScore !== null && Number(r.testScore) >= TEST_PASS_THRESHOLD,
  }));
}

/** CISJ certificates issued per year (revoked ones included: they were issued). */
export async function certificatesPerYear(db: Queryable): Promise<Map<number, number>> {
  const rows = await db
    .select({ year: cisjCertificates.year, n: count() })
    .from(cisjCertificates)
    .groupBy(cisjCertificates.year)
    .orderBy(asc(cisjCertificates.year));
  return new Map(rows.map((r) => [r.year, r.n]));
}

/** CNC candidacies by the outcome of their latest decision, in the year of that decision (Paris time). */
export async function cncOutcomesPerYear(db: Queryable): Promise<Map<number, Partial<CncCounts>>> {
  const latest = await db
    .selectDistinctOn([cncDecisions.candidacyId], {
      outcome: cncDecisions.outcome,
      year: sql<number>`extract(year from ${cncDecisions.decidedAt} at time zone 'Europe/Paris')::int`,
    })
    .from(cncDecisions)
    .orderBy(cncDecisions.candidacyId, sql`${cncDecisions.decidedAt} desc`);
  const out = new Map<number, Partial<CncCounts>>();
  for (const r of latest) {
    const year = Number(r.year);
    const counts = out.get(year) ?? {};
    const outcome = r.outcome as CncOutcome;
    counts[outcome] = (counts[outcome] ?? 0) + 1;
    out.set(year, counts);
  }
  return out;
}

export async function statistics(db: Queryable, today: IsoDate): Promise<StatisticsRow[]> {
  const [tests, certificates, cnc] = await Promise.all([
    traineeTestRows(db, today),
    certificatesPerYear(db),
    cncOutcomesPerYear(db),
  ]);
  return statisticsRows(trainingStatistics(tests), certificates, cnc);
}
