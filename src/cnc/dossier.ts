/**
 * A candidacy's dossier as the pages show it: eligibility, fee, checklist of pieces, what is missing,
 * whether it can go to the commission, and the course decided. Pure: built from loaded rows.
 */

import {
  CANDIDACY_PIECES,
  type ExerciseMode,
  type ExperienceField,
  type HeldCertificate,
  type IsoDate,
  type Mention,
} from "./reference.ts";
import {
  type CandidacyStatus,
  type CncEligibility,
  type CoursePlan,
  canGoToCommission,
  cncEligibility,
  type DossierContext,
  type Duration,
  dossierStatus,
  experienceCounts,
  experienceDuration,
  formatEuros,
  inTutelaryActivity,
  isPieceRequired,
  periodsUpTo,
  validateCourse,
} from "./rules.ts";
import type { DecisionOutcome, OldCertificate } from "./tables.ts";

export interface DossierCandidate {
  birthDate: IsoDate;
  oldCertificate: OldCertificate | null;
  heldMentions: Mention[];
  hasSocialWorkDiploma: boolean;
  hasLevel5Diploma: boolean;
  level5JobMonths: number;
}

export interface DossierCandidacy {
  mention: Mention;
  mode: ExerciseMode;
  status: CandidacyStatus;
  feeCents: number;
  feePaidOn: IsoDate | null;
  requestedDispenses: string[];
  requestedAllegements: string[];
}

export interface DossierExperience {
  fromDate: IsoDate;
  toDate: IsoDate | null;
  tutelary: boolean;
  field: ExperienceField | null;
}

export interface DossierPiece {
  code: string;
  provided: boolean;
  filename: string | null;
  mimeType: string | null;
  size: number | null;
  providedBy: "service" | "candidat";
  providedAt: Date;
}

export interface DossierDecision {
  outcome: DecisionOutcome;
  dispensedModules: string[];
  allegedModules: string[];
  entryDate: IsoDate | null;
}

export interface ChecklistItem {
  code: string;
  label: string;
  required: boolean;
  provided: boolean;
  piece: DossierPiece | null;
}

export interface Dossier {
  /** Day on which the conditions are checked: entry into training once decided, otherwise today. */
  on: IsoDate;
  eligibility: CncEligibility;
  context: DossierContext;
  feeLabel: string;
  checklist: ChecklistItem[];
  missing: { code: string; label: string }[];
  reasons: string[];
  complete: boolean;
  /** Status the dossier should have while it is being put together. */
  openStatus: CandidacyStatus;
  held: HeldCertificate[];
  /** The course of an admission or a positioning. */
  course: Course | null;
}

export function heldCertificates(candidate: Pick<DossierCandidate, "heldMentions" | "oldCertificate">) {
  const held: HeldCertificate[] = [...candidate.heldMentions];
  if (candidate.oldCertificate === "TMP") held.push("TMP");
  return held;
}

export interface Course extends CoursePlan {
  entryDate: IsoDate;
  /** Tutelary activity before the entry into training (the day of entry excluded). */
  tutelaryAtEntry: Duration;
}

/** The course of a candidacy for given dispenses, allègements and entry date. */
export function courseOf(
  mention: Mention,
  experiences: readonly DossierExperience[],
  held: readonly HeldCertificate[],
  dispensed: readonly string[],
  alleged: readonly string[],
  entryDate: IsoDate,
  /** The work certificates are in the dossier: only then does tutelary activity dispense of the internship. */
  workCertificatesProvided: boolean,
): Course {
  const tutelary = periodsUpTo(
    experiences.filter((e) => e.tutelary).map((e) => ({ from: e.fromDate, to: e.toDate })),
    entryDate,
  );
  const plan = validateCourse({
    mention,
    dispensedModules: dispensed,
    allegedModules: alleged,
    tutelaryActivityMonthsAtEntry: 0,
    tutelaryActivityPeriods: tutelary,
    entryDate,
    heldCertificates: held,
    workCertificatesProvided,
  });
  return { ...plan, entryDate, tutelaryAtEntry: experienceDuration(tutelary, entryDate) };
}

export function buildDossier(input: {
  candidate: DossierCandidate;
  candidacy: DossierCandidacy;
  experiences: readonly DossierExperience[];
  pieces: readonly DossierPiece[];
  decision: DossierDecision | null;
  today: IsoDate;
}): Dossier {
  const { candidate, candidacy, experiences, pieces, decision } = input;
  const on = decision?.entryDate ?? input.today;
  const periods = experiences.map((e) => ({ from: e.fromDate, to: e.toDate, tutelary: e.tutelary }));
  const context: DossierContext = {
    exercisingTutelary: inTutelaryActivity(periods, on),
    tutelaryExperience: periods.some((p) => p.tutelary && p.from <= on),
    requestsAllegement: candidacy.requestedAllegements.length > 0,
    requestsDispense: candidacy.requestedDispenses.length > 0,
  };
  const eligibility = cncEligibility({
    mention: candidacy.mention,
    mode: candidacy.mode,
    birthDate: candidate.birthDate,
    on,
    hasLevel5SocialWorkDiploma: candidate.hasSocialWorkDiploma,
    hasLevel5Diploma: candidate.hasLevel5Diploma,
    level5JobMonths: candidate.level5JobMonths,
    experienceMonths: 0,
    experiencePeriods: periodsUpTo(
      experiences
        .filter((e) => experienceCounts(candidacy.mention, e))
        .map((e) => ({ from: e.fromDate, to: e.toDate })),
      on,
    ),
    exercisingTutelaryActivity: context.exercisingTutelary,
  });
  const feePaid = candidacy.feePaidOn !== null;
  const provided = [
    ...pieces.filter((p) => p.code !== "fee_payment").map((p) => ({ code: p.code, provided: p.provided })),
    { code: "fee_payment", provided: feePaid },
  ];
  const check = canGoToCommission(provided, {
    ...context,
    holdsOldTmpOrTps: candidate.oldCertificate !== null,
  });
  const checklist = CANDIDACY_PIECES.map((p) => {
    const piece = pieces.find((x) => x.code === p.code) ?? null;
    return {
      code: p.code,
      label: p.label,
      required: isPieceRequired(p, context),
      provided: p.code === "fee_payment" ? feePaid : piece?.provided === true,
      piece,
    };
  });
  const held = heldCertificates(candidate);
  const course =
    decision && decision.outcome !== "refuse" && decision.entryDate
      ? courseOf(
          candidacy.mention,
          experiences,
          held,
          decision.dispensedModules,
          decision.allegedModules,
          decision.entryDate,
          pieces.some((p) => p.code === "work_certificates" && p.provided),
        )
      : null;
  return {
    on,
    eligibility,
    context,
    feeLabel: formatEuros(candidacy.feeCents),
    checklist,
    missing: check.missing,
    reasons: check.reasons,
    complete: check.ok,
    openStatus: dossierStatus(feePaid || pieces.some((p) => p.provided), check.missing.length),
    held,
    course,
  };
}
