/** Pure rules of the training statistics: one row per year, from the tests, the certificates and the CNC. */

import { KNOWLEDGE_TEST_FROM_YEAR } from "../training/reference.ts";
import type { YearStatistics } from "../training/rules.ts";

export const CNC_OUTCOMES = ["admis", "positionne", "refuse"] as const;
export type CncOutcome = (typeof CNC_OUTCOMES)[number];

export const CNC_OUTCOME_LABELS: Record<CncOutcome, string> = {
  admis: "CNC admis",
  positionne: "CNC positionnés",
  refuse: "CNC refusés",
};

export type CncCounts = Record<CncOutcome, number>;

export interface StatisticsRow extends YearStatistics {
  certificates: number;
  cnc: CncCounts;
}

const NO_CNC: CncCounts = { admis: 0, positionne: 0, refuse: 0 };

/**
 * One row per year that has anything (a trainee, a certificate or a CNC decision), oldest first; a year
 * without trainee, or before the knowledge test (2012), has no rates (null) rather than 0 %.
 */
export function statisticsRows(
  tests: readonly YearStatistics[],
  certificates: ReadonlyMap<number, number>,
  cnc: ReadonlyMap<number, Partial<CncCounts>>,
): StatisticsRow[] {
  const years = new Set<number>([...tests.map((t) => t.year), ...certificates.keys(), ...cnc.keys()]);
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => {
      const t = tests.find((s) => s.year === year) ?? {
        year,
        trainees: 0,
        testsTaken: 0,
        passed: 0,
        refused: 0,
        passRate: null,
        refusalRate: null,
      };
      // Before the knowledge test existed, there is no rate to speak of.
      const rates = year < KNOWLEDGE_TEST_FROM_YEAR ? { passRate: null, refusalRate: null } : {};
      return {
        ...t,
        ...rates,
        certificates: certificates.get(year) ?? 0,
        cnc: { ...NO_CNC, ...cnc.get(year) },
      };
    });
}

const PERCENT = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 0 });

/** « 77 % » (French spacing), or « — » when there is nothing to divide. */
export function formatRate(rate: number | null): string {
  return rate === null ? "—" : PERCENT.format(rate);
}
