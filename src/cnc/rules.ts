/**
 * Pure rules of the CNC path (MJPM, MAJ, MJAGBF): access conditions, candidacy dossier, dispenses and
 * allègements, practical internship. Dates are ISO strings computed in UTC.
 */

import {
  ACCESS_CONDITIONS,
  ALLEGEMENT_EXPERIENCE_MONTHS,
  CANDIDACY_FEE,
  CANDIDACY_PIECES,
  type CandidacyPiece,
  CNC_AFTER_OFFICE_MONTHS,
  CNC_TRAININGS,
  type CncModule,
  COMMISSION_ROLES,
  type CommissionRole,
  CROSS_DISPENSES,
  DIPLOMA_DISPENSE_JOB_MONTHS,
  DIPLOMA_RULES,
  EXERCISE_MODE_INFO,
  EXPERIENCE_FIELD_INFO,
  type ExerciseMode,
  type ExperienceField,
  type HeldCertificate,
  INTERNSHIP,
  type IsoDate,
  MENTION_INFO,
  type Mention,
  type PieceCondition,
} from "./reference.ts";

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic
// ---------------------------------------------------------------------------------------------

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function parse(date: IsoDate): Ymd {
  const match = ISO_DATE.exec(date);
  if (match) {
    const y = Number(match[1]);
    const m = Number(match[2]);
    const d = Number(match[3]);
    const t = new Date(Date.UTC(y, m - 1, d));
    if (t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d) return { y, m, d };
  }
  throw new RangeError(`Date invalide : ${date}`);
}

function dayNumber(date: IsoDate): number {
  const { y, m, d } = parse(date);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function fromDayNumber(n: number): IsoDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/**
 * Whole calendar months from `from` to `to`: a month is complete on the same day number of a later
 * month (15 January → 15 July is 6 months, → 14 July is 5 months and 29 days). When that day does not
 * exist (31 → February), the month completes on the first day of the next month. Negative when `to`
 * is before `from`.
 */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  if (to < from) return -monthsBetween(to, from);
  const a = parse(from);
  const b = parse(to);
  return (b.y - a.y) * 12 + (b.m - a.m) - (b.d < a.d ? 1 : 0);
}

/** The date on which `months` whole months from `from` are complete (see monthsBetween). */
export function addMonths(from: IsoDate, months: number): IsoDate {
  const { y, m, d } = parse(from);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = index - ty * 12;
  const daysInMonth = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  if (d <= daysInMonth) return fromDayNumber(Date.UTC(ty, tm, d) / DAY_MS);
  return fromDayNumber(Date.UTC(ty, tm + 1, 1) / DAY_MS);
}

/** Age in whole years on a date: the day before the 21st birthday, the person is 20. */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  return Math.floor(monthsBetween(birthDate, on) / 12);
}

/** A period of activity, both days included (as on a work certificate). */
export interface Period {
  from: IsoDate;
  to: IsoDate;
}

export interface Duration {
  months: number;
  days: number;
}

/**
 * Length of periods of activity, both ends included, overlaps counted once, cut at `until` (excluded)
 * when given. A continuous period is measured exactly, in whole calendar months plus remaining days;
 * when separate periods are added, their remaining days are added too and every 30 make one more month.
 */
export function experienceDuration(periods: readonly Period[], until?: IsoDate): Duration {
  const limit = until === undefined ? Number.POSITIVE_INFINITY : dayNumber(until);
  const spans: [number, number][] = [];
  for (const p of periods) {
    const start = dayNumber(p.from);
    const endExcl = dayNumber(p.to) + 1;
    if (endExcl <= start) throw new RangeError(`Période invalide : du ${p.from} au ${p.to}`);
    const end = Math.min(endExcl, limit);
    if (end > start) spans.push([start, end]);
  }
  spans.sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  let months = 0;
  let days = 0;
  for (const [start, end] of merged) {
    const from = fromDayNumber(start);
    const endDate = fromDayNumber(end);
    const whole = monthsBetween(from, endDate);
    months += whole;
    days += end - dayNumber(addMonths(from, whole));
  }
  if (merged.length <= 1) return { months, days };
  return { months: months + Math.floor(days / 30), days: days % 30 };
}

/** « 2 ans et 11 mois », « 1 an », « 5 mois ». */
export function formatMonths(totalMonths: number): string {
  const months = Math.max(0, Math.floor(totalMonths));
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const y = years === 0 ? "" : `${years} ${years > 1 ? "ans" : "an"}`;
  const m = rest === 0 ? "" : `${rest} mois`;
  if (y && m) return `${y} et ${m}`;
  return y || m || "0 mois";
}

// ---------------------------------------------------------------------------------------------
// Access conditions
// ---------------------------------------------------------------------------------------------

export interface CncEligibilityInput {
  mention: Mention;
  mode: ExerciseMode;
  birthDate: IsoDate;
  /** Date on which the conditions are checked (entry into training, date of the dossier). */
  on: IsoDate;
  /** A social-work diploma of level 5 of the RNCP (required for the MJAGBF). */
  hasLevel5SocialWorkDiploma: boolean;
  /** A diploma or title of level 5 (former level III) of the RNCP in any field (MJPM, MAJ). */
  hasLevel5Diploma?: boolean;
  /** Months in a job normally requiring a level 5 diploma: dispense of the diploma for MJPM and MAJ. */
  level5JobMonths?: number;
  /** Experience in one of the fields needed for the office, in months. */
  experienceMonths: number;
  /** The same experience as periods; when given, it replaces `experienceMonths`. */
  experiencePeriods?: readonly Period[];
  exercisingTutelaryActivity: boolean;
}

export type EligibilityCheckCode = "age" | "diploma" | "experience" | "mode";

export interface EligibilityCheck {
  code: EligibilityCheckCode;
  ok: boolean;
  required: string;
  actual: string;
  /** French sentence explaining the outcome. */
  explanation: string;
}

export interface CncEligibility {
  eligible: boolean;
  checks: EligibilityCheck[];
  cncRequiredBeforeOffice: boolean;
  timing: string;
  /** French advice, e.g. for a candidate in tutelary activity who misses a condition. */
  notes: string[];
}

function modeLabel(mode: ExerciseMode): string {
  return EXERCISE_MODE_INFO[mode].label.toLowerCase();
}

export function modeAllowed(mention: Mention, mode: ExerciseMode): boolean {
  return (
    EXERCISE_MODE_INFO[mode].mentions.includes(mention) && ACCESS_CONDITIONS[mention][mode] !== undefined
  );
}

function diplomaCheck(input: CncEligibilityInput): EligibilityCheck {
  if (DIPLOMA_RULES[input.mention] === "level5_social_work") {
    const ok = input.hasLevel5SocialWorkDiploma;
    return {
      code: "diploma",
      ok,
      required: "Diplôme du travail social de niveau 5 (ex-niveau III) inscrit au RNCP",
      actual: ok
        ? "Diplôme du travail social de niveau 5 déclaré"
        : "Aucun diplôme du travail social de niveau 5",
      explanation: ok
        ? "Le diplôme du travail social de niveau 5 exigé pour la mention MJAGBF est déclaré"
        : "La mention MJAGBF exige un diplôme du travail social de niveau 5 ; aucune dispense de diplôme n'est prévue",
    };
  }
  const hasDiploma = input.hasLevel5Diploma === true || input.hasLevel5SocialWorkDiploma;
  const jobMonths = input.level5JobMonths ?? 0;
  const dispensed = !hasDiploma && jobMonths >= DIPLOMA_DISPENSE_JOB_MONTHS;
  const required = `Diplôme ou titre de niveau 5 (ex-niveau III) inscrit au RNCP, ou ${formatMonths(DIPLOMA_DISPENSE_JOB_MONTHS)} dans un emploi exigeant normalement ce niveau`;
  if (hasDiploma) {
    return {
      code: "diploma",
      ok: true,
      required,
      actual: "Diplôme de niveau 5 déclaré",
      explanation: "Le diplôme de niveau 5 exigé pour entrer en formation est déclaré",
    };
  }
  return {
    code: "diploma",
    ok: dispensed,
    required,
    actual: `Pas de diplôme de niveau 5 ; ${formatMonths(jobMonths)} dans un emploi de ce niveau`,
    explanation: dispensed
      ? `Dispense de diplôme : ${formatMonths(jobMonths)} dans un emploi exigeant normalement un diplôme de niveau 5 (minimum ${formatMonths(DIPLOMA_DISPENSE_JOB_MONTHS)})`
      : `Sans diplôme de niveau 5, la dispense suppose ${formatMonths(DIPLOMA_DISPENSE_JOB_MONTHS)} dans un emploi exigeant normalement ce niveau (${formatMonths(jobMonths)} déclarés)`,
  };
}

/**
 * Access conditions of a CNC for a mention and a mode of exercise: age, diploma, experience, and
 * whether the CNC is needed before taking office or within two years after.
 */
export function cncEligibility(input: CncEligibilityInput): CncEligibility {
  const mentionText = `mention ${input.mention}`;
  const condition = modeAllowed(input.mention, input.mode)
    ? ACCESS_CONDITIONS[input.mention][input.mode]
    : undefined;
  const checks: EligibilityCheck[] = [];
  checks.push({
    code: "mode",
    ok: condition !== undefined,
    required: `Mode d'exercice ouvert pour la ${mentionText}`,
    actual: EXERCISE_MODE_INFO[input.mode].label,
    explanation:
      condition !== undefined
        ? `Le mode « ${EXERCISE_MODE_INFO[input.mode].label} » est ouvert pour la ${mentionText}`
        : `Le mode « ${EXERCISE_MODE_INFO[input.mode].label} » n'existe pas pour la ${mentionText}`,
  });

  if (condition !== undefined) {
    const age = ageOn(input.birthDate, input.on);
    const ageOk = age >= condition.minAge;
    checks.push({
      code: "age",
      ok: ageOk,
      required: `${condition.minAge} ans`,
      actual: `${age} ans`,
      explanation: ageOk
        ? `Âge minimum de ${condition.minAge} ans atteint pour un ${modeLabel(input.mode)}`
        : `Le candidat a ${age} ans ; l'âge minimum pour un ${modeLabel(input.mode)} est de ${condition.minAge} ans`,
    });

    const months =
      input.experiencePeriods !== undefined
        ? experienceDuration(input.experiencePeriods, addDays(input.on, 1)).months
        : input.experienceMonths;
    const needed = condition.experienceMonths;
    const experienceOk = months >= needed;
    checks.push({
      code: "experience",
      ok: experienceOk,
      required:
        needed === 0
          ? "Aucune"
          : `${formatMonths(needed)} dans un des domaines nécessaires à l'exercice des fonctions`,
      actual: formatMonths(months),
      explanation:
        needed === 0
          ? `Aucune expérience professionnelle n'est exigée d'un ${modeLabel(input.mode)}`
          : experienceOk
            ? `Expérience suffisante : ${formatMonths(months)} pour ${formatMonths(needed)} exigés`
            : `Expérience insuffisante : ${formatMonths(months)} pour ${formatMonths(needed)} exigés d'un ${modeLabel(input.mode)}`,
    });
  }

  checks.push(diplomaCheck(input));

  const eligible = checks.every((c) => c.ok);
  const cncRequiredBeforeOffice = condition?.cncBeforeOffice ?? input.mode === "mandataire_prive";
  const notes: string[] = [];
  if (!eligible && input.exercisingTutelaryActivity) {
    notes.push(
      "Le candidat exerce une activité tutélaire sans remplir toutes les conditions d'accès : sa situation est à étudier avec le responsable de formation",
    );
  }
  return {
    eligible,
    checks,
    cncRequiredBeforeOffice,
    timing: cncRequiredBeforeOffice
      ? "avant l'entrée en fonction"
      : "dans les deux ans suivant l'entrée en fonction",
    notes,
  };
}

/** Last day to obtain the CNC when it is not required before taking office (two years after). */
export function cncDeadline(entryIntoOffice: IsoDate): IsoDate {
  return addDays(addMonths(entryIntoOffice, CNC_AFTER_OFFICE_MONTHS), -1);
}

// ---------------------------------------------------------------------------------------------
// Candidacy dossier and commission
// ---------------------------------------------------------------------------------------------

export function candidacyFee(holdsOldTmpOrTps: boolean): number {
  return holdsOldTmpOrTps ? CANDIDACY_FEE.reduced : CANDIDACY_FEE.standard;
}

export interface DossierContext {
  exercisingTutelary: boolean;
  /** Tutelary activity declared, current or past (the work certificates prove it). */
  tutelaryExperience?: boolean;
  requestsAllegement: boolean;
  requestsDispense: boolean;
}

function conditionHolds(condition: PieceCondition, context: DossierContext): boolean {
  switch (condition) {
    case "exercising_tutelary":
      return context.exercisingTutelary;
    case "tutelary_experience":
      return context.tutelaryExperience ?? context.exercisingTutelary;
    case "requests_allegement":
      return context.requestsAllegement;
    case "requests_dispense":
      return context.requestsDispense;
  }
}

export function isPieceRequired(piece: CandidacyPiece, context: DossierContext): boolean {
  if (piece.requiredWhen === undefined) return true;
  const conditions: readonly PieceCondition[] =
    typeof piece.requiredWhen === "string" ? [piece.requiredWhen] : piece.requiredWhen;
  return conditions.every((c) => conditionHolds(c, context));
}

/** The pieces required in this situation that are not provided, in the order of the list. */
export function missingPieces(
  pieces: readonly { code: string; provided: boolean }[],
  context: DossierContext,
): { code: string; label: string }[] {
  const provided = new Set(pieces.filter((p) => p.provided).map((p) => p.code));
  return CANDIDACY_PIECES.filter((p) => isPieceRequired(p, context) && !provided.has(p.code)).map((p) => ({
    code: p.code,
    label: p.label,
  }));
}

/**
 * An incomplete dossier is sent back to the candidate and cannot go to the commission; the payment of
 * the fee is one of the pieces.
 */
export function canGoToCommission(
  pieces: readonly { code: string; provided: boolean }[],
  context: DossierContext & { holdsOldTmpOrTps?: boolean },
): { ok: boolean; missing: { code: string; label: string }[]; reasons: string[] } {
  const missing = missingPieces(pieces, context);
  const fee = candidacyFee(context.holdsOldTmpOrTps === true);
  const reasons = missing.map((p) =>
    p.code === "fee_payment"
      ? `Frais de dossier non réglés : ${fee.toFixed(2).replace(".", ",")} €`
      : `Pièce manquante : ${p.label}`,
  );
  return { ok: missing.length === 0, missing, reasons };
}

/** The commission needs at least one member of each role, and one head of the judicial trainings. */
export function checkCommissionComposition(members: readonly { role: CommissionRole }[]): {
  ok: boolean;
  problems: string[];
} {
  const problems: string[] = [];
  for (const role of COMMISSION_ROLES) {
    const count = members.filter((m) => m.role === role.code).length;
    if (count < role.min) problems.push(`Il manque : ${role.label}`);
    if (role.max !== null && count > role.max) problems.push(`Un seul membre possible : ${role.label}`);
  }
  return { ok: problems.length === 0, problems };
}

// ---------------------------------------------------------------------------------------------
// Course: dispenses, allègements, internship
// ---------------------------------------------------------------------------------------------

export function trainingModules(mention: Mention): (CncModule & { domain: string })[] {
  return CNC_TRAININGS[mention].domains.flatMap((d) => d.modules.map((m) => ({ ...m, domain: d.code })));
}

function findModule(mention: Mention, code: string): CncModule | undefined {
  return trainingModules(mention).find((m) => m.code === code);
}

/** Modules of `mention` the holder of the given certificates is dispensed of. */
export function crossDispensedModules(mention: Mention, held: readonly HeldCertificate[]): string[] {
  const codes = new Set<string>();
  for (const rule of CROSS_DISPENSES) {
    if (rule.target === mention && held.includes(rule.held)) for (const c of rule.modules) codes.add(c);
  }
  return trainingModules(mention)
    .map((m) => m.code)
    .filter((c) => codes.has(c));
}

/** Hours of the modules that admit neither dispense nor allègement. */
export function mandatoryHours(mention: Mention): number {
  return trainingModules(mention)
    .filter((m) => m.mandatory)
    .reduce((sum, m) => sum + m.hours, 0);
}

export type DispenseDecision =
  | { ok: true; module: CncModule; basis: "diploma" | "held_certificate" }
  | { ok: false; error: string };

/**
 * Whether a module may be dispensed. A dispense validates the module. A diploma whose programme matches
 * the module's opens it (checked by the commission); modules that admit no dispense can only be
 * dispensed to the holder of another certificate that the reference data names.
 */
export function applyDispense(
  mention: Mention,
  moduleCode: string,
  heldCertificates: readonly HeldCertificate[] = [],
): DispenseDecision {
  const module = findModule(mention, moduleCode);
  if (!module)
    return { ok: false, error: `Le module ${moduleCode} n'existe pas dans la formation ${mention}` };
  if (crossDispensedModules(mention, heldCertificates).includes(moduleCode)) {
    return { ok: true, module, basis: "held_certificate" };
  }
  if (module.mandatory)
    return { ok: false, error: `Le module ${moduleCode} n'admet ni dispense ni allègement` };
  return { ok: true, module, basis: "diploma" };
}

/**
 * Whether a module may be « allégé ». An allègement does not validate the module: its certification
 * remains due. It needs three years of experience related to the module's content, when that
 * experience is given.
 */
export function applyAllegement(
  mention: Mention,
  moduleCode: string,
  relatedExperienceMonths?: number,
): { ok: true; module: CncModule } | { ok: false; error: string } {
  const module = findModule(mention, moduleCode);
  if (!module)
    return { ok: false, error: `Le module ${moduleCode} n'existe pas dans la formation ${mention}` };
  if (module.mandatory)
    return { ok: false, error: `Le module ${moduleCode} n'admet ni dispense ni allègement` };
  if (relatedExperienceMonths !== undefined && relatedExperienceMonths < ALLEGEMENT_EXPERIENCE_MONTHS) {
    return {
      ok: false,
      error: `L'allègement du module ${moduleCode} suppose ${formatMonths(ALLEGEMENT_EXPERIENCE_MONTHS)} d'expérience professionnelle en lien avec son contenu (${formatMonths(relatedExperienceMonths)} déclarés)`,
    };
  }
  return { ok: true, module };
}

export type ModuleStatus = "to_follow" | "dispensed" | "allege";

export interface CourseInput {
  mention: Mention;
  dispensedModules: readonly string[];
  allegedModules: readonly string[];
  /** Months of tutelary activity at entry into training. */
  tutelaryActivityMonthsAtEntry: number;
  /** The same activity as periods; when given, it replaces the number of months. */
  tutelaryActivityPeriods?: readonly Period[];
  /** Entry into training: periods are counted up to the day before. */
  entryDate?: IsoDate;
  /** Certificates already held (cross-dispenses). */
  heldCertificates?: readonly HeldCertificate[];
  /** Experience related to the content of the alleged modules, in months, when known. */
  allegementExperienceMonths?: number;
  /**
   * The work certificates (piece « work_certificates ») are in the dossier: the tutelary activity that
   * dispenses of the internship must be proven by them. When false, the internship is not dispensed.
   */
  workCertificatesProvided?: boolean;
}

export interface CourseModule {
  domain: string;
  code: string;
  title: string;
  hours: number;
  mandatory: boolean;
  status: ModuleStatus;
}

export interface CoursePlan {
  /** French errors; a refused request leaves the module « to_follow ». */
  errors: string[];
  modules: CourseModule[];
  theoryHoursTotal: number;
  /** Total minus the dispensed modules; alleged modules stay due (their certification remains). */
  theoryHoursDue: number;
  internship: {
    hours: typeof INTERNSHIP.hours;
    weeks: typeof INTERNSHIP.weeks;
    dispensed: boolean;
    tutelaryMonthsAtEntry: number;
    /** Enough tutelary activity, but the work certificates proving it are not in the dossier. */
    awaitingWorkCertificates: boolean;
  };
}

/** Individual course of a candidate: which modules are dispensed, alleged or to follow, and the internship. */
export function validateCourse(input: CourseInput): CoursePlan {
  const errors: string[] = [];
  const held = input.heldCertificates ?? [];
  const dispensed = new Set<string>();
  const alleged = new Set<string>();
  const both = new Set(input.dispensedModules.filter((c) => input.allegedModules.includes(c)));
  for (const code of both) errors.push(`Le module ${code} ne peut pas être à la fois dispensé et allégé`);

  for (const code of new Set(input.dispensedModules)) {
    if (both.has(code)) continue;
    const decision = applyDispense(input.mention, code, held);
    if (decision.ok) dispensed.add(code);
    else errors.push(decision.error);
  }
  for (const code of new Set(input.allegedModules)) {
    if (both.has(code)) continue;
    const decision = applyAllegement(input.mention, code, input.allegementExperienceMonths);
    if (decision.ok) alleged.add(code);
    else errors.push(decision.error);
  }

  const modules: CourseModule[] = trainingModules(input.mention).map((m) => ({
    domain: m.domain,
    code: m.code,
    title: m.title,
    hours: m.hours,
    mandatory: m.mandatory,
    status: dispensed.has(m.code) ? "dispensed" : alleged.has(m.code) ? "allege" : "to_follow",
  }));
  const theoryHoursTotal = CNC_TRAININGS[input.mention].theoryHours;
  const dispensedHours = modules.filter((m) => m.status === "dispensed").reduce((s, m) => s + m.hours, 0);

  const tutelaryMonths =
    input.tutelaryActivityPeriods !== undefined
      ? experienceDuration(input.tutelaryActivityPeriods, input.entryDate).months
      : input.tutelaryActivityMonthsAtEntry;
  const enoughActivity = tutelaryMonths >= INTERNSHIP.dispenseTutelaryMonths;
  const proven = input.workCertificatesProvided !== false;

  return {
    errors,
    modules,
    theoryHoursTotal,
    theoryHoursDue: theoryHoursTotal - dispensedHours,
    internship: {
      hours: INTERNSHIP.hours,
      weeks: INTERNSHIP.weeks,
      dispensed: enoughActivity && proven,
      tutelaryMonthsAtEntry: tutelaryMonths,
      awaitingWorkCertificates: enoughActivity && !proven,
    },
  };
}

/** Label of a mention for display: « MJPM — Mesure judiciaire à la protection des majeurs ». */
export function mentionLabel(mention: Mention): string {
  return `${mention} — ${MENTION_INFO[mention].label}`;
}

// ---------------------------------------------------------------------------------------------
// Candidacy workflow (statuses, dossier, uploads)
// ---------------------------------------------------------------------------------------------

export const CANDIDACY_STATUSES = [
  "brouillon",
  "incomplet",
  "complet",
  "en_commission",
  "admis",
  "positionne",
  "refuse",
  "conteste",
  "entretien_planifie",
] as const;
export type CandidacyStatus = (typeof CANDIDACY_STATUSES)[number];

export const CANDIDACY_STATUS_LABELS: Record<CandidacyStatus, string> = {
  brouillon: "Brouillon",
  incomplet: "Incomplet",
  complet: "Complet",
  en_commission: "En commission",
  admis: "Admis",
  positionne: "Positionné",
  refuse: "Refusé",
  conteste: "Contesté",
  entretien_planifie: "Entretien planifié",
};

/** While the dossier is being put together, its pieces can change and its status follows them. */
export function dossierOpen(status: CandidacyStatus): boolean {
  return status === "brouillon" || status === "incomplet" || status === "complet";
}

/**
 * Status of a dossier being put together: « brouillon » while nothing is provided (neither a piece nor
 * the fee), « complet » when nothing required is missing, « incomplet » otherwise.
 */
export function dossierStatus(anythingProvided: boolean, missingCount: number): CandidacyStatus {
  if (missingCount === 0) return "complet";
  return anythingProvided ? "incomplet" : "brouillon";
}

/** The commission decides on a dossier presented to it, and again after the interview of a contest. */
export function canDecide(status: CandidacyStatus): boolean {
  return status === "en_commission" || status === "entretien_planifie";
}

/**
 * A dossier moves to another commission while it waits for a decision (withdrawn from the agenda of its
 * commission, which did not examine it) or after a contest: the other commission examines it again.
 */
export function canMoveCommission(status: CandidacyStatus): boolean {
  return status === "en_commission" || status === "conteste" || status === "entretien_planifie";
}

/** A decision can be contested once it is known. */
export function canContest(status: CandidacyStatus): boolean {
  return status === "admis" || status === "positionne" || status === "refuse";
}

/** Experience periods with an open end (still in the job) closed on `on`; periods starting later are left out. */
export function periodsUpTo(
  periods: readonly { from: IsoDate; to: IsoDate | null }[],
  on: IsoDate,
): Period[] {
  return periods
    .filter((p) => p.from <= on)
    .map((p) => ({ from: p.from, to: p.to === null || p.to > on ? on : p.to }));
}

/** In tutelary activity on a date: a tutelary period covers it. */
export function inTutelaryActivity(
  periods: readonly { from: IsoDate; to: IsoDate | null; tutelary: boolean }[],
  on: IsoDate,
): boolean {
  return periods.some((p) => p.tutelary && p.from <= on && (p.to === null || p.to >= on));
}

/** « 187,00 € » from cents. */
export function formatEuros(cents: number): string {
  const euros = Math.floor(cents / 100);
  const rest = String(cents % 100).padStart(2, "0");
  return `${euros},${rest} €`;
}

/** Fee in cents: 18 700 or 9 350. */
export function candidacyFeeCents(holdsOldTmpOrTps: boolean): number {
  return Math.round(candidacyFee(holdsOldTmpOrTps) * 100);
}

/**
 * French errors of a course at its two fields: the dispenses (a module that admits none, unless a held
 * certificate dispenses it) and the allègements (mandatory modules, a module also dispensed).
 */
export function courseFieldErrors(
  mention: Mention,
  dispensed: readonly string[],
  alleged: readonly string[],
  held: readonly HeldCertificate[] = [],
): { dispensed?: string; alleged?: string } {
  const dispenseErrors: string[] = [];
  const allegementErrors: string[] = [];
  for (const code of new Set(dispensed)) {
    const decision = applyDispense(mention, code, held);
    if (!decision.ok) dispenseErrors.push(decision.error);
  }
  for (const code of new Set(alleged)) {
    if (dispensed.includes(code)) {
      allegementErrors.push(`Le module ${code} ne peut pas être à la fois dispensé et allégé`);
      continue;
    }
    const decision = applyAllegement(mention, code);
    if (!decision.ok) allegementErrors.push(decision.error);
  }
  return {
    ...(dispenseErrors.length > 0 ? { dispensed: dispenseErrors.join(". ") } : {}),
    ...(allegementErrors.length > 0 ? { alleged: allegementErrors.join(". ") } : {}),
  };
}

/**
 * Whether a job counts toward the experience required for a mention: its field is one of the fields
 * needed for the office (EXPERIENCE_FIELD_INFO). A job whose field was not stated counts only when it
 * is tutelary activity (the exercise of the measures themselves).
 */
export function experienceCounts(
  mention: Mention,
  experience: { field: ExperienceField | null; tutelary: boolean },
): boolean {
  if (experience.field === null) return experience.tutelary;
  return EXPERIENCE_FIELD_INFO[experience.field].mentions.includes(mention);
}

/** What the dossier says of a job: in a field required for the CNC or not, in French. */
export function experienceFieldNote(
  mention: Mention,
  experience: { field: ExperienceField | null; tutelary: boolean },
): string {
  const counts = experienceCounts(mention, experience);
  if (experience.field === null)
    return counts
      ? "Activité tutélaire : domaine requis pour le CNC, comptée"
      : "Domaine non précisé : non comptée dans l'expérience exigée";
  const label = EXPERIENCE_FIELD_INFO[experience.field].label;
  return counts
    ? `${label} : domaine requis pour le CNC ${mention}, comptée`
    : `${label} : hors des domaines requis pour le CNC ${mention}, non comptée`;
}
