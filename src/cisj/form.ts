import { type TSchema, Type } from "typebox";
import { ChoiceInput, DateInput, type FormErrors, type FormValues, TextInput } from "../platform/forms.ts";
import { TRAINING_CATEGORY_CODES, type TrainingCategory } from "../training/reference.ts";
import { JURY_MAX_MEMBERS, type JuryMemberInput } from "./rules.ts";
import { DECISIONS } from "./tables.ts";

export const EquivalenceForm = Type.Object({
  equivalenceTarget: TextInput({
    maxLength: 60,
    requiredMessage: "Choisissez la formation ou la catégorie que l'équivalence remplace",
    errorMessage: "Choisissez la formation ou la catégorie dans la liste",
  }),
  equivalenceReason: TextInput({
    maxLength: 500,
    requiredMessage: "Saisissez le motif de l'équivalence",
    errorMessage: "Le motif doit faire 500 caractères au plus",
  }),
  equivalenceDate: DateInput({
    label: "La date de l'équivalence",
    max: "today",
    requiredMessage: "Saisissez la date de l'équivalence",
    errorMessage: "Saisissez une date réelle, par exemple 15/03/2026",
  }),
});

/** `training:<id>` or `category:TC`. */
export function parseEquivalenceTarget(
  value: string,
): { trainingId: string; category: null } | { trainingId: null; category: TrainingCategory } | null {
  if (value.startsWith("training:")) return { trainingId: value.slice("training:".length), category: null };
  if (value.startsWith("category:")) {
    const code = value.slice("category:".length);
    return (TRAINING_CATEGORY_CODES as readonly string[]).includes(code)
      ? { trainingId: null, category: code as TrainingCategory }
      : null;
  }
  return null;
}

export function checkEquivalenceDate(date: string, today: string): FormErrors {
  return date > today ? { equivalenceDate: "La date de l'équivalence ne peut pas être dans le futur" } : {};
}

const juryFields: Record<string, TSchema> = {};
for (let i = 1; i <= JURY_MAX_MEMBERS; i += 1) {
  juryFields[`juryName${i}`] = Type.Optional(
    TextInput({ maxLength: 120, errorMessage: `Le nom du membre ${i} doit faire 120 caractères au plus` }),
  );
  juryFields[`juryRole${i}`] = Type.Optional(
    TextInput({
      maxLength: 160,
      errorMessage: `La fonction du membre ${i} doit faire 160 caractères au plus`,
    }),
  );
}

export const SoutenanceForm = Type.Object({
  soutenanceDate: Type.Optional(
    DateInput({
      label: "La date de la soutenance",
      errorMessage: "Saisissez une date de soutenance réelle, par exemple 12/06/2026",
    }),
  ),
  ...juryFields,
});

export function juryFromForm(values: FormValues): JuryMemberInput[] {
  const s = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : "");
  const jury: JuryMemberInput[] = [];
  for (let i = 1; i <= JURY_MAX_MEMBERS; i += 1)
    jury.push({ name: s(`juryName${i}`), role: s(`juryRole${i}`) });
  return jury;
}

export const DecisionForm = Type.Object({
  decision: ChoiceInput(DECISIONS, {
    requiredMessage: "Choisissez la décision du jury",
    errorMessage: "Choisissez la décision du jury",
  }),
  decisionComment: Type.Optional(
    TextInput({ maxLength: 2000, errorMessage: "Le commentaire doit faire 2 000 caractères au plus" }),
  ),
});

export const RevocationForm = Type.Object({
  revocationReason: TextInput({
    maxLength: 500,
    requiredMessage: "Saisissez le motif de la révocation",
    errorMessage: "Le motif doit faire 500 caractères au plus",
  }),
});
