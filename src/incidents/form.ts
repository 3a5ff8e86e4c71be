import { Type } from "typebox";
import { ChoiceInput, DateInput, TextInput } from "../platform/forms.ts";
import { INCIDENT_KINDS } from "./tables.ts";

export const IncidentForm = Type.Object({
  occurredOn: DateInput({
    requiredMessage: "Saisissez la date de l'incident",
    errorMessage: "Saisissez une date réelle, par exemple 24/11/2026",
  }),
  kind: ChoiceInput(INCIDENT_KINDS, {
    requiredMessage: "Choisissez la nature de l'incident",
    errorMessage: "Choisissez une nature d'incident dans la liste",
  }),
  description: TextInput({
    maxLength: 4000,
    requiredMessage: "Décrivez l'incident",
    errorMessage: "La description doit faire 4 000 caractères au plus",
  }),
  obligationId: Type.Optional(
    TextInput({ maxLength: 40, errorMessage: "Choisissez une obligation de la mesure" }),
  ),
  appointmentId: Type.Optional(
    TextInput({ maxLength: 40, errorMessage: "Choisissez un rendez-vous de la mesure" }),
  ),
});
