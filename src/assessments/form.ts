import { type TSchema, Type } from "typebox";
import { ChoiceInput, DateInput, type FormValues, JUDICIAL_DATE_MIN, TextInput } from "../platform/forms.ts";
import { DOMAIN_LABELS } from "./labels.ts";
import type { AssessmentInput } from "./rules.ts";
import {
  ASSESSMENT_DOMAINS,
  ASSESSMENT_LEVELS,
  type AssessmentDomain,
  type AssessmentLevel,
} from "./tables.ts";

/** Field names of a domain in the form. */
export const domainFields = (domain: AssessmentDomain) => ({
  level: `level_${domain}`,
  needs: `needs_${domain}`,
  notes: `notes_${domain}`,
});

const properties: Record<string, TSchema> = {
  assessedOn: DateInput({
    label: "La date de l'évaluation",
    min: JUDICIAL_DATE_MIN,
    requiredMessage: "Saisissez la date de l'évaluation",
    errorMessage: "Saisissez une date réelle, par exemple 24/11/2026",
  }),
  summary: Type.Optional(
    TextInput({ maxLength: 4000, errorMessage: "La synthèse doit faire 4 000 caractères au plus" }),
  ),
};
for (const domain of ASSESSMENT_DOMAINS) {
  const f = domainFields(domain);
  const label = DOMAIN_LABELS[domain];
  properties[f.level] = ChoiceInput(ASSESSMENT_LEVELS, {
    requiredMessage: `Choisissez le niveau de difficulté du domaine « ${label} »`,
    errorMessage: `Choisissez un niveau dans la liste pour le domaine « ${label} »`,
  });
  properties[f.needs] = Type.Optional(
    TextInput({
      maxLength: 2000,
      errorMessage: `Les besoins (« ${label} ») doivent faire 2 000 caractères au plus`,
    }),
  );
  properties[f.notes] = Type.Optional(
    TextInput({
      maxLength: 4000,
      errorMessage: `Les notes (« ${label} ») doivent faire 4 000 caractères au plus`,
    }),
  );
}

export const AssessmentForm = Type.Object(properties);

export function toAssessmentInput(values: FormValues): AssessmentInput {
  const s = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : null);
  const domains = {} as AssessmentInput["domains"];
  for (const domain of ASSESSMENT_DOMAINS) {
    const f = domainFields(domain);
    const level = s(f.level);
    domains[domain] = {
      level: (ASSESSMENT_LEVELS as readonly string[]).includes(level ?? "")
        ? (level as AssessmentLevel)
        : null,
      needs: s(f.needs),
      notes: s(f.notes),
    };
  }
  return { assessedOn: s("assessedOn") ?? "", summary: s("summary"), domains };
}

/** The form's values for a new assessment: today, and each domain as the latest assessment left it. */
export function prefilledValues(
  today: string,
  latest: {
    domains: {
      domain: AssessmentDomain;
      level: AssessmentLevel;
      needs: string | null;
      notes: string | null;
    }[];
  } | null,
): FormValues {
  const values: FormValues = { assessedOn: today };
  for (const domain of ASSESSMENT_DOMAINS) {
    const f = domainFields(domain);
    const entry = latest?.domains.find((d) => d.domain === domain);
    values[f.level] = entry?.level ?? "non_evaluee";
    if (entry?.needs) values[f.needs] = entry.needs;
    if (entry?.notes) values[f.notes] = entry.notes;
  }
  return values;
}
