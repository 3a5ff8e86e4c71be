/**
 * The shape of the scale data set, computed before any row is written: how many persons each association
 * holds, how many of its measures are open, how many intervenants and services it needs so that each
 * intervenant carries 40 to 80 open measures. Pure functions (tested in test/bench-data.test.ts).
 */

/** One measure in OPEN_EVERY is open (5 %); the others are closed history. */
export const OPEN_EVERY = 20;
/** An intervenant carries at most this many open measures; the staff of an association is sized from it. */
export const MAX_CASELOAD = 80;
/** Intervenants per service (one chef de service each). */
export const STAFF_PER_SERVICE = 30;

export interface AssociationPlan {
  /** 1 is the demo « Gironde » association, 2 the demo « Moselle » one, then the generated ones. */
  n: number;
  /** Persons pFrom..pTo (1-based, inclusive; pTo < pFrom when the association holds nobody). */
  pFrom: number;
  pTo: number;
  measures: number;
  open: number;
  /** Intervenants carrying the open measures (the demo intervenant among them in Gironde and Moselle). */
  staff: number;
  services: number;
}

/**
 * Persons spread over the associations as in the network: a few large ones, many small ones (weight
 * 1/√rank: with 150 associations the largest holds about 4.3 %). Measure g belongs to person
 * ((g - 1) mod persons) + 1, so each person has measures / persons measures; g is open when g mod 20 = 0.
 */
export function planAssociations(associations: number, persons: number, measures: number): AssociationPlan[] {
  if (associations < 1 || persons < 1 || measures < persons)
    throw new Error("il faut au moins une association, une personne, et une mesure par personne");
  const weights = Array.from({ length: associations }, (_, i) => 1 / Math.sqrt(i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const plans: AssociationPlan[] = [];
  let next = 1;
  for (let i = 0; i < associations; i++) {
    const last = i === associations - 1;
    const count = last ? persons - next + 1 : Math.round((persons * (weights[i] ?? 0)) / total);
    plans.push({ n: i + 1, pFrom: next, pTo: next + count - 1, measures: 0, open: 0, staff: 1, services: 1 });
    next += count;
  }
  for (const plan of plans) {
    for (let layer = 0; layer * persons < measures; layer++) {
      const from = layer * persons + plan.pFrom;
      const to = Math.min(layer * persons + plan.pTo, measures);
      if (to < from) continue;
      plan.measures += to - from + 1;
      plan.open += Math.floor(to / OPEN_EVERY) - Math.floor((from - 1) / OPEN_EVERY);
    }
    plan.staff = Math.max(1, Math.ceil(plan.open / MAX_CASELOAD));
    plan.services = Math.max(plan.n === 1 ? 2 : 1, Math.ceil(plan.staff / STAFF_PER_SERVICE));
  }
  return plans;
}

/** A SQL text array literal of a list of names (quotes doubled). */
export function textArray(values: readonly string[]): string {
  return `array[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(",")}]::text[]`;
}

/** A deterministic pseudo-random integer in 0..n-1 from an integer SQL expression and a salt. */
export function pick(expr: string, salt: number, n: number | string): string {
  return `((hashint8((${expr})::bigint * 7919 + ${salt}) & 2147483647) % (${n}))`;
}
