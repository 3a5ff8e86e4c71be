/** Pure rules of closing a measure: the outcome, the date and the final report it requires. */
import type { IsoDate } from "../deadlines/rules.ts";
import type { FormErrors } from "../platform/forms.ts";
import { formatDate } from "../platform/views/display.tsx";
import type { ReportKind } from "../reference/data/measure-types.ts";
import { DOCUMENT_TITLES } from "../reports/draft.ts";

export interface ClosingRequest {
  outcome: string | undefined;
  /** The outcomes of the measure's type. */
  outcomes: readonly { code: string }[];
  closedOn: IsoDate | undefined;
  /** The date of the measure's last status change. */
  lastStatusOn: IsoDate;
  today: IsoDate;
  /** The final report the type calls for (null: none), and the date it was last issued (null: never). */
  finalReport: { kind: ReportKind; issuedOn: IsoDate | null } | null;
}

/** Field holding the error about the missing final report (the notice with the link to write it). */
export const FINAL_REPORT_FIELD = "rapportFinal";

/** French messages per field; empty when the measure can be closed as asked. */
export function checkClosing(req: ClosingRequest): FormErrors {
  const errors: FormErrors = {};
  if (req.outcome && !req.outcomes.some((o) => o.code === req.outcome)) {
    errors.outcome = "Choisissez une issue de la liste";
  }
  if (req.closedOn) {
    if (req.closedOn > req.today) errors.closedOn = "La date de clôture ne peut pas être dans le futur";
    else if (req.closedOn < req.lastStatusOn)
      errors.closedOn = `La date de clôture doit être postérieure ou égale au dernier changement de statut (${formatDate(req.lastStatusOn)})`;
    else if (req.finalReport?.issuedOn && req.closedOn < req.finalReport.issuedOn)
      errors.closedOn = `La date de clôture doit être postérieure ou égale à l'émission du rapport final (${formatDate(req.finalReport.issuedOn)})`;
  }
  if (req.finalReport && !req.finalReport.issuedOn) {
    errors[FINAL_REPORT_FIELD] =
      `Émettez le ${DOCUMENT_TITLES[req.finalReport.kind].toLowerCase()} avant de clôturer la mesure`;
  }
  return errors;
}

/** The reason written on the appointments cancelled by the closing of their measure. */
export const CANCELLED_BY_CLOSING = "Mesure clôturée";

/** What still hangs from a measure about to close. */
export interface OpenItems {
  appointments: { id: string; startsAt: Date; kind: string; reminderPending: boolean }[];
  obligations: { id: string; label: string; endDate: IsoDate | null }[];
  actions: { id: string; description: string; dueDate: IsoDate | null; status: string; objective: string }[];
}

/** What closing did: counts for the flash message and the timeline. */
export interface ClosingEffects {
  cancelledAppointments: number;
  cancelledReminders: number;
  endedObligations: number;
  openActions: number;
}

/** Whether the reminders job would e-mail the person about this appointment the day before. */
export function reminderPending(a: {
  reminderSentAt: Date | null;
  email: string | null;
  reminderConsent: boolean;
}): boolean {
  return a.reminderConsent && !a.reminderSentAt && (a.email ?? "").trim() !== "";
}

const plural = (n: number, one: string, many: string) => (n > 1 ? many : one);

/** The sentences of the closing page and its confirmation: what closing on `on` will do. */
export function closingConsequences(items: OpenItems, on: IsoDate): string[] {
  const sentences: string[] = [];
  const a = items.appointments.length;
  const reminders = items.appointments.filter((x) => x.reminderPending).length;
  if (a > 0) {
    sentences.push(
      `${a} ${plural(a, "rendez-vous à venir sera annulé", "rendez-vous à venir seront annulés")}` +
        (reminders > 0
          ? ` et ${plural(reminders, "1 rappel par e-mail prévu ne partira pas", `${reminders} rappels par e-mail prévus ne partiront pas`)}`
          : ""),
    );
  }
  const o = items.obligations.length;
  if (o > 0) {
    sentences.push(
      `${o} ${plural(o, "obligation en cours prendra fin", "obligations en cours prendront fin")} le ${formatDate(on)}`,
    );
  }
  const n = items.actions.length;
  if (n > 0) {
    sentences.push(
      `Le plan d'action sera figé : ${n} ${plural(n, "action non terminée restera en l'état", "actions non terminées resteront en l'état")}`,
    );
  }
  return sentences;
}

/** What a closing did, in a few words ("2 rendez-vous annulés, …"); null when it changed nothing else. */
export function closingEffectsText(
  effects: Omit<ClosingEffects, "cancelledReminders">,
  on: IsoDate,
): string | null {
  const parts: string[] = [];
  const { cancelledAppointments: a, endedObligations: o, openActions: n } = effects;
  if (a > 0) parts.push(`${a} ${plural(a, "rendez-vous annulé", "rendez-vous annulés")}`);
  if (o > 0)
    parts.push(`${o} ${plural(o, "obligation terminée", "obligations terminées")} le ${formatDate(on)}`);
  if (n > 0)
    parts.push(`plan d'action figé (${n} ${plural(n, "action non terminée", "actions non terminées")})`);
  return parts.length > 0 ? parts.join(", ") : null;
}

/** The timeline's sentence for the closing of a measure, with what the closing did. */
export function closingTimelineText(
  effects: Omit<ClosingEffects, "cancelledReminders">,
  on: IsoDate,
): string {
  const text = closingEffectsText(effects, on);
  return text ? `Mesure clôturée : ${text}` : "Mesure clôturée";
}

/** The closing note started from the final report's conclusion, within the note's 1 000 characters. */
export function noteFromConclusion(conclusion: string, max = 1000): string {
  const text = conclusion.trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  // Cut before the word the limit falls into, unless it falls between two words.
  const space = /\s/.test(text.charAt(max - 1)) ? cut.length : cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
