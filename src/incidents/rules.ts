/**
 * Rules of the incidents of a measure: an incident happened on a known day, neither in the future nor
 * before the magistrate's decision, and it calls for an incident report to the magistrate until one is
 * issued. Pure functions, no I/O.
 */
import type { IsoDate } from "../deadlines/rules.ts";
import type { FormErrors, FormValues } from "../platform/forms.ts";
import type { IncidentKind } from "./tables.ts";

export const INCIDENT_KIND_LABELS: Readonly<Record<IncidentKind, string>> = {
  absence: "Absence à une convocation",
  obligation_non_respectee: "Non-respect d'une obligation",
  nouvelle_infraction: "Nouvelle infraction signalée",
  comportement: "Comportement",
  autre: "Autre",
};

/** The date of an incident: not in the future, not before the decision that ordered the measure. */
export function checkIncidentDate(
  occurredOn: IsoDate | undefined,
  measure: { decisionDate: IsoDate },
  today: IsoDate,
): FormErrors {
  if (!occurredOn) return {};
  if (occurredOn > today) return { occurredOn: "La date de l'incident ne peut pas être dans le futur" };
  if (occurredOn < measure.decisionDate)
    return { occurredOn: "L'incident ne peut pas précéder la décision du magistrat" };
  return {};
}

export type ReportState = "a_signaler" | "signale";

/** An incident waits for its report to the magistrate until the report is issued. */
export function reportState(incident: { reportedOn: IsoDate | null }): ReportState {
  return incident.reportedOn ? "signale" : "a_signaler";
}

/** The page of the reports feature where the incident report to the magistrate is written. */
export function incidentReportUrl(measureId: string, incidentId: string): string {
  return `/mesures/${measureId}/ecrits/nouveau?type=rapport_incident&incident=${encodeURIComponent(incidentId)}`;
}

/** Statutory obligations an absence from an appointment fails, the most direct first. */
export const ABSENCE_OBLIGATIONS = ["cpp138-6", "cp132-44-1", "cpp138-5"] as const;

/**
 * The incident form filled from an appointment (« Déclarer un incident » on its page): its day, the
 * link to it and, for an absence, the nature and the obligation to answer convocations when the
 * measure has one. The date is the appointment's day in Paris.
 */
export function prefillFromAppointment(
  appointment: { id: string; day: IsoDate; attendance: string | null },
  obligations: readonly { id: string; statutoryCode: string | null }[],
): FormValues {
  const values: FormValues = { occurredOn: appointment.day, appointmentId: appointment.id };
  if (appointment.attendance !== "absent") return values;
  values.kind = "absence";
  for (const code of ABSENCE_OBLIGATIONS) {
    const found = obligations.find((o) => o.statutoryCode === code);
    if (found) {
      values.obligationId = found.id;
      break;
    }
  }
  return values;
}
