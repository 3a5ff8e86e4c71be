import { Type } from "typebox";
import {
  ChoiceInput,
  DateInput,
  type FormErrors,
  type FormValues,
  hasErrors,
  JUDICIAL_DATE_MIN,
  mergeErrors,
  TextInput,
  validateForm,
} from "../platform/forms.ts";
import type { NewObligation, StatutoryRow } from "./queries.ts";
import { checkObligationDates } from "./rules.ts";
import { COMPLIANCE_STATUSES, PROOF_KINDS } from "./tables.ts";

export const OBLIGATION_SOURCES = ["liste", "libre"] as const;
export const OBLIGATION_KINDS = ["obligation", "interdiction", "controle"] as const;

export const ObligationForm = Type.Object({
  source: ChoiceInput(OBLIGATION_SOURCES, {
    requiredMessage: "Indiquez si l'obligation vient de la liste légale ou si elle est libre",
    errorMessage: "Choisissez la liste légale ou une obligation libre",
  }),
  statutoryCode: Type.Optional(
    TextInput({ maxLength: 40, errorMessage: "Choisissez une obligation dans la liste légale" }),
  ),
  label: Type.Optional(
    TextInput({ maxLength: 300, errorMessage: "L'intitulé doit faire 300 caractères au plus" }),
  ),
  kind: Type.Optional(
    ChoiceInput(OBLIGATION_KINDS, {
      errorMessage: "Choisissez obligation, interdiction ou mesure de contrôle",
    }),
  ),
  details: Type.Optional(
    TextInput({ maxLength: 2000, errorMessage: "Les précisions doivent faire 2 000 caractères au plus" }),
  ),
  startDate: DateInput({
    label: "La date de début de l'obligation",
    min: JUDICIAL_DATE_MIN,
    requiredMessage: "Saisissez la date de début de l'obligation",
    errorMessage: "Saisissez une date de début réelle, par exemple 03/11/2026",
  }),
  endDate: Type.Optional(
    DateInput({
      label: "La date de fin de l'obligation",
      min: JUDICIAL_DATE_MIN,
      errorMessage: "Saisissez une date de fin réelle, ou laissez le champ vide",
    }),
  ),
  proofRequired: Type.Optional(Type.String()),
  firstProofDue: Type.Optional(
    DateInput({
      label: "La date du premier justificatif",
      min: JUDICIAL_DATE_MIN,
      errorMessage: "Saisissez une date réelle pour le premier justificatif, par exemple 03/12/2026",
    }),
  ),
  proofIntervalDays: Type.Optional(
    TextInput({
      pattern: "^\\d{1,4}$",
      errorMessage: "Saisissez un nombre de jours, par exemple 30, ou laissez vide pour un seul justificatif",
    }),
  ),
});

export const ProofForm = Type.Object({
  receivedOn: DateInput({
    label: "La date de réception du justificatif",
    min: JUDICIAL_DATE_MIN,
    requiredMessage: "Saisissez la date de réception du justificatif",
    errorMessage: "Saisissez une date de réception réelle, par exemple 24/11/2026",
  }),
  proofKind: ChoiceInput(PROOF_KINDS, {
    requiredMessage: "Choisissez la nature du justificatif",
    errorMessage: "Choisissez une nature de justificatif dans la liste",
  }),
  proofDescription: Type.Optional(
    TextInput({ maxLength: 1000, errorMessage: "La description doit faire 1 000 caractères au plus" }),
  ),
});

export const ComplianceForm = Type.Object({
  periodStart: DateInput({
    label: "La date de début de la période",
    min: JUDICIAL_DATE_MIN,
    requiredMessage: "Saisissez le début de la période",
    errorMessage: "Saisissez une date de début réelle, par exemple 01/11/2026",
  }),
  periodEnd: DateInput({
    label: "La date de fin de la période",
    min: JUDICIAL_DATE_MIN,
    requiredMessage: "Saisissez la fin de la période",
    errorMessage: "Saisissez une date de fin réelle, par exemple 30/11/2026",
  }),
  status: ChoiceInput(COMPLIANCE_STATUSES, {
    requiredMessage: "Choisissez le constat pour cette période",
    errorMessage: "Choisissez un constat dans la liste",
  }),
  note: Type.Optional(
    TextInput({ maxLength: 2000, errorMessage: "La note doit faire 2 000 caractères au plus" }),
  ),
});

export const PROOF_KIND_LABELS: Readonly<Record<(typeof PROOF_KINDS)[number], string>> = {
  attestation: "Attestation",
  certificat_medical: "Certificat médical ou de soins",
  bulletin_salaire: "Bulletin de salaire ou contrat",
  quittance: "Quittance ou justificatif de domicile",
  recu_versement: "Reçu de versement",
  convocation: "Convocation émargée",
  autre: "Autre",
};

/** A text field's value, or null when empty. */
export function textOf(values: FormValues, name: string): string | null {
  const v = values[name];
  return typeof v === "string" && v !== "" ? v : null;
}

export interface ObligationFormResult {
  errors: FormErrors;
  input: NewObligation | null;
}

/**
 * Checks the new-obligation form: the schema, then the choice (an item of the statutory lists that apply
 * to the measure, or a free obligation with its label and kind), then the dates. The label and kind of a
 * statutory obligation come from the list.
 */
export function checkObligationForm(
  values: FormValues,
  choices: readonly StatutoryRow[],
  measure: { decisionDate: string },
): ObligationFormResult {
  const form = validateForm(ObligationForm, values);
  const errors: FormErrors = { ...form.errors };
  const source = textOf(values, "source");
  const code = textOf(values, "statutoryCode");
  let label = textOf(values, "label");
  let kind = textOf(values, "kind") as NewObligation["kind"] | null;
  let statutoryCode: string | null = null;
  if (source === "liste") {
    const item = code ? choices.find((c) => c.code === code) : undefined;
    if (!item) errors.statutoryCode ??= "Choisissez une obligation dans la liste légale";
    else {
      statutoryCode = item.code;
      label = item.label;
      kind = item.kind;
    }
  } else if (source === "libre") {
    if (!label) errors.label ??= "Saisissez l'intitulé de l'obligation libre";
    if (!kind) errors.kind ??= "Choisissez la nature de l'obligation libre";
  }
  const proofRequired = values.proofRequired !== undefined;
  if (!proofRequired) {
    // Without proofs, the schedule's fields are not used: what they hold does not matter.
    delete errors.firstProofDue;
    delete errors.proofIntervalDays;
  }
  const interval = textOf(values, "proofIntervalDays");
  const proofIntervalDays = interval && !errors.proofIntervalDays ? Number(interval) : null;
  const dateErrors = checkObligationDates(
    {
      startDate: errors.startDate ? undefined : (textOf(values, "startDate") ?? undefined),
      endDate: errors.endDate ? undefined : textOf(values, "endDate"),
      proofRequired,
      firstProofDue: errors.firstProofDue ? undefined : textOf(values, "firstProofDue"),
      proofIntervalDays,
    },
    measure,
  );
  const all = mergeErrors(errors, dateErrors);
  if (hasErrors(all) || !label || !kind) return { errors: all, input: null };
  return {
    errors: all,
    input: {
      statutoryCode,
      label,
      kind,
      details: textOf(values, "details"),
      startDate: textOf(values, "startDate") ?? "",
      endDate: textOf(values, "endDate"),
      proofRequired,
      firstProofDue: proofRequired ? textOf(values, "firstProofDue") : null,
      proofIntervalDays: proofRequired ? proofIntervalDays : null,
    },
  };
}
