/**
 * Rules of the obligations and prohibitions of a measure: which statutory list applies, when proofs are
 * due, which are missing, and what the proofs suggest for a compliance finding. Pure functions, no I/O.
 *
 * The proof schedule. An obligation that calls for proofs has a first due date and, when proofs are
 * periodic, an interval in days: the due dates are the first one, then every `interval` days, up to the
 * obligation's end date (included). Each due date closes a period:
 * - the first period runs up to the first due date (it has no lower bound: a proof handed over at the
 *   first interview counts);
 * - each next period runs from the day after the previous due date up to its own due date (included).
 * Matching proofs to due dates: each proof, in the order received, answers the earliest due date not yet
 * answered whose period has begun on the day it is received. Received after that due date, it answers it
 * late ("reçu en retard de N j") and the alert clears; a proof cannot answer a period that has not begun
 * (two proofs in January do not cover February). There is no grace period: the day after a due date, a
 * due date without a proof is missing and raises an alert, unless the intervenant has recorded a
 * compliance finding whose period covers that due date (the finding then says what happened).
 */
import { addCalendarDays, daysBetween, type IsoDate } from "../deadlines/rules.ts";
import type { FormErrors } from "../platform/forms.ts";
import type { ComplianceStatus } from "./tables.ts";

export type StatutoryArticle = "138" | "132-44" | "132-45";
export type ObligationKind = "obligation" | "interdiction" | "controle";

export const ARTICLE_LABELS: Readonly<Record<StatutoryArticle, string>> = {
  "138": "art. 138 CPP",
  "132-44": "art. 132-44 CP",
  "132-45": "art. 132-45 CP",
};

export const ARTICLE_TITLES: Readonly<Record<StatutoryArticle, string>> = {
  "138": "Article 138 du code de procédure pénale (contrôle judiciaire)",
  "132-44": "Article 132-44 du code pénal (mesures de contrôle)",
  "132-45": "Article 132-45 du code pénal (obligations particulières)",
};

export const KIND_LABELS: Readonly<Record<ObligationKind, string>> = {
  obligation: "Obligation",
  interdiction: "Interdiction",
  controle: "Mesure de contrôle",
};

export const COMPLIANCE_LABELS: Readonly<Record<ComplianceStatus, string>> = {
  respectee: "Respectée",
  partielle: "Partiellement respectée",
  non_respectee: "Non respectée",
  non_justifiee: "Non justifiée",
};

/** Measure types placed under contrôle judiciaire: the ARSE takes the same obligations (art. 142-5 CPP). */
const JUDICIAL_CONTROL_TYPES = new Set(["cjse", "arse"]);

/**
 * The statutory lists a magistrate picks from for a type of measure: art. 138 CPP for the contrôle
 * judiciaire socio-éducatif and the ARSE; art. 132-44 (mesures de contrôle) and 132-45 CP (obligations
 * particulières) for the post-sentence measures (sursis probatoire; placement à l'extérieur, art. 132-26
 * CP; travail d'intérêt général, art. 131-22 CP). Other measures have no statutory list; a free
 * obligation is always possible.
 */
export function statutoryArticlesFor(type: { code: string; phase: string }): StatutoryArticle[] {
  if (JUDICIAL_CONTROL_TYPES.has(type.code)) return ["138"];
  if (type.phase === "post_sentence") return ["132-44", "132-45"];
  return [];
}

/** "art. 138 CPP, 12° bis". */
export function statutoryReference(item: { article: string; number: string }): string {
  const article = ARTICLE_LABELS[item.article as StatutoryArticle] ?? `art. ${item.article}`;
  return `${article}, ${item.number}`;
}

/** "art. 138 CPP, 12° bis – Ne pas exercer d'activité au contact habituel de mineurs". */
export function statutoryOptionLabel(item: { article: string; number: string; label: string }): string {
  return `${statutoryReference(item)} – ${item.label}`;
}

/* ------------------------------------------------------------------ */
/* Proof schedule                                                      */
/* ------------------------------------------------------------------ */

export interface ProofSchedule {
  proofRequired: boolean;
  firstProofDue: IsoDate | null;
  /** null: one proof only, at the first due date. */
  proofIntervalDays: number | null;
  /** The obligation's end date: no due date after it. */
  endDate: IsoDate | null;
}

/** Upper bound on the due dates produced, whatever the schedule (about 27 years of daily proofs). */
const MAX_DUE_DATES = 10_000;

/** The due dates of a schedule, in order, up to `until` (included) and the end date. */
export function proofDueDates(schedule: ProofSchedule, until: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (const due of dueDates(schedule)) {
    if (due > until) break;
    out.push(due);
  }
  return out;
}

function* dueDates(schedule: ProofSchedule): Generator<IsoDate> {
  const { proofRequired, firstProofDue, proofIntervalDays, endDate } = schedule;
  if (!proofRequired || !firstProofDue) return;
  const interval = proofIntervalDays && proofIntervalDays > 0 ? Math.trunc(proofIntervalDays) : null;
  let due = firstProofDue;
  for (let i = 0; i < MAX_DUE_DATES; i++) {
    if (endDate && due > endDate) return;
    yield due;
    if (!interval) return;
    due = addCalendarDays(due, interval);
  }
}

export type DueState = "recu" | "manquant" | "constate" | "a_venir";

export const DUE_STATE_LABELS: Readonly<Record<DueState, string>> = {
  recu: "Reçu",
  manquant: "Manquant",
  constate: "Constat enregistré",
  a_venir: "À venir",
};

export interface DuePeriod {
  due: IsoDate;
  /** First day of the period: the day after the previous due date; null for the first period. */
  from: IsoDate | null;
  /** The day the proof answering this due date was received; null while none has. */
  receivedOn: IsoDate | null;
  /** Days between the due date and a late proof; 0 when on time, null without proof. */
  daysLate: number | null;
  state: DueState;
}

export interface ProofStatus {
  /** Every period whose due date has passed, then the periods up to the first one still to be met. */
  periods: DuePeriod[];
  /** Due dates passed without a proof answering them nor a finding covering them: the alerts. */
  overdue: IsoDate[];
  /** The next due date (today or later) not answered yet; null when none is left. */
  nextDue: IsoDate | null;
}

interface Received {
  receivedOn: IsoDate;
}
interface Period {
  periodStart: IsoDate;
  periodEnd: IsoDate;
}

function covered(findings: readonly Period[], date: IsoDate): boolean {
  return findings.some((f) => f.periodStart <= date && date <= f.periodEnd);
}

export interface MatchedDue {
  due: IsoDate;
  from: IsoDate | null;
  /** The proof that answers it, or null. */
  receivedOn: IsoDate | null;
}

/**
 * The due dates up to `until` (and the two after it), each with the proof that answers it: every
 * proof, oldest first, answers the earliest unanswered due date whose period has begun when it arrives.
 * A proof with no such due date (a second proof in the same period) answers nothing.
 */
export function matchProofs(
  schedule: ProofSchedule,
  proofs: readonly Received[],
  until: IsoDate,
): MatchedDue[] {
  const sorted = proofs.map((p) => p.receivedOn).sort();
  const last = sorted.at(-1);
  const horizon = last && last > until ? last : until;
  const out: MatchedDue[] = [];
  let previous: IsoDate | null = null;
  let beyond = 0;
  // Two due dates past the horizon: a proof may answer the first one early, never the second.
  for (const due of dueDates(schedule)) {
    out.push({ due, from: previous === null ? null : addCalendarDays(previous, 1), receivedOn: null });
    previous = due;
    if (due > horizon && ++beyond === 2) break;
  }
  for (const receivedOn of sorted) {
    const open = out.find((d) => d.receivedOn === null && (d.from === null || d.from <= receivedOn));
    if (open) open.receivedOn = receivedOn;
  }
  return out;
}

/** Where an obligation's proofs stand on `today`: each due date, the missing ones, the next one. */
export function proofStatus(
  schedule: ProofSchedule,
  proofs: readonly Received[],
  findings: readonly Period[],
  today: IsoDate,
): ProofStatus {
  const periods: DuePeriod[] = [];
  const overdue: IsoDate[] = [];
  let nextDue: IsoDate | null = null;
  for (const { due, from, receivedOn } of matchProofs(schedule, proofs, today)) {
    let state: DueState;
    if (receivedOn) state = "recu";
    else if (due >= today) state = "a_venir";
    else if (covered(findings, due)) state = "constate";
    else state = "manquant";
    const daysLate = receivedOn ? Math.max(0, daysBetween(due, receivedOn)) : null;
    periods.push({ due, from, receivedOn, daysLate, state });
    if (state === "manquant") overdue.push(due);
    if (state === "a_venir") {
      nextDue = due;
      break;
    }
  }
  return { periods, overdue, nextDue };
}

/** "Reçu", "Reçu en retard de 3 j", "Manquant"… as the schedule shows a due date. */
export function dueStateLabel(period: Pick<DuePeriod, "state" | "daysLate">): string {
  if (period.state === "recu" && period.daysLate) return `Reçu en retard de ${period.daysLate} j`;
  return DUE_STATE_LABELS[period.state];
}

export interface ComplianceSuggestion {
  status: ComplianceStatus;
  /** Due dates of the period that called for a proof by today. */
  due: number;
  /** Those of them answered by a proof. */
  received: number;
  /** Those answered by a proof received after the due date. */
  late: number;
}

/**
 * What the proofs suggest for a finding on [start, end]: "respectée" when every due proof of the period
 * is in, "partielle" when some are, "non justifiée" when none is. A due date counts once it has passed,
 * or earlier when its proof is already in; a proof received late answers its due date (and is counted
 * in `late`). null when no proof was due in the period (nothing to suggest).
 * "Non respectée" is never suggested: it is the intervenant's finding on facts, not on papers.
 */
export function suggestCompliance(
  schedule: ProofSchedule,
  proofs: readonly Received[],
  period: { start: IsoDate; end: IsoDate },
  today: IsoDate,
): ComplianceSuggestion | null {
  let due = 0;
  let received = 0;
  let late = 0;
  for (const d of matchProofs(schedule, proofs, today)) {
    if (d.due > period.end) break;
    if (d.due < period.start) continue;
    if (!d.receivedOn && d.due >= today) continue;
    due += 1;
    if (d.receivedOn) received += 1;
    if (d.receivedOn && d.receivedOn > d.due) late += 1;
  }
  if (due === 0) return null;
  const status: ComplianceStatus =
    received === due ? "respectee" : received > 0 ? "partielle" : "non_justifiee";
  return { status, due, received, late };
}

/** The finding of the most recent period (latest end, then latest start, then last recorded). */
export function latestFinding<T extends Period & { createdAt?: Date | string | null }>(
  findings: readonly T[],
): T | null {
  let best: T | null = null;
  for (const f of findings) {
    if (
      !best ||
      f.periodEnd > best.periodEnd ||
      (f.periodEnd === best.periodEnd && f.periodStart > best.periodStart) ||
      (f.periodEnd === best.periodEnd &&
        f.periodStart === best.periodStart &&
        String(f.createdAt ?? "") >= String(best.createdAt ?? ""))
    )
      best = f;
  }
  return best;
}

/**
 * The period proposed for the next finding: from the day after the latest finding (or the obligation's
 * start) to today, or the end of the obligation when it ended earlier. null when everything up to today
 * (or up to the end) is already assessed.
 */
export function nextFindingPeriod(
  obligation: { startDate: IsoDate; endDate: IsoDate | null },
  findings: readonly Period[],
  today: IsoDate,
): { start: IsoDate; end: IsoDate } | null {
  const last = findings.reduce<IsoDate | null>(
    (m, f) => (m === null || f.periodEnd > m ? f.periodEnd : m),
    null,
  );
  const start = last ? addCalendarDays(last, 1) : obligation.startDate;
  const end = obligation.endDate && obligation.endDate < today ? obligation.endDate : today;
  if (start > end) return null;
  return { start, end };
}

/* ------------------------------------------------------------------ */
/* Measure summary                                                     */
/* ------------------------------------------------------------------ */

export interface ObligationOverview {
  latestStatus: ComplianceStatus | null;
  overdue: readonly IsoDate[];
  nextDue: IsoDate | null;
}

export interface MeasureObligationSummary {
  total: number;
  /** Obligations by the status of their latest finding. */
  byStatus: Record<ComplianceStatus, number>;
  /** Obligations without any finding yet. */
  withoutFinding: number;
  /** Missing proofs (due dates), all obligations together. */
  alerts: number;
  obligationsWithAlerts: number;
  /** The earliest next due date of all obligations. */
  nextDue: IsoDate | null;
}

export function summarizeObligations(items: readonly ObligationOverview[]): MeasureObligationSummary {
  const byStatus: Record<ComplianceStatus, number> = {
    respectee: 0,
    partielle: 0,
    non_respectee: 0,
    non_justifiee: 0,
  };
  let withoutFinding = 0;
  let alerts = 0;
  let obligationsWithAlerts = 0;
  let nextDue: IsoDate | null = null;
  for (const item of items) {
    if (item.latestStatus) byStatus[item.latestStatus] += 1;
    else withoutFinding += 1;
    alerts += item.overdue.length;
    if (item.overdue.length > 0) obligationsWithAlerts += 1;
    if (item.nextDue && (nextDue === null || item.nextDue < nextDue)) nextDue = item.nextDue;
  }
  return { total: items.length, byStatus, withoutFinding, alerts, obligationsWithAlerts, nextDue };
}

/* ------------------------------------------------------------------ */
/* Form rules                                                          */
/* ------------------------------------------------------------------ */

export const MAX_INTERVAL_DAYS = 366;

export interface ObligationDates {
  startDate: IsoDate;
  endDate: IsoDate | null;
  proofRequired: boolean;
  firstProofDue: IsoDate | null;
  proofIntervalDays: number | null;
}

/**
 * The dates of an obligation: it starts on or after the magistrate's decision and ends after it starts;
 * when proofs are expected, the first one is due within the obligation's dates, and the interval is
 * between 1 and 366 days. Errors are keyed by field name; fields that already have an error are skipped
 * by passing undefined.
 */
export function checkObligationDates(
  input: {
    startDate?: IsoDate | undefined;
    endDate?: IsoDate | null | undefined;
    proofRequired: boolean;
    firstProofDue?: IsoDate | null | undefined;
    proofIntervalDays?: number | null | undefined;
  },
  measure: { decisionDate: IsoDate },
): FormErrors {
  const errors: FormErrors = {};
  const { startDate, endDate, firstProofDue, proofIntervalDays } = input;
  if (startDate && startDate < measure.decisionDate)
    errors.startDate = "L'obligation ne peut pas commencer avant la décision du magistrat";
  if (startDate && endDate && endDate < startDate)
    errors.endDate = "La fin de l'obligation doit être postérieure ou égale à son début";
  if (input.proofRequired) {
    if (!firstProofDue)
      errors.firstProofDue ??=
        "Saisissez la date du premier justificatif attendu, ou décochez « justificatifs attendus »";
    else if (startDate && firstProofDue < startDate)
      errors.firstProofDue =
        "Le premier justificatif ne peut pas être attendu avant le début de l'obligation";
    else if (endDate && firstProofDue > endDate)
      errors.firstProofDue = "Le premier justificatif doit être attendu avant la fin de l'obligation";
    if (
      proofIntervalDays !== null &&
      proofIntervalDays !== undefined &&
      (!Number.isInteger(proofIntervalDays) || proofIntervalDays < 1 || proofIntervalDays > MAX_INTERVAL_DAYS)
    )
      errors.proofIntervalDays = `Saisissez un intervalle entre 1 et ${MAX_INTERVAL_DAYS} jours, ou laissez vide pour un seul justificatif`;
  }
  return errors;
}

/** A proof is received neither in the future nor before the obligation starts. */
export function checkProofReceipt(
  receivedOn: IsoDate | undefined,
  obligation: { startDate: IsoDate },
  today: IsoDate,
): FormErrors {
  if (!receivedOn) return {};
  if (receivedOn > today) return { receivedOn: "La date de réception ne peut pas être dans le futur" };
  if (receivedOn < obligation.startDate)
    return { receivedOn: "Le justificatif ne peut pas avoir été reçu avant le début de l'obligation" };
  return {};
}

/**
 * A finding covers a period that starts no later than it ends, lies within the obligation's dates and
 * has begun (no finding on the future).
 */
export function checkCompliancePeriod(
  period: { periodStart?: IsoDate | undefined; periodEnd?: IsoDate | undefined },
  obligation: { startDate: IsoDate; endDate: IsoDate | null },
  today: IsoDate,
): FormErrors {
  const errors: FormErrors = {};
  const { periodStart, periodEnd } = period;
  if (periodStart && periodStart < obligation.startDate)
    errors.periodStart = "La période ne peut pas commencer avant le début de l'obligation";
  else if (periodStart && periodStart > today)
    errors.periodStart = "La période ne peut pas commencer dans le futur";
  if (periodStart && periodEnd && periodEnd < periodStart)
    errors.periodEnd = "La fin de la période doit être postérieure ou égale à son début";
  else if (periodEnd && obligation.endDate && periodEnd > obligation.endDate)
    errors.periodEnd = "La période ne peut pas se terminer après la fin de l'obligation";
  return errors;
}
