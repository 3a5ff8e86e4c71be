/** Pure rules of a measure's life: statuses, their dated transitions, the dates of the mandate. */

export const MEASURE_STATUSES = ["recue", "en_cours", "rapport_remis", "cloturee"] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

export const STATUS_LABELS: Record<MeasureStatus, string> = {
  recue: "Reçue",
  en_cours: "En cours",
  rapport_remis: "Rapport remis",
  cloturee: "Clôturée",
};

/**
 * Allowed moves. A measure whose report was handed in can go back to « en cours » (a CJSE goes
 * on after an interim report); a measure can be closed from any open status (mainlevée, révocation).
 */
const TRANSITIONS: Record<MeasureStatus, readonly MeasureStatus[]> = {
  recue: ["en_cours", "cloturee"],
  en_cours: ["rapport_remis", "cloturee"],
  rapport_remis: ["en_cours", "cloturee"],
  cloturee: [],
};

export function allowedTransitions(from: MeasureStatus): readonly MeasureStatus[] {
  return TRANSITIONS[from];
}

export function isOpenStatus(status: MeasureStatus): boolean {
  return status !== "cloturee";
}

export interface TransitionRequest {
  from: MeasureStatus;
  to: MeasureStatus;
  /** Date of the change as the user states it. */
  on: string;
  /** Date of the previous status change (or of receipt for a new measure). */
  previousOn: string;
  today: string;
}

/** Returns a French error message per field, or an empty object when the change is valid. */
export function checkTransition(req: TransitionRequest): Partial<Record<"to" | "on", string>> {
  const errors: Partial<Record<"to" | "on", string>> = {};
  if (!TRANSITIONS[req.from].includes(req.to)) {
    errors.to =
      req.from === "cloturee"
        ? "Une mesure clôturée ne change plus de statut"
        : `Une mesure « ${STATUS_LABELS[req.from]} » ne peut pas passer à « ${STATUS_LABELS[req.to]} »`;
  }
  if (req.on > req.today) errors.on = "La date du changement ne peut pas être dans le futur";
  else if (req.on < req.previousOn) {
    errors.on = "La date du changement doit être postérieure ou égale à celle du statut précédent";
  }
  return errors;
}

export interface MandateDates {
  decisionDate?: string | undefined;
  receivedDate?: string | undefined;
  reportDueDate?: string | undefined;
  today: string;
}

/** Consistency of the mandate's dates, with messages for the fields concerned. */
export function checkMandateDates(
  d: MandateDates,
): Partial<Record<"decisionDate" | "receivedDate" | "reportDueDate", string>> {
  const errors: Partial<Record<"decisionDate" | "receivedDate" | "reportDueDate", string>> = {};
  if (d.decisionDate && d.decisionDate > d.today) {
    errors.decisionDate = "La date de la décision ne peut pas être dans le futur";
  }
  if (d.receivedDate && d.receivedDate > d.today) {
    errors.receivedDate = "La date de réception ne peut pas être dans le futur";
  }
  if (d.decisionDate && d.receivedDate && d.receivedDate < d.decisionDate) {
    errors.receivedDate = "La date de réception doit être postérieure ou égale à la date de la décision";
  }
  if (d.reportDueDate && d.decisionDate && d.reportDueDate < d.decisionDate) {
    errors.reportDueDate = "L'échéance du rapport doit être postérieure à la date de la décision";
  }
  return errors;
}

/** Next measure number of an association for a year: 2026-0001, 2026-0002… */
export function nextMeasureNumber(year: number, lastNumberOfYear: string | null): string {
  const last = lastNumberOfYear ? Number(lastNumberOfYear.split("-")[1]) : 0;
  return `${year}-${String(last + 1).padStart(4, "0")}`;
}
