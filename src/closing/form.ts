import { Type } from "typebox";
import { DateInput, JUDICIAL_DATE_MIN, TextInput } from "../platform/forms.ts";

export const ClosingForm = Type.Object({
  outcome: TextInput({ maxLength: 60, requiredMessage: "Choisissez l'issue de la mesure" }),
  closedOn: DateInput({
    label: "La date de clôture",
    min: JUDICIAL_DATE_MIN,
    requiredMessage: "Saisissez la date de clôture",
    errorMessage: "Saisissez une date de clôture réelle, par exemple 24/11/2026",
  }),
  note: Type.Optional(
    TextInput({ maxLength: 1000, errorMessage: "La note de clôture doit faire 1 000 caractères au plus" }),
  ),
});
