import { Type } from "typebox";
import { ChoiceInput, DateInput, IdInput, JUDICIAL_DATE_MIN, TextInput } from "../platform/forms.ts";
import { MEASURE_STATUSES } from "./rules.ts";

/** Functions of the magistrates who order the measures the associations carry out. */
export const MAGISTRATE_FUNCTIONS = [
  "Procureur de la République",
  "Substitut du procureur",
  "Juge d'instruction",
  "Juge des libertés et de la détention",
  "Juge de l'application des peines",
  "Juge des enfants",
  "Juge d'instruction (mineurs)",
  "Tribunal correctionnel",
  "Tribunal pour enfants",
  "Délégué du procureur",
] as const;

export const MeasureForm = Type.Object({
  typeCode: TextInput({ maxLength: 60, requiredMessage: "Choisissez le type de mesure" }),
  magistrateFunction: ChoiceInput(MAGISTRATE_FUNCTIONS, {
    requiredMessage: "Choisissez la fonction du magistrat mandant",
    errorMessage: "Choisissez la fonction du magistrat dans la liste",
  }),
  magistrateName: Type.Optional(
    TextInput({ maxLength: 120, errorMessage: "Le nom du magistrat doit faire 120 caractères au plus" }),
  ),
  courtId: TextInput({ maxLength: 20, requiredMessage: "Choisissez la juridiction" }),
  proceedingsNumber: Type.Optional(
    TextInput({ maxLength: 40, errorMessage: "Le numéro de procédure doit faire 40 caractères au plus" }),
  ),
  decisionDate: DateInput({
    label: "La date de la décision",
    min: JUDICIAL_DATE_MIN,
    max: "today",
    requiredMessage: "Saisissez la date de la décision",
    errorMessage: "Saisissez une date de décision réelle, par exemple 03/11/2026",
  }),
  receivedDate: DateInput({
    label: "La date de réception du mandat",
    min: JUDICIAL_DATE_MIN,
    requiredMessage: "Saisissez la date de réception du mandat",
    errorMessage: "Saisissez une date de réception réelle, par exemple 05/11/2026",
  }),
  referentId: IdInput({
    requiredMessage: "Choisissez l'intervenant·e référent·e",
    errorMessage: "Choisissez l'intervenant·e référent·e dans la liste",
  }),
  reportDueDate: Type.Optional(
    DateInput({
      label: "L'échéance du rapport",
      min: JUDICIAL_DATE_MIN,
      errorMessage: "Saisissez une échéance réelle, par exemple 05/02/2027, ou laissez le champ vide",
    }),
  ),
  endDate: Type.Optional(
    DateInput({
      label: "La date de fin",
      min: JUDICIAL_DATE_MIN,
      errorMessage: "Saisissez une date de fin réelle, ou laissez le champ vide",
    }),
  ),
});

export const StatusForm = Type.Object({
  to: ChoiceInput(MEASURE_STATUSES, {
    requiredMessage: "Choisissez le nouveau statut",
    errorMessage: "Choisissez un statut dans la liste",
  }),
  on: DateInput({
    label: "La date du changement",
    min: JUDICIAL_DATE_MIN,
    requiredMessage: "Saisissez la date du changement",
    errorMessage: "Saisissez une date réelle, par exemple 24/11/2026",
  }),
  note: Type.Optional(
    TextInput({ maxLength: 1000, errorMessage: "La note doit faire 1 000 caractères au plus" }),
  ),
});

export interface MeasureInput {
  typeCode: string;
  magistrateFunction: string;
  magistrateName: string | null;
  courtId: string;
  proceedingsNumber: string | null;
  decisionDate: string;
  receivedDate: string;
  referentId: string;
  reportDueDate: string | null;
  endDate: string | null;
}

export function toMeasureInput(v: Record<string, unknown>): MeasureInput {
  const s = (k: string) => (typeof v[k] === "string" ? (v[k] as string) : null);
  return {
    typeCode: s("typeCode") ?? "",
    magistrateFunction: s("magistrateFunction") ?? "",
    magistrateName: s("magistrateName"),
    courtId: s("courtId") ?? "",
    proceedingsNumber: s("proceedingsNumber"),
    decisionDate: s("decisionDate") ?? "",
    receivedDate: s("receivedDate") ?? "",
    referentId: s("referentId") ?? "",
    reportDueDate: s("reportDueDate"),
    endDate: s("endDate"),
  };
}
