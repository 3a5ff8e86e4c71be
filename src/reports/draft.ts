/**
 * The templates of the written reports to the magistrate and their filling from a measure's file.
 * Pure functions: `buildReportDraft(kind, data)` turns what the file holds (identity, mandate,
 * assessment, action plan, obligations, appointments, incidents) into the sections of a draft that
 * the intervenant then reviews and completes. A piece of the file that is missing reads
 * « Non renseigné »; the conclusion is always left for the intervenant to write.
 */

import { ACTION_STATUS_LABELS, OBJECTIVE_STATUS_LABELS, PLAN_DOMAIN_LABELS } from "../action-plans/rules.ts";
import type { PlanDomain, PlanStatus } from "../action-plans/tables.ts";
import { KIND_LABELS as APPOINTMENT_KIND_LABELS, ATTENDANCE_LABELS } from "../appointments/rules.ts";
import type { AppointmentKind, Attendance } from "../appointments/tables.ts";
import { DOMAIN_LABELS, LEVEL_LABELS } from "../assessments/labels.ts";
import type { AssessmentDomain, AssessmentLevel } from "../assessments/tables.ts";
import type { IsoDate } from "../deadlines/rules.ts";
import { INCIDENT_KIND_LABELS } from "../incidents/rules.ts";
import type { IncidentKind } from "../incidents/tables.ts";
import { KIND_LABELS as OBLIGATION_KIND_LABELS } from "../obligations/rules.ts";
import type { ComplianceStatus, ProofKind } from "../obligations/tables.ts";
import { FAMILY_SITUATION_LABELS, SEX_LABELS } from "../persons/form.ts";
import { notProvided, plural } from "../platform/french.ts";
import { formatDate } from "../platform/views/display.tsx";
import type { MeasurePhase, ReportKind } from "../reference/data/measure-types.ts";
import {
  assessmentSentence,
  attendanceSentences,
  complianceSummary,
  findingsSentence,
  incidentPhrases,
  planSentences,
  proofSentence,
} from "./prefill-rules.ts";
import type { ReportSection } from "./tables.ts";

export type { ReportSection };

export const NOT_PROVIDED = "Non renseigné";

/** Everything of a measure's file a report may say, as read at the time the draft is made. */
export interface ReportData {
  today: IsoDate;
  association: { name: string; city: string | null };
  person: {
    lastName: string;
    firstName: string;
    usedName: string | null;
    birthDate: IsoDate | null;
    birthPlace: string | null;
    sex: "F" | "M" | null;
    addressLine: string | null;
    postalCode: string | null;
    city: string | null;
    familySituation: string | null;
  };
  measure: {
    number: string;
    typeLabel: string;
    phase: string;
    legalBasis: string;
    magistrateFunction: string;
    magistrateName: string | null;
    courtName: string;
    proceedingsNumber: string | null;
    decisionDate: IsoDate;
    receivedDate: IsoDate;
    reportDueDate: IsoDate;
    endDate: IsoDate | null;
    referentName: string;
  };
  /** The latest assessment, or null when none was recorded. */
  assessment: {
    assessedOn: IsoDate;
    summary: string | null;
    domains: {
      domain: AssessmentDomain;
      level: AssessmentLevel;
      needs: string | null;
      notes: string | null;
    }[];
  } | null;
  plan: {
    domain: PlanDomain;
    title: string;
    status: PlanStatus;
    statusReason: string | null;
    dueDate: IsoDate | null;
    actions: {
      description: string;
      status: PlanStatus;
      dueDate: IsoDate | null;
      doneOn: IsoDate | null;
      partnerName: string | null;
    }[];
  }[];
  obligations: {
    id: string;
    label: string;
    kind: "obligation" | "interdiction" | "controle";
    details: string | null;
    startDate: IsoDate;
    endDate: IsoDate | null;
    /** The proof schedule: which proofs were due and when (see obligations/rules.ts). */
    proofRequired: boolean;
    firstProofDue: IsoDate | null;
    proofIntervalDays: number | null;
    proofs: { receivedOn: IsoDate; kind: ProofKind; description: string | null }[];
    findings: { periodStart: IsoDate; periodEnd: IsoDate; status: ComplianceStatus; note: string | null }[];
  }[];
  /** Appointments that have taken place (up to today), oldest first. */
  appointments: {
    date: IsoDate;
    kind: AppointmentKind;
    attendance: Attendance | null;
    partnerName: string | null;
  }[];
  /** Every incident of the measure, oldest first. */
  incidents: {
    id: string;
    occurredOn: IsoDate;
    kind: IncidentKind;
    description: string;
    reportedOn: IsoDate | null;
    obligationId: string | null;
    obligationLabel: string | null;
    appointmentDate: IsoDate | null;
  }[];
  /** For an incident report: the incidents it is about. */
  incidentIds: string[];
}

/* ------------------------------------------------------------------ */
/* Small text helpers                                                  */
/* ------------------------------------------------------------------ */

const or = (value: string | null | undefined, empty = NOT_PROVIDED): string =>
  value?.trim() ? value.trim() : empty;
const date = (value: IsoDate | null | undefined): string => (value ? formatDate(value) : NOT_PROVIDED);
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** "DUBOIS (épouse MARTIN) Camille" as the magistrate's documents write a name. */
export function reportPersonName(p: {
  lastName: string;
  firstName: string;
  usedName: string | null;
}): string {
  const used = p.usedName ? ` (nom d'usage ${p.usedName})` : "";
  return `${p.lastName.toLocaleUpperCase("fr-FR")}${used} ${p.firstName}`;
}

export function magistrateLine(m: { magistrateFunction: string; magistrateName: string | null }): string {
  return [m.magistrateFunction, m.magistrateName].filter(Boolean).join(" – ");
}

/* ------------------------------------------------------------------ */
/* Counting                                                            */
/* ------------------------------------------------------------------ */

export interface AttendanceCounts {
  total: number;
  present: number;
  excuse: number;
  absent: number;
  unknown: number;
}

/** The appointments that took place, counted by attendance (kept, excused, missed, not recorded). */
export function countAttendance(appointments: { attendance: Attendance | null }[]): AttendanceCounts {
  const counts: AttendanceCounts = { total: 0, present: 0, excuse: 0, absent: 0, unknown: 0 };
  for (const a of appointments) {
    counts.total++;
    if (a.attendance === null) counts.unknown++;
    else counts[a.attendance]++;
  }
  return counts;
}

/** The obligations with at least one finding « non respectée ». */
export function breachedObligations(obligations: ReportData["obligations"]): ReportData["obligations"] {
  return obligations.filter((o) => o.findings.some((f) => f.status === "non_respectee"));
}

/* ------------------------------------------------------------------ */
/* Section contents                                                    */
/* ------------------------------------------------------------------ */

function identityText(d: ReportData): string {
  const p = d.person;
  const birth = p.birthDate
    ? `${formatDate(p.birthDate)}${p.birthPlace ? ` à ${p.birthPlace}` : ""}`
    : notProvided("Date de naissance");
  const address = [p.addressLine, [p.postalCode, p.city].filter(Boolean).join(" ")]
    .filter((s) => s?.trim())
    .join(", ");
  const family = p.familySituation
    ? (FAMILY_SITUATION_LABELS[p.familySituation as keyof typeof FAMILY_SITUATION_LABELS] ??
      p.familySituation)
    : null;
  return [
    `Nom et prénom : ${reportPersonName(p)}`,
    `Date et lieu de naissance : ${birth}`,
    `Sexe : ${p.sex ? SEX_LABELS[p.sex] : NOT_PROVIDED}`,
    `Situation familiale : ${or(family, notProvided("Situation familiale"))}`,
    `Adresse : ${or(address, notProvided("Adresse"))}`,
  ].join("\n");
}

/** Where the measure stands in the penal chain, as the report tells the magistrate. */
const PHASE_DESCRIPTIONS: Readonly<Record<MeasurePhase, string>> = {
  pre_sentence: "Présentenciel (avant le jugement)",
  post_sentence: "Post-sentenciel (exécution de la peine)",
  alternative: "Alternative aux poursuites ou stage",
  victims: "Aide aux victimes",
};

function mandateText(d: ReportData): string {
  const m = d.measure;
  const phase = PHASE_DESCRIPTIONS[m.phase as MeasurePhase] ?? m.phase;
  return [
    `Mesure : ${m.typeLabel} (dossier n° ${m.number})`,
    `Base légale : ${or(m.legalBasis)}`,
    `Place dans la chaîne pénale : ${or(phase)}`,
    `Magistrat mandant : ${or(magistrateLine(m))}`,
    `Juridiction : ${or(m.courtName)}`,
    `Numéro de procédure : ${or(m.proceedingsNumber)}`,
    `Décision du ${date(m.decisionDate)}, mandat reçu par le service le ${date(m.receivedDate)}`,
    `Rapport attendu pour le ${date(m.reportDueDate)}`,
    ...(m.endDate ? [`Fin prévue de la mesure : ${formatDate(m.endDate)}`] : []),
    `Intervenant·e référent·e : ${or(m.referentName)}`,
  ].join("\n");
}

function assessmentText(d: ReportData): string {
  const a = d.assessment;
  if (!a) return `${NOT_PROVIDED} : aucune évaluation de la situation n'a été enregistrée dans le dossier.`;
  const lines = [`Évaluation du ${formatDate(a.assessedOn)}.`];
  const figures = assessmentSentence(a.domains);
  if (figures) lines.push(figures);
  if (a.summary?.trim()) lines.push(a.summary.trim());
  for (const domain of a.domains) {
    const parts = [
      `– ${DOMAIN_LABELS[domain.domain] ?? domain.domain} : ${lower(LEVEL_LABELS[domain.level] ?? domain.level)}`,
    ];
    if (domain.needs?.trim()) parts.push(`Besoins : ${domain.needs.trim()}`);
    if (domain.notes?.trim()) parts.push(domain.notes.trim());
    lines.push(parts.map((part) => part.replace(/[.\s]+$/, "")).join(". "));
  }
  if (a.domains.length === 0) lines.push(`Domaines évalués : ${NOT_PROVIDED}`);
  return lines.join("\n");
}

function planText(d: ReportData): string {
  if (d.plan.length === 0) return `${NOT_PROVIDED} : aucun objectif n'a été inscrit au plan d'action.`;
  const lines = planSentences(d.plan, d.today);
  for (const o of d.plan) {
    const due = o.dueDate ? `, échéance ${formatDate(o.dueDate)}` : "";
    const reason = o.statusReason?.trim() ? ` (${o.statusReason.trim()})` : "";
    lines.push(
      `– ${PLAN_DOMAIN_LABELS[o.domain] ?? o.domain} : ${o.title} – ${OBJECTIVE_STATUS_LABELS[o.status]}${reason}${due}`,
    );
    for (const a of o.actions) {
      const when =
        a.status === "atteint" && a.doneOn
          ? ` le ${formatDate(a.doneOn)}`
          : a.dueDate && (a.status === "a_faire" || a.status === "en_cours")
            ? `, prévue avant le ${formatDate(a.dueDate)}`
            : "";
      const partner = a.partnerName ? ` (avec ${a.partnerName})` : "";
      lines.push(`   · ${a.description}${partner} : ${lower(ACTION_STATUS_LABELS[a.status])}${when}`);
    }
  }
  return lines.join("\n");
}

function obligationsText(d: ReportData, only?: ReportData["obligations"]): string {
  const list = only ?? d.obligations;
  if (d.obligations.length === 0) return complianceSummary([], [], d.today);
  const lines: string[] = [];
  for (const o of list) {
    const period = o.endDate
      ? `du ${formatDate(o.startDate)} au ${formatDate(o.endDate)}`
      : `depuis le ${formatDate(o.startDate)}`;
    const details = o.details?.trim() ? ` (${o.details.trim()})` : "";
    lines.push(`– ${OBLIGATION_KIND_LABELS[o.kind]} : ${o.label}${details}, ${period}.`);
    lines.push(`   · ${proofSentence(o, d.today)}`);
    const linked = incidentPhrases(d.incidents.filter((i) => i.obligationId === o.id));
    if (linked.length > 0) lines.push(`   · Incidents liés : ${linked.join(" ; ")}.`);
    lines.push(`   · ${findingsSentence(o.findings)}`);
  }
  if (!only) lines.push(complianceSummary(d.obligations, d.incidents, d.today));
  return lines.join("\n");
}

function appointmentsText(d: ReportData, detailed: boolean): string {
  if (d.appointments.length === 0)
    return `${NOT_PROVIDED} : aucun rendez-vous passé n'est enregistré dans le dossier.`;
  const lines = attendanceSentences(d.appointments);
  if (detailed) {
    lines.push("Détail des rencontres :");
    for (const a of d.appointments) {
      const attendance = a.attendance ? lower(ATTENDANCE_LABELS[a.attendance]) : "présence non renseignée";
      const partner = a.partnerName ? `, avec ${a.partnerName}` : "";
      lines.push(`– ${formatDate(a.date)} : ${APPOINTMENT_KIND_LABELS[a.kind]}${partner} – ${attendance}`);
    }
  }
  return lines.join("\n");
}

function incidentLine(i: ReportData["incidents"][number]): string {
  const reported = i.reportedOn ? ` (signalé au magistrat le ${formatDate(i.reportedOn)})` : "";
  return `– ${formatDate(i.occurredOn)} – ${INCIDENT_KIND_LABELS[i.kind]} : ${i.description.trim()}${reported}`;
}

function incidentsText(d: ReportData): string {
  if (d.incidents.length === 0) return "Aucun incident n'a été enregistré pendant la mesure.";
  return [
    `${plural(d.incidents.length, "incident enregistré", "incidents enregistrés")} :`,
    ...d.incidents.map(incidentLine),
  ].join("\n");
}

function focusIncidents(d: ReportData): ReportData["incidents"] {
  return d.incidents.filter((i) => d.incidentIds.includes(i.id));
}

function incidentFactsText(d: ReportData): string {
  const focus = focusIncidents(d);
  if (focus.length === 0) return `${NOT_PROVIDED} : décrivez les faits à signaler au magistrat.`;
  const lines: string[] = [];
  for (const i of focus) {
    lines.push(`Le ${formatDate(i.occurredOn)} – ${INCIDENT_KIND_LABELS[i.kind]}.`);
    lines.push(i.description.trim());
    if (i.obligationLabel) lines.push(`Obligation concernée : ${i.obligationLabel}.`);
    if (i.appointmentDate) lines.push(`En lien avec le rendez-vous du ${formatDate(i.appointmentDate)}.`);
  }
  const earlier = d.incidents.filter((i) => !d.incidentIds.includes(i.id));
  if (earlier.length > 0) {
    lines.push(`Autres incidents enregistrés pendant la mesure : ${earlier.length}.`);
    lines.push(...earlier.map(incidentLine));
  }
  return lines.join("\n");
}

function incidentObligationsText(d: ReportData): string {
  const linked = new Set(
    focusIncidents(d)
      .map((i) => i.obligationId)
      .filter(Boolean),
  );
  const concerned = d.obligations.filter(
    (o) => linked.has(o.id) || o.findings.some((f) => f.status === "non_respectee"),
  );
  if (d.obligations.length === 0) return obligationsText(d);
  if (concerned.length === 0)
    return "Aucune obligation n'est concernée par l'incident ni constatée comme non respectée.";
  return obligationsText(d, concerned);
}

function partnersText(d: ReportData): string {
  const names = new Set<string>();
  for (const o of d.plan) for (const a of o.actions) if (a.partnerName) names.add(a.partnerName);
  for (const a of d.appointments) if (a.partnerName) names.add(a.partnerName);
  if (names.size === 0)
    return `${NOT_PROVIDED} : aucun partenaire n'est associé aux actions ou aux rendez-vous.`;
  return [...names]
    .sort((a, b) => a.localeCompare(b, "fr"))
    .map((n) => `– ${n}`)
    .join("\n");
}

/** The objectives of the plan that prepare a release: housing, employment, training. */
const EXIT_DOMAINS: ReadonlySet<PlanDomain> = new Set(["logement", "hebergement", "emploi", "formation"]);

function exitPlanText(d: ReportData): string {
  const exit = d.plan.filter((o) => EXIT_DOMAINS.has(o.domain));
  if (exit.length === 0)
    return `${NOT_PROVIDED} : aucun objectif de logement, d'emploi ou de formation n'est inscrit au plan d'action.`;
  return exit
    .map((o) => {
      const reason = o.statusReason?.trim() ? ` (${o.statusReason.trim()})` : "";
      return `– ${PLAN_DOMAIN_LABELS[o.domain]} : ${o.title} – ${OBJECTIVE_STATUS_LABELS[o.status]}${reason}`;
    })
    .join("\n");
}

/* ------------------------------------------------------------------ */
/* Templates                                                           */
/* ------------------------------------------------------------------ */

interface SectionTemplate {
  key: string;
  title: string;
  /** Default text from the file; a section without fill is left for the intervenant. */
  fill?: (d: ReportData) => string;
  /** What the intervenant is expected to write, shown under the field. */
  hint?: string;
}

const IDENTITY: SectionTemplate = {
  key: "identite",
  title: "Identité et situation de la personne",
  fill: identityText,
};
const MANDATE: SectionTemplate = { key: "mandat", title: "Cadre du mandat", fill: mandateText };

export const REPORT_TEMPLATES: Readonly<Record<ReportKind, readonly SectionTemplate[]>> = {
  rapport_enquete: [
    IDENTITY,
    MANDATE,
    {
      key: "deroulement",
      title: "Déroulement de l'enquête",
      fill: (d) => appointmentsText(d, true),
      hint: "Entretiens, visites et vérifications faites, personnes et services contactés.",
    },
    { key: "situation", title: "Situation de la personne par domaine", fill: assessmentText },
    { key: "partenaires", title: "Partenaires et services contactés", fill: partnersText },
    {
      key: "conclusion",
      title: "Analyse et proposition",
      hint: "Votre analyse de la situation et la proposition faite au magistrat.",
    },
  ],
  rapport_etape: [
    IDENTITY,
    MANDATE,
    { key: "situation", title: "Évolution de la situation", fill: assessmentText },
    { key: "accompagnement", title: "Accompagnement mis en œuvre", fill: planText },
    { key: "obligations", title: "Respect des obligations", fill: (d) => obligationsText(d) },
    { key: "rendez_vous", title: "Présence aux rendez-vous", fill: (d) => appointmentsText(d, false) },
    { key: "incidents", title: "Incidents", fill: incidentsText },
    {
      key: "conclusion",
      title: "Analyse et perspectives",
      hint: "Votre analyse de l'évolution et la suite proposée pour la mesure.",
    },
  ],
  rapport_fin_mesure: [
    IDENTITY,
    MANDATE,
    { key: "situation", title: "Situation de la personne en fin de mesure", fill: assessmentText },
    { key: "accompagnement", title: "Accompagnement réalisé et résultats", fill: planText },
    { key: "obligations", title: "Respect des obligations", fill: (d) => obligationsText(d) },
    { key: "rendez_vous", title: "Présence aux rendez-vous", fill: (d) => appointmentsText(d, false) },
    { key: "incidents", title: "Incidents pendant la mesure", fill: incidentsText },
    { key: "partenaires", title: "Partenaires mobilisés", fill: partnersText },
    {
      key: "conclusion",
      title: "Bilan et avis",
      hint: "Le bilan de la mesure, les points d'appui et les difficultés, votre avis au magistrat.",
    },
  ],
  rapport_incident: [
    IDENTITY,
    MANDATE,
    { key: "faits", title: "Faits signalés", fill: incidentFactsText },
    { key: "obligations", title: "Obligations concernées", fill: incidentObligationsText },
    { key: "rendez_vous", title: "Présence aux rendez-vous", fill: (d) => appointmentsText(d, false) },
    {
      key: "conclusion",
      title: "Position du service et proposition",
      hint: "Ce que le service a fait après l'incident et ce qu'il propose au magistrat.",
    },
  ],
  proposition_amenagement: [
    IDENTITY,
    MANDATE,
    { key: "situation", title: "Situation actuelle de la personne", fill: assessmentText },
    { key: "accompagnement", title: "Parcours d'insertion", fill: planText },
    { key: "obligations", title: "Respect des obligations", fill: (d) => obligationsText(d) },
    { key: "rendez_vous", title: "Présence aux rendez-vous", fill: (d) => appointmentsText(d, false) },
    { key: "incidents", title: "Incidents", fill: incidentsText },
    { key: "projet", title: "Projet de sortie (logement, emploi, formation)", fill: exitPlanText },
    {
      key: "conclusion",
      title: "Proposition d'aménagement de peine",
      hint: "L'aménagement proposé (libération conditionnelle, placement extérieur…) et ses motifs.",
    },
  ],
};

/** The title of the issued document, for the magistrate. */
export const DOCUMENT_TITLES: Readonly<Record<ReportKind, string>> = {
  rapport_enquete: "Rapport d'enquête",
  rapport_etape: "Rapport d'étape",
  rapport_fin_mesure: "Rapport de fin de mesure",
  rapport_incident: "Rapport d'incident",
  proposition_amenagement: "Proposition d'aménagement de peine",
};

/** The hint shown under a section's field, when the template has one. */
export function sectionHint(kind: ReportKind, key: string): string | undefined {
  return REPORT_TEMPLATES[kind].find((s) => s.key === key)?.hint;
}

/** The sections of a new draft of `kind`, filled from the file. */
export function buildReportDraft(kind: ReportKind, data: ReportData): ReportSection[] {
  return REPORT_TEMPLATES[kind].map((t) => ({
    key: t.key,
    title: t.title,
    body: t.fill ? t.fill(data) : "",
  }));
}
