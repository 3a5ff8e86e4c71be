import { Type } from "typebox";
import { ROLES } from "../accounts/tables.ts";
import { ChoiceInput, IdInput, TextInput } from "../platform/forms.ts";

export const AssociationForm = Type.Object({
  name: TextInput({ maxLength: 200, requiredMessage: "Saisissez le nom de l'association" }),
  siret: TextInput({
    pattern: "^\\d{14}$",
    requiredMessage: "Saisissez le SIRET",
    errorMessage: "Le SIRET comporte 14 chiffres, sans espace",
  }),
  addressLine: Type.Optional(
    TextInput({ maxLength: 200, errorMessage: "L'adresse doit faire 200 caractères au plus" }),
  ),
  postalCode: Type.Optional(
    TextInput({ pattern: "^\\d{5}$", errorMessage: "Le code postal comporte 5 chiffres" }),
  ),
  city: Type.Optional(
    TextInput({ maxLength: 120, errorMessage: "La commune doit faire 120 caractères au plus" }),
  ),
  departementCode: TextInput({ maxLength: 3, requiredMessage: "Choisissez le département du siège" }),
  email: Type.Optional(
    TextInput({
      pattern: "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
      errorMessage: "Saisissez une adresse e-mail valide",
    }),
  ),
});

export const UserForm = Type.Object({
  firstName: TextInput({ maxLength: 100, requiredMessage: "Saisissez le prénom" }),
  lastName: TextInput({ maxLength: 100, requiredMessage: "Saisissez le nom" }),
  email: TextInput({
    maxLength: 254,
    pattern: "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
    requiredMessage: "Saisissez l'adresse e-mail",
    errorMessage: "Saisissez une adresse e-mail valide, par exemple prenom.nom@association.fr",
  }),
  role: ChoiceInput(ROLES, {
    requiredMessage: "Choisissez le rôle",
    errorMessage: "Choisissez un rôle dans la liste",
  }),
  associationId: Type.Optional(IdInput({ errorMessage: "Choisissez une association dans la liste" })),
  password: TextInput({
    minLength: 12,
    maxLength: 200,
    requiredMessage: "Saisissez un mot de passe provisoire",
    errorMessage: "Le mot de passe doit contenir au moins 12 caractères",
  }),
});

/** Luhn check of a SIRET (14 digits). La Poste's establishments follow another rule and are accepted. */
export function isValidSiret(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith("356000000")) return true;
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    let digit = Number(siret[13 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
