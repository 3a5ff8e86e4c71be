import { Type } from "typebox";
import { ChoiceInput, DateInput, type FormErrors, TextInput } from "../platform/forms.ts";

export const SEXES = ["F", "M"] as const;
export const SEX_LABELS: Record<(typeof SEXES)[number], string> = { F: "Femme", M: "Homme" };

export const FAMILY_SITUATIONS = ["celibataire", "couple", "marie", "pacse", "separe", "veuf"] as const;
export const FAMILY_SITUATION_LABELS: Record<(typeof FAMILY_SITUATIONS)[number], string> = {
  celibataire: "Célibataire",
  couple: "En couple (union libre)",
  marie: "Marié·e",
  pacse: "Pacsé·e",
  separe: "Séparé·e ou divorcé·e",
  veuf: "Veuf ou veuve",
};

// Letters of any language, spaces, hyphens and apostrophes: "N'Diaye", "Le Goff-Éluard", "Zoë".
const NAME_PATTERN = "^[\\p{L}][\\p{L}\\p{M} '’\\-.]*$";

export const PersonForm = Type.Object({
  lastName: TextInput({
    maxLength: 100,
    pattern: NAME_PATTERN,
    requiredMessage: "Saisissez le nom de naissance",
    errorMessage:
      "Le nom ne peut contenir que des lettres, espaces, apostrophes et traits d'union (100 caractères au plus)",
  }),
  usedName: Type.Optional(
    TextInput({
      maxLength: 100,
      pattern: NAME_PATTERN,
      errorMessage: "Le nom d'usage ne peut contenir que des lettres, espaces, apostrophes et traits d'union",
    }),
  ),
  firstName: TextInput({
    maxLength: 100,
    pattern: NAME_PATTERN,
    requiredMessage: "Saisissez le prénom",
    errorMessage:
      "Le prénom ne peut contenir que des lettres, espaces, apostrophes et traits d'union (100 caractères au plus)",
  }),
  birthDate: Type.Optional(
    DateInput({
      label: "La date de naissance",
      min: "1900-01-01",
      max: "today",
      errorMessage: "Saisissez une date de naissance réelle, par exemple 27/03/1990",
    }),
  ),
  birthPlace: Type.Optional(
    TextInput({ maxLength: 120, errorMessage: "Le lieu de naissance doit faire 120 caractères au plus" }),
  ),
  sex: Type.Optional(ChoiceInput(SEXES, { errorMessage: "Choisissez le sexe dans la liste" })),
  addressLine: Type.Optional(
    TextInput({ maxLength: 200, errorMessage: "L'adresse doit faire 200 caractères au plus" }),
  ),
  postalCode: Type.Optional(
    TextInput({
      pattern: "^(\\d{5}|\\d{3} ?\\d{2})$",
      errorMessage: "Le code postal doit comporter 5 chiffres, par exemple 33000",
    }),
  ),
  city: Type.Optional(
    TextInput({ maxLength: 120, errorMessage: "La commune doit faire 120 caractères au plus" }),
  ),
  phone: Type.Optional(
    TextInput({
      pattern: "^\\+?[0-9 .()-]{6,20}$",
      errorMessage: "Saisissez un numéro de téléphone, par exemple 06 12 34 56 78",
    }),
  ),
  email: Type.Optional(
    TextInput({
      maxLength: 254,
      pattern: "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
      errorMessage: "Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.fr",
    }),
  ),
  reminderConsent: Type.Optional(Type.String()),
  familySituation: Type.Optional(
    ChoiceInput(FAMILY_SITUATIONS, { errorMessage: "Choisissez la situation familiale dans la liste" }),
  ),
});

export interface PersonInput {
  lastName: string;
  usedName: string | null;
  firstName: string;
  birthDate: string | null;
  birthPlace: string | null;
  sex: "F" | "M" | null;
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  reminderConsent: boolean;
  familySituation: string | null;
}

/** Rules the schema cannot say: a birth date in the past and plausible; consent needs an address. */
export function checkPerson(input: PersonInput, today: string): FormErrors {
  const errors: FormErrors = {};
  if (input.birthDate && input.birthDate > today)
    errors.birthDate = "La date de naissance ne peut pas être dans le futur";
  else if (input.birthDate && input.birthDate < "1900-01-01")
    errors.birthDate = "La date de naissance doit être postérieure à 1900";
  if (input.reminderConsent && !input.email && !input.phone) {
    errors.reminderConsent = "Pour envoyer des rappels, saisissez une adresse e-mail ou un téléphone";
  }
  return errors;
}

export function toPersonInput(data: Record<string, unknown>): PersonInput {
  const s = (k: string) => (typeof data[k] === "string" ? (data[k] as string) : null);
  return {
    lastName: s("lastName") ?? "",
    usedName: s("usedName"),
    firstName: s("firstName") ?? "",
    birthDate: s("birthDate"),
    birthPlace: s("birthPlace"),
    sex: (s("sex") as "F" | "M" | null) ?? null,
    addressLine: s("addressLine"),
    postalCode: s("postalCode")?.replace(/\s/g, "") ?? null,
    city: s("city"),
    phone: s("phone"),
    email: s("email")?.toLowerCase() ?? null,
    reminderConsent: data.reminderConsent !== undefined,
    familySituation: s("familySituation"),
  };
}
