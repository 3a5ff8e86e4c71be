import { Type } from "typebox";
import { ChoiceInput, DateInput, IdInput, JUDICIAL_DATE_MIN, TextInput } from "../platform/forms.ts";
import { INCIDENT_KINDS } from "./tables.ts";

export const IncidentForm = Type.Object({
  occurredOn: DateInput({
    label: "La date de l'incident",
    min: JUDICIAL_DATE_MIN,
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
  obligationId: Type.Optional(IdInput({ errorMessage: "Choisissez une obligation de la mesure" })),
  appointmentId: Type.Optional(IdInput({ errorMessage: "Choisissez un rendez-vous de la mesure" })),
});
