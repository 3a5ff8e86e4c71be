/**
 * The sentences a prefilled report writes about compliance, attendance, the action plan and the
 * assessment. Each one is derived from the records, with its figures and dates: a report never states
 * more than the file shows ("Toutes les obligations ont été respectées" only when no proof is missing
 * or late, no incident is linked to an obligation and every obligation has findings, all respected).
 * Pure functions, no I/O; draft.ts places them in the sections.
 */
import type { PlanStatus } from "../action-plans/tables.ts";
import { KIND_LABELS as APPOINTMENT_KIND_LABELS } from "../appointments/rules.ts";
import type { AppointmentKind, Attendance } from "../appointments/tables.ts";
import { DOMAIN_LABELS } from "../assessments/labels.ts";
import type { AssessmentDomain, AssessmentLevel } from "../assessments/tables.ts";
import type { IsoDate } from "../deadlines/rules.ts";
import type { IncidentKind } from "../incidents/tables.ts";
import { COMPLIANCE_LABELS, proofStatus } from "../obligations/rules.ts";
import type { ComplianceStatus } from "../obligations/tables.ts";
import { formatDate } from "../platform/views/display.tsx";

/* ------------------------------------------------------------------ */
/* Words                                                               */
/* ------------------------------------------------------------------ */

/** "1 justificatif", "2 justificatifs". */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

/** "le 30/11/2026", "le 30/11/2026 et le 31/12/2026", "le 01/10/2026, le 02/10/2026 et le 03/10/2026". */
export function dateList(dates: readonly IsoDate[]): string {
  const words = dates.map((d) => `le ${formatDate(d)}`);
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} et ${words.at(-1)}`;
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const sentence = (parts: readonly string[]) => `${parts.join(", ")}.`;

/* ------------------------------------------------------------------ */
/* Obligations                                                         */
/* ------------------------------------------------------------------ */

export interface ObligationFacts {
  id: string;
  label: string;
  proofRequired: boolean;
  firstProofDue: IsoDate | null;
  proofIntervalDays: number | null;
  endDate: IsoDate | null;
  proofs: readonly { receivedOn: IsoDate }[];
  findings: readonly {
    periodStart: IsoDate;
    periodEnd: IsoDate;
    status: ComplianceStatus;
    note: string | null;
  }[];
}

export interface IncidentFacts {
  occurredOn: IsoDate;
  kind: IncidentKind;
  obligationId: string | null;
}

export interface ProofFacts {
  /** Due dates passed with no proof answering them and no finding covering them. */
  missing: IsoDate[];
  /** Due dates answered by a proof received after them. */
  late: { due: IsoDate; receivedOn: IsoDate; daysLate: number }[];
  /** Due dates answered on time. */
  onTime: number;
  /** Due dates passed without proof, covered by a finding. */
  covered: IsoDate[];
  nextDue: IsoDate | null;
}

/** Where the proofs of an obligation stand on `today` (the matching rule of obligations/rules.ts). */
export function proofFacts(o: ObligationFacts, today: IsoDate): ProofFacts {
  const status = proofStatus(o, o.proofs, o.findings, today);
  const facts: ProofFacts = { missing: [], late: [], onTime: 0, covered: [], nextDue: status.nextDue };
  for (const p of status.periods) {
    if (p.state === "manquant") facts.missing.push(p.due);
    else if (p.state === "constate") facts.covered.push(p.due);
    else if (p.state === "recu" && p.receivedOn && p.daysLate) {
      facts.late.push({ due: p.due, receivedOn: p.receivedOn, daysLate: p.daysLate });
    } else if (p.state === "recu") facts.onTime += 1;
  }
  return facts;
}

/** "2 justificatifs attendus n'ont pas été reçus (attendus le 30/11/2026 et le 31/12/2026)". */
export function missingProofsPhrase(dates: readonly IsoDate[]): string {
  return dates.length > 1
    ? `${dates.length} justificatifs attendus n'ont pas été reçus (attendus ${dateList(dates)})`
    : `1 justificatif attendu n'a pas été reçu (attendu ${dateList(dates)})`;
}

/** "1 justificatif reçu en retard (attendu le 30/11/2026, reçu le 01/12/2026 : 1 j de retard)". */
export function lateProofsPhrase(late: ProofFacts["late"]): string {
  const detail = late
    .map(
      (l) =>
        `attendu le ${formatDate(l.due)}, reçu le ${formatDate(l.receivedOn)} : ${l.daysLate} j de retard`,
    )
    .join(" ; ");
  return `${count(late.length, "justificatif reçu", "justificatifs reçus")} en retard (${detail})`;
}

/** What the proofs of one obligation show, in one sentence. */
export function proofSentence(o: ObligationFacts, today: IsoDate): string {
  if (!o.proofRequired || !o.firstProofDue) {
    if (o.proofs.length === 0) return "Aucun justificatif n'est attendu pour cette obligation.";
    const last =
      [...o.proofs]
        .map((p) => p.receivedOn)
        .sort()
        .at(-1) ?? "";
    return `Aucun justificatif n'est exigé ; ${count(o.proofs.length, "justificatif reçu", "justificatifs reçus")}, le dernier le ${formatDate(last)}.`;
  }
  const f = proofFacts(o, today);
  const parts: string[] = [];
  if (f.onTime > 0) parts.push(`${count(f.onTime, "justificatif reçu", "justificatifs reçus")} à temps`);
  if (f.late.length > 0) parts.push(lateProofsPhrase(f.late));
  if (f.missing.length > 0) parts.push(missingProofsPhrase(f.missing));
  if (f.covered.length > 0)
    parts.push(
      `${count(f.covered.length, "échéance sans justificatif couverte", "échéances sans justificatif couvertes")} par un constat (${f.covered.map(formatDate).join(", ")})`,
    );
  if (parts.length === 0) parts.push("aucun justificatif n'était encore attendu");
  if (f.nextDue) parts.push(`prochain justificatif attendu le ${formatDate(f.nextDue)}`);
  const text = sentence(parts);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const INCIDENT_WORDS: Readonly<Record<IncidentKind, [string, string]>> = {
  absence: ["absence non excusée", "absences non excusées"],
  obligation_non_respectee: ["manquement signalé", "manquements signalés"],
  nouvelle_infraction: ["nouvelle infraction signalée", "nouvelles infractions signalées"],
  comportement: ["incident de comportement", "incidents de comportement"],
  autre: ["autre incident", "autres incidents"],
};

/** "1 absence non excusée le 08/10/2026", one phrase per kind of incident, oldest first. */
export function incidentPhrases(incidents: readonly IncidentFacts[]): string[] {
  const phrases: string[] = [];
  for (const kind of Object.keys(INCIDENT_WORDS) as IncidentKind[]) {
    const dates = incidents
      .filter((i) => i.kind === kind)
      .map((i) => i.occurredOn)
      .sort();
    if (dates.length === 0) continue;
    const [one, many] = INCIDENT_WORDS[kind];
    phrases.push(`${count(dates.length, one, many)} ${dateList(dates)}`);
  }
  return phrases;
}

/** The findings of an obligation, oldest period first, or that there is none yet. */
export function findingsSentence(findings: ObligationFacts["findings"]): string {
  if (findings.length === 0) return "Aucun constat n'a encore été enregistré pour cette obligation.";
  const sorted = [...findings].sort((a, b) => a.periodStart.localeCompare(b.periodStart));
  const items = sorted.map((f) => {
    const note = f.note?.trim() ? ` (${f.note.trim().replace(/[.\s]+$/, "")})` : "";
    return `du ${formatDate(f.periodStart)} au ${formatDate(f.periodEnd)} : ${lower(COMPLIANCE_LABELS[f.status])}${note}`;
  });
  return sorted.length > 1 ? `${sorted.length} constats : ${items.join(" ; ")}.` : `Constat ${items[0]}.`;
}

/**
 * The closing sentence of the compliance section: every fact to report (missing and late proofs,
 * incidents linked to an obligation, findings other than « respectée », obligations without finding),
 * or, when there is none, that every obligation was respected and on what it rests.
 */
export function complianceSummary(
  obligations: readonly ObligationFacts[],
  incidents: readonly IncidentFacts[],
  today: IsoDate,
): string {
  if (obligations.length === 0)
    return "Aucune obligation ni interdiction n'est enregistrée pour cette mesure.";
  const facts: string[] = [];
  const missing: IsoDate[] = [];
  const late: ProofFacts["late"] = [];
  const covered: IsoDate[] = [];
  let onTime = 0;
  for (const o of obligations) {
    const f = proofFacts(o, today);
    missing.push(...f.missing);
    late.push(...f.late);
    covered.push(...f.covered);
    onTime += f.onTime;
  }
  if (missing.length > 0) facts.push(missingProofsPhrase(missing.sort()));
  if (late.length > 0) facts.push(lateProofsPhrase(late.sort((a, b) => a.due.localeCompare(b.due))));
  const ids = new Set(obligations.map((o) => o.id));
  facts.push(...incidentPhrases(incidents.filter((i) => i.obligationId !== null && ids.has(i.obligationId))));
  const withStatus = (status: ComplianceStatus) =>
    obligations.filter((o) => o.findings.some((f) => f.status === status)).map((o) => o.label);
  const named = (labels: string[], one: string, many: string) =>
    labels.length > 0 ? [`${count(labels.length, one, many)} (${labels.join(" ; ")})`] : [];
  facts.push(
    ...named(
      withStatus("non_respectee"),
      "obligation constatée comme non respectée",
      "obligations constatées comme non respectées",
    ),
    ...named(
      withStatus("partielle"),
      "obligation constatée comme partiellement respectée",
      "obligations constatées comme partiellement respectées",
    ),
    ...named(
      withStatus("non_justifiee"),
      "obligation constatée comme non justifiée",
      "obligations constatées comme non justifiées",
    ),
    ...named(
      obligations.filter((o) => o.findings.length === 0).map((o) => o.label),
      "obligation sans constat à ce jour",
      "obligations sans constat à ce jour",
    ),
  );
  if (facts.length > 0) return `À signaler : ${facts.join(" ; ")}.`;
  const proofs =
    onTime > 0
      ? `${count(onTime, "justificatif attendu reçu", "justificatifs attendus reçus")} à temps`
      : "aucun justificatif n'était attendu";
  const excused =
    covered.length > 0
      ? `, ${count(covered.length, "échéance sans justificatif couverte", "échéances sans justificatif couvertes")} par un constat (${covered
          .sort()
          .map(formatDate)
          .join(", ")})`
      : "";
  return `Toutes les obligations ont été constatées comme respectées : ${proofs}${excused}, aucun incident lié à une obligation.`;
}

/* ------------------------------------------------------------------ */
/* Attendance                                                          */
/* ------------------------------------------------------------------ */

export interface AppointmentFacts {
  date: IsoDate;
  kind: AppointmentKind;
  attendance: Attendance | null;
}

/** The appointments that took place, counted by attendance, then the absences dated. */
export function attendanceSentences(appointments: readonly AppointmentFacts[]): string[] {
  const total = appointments.length;
  if (total === 0) return [];
  const by = (a: Attendance | null) => appointments.filter((x) => x.attendance === a);
  const present = by("present").length;
  const head = `${count(total, "rendez-vous", "rendez-vous")} depuis le début de la mesure`;
  if (present === total) return [total > 1 ? `${head}, tous honorés.` : `${head}, honoré.`];
  const parts = [
    present > 0 ? count(present, "honoré", "honorés") : null,
    by("excuse").length > 0 ? count(by("excuse").length, "absence excusée", "absences excusées") : null,
    by("absent").length > 0
      ? count(by("absent").length, "absence non excusée", "absences non excusées")
      : null,
    by(null).length > 0 ? `${by(null).length} sans présence renseignée` : null,
  ].filter((p): p is string => p !== null);
  const lines = [`${head} : ${parts.join(", ")}.`];
  const dated = (list: readonly AppointmentFacts[]) =>
    list.map((a) => `le ${formatDate(a.date)} (${lower(APPOINTMENT_KIND_LABELS[a.kind])})`).join(", ");
  const missed = by("absent");
  if (missed.length > 0)
    lines.push(`${missed.length > 1 ? "Absences non excusées" : "Absence non excusée"} : ${dated(missed)}.`);
  const excused = by("excuse");
  if (excused.length > 0)
    lines.push(`${excused.length > 1 ? "Absences excusées" : "Absence excusée"} : ${dated(excused)}.`);
  const unknown = by(null);
  if (unknown.length > 0) lines.push(`Présence à renseigner : ${dated(unknown)}.`);
  return lines;
}

/* ------------------------------------------------------------------ */
/* Action plan                                                         */
/* ------------------------------------------------------------------ */

export interface PlanFacts {
  title: string;
  status: PlanStatus;
  actions: readonly { description: string; status: PlanStatus; dueDate: IsoDate | null }[];
}

const OBJECTIVE_WORDS: Readonly<Record<PlanStatus, [string, string]>> = {
  atteint: ["atteint", "atteints"],
  en_cours: ["en cours", "en cours"],
  a_faire: ["à faire", "à faire"],
  abandonne: ["abandonné", "abandonnés"],
};
const ACTION_WORDS: Readonly<Record<PlanStatus, [string, string]>> = {
  atteint: ["réalisée", "réalisées"],
  en_cours: ["en cours", "en cours"],
  a_faire: ["à faire", "à faire"],
  abandonne: ["abandonnée", "abandonnées"],
};
const STATUS_ORDER: readonly PlanStatus[] = ["atteint", "en_cours", "a_faire", "abandonne"];

function byStatus(statuses: readonly PlanStatus[], words: Readonly<Record<PlanStatus, [string, string]>>) {
  return STATUS_ORDER.map((s) => [s, statuses.filter((x) => x === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => count(n, ...words[s]))
    .join(", ");
}

/** The plan in figures: objectives and actions by status, the actions whose date has passed. */
export function planSentences(plan: readonly PlanFacts[], today: IsoDate): string[] {
  if (plan.length === 0) return [];
  const lines = [
    `${count(plan.length, "objectif", "objectifs")} : ${byStatus(
      plan.map((o) => o.status),
      OBJECTIVE_WORDS,
    )}.`,
  ];
  const actions = plan.flatMap((o) => o.actions);
  if (actions.length > 0)
    lines.push(
      `${count(actions.length, "action", "actions")} : ${byStatus(
        actions.map((a) => a.status),
        ACTION_WORDS,
      )}.`,
    );
  const overdue = actions
    .filter(
      (a) => (a.status === "a_faire" || a.status === "en_cours") && a.dueDate !== null && a.dueDate < today,
    )
    .sort((a, b) => (a.dueDate ?? "").localeCompare(b.dueDate ?? ""));
  if (overdue.length > 0)
    lines.push(
      `${count(overdue.length, "action en retard", "actions en retard")} : ${overdue
        .map((a) => `${a.description} (prévue avant le ${formatDate(a.dueDate ?? "")})`)
        .join(", ")}.`,
    );
  return lines;
}

/* ------------------------------------------------------------------ */
/* Assessment                                                          */
/* ------------------------------------------------------------------ */

const LEVEL_WORDS: Readonly<Record<AssessmentLevel, string>> = {
  majeure: "en difficulté majeure",
  difficulte: "en difficulté",
  aucune: "sans difficulté",
  non_evaluee: "non évalué",
};
const LEVEL_ORDER: readonly AssessmentLevel[] = ["majeure", "difficulte", "aucune", "non_evaluee"];

/** "3 domaines évalués : 1 en difficulté majeure (logement), 1 en difficulté (emploi et formation), 1 sans difficulté." */
export function assessmentSentence(
  domains: readonly { domain: AssessmentDomain; level: AssessmentLevel }[],
): string | null {
  const assessed = domains.filter((d) => d.level !== "non_evaluee");
  if (domains.length === 0) return null;
  const parts = LEVEL_ORDER.map((level) => {
    const list = domains.filter((d) => d.level === level);
    if (list.length === 0) return null;
    const names =
      level === "majeure" || level === "difficulte"
        ? ` (${list.map((d) => lower(DOMAIN_LABELS[d.domain] ?? d.domain)).join(", ")})`
        : "";
    return `${list.length} ${LEVEL_WORDS[level]}${names}`;
  }).filter((p): p is string => p !== null);
  const of = assessed.length < domains.length ? ` sur ${domains.length}` : "";
  return `${count(assessed.length, "domaine évalué", "domaines évalués")}${of} : ${parts.join(", ")}.`;
}
