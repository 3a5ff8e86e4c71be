import { Type } from "typebox";
import {
  ChoiceInput,
  DateInput,
  type FormValues,
  IdInput,
  JUDICIAL_DATE_MIN,
  TextInput,
} from "../platform/forms.ts";
import { type AppointmentInput, normalizeTime } from "./rules.ts";
import {
  APPOINTMENT_KINDS,
  APPOINTMENT_PLACES,
  type AppointmentKind,
  type AppointmentPlace,
  ATTENDANCES,
} from "./tables.ts";

export const AppointmentForm = Type.Object({
  date: DateInput({
    label: "La date du rendez-vous",
    min: JUDICIAL_DATE_MIN,
    requiredMessage: "Saisissez la date du rendez-vous",
    errorMessage: "Saisissez une date réelle, par exemple 24/11/2026",
  }),
  time: TextInput({
    pattern: "^([01]\\d|2[0-3]):[0-5]\\d$",
    requiredMessage: "Saisissez l'heure du rendez-vous",
    errorMessage: "Saisissez une heure, par exemple 14:30",
  }),
  durationMinutes: TextInput({
    pattern: "^\\d{1,4}$",
    requiredMessage: "Saisissez la durée prévue en minutes",
    errorMessage: "Saisissez une durée en minutes, par exemple 45",
  }),
  place: ChoiceInput(APPOINTMENT_PLACES, {
    requiredMessage: "Choisissez le lieu du rendez-vous",
    errorMessage: "Choisissez un lieu dans la liste",
  }),
  placeDetail: Type.Optional(
    TextInput({ maxLength: 200, errorMessage: "La précision du lieu doit faire 200 caractères au plus" }),
  ),
  kind: ChoiceInput(APPOINTMENT_KINDS, {
    requiredMessage: "Choisissez la nature du rendez-vous",
    errorMessage: "Choisissez une nature de rendez-vous dans la liste",
  }),
  staffId: IdInput({
    requiredMessage: "Choisissez l'intervenant·e qui reçoit la personne",
    errorMessage: "Choisissez l'intervenant·e dans la liste",
  }),
  partnerId: Type.Optional(IdInput({ errorMessage: "Choisissez un partenaire dans la liste" })),
});

export const AttendanceForm = Type.Object({
  attendance: ChoiceInput(ATTENDANCES, {
    requiredMessage: "Indiquez si la personne était présente, excusée ou absente",
    errorMessage: "Choisissez présent·e, excusé·e ou absent·e",
  }),
  note: Type.Optional(
    TextInput({ maxLength: 2000, errorMessage: "La note doit faire 2 000 caractères au plus" }),
  ),
});

/** The form's values with the time written the browser's way ("14h30" becomes "14:30"). */
export function normalizeAppointmentValues(values: FormValues): FormValues {
  const time = values.time;
  if (typeof time !== "string") return values;
  return { ...values, time: normalizeTime(time) ?? time };
}

export function toAppointmentInput(v: FormValues): AppointmentInput {
  const s = (k: string) => (typeof v[k] === "string" ? (v[k] as string) : null);
  return {
    date: s("date") ?? "",
    time: s("time") ?? "",
    durationMinutes: Number(s("durationMinutes") ?? Number.NaN),
    place: (s("place") ?? "service") as AppointmentPlace,
    placeDetail: s("placeDetail"),
    kind: (s("kind") ?? "entretien") as AppointmentKind,
    staffId: s("staffId") ?? "",
    partnerId: s("partnerId"),
  };
}
