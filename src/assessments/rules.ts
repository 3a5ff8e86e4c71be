/** Pure rules of the assessment of a person's situation: how a domain changed, what a valid assessment is. */
import type { FormErrors } from "../platform/forms.ts";
import { DOMAIN_LABELS, type Trend } from "./labels.ts";
import { ASSESSMENT_DOMAINS, type AssessmentDomain, type AssessmentLevel } from "./tables.ts";

/** How heavy a difficulty is: majeure > difficulte > aucune; "non évalué" has no place in that order. */
const SEVERITY: Record<AssessmentLevel, number | null> = {
  aucune: 0,
  difficulte: 1,
  majeure: 2,
  non_evaluee: null,
};

/**
 * How a domain changed from one assessment to the next: "amelioration" when the difficulty is
 * lighter, "degradation" when heavier, "stable" when the same. null when it cannot be compared:
 * no previous assessment, or either level "non évalué".
 */
export function levelTrend(
  previous: AssessmentLevel | null | undefined,
  current: AssessmentLevel,
): Trend | null {
  if (!previous) return null;
  const before = SEVERITY[previous];
  const now = SEVERITY[current];
  if (before === null || now === null) return null;
  if (now < before) return "amelioration";
  if (now > before) return "degradation";
  return "stable";
}

export type DomainLevels = Partial<Record<AssessmentDomain, AssessmentLevel>>;

/** The trend of every domain between two assessments (a domain missing from one is "non évalué"). */
export function assessmentTrends(
  previous: DomainLevels | null,
  current: DomainLevels,
): Record<AssessmentDomain, Trend | null> {
  const out = {} as Record<AssessmentDomain, Trend | null>;
  for (const domain of ASSESSMENT_DOMAINS) {
    out[domain] = previous
      ? levelTrend(previous[domain] ?? "non_evaluee", current[domain] ?? "non_evaluee")
      : null;
  }
  return out;
}

/** How many domains are at each level. */
export function levelCounts(levels: DomainLevels): Record<AssessmentLevel, number> {
  const counts: Record<AssessmentLevel, number> = { aucune: 0, difficulte: 0, majeure: 0, non_evaluee: 0 };
  for (const domain of ASSESSMENT_DOMAINS) counts[levels[domain] ?? "non_evaluee"]++;
  return counts;
}

export interface AssessmentInput {
  assessedOn: string;
  summary: string | null;
  domains: Record<
    AssessmentDomain,
    { level: AssessmentLevel | null; needs: string | null; notes: string | null }
  >;
}

/**
 * What the form schema cannot say: the date is neither in the future nor before the mandate was
 * received; at least one domain is evaluated; a major difficulty states the needs it calls for.
 */
export function checkAssessment(
  input: AssessmentInput,
  context: { receivedDate: string; today: string },
): FormErrors {
  const errors: FormErrors = {};
  if (input.assessedOn > context.today)
    errors.assessedOn = "La date de l'évaluation ne peut pas être dans le futur";
  else if (input.assessedOn < context.receivedDate)
    errors.assessedOn = "La date de l'évaluation ne peut pas précéder la réception du mandat";
  const levels = ASSESSMENT_DOMAINS.map((d) => input.domains[d].level);
  if (levels.every((l) => l === null || l === "non_evaluee")) {
    errors[`level_${ASSESSMENT_DOMAINS[0]}`] = "Évaluez au moins un domaine";
  }
  for (const domain of ASSESSMENT_DOMAINS) {
    const entry = input.domains[domain];
    if (entry.level === "majeure" && !entry.needs) {
      errors[`needs_${domain}`] =
        `Précisez les besoins pour le domaine « ${DOMAIN_LABELS[domain]} » (difficulté majeure)`;
    }
  }
  return errors;
}
