import { Type } from "typebox";
import { ChoiceInput, DateInput, type FormErrors, type FormValues, TextInput } from "../platform/forms.ts";
import {
  CISJ_FUNDINGS,
  HOURS_PER_DAY,
  REFUSED_FUNDINGS,
  TRAINING_CATEGORY_CODES,
  type TrainingCategory,
} from "./reference.ts";
import { checkSession, checkTrainingDuration, fundingRefusal, type SessionInput } from "./rules.ts";

// ---------------------------------------------------------------------------------------------
// A training of the catalogue
// ---------------------------------------------------------------------------------------------

export const TrainingForm = Type.Object({
  code: TextInput({
    pattern: "^[A-Za-z0-9][A-Za-z0-9-]{1,11}$",
    requiredMessage: "Saisissez le code de la formation, par exemple TC07",
    errorMessage: "Le code se compose de 2 à 12 lettres, chiffres ou traits d'union, par exemple TC07",
  }),
  title: TextInput({
    maxLength: 200,
    requiredMessage: "Saisissez l'intitulé de la formation",
    errorMessage: "L'intitulé doit faire 200 caractères au plus",
  }),
  category: ChoiceInput(TRAINING_CATEGORY_CODES, {
    requiredMessage: "Choisissez la catégorie de la formation",
    errorMessage: "Choisissez la catégorie dans la liste",
  }),
  durationDays: TextInput({
    pattern: "^\\d{1,2}$",
    requiredMessage: "Saisissez la durée de la formation en jours",
    errorMessage: "La durée en jours doit être un nombre entier, par exemple 3",
  }),
  hours: Type.Optional(
    TextInput({
      pattern: "^\\d{1,3}$",
      errorMessage: "Le nombre d'heures doit être un nombre entier, par exemple 21",
    }),
  ),
  objectives: Type.Optional(
    TextInput({ maxLength: 4000, errorMessage: "Les objectifs doivent faire 4 000 caractères au plus" }),
  ),
  countsForCisj: Type.Optional(Type.String()),
});

export interface TrainingInput {
  code: string;
  title: string;
  category: TrainingCategory;
  durationDays: number;
  hours: number;
  objectives: string | null;
  countsForCisj: boolean;
}

function text(values: FormValues, key: string): string | null {
  const v = values[key];
  return typeof v === "string" ? v : null;
}

export function toTrainingInput(values: FormValues): TrainingInput {
  const durationDays = Number(text(values, "durationDays") ?? 0);
  const hours = text(values, "hours");
  return {
    code: (text(values, "code") ?? "").toUpperCase(),
    title: text(values, "title") ?? "",
    category: (text(values, "category") ?? "TC") as TrainingCategory,
    durationDays,
    hours: hours === null ? durationDays * HOURS_PER_DAY : Number(hours),
    objectives: text(values, "objectives"),
    countsForCisj: values.countsForCisj !== undefined,
  };
}

/** Rules the schema cannot say: 2 to 6 days, hours that fit the days. */
export function checkTraining(input: TrainingInput): FormErrors {
  const errors: FormErrors = {};
  const duration = checkTrainingDuration(input.durationDays);
  if (!duration.ok) errors.durationDays = duration.message;
  if (input.hours < 1) errors.hours = "Le nombre d'heures doit être d'au moins 1";
  else if (duration.ok && input.hours > input.durationDays * 10) {
    errors.hours = `${input.hours} heures ne tiennent pas en ${input.durationDays} jours`;
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// A session
// ---------------------------------------------------------------------------------------------

export const SessionForm = Type.Object({
  startsOn: DateInput({
    label: "La date de début de la session",
    requiredMessage: "Saisissez la date de début de la session",
    errorMessage: "Saisissez une date de début réelle, par exemple 12/03/2027",
  }),
  endsOn: DateInput({
    label: "La date de fin de la session",
    requiredMessage: "Saisissez la date de fin de la session",
    errorMessage: "Saisissez une date de fin réelle, par exemple 14/03/2027",
  }),
  place: Type.Optional(
    TextInput({ maxLength: 200, errorMessage: "Le lieu doit faire 200 caractères au plus" }),
  ),
  distance: Type.Optional(Type.String()),
  trainers: Type.Optional(
    TextInput({ maxLength: 300, errorMessage: "Les formateurs doivent tenir en 300 caractères au plus" }),
  ),
  capacity: TextInput({
    pattern: "^\\d{1,4}$",
    requiredMessage: "Saisissez le nombre de places de la session",
    errorMessage: "La capacité doit être un nombre entier d'au moins 1 place",
  }),
});

export interface SessionFormInput extends SessionInput {
  trainers: string | null;
}

export function toSessionInput(values: FormValues): SessionFormInput {
  const distance = values.distance !== undefined;
  return {
    startsOn: text(values, "startsOn") ?? "",
    endsOn: text(values, "endsOn") ?? "",
    place: text(values, "place"),
    distance,
    trainers: text(values, "trainers"),
    capacity: Number(text(values, "capacity") ?? 0),
  };
}

export function checkSessionForm(input: SessionFormInput): FormErrors {
  return checkSession(input);
}

// ---------------------------------------------------------------------------------------------
// An enrolment
// ---------------------------------------------------------------------------------------------

/** Every funding the form offers: the allowed ones, then the refused ones (refused with their reason). */
export const FUNDING_OPTIONS = [...CISJ_FUNDINGS, ...REFUSED_FUNDINGS];
export const FUNDING_CODES = FUNDING_OPTIONS.map((f) => f.code);

export function fundingLabel(code: string | null): string {
  return FUNDING_OPTIONS.find((f) => f.code === code)?.label ?? "Non renseigné";
}

/** The funding chosen on the enrolment form: required, and one the CISJ allows. */
export function checkFunding(values: FormValues): FormErrors {
  const funding = text(values, "funding");
  if (!funding) return { funding: "Choisissez le financement de la formation" };
  if (!FUNDING_CODES.includes(funding)) return { funding: "Choisissez le financement dans la liste" };
  const refusal = fundingRefusal(funding);
  return refusal ? { funding: refusal } : {};
}

/** The date of an enrolment recorded by the training service (a past session); today when left empty. */
export const EnrolmentDateForm = Type.Object({
  enrolledOn: Type.Optional(
    DateInput({
      label: "La date d'inscription",
      min: "2000-01-01",
      max: "today",
      errorMessage: "Saisissez une date d'inscription réelle, par exemple 15/01/2024",
    }),
  ),
});
