import { Type } from "typebox";
import { ChoiceInput, type FormValues, TextInput } from "../platform/forms.ts";
import type { PartnerInput } from "./rules.ts";
import { PARTNER_KINDS, type PartnerKind } from "./tables.ts";

export const PartnerForm = Type.Object({
  kind: ChoiceInput(PARTNER_KINDS, {
    requiredMessage: "Choisissez le type de partenaire",
    errorMessage: "Choisissez un type de partenaire dans la liste",
  }),
  name: TextInput({
    maxLength: 160,
    requiredMessage: "Saisissez le nom du partenaire",
    errorMessage: "Le nom doit faire 160 caractères au plus",
  }),
  magistrateFunction: Type.Optional(
    TextInput({ maxLength: 120, errorMessage: "Choisissez une fonction dans la liste" }),
  ),
  courtId: Type.Optional(
    TextInput({ maxLength: 20, errorMessage: "Choisissez une juridiction dans la liste" }),
  ),
  contactName: Type.Optional(
    TextInput({ maxLength: 160, errorMessage: "Le nom du contact doit faire 160 caractères au plus" }),
  ),
  phone: Type.Optional(
    TextInput({
      pattern: "^\\+?[0-9 .()-]{6,20}$",
      errorMessage: "Saisissez un numéro de téléphone, par exemple 05 56 00 00 00",
    }),
  ),
  email: Type.Optional(
    TextInput({
      maxLength: 254,
      pattern: "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
      errorMessage: "Saisissez une adresse e-mail valide, par exemple accueil@exemple.fr",
    }),
  ),
  address: Type.Optional(
    TextInput({ maxLength: 300, errorMessage: "L'adresse doit faire 300 caractères au plus" }),
  ),
  notes: Type.Optional(
    TextInput({ maxLength: 2000, errorMessage: "Les notes doivent faire 2 000 caractères au plus" }),
  ),
  active: Type.Optional(Type.String()),
});

export function toPartnerInput(values: FormValues): PartnerInput {
  const s = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : null);
  const kind = s("kind");
  return {
    kind: (PARTNER_KINDS as readonly string[]).includes(kind ?? "") ? (kind as PartnerKind) : null,
    name: s("name") ?? "",
    magistrateFunction: s("magistrateFunction"),
    courtId: s("courtId"),
    contactName: s("contactName"),
    phone: s("phone"),
    email: s("email")?.toLowerCase() ?? null,
    address: s("address"),
    notes: s("notes"),
    active: values.active !== undefined,
  };
}
