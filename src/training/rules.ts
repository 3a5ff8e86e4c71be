/** Pure rules of the training service and of the CISJ path: validation, progress, mémoire, statistics. */

import {
  ATTENDANCE_THRESHOLD,
  CISJ_CERTIFICATE_PREFIX,
  CISJ_FUNDINGS,
  CISJ_REQUIREMENTS,
  HOURS_PER_DAY,
  type IsoDate,
  KNOWLEDGE_TEST_FROM_YEAR,
  MEMOIRE_PAGES,
  MEMOIRE_PARTS,
  type MemoirePart,
  REFUSED_FUNDINGS,
  TEST_PASS_THRESHOLD,
  TRAINING_CATEGORIES,
  TRAINING_CATEGORY_CODES,
  TRAINING_DURATION_DAYS,
  type TrainingCategory,
} from "./reference.ts";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function yearOf(date: IsoDate): number | null {
  const m = ISO_DATE.exec(date);
  return m ? Number(m[1]) : null;
}

function isPercent(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && value <= 100;
}

/** French writing of a number: 49,9 rather than 49.9. */
function fr(value: number): string {
  return String(value).replace(".", ",");
}

// ---------------------------------------------------------------------------------------------
// Validation of one training
// ---------------------------------------------------------------------------------------------

export interface TrainingResultInput {
  /** First day of the session. */
  sessionStart: IsoDate;
  /** Attendance rate, 0 to 100, or null when not recorded. */
  attendanceRate: number | null;
  /** Score at the knowledge test, 0 to 100, or null when the trainee has not taken it. */
  testScore: number | null;
  /** The trainee refused to take the knowledge test. */
  testRefused: boolean;
  /** An équivalence granted by the training service, with its reason. */
  equivalence?: { reason: string } | null;
}

export type ValidationBasis = "test" | "attendance" | "equivalence";

export interface TrainingValidation {
  validated: boolean;
  basis: ValidationBasis | null;
  /** French explanation shown to the trainee and to the training service. */
  reason: string;
}

/**
 * Whether a trainee has validated a training: by an équivalence granted by the training service; from
 * 2012 on, by a score of at least 50 % at the knowledge test (attendance alone no longer validates);
 * before 2012, by an attendance of at least 75 %.
 */
export function validateTraining(input: TrainingResultInput): TrainingValidation {
  if (input.equivalence) {
    const reason = input.equivalence.reason.trim();
    if (reason === "") {
      return {
        validated: false,
        basis: null,
        reason: "Une équivalence doit indiquer son motif pour valider la formation",
      };
    }
    return {
      validated: true,
      basis: "equivalence",
      reason: `Formation validée par équivalence accordée par le service Formation : ${reason}`,
    };
  }
  const year = yearOf(input.sessionStart);
  if (year === null) {
    return { validated: false, basis: null, reason: "La date de début de session est invalide" };
  }
  if (year >= KNOWLEDGE_TEST_FROM_YEAR) {
    if (input.testRefused) {
      return {
        validated: false,
        basis: null,
        reason: `Test d'évaluation des connaissances refusé : depuis ${KNOWLEDGE_TEST_FROM_YEAR}, une formation n'est validée que par ce test`,
      };
    }
    if (input.testScore === null) {
      return {
        validated: false,
        basis: null,
        reason: `Test d'évaluation des connaissances non passé : depuis ${KNOWLEDGE_TEST_FROM_YEAR}, la présence seule ne valide pas la formation`,
      };
    }
    if (!isPercent(input.testScore)) {
      return { validated: false, basis: null, reason: "Le score du test doit être compris entre 0 et 100 %" };
    }
    if (input.testScore >= TEST_PASS_THRESHOLD) {
      return {
        validated: true,
        basis: "test",
        reason: `Formation validée par le test : ${fr(input.testScore)} % (minimum ${TEST_PASS_THRESHOLD} %)`,
      };
    }
    return {
      validated: false,
      basis: null,
      reason: `Score au test insuffisant : ${fr(input.testScore)} % pour un minimum de ${TEST_PASS_THRESHOLD} %`,
    };
  }
  if (input.attendanceRate === null) {
    return {
      validated: false,
      basis: null,
      reason: `Présence non renseignée : avant ${KNOWLEDGE_TEST_FROM_YEAR}, la formation est validée par l'attestation de présence`,
    };
  }
  if (!isPercent(input.attendanceRate)) {
    return {
      validated: false,
      basis: null,
      reason: "Le taux de présence doit être compris entre 0 et 100 %",
    };
  }
  if (input.attendanceRate >= ATTENDANCE_THRESHOLD) {
    return {
      validated: true,
      basis: "attendance",
      reason: `Formation antérieure à ${KNOWLEDGE_TEST_FROM_YEAR} validée par la présence : ${fr(input.attendanceRate)} % (minimum ${ATTENDANCE_THRESHOLD} %)`,
    };
  }
  return {
    validated: false,
    basis: null,
    reason: `Présence insuffisante : ${fr(input.attendanceRate)} % pour un minimum de ${ATTENDANCE_THRESHOLD} %`,
  };
}

// ---------------------------------------------------------------------------------------------
// Progress on the CISJ path
// ---------------------------------------------------------------------------------------------

export interface CisjTrainingItem {
  trainingId: string;
  code: string;
  title: string;
  category: TrainingCategory;
  hours: number;
  validated: boolean;
  validatedOn: IsoDate | null;
  countsForCisj: boolean;
}

export interface CisjCategoryProgress {
  required: number;
  /** Validated trainings that count for the certificate, earliest validation first. */
  counted: CisjTrainingItem[];
  /** Validated trainings beyond the number required in the category: listed, not counted. */
  extra: CisjTrainingItem[];
  missing: number;
}

export interface CisjProgress {
  byCategory: Record<TrainingCategory, CisjCategoryProgress>;
  countedTotal: number;
  requiredTotal: typeof CISJ_REQUIREMENTS.total;
  /** Hours of the trainings that count for the certificate. */
  hoursDone: number;
  /** Hours of the validated trainings beyond the requirement. */
  extraHours: number;
  complete: boolean;
  /** French sentences of what is left to do. */
  remaining: string[];
}

function byValidationDate(a: CisjTrainingItem, b: CisjTrainingItem): number {
  if (a.validatedOn !== b.validatedOn) {
    if (a.validatedOn === null) return 1;
    if (b.validatedOn === null) return -1;
    return a.validatedOn < b.validatedOn ? -1 : 1;
  }
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/**
 * Progress of a trainee on the CISJ path. Each training counts once, whatever the number of times it
 * was validated; only trainings of the CISJ count; trainings of any age count (no time limit); the
 * trainings validated beyond the number required in a category are listed as extra.
 */
export function cisjProgress(trainings: readonly CisjTrainingItem[]): CisjProgress {
  const unique = new Map<string, CisjTrainingItem>();
  for (const t of trainings) {
    if (!t.countsForCisj || !t.validated) continue;
    const seen = unique.get(t.trainingId);
    if (!seen || byValidationDate(t, seen) < 0) unique.set(t.trainingId, t);
  }
  const items = [...unique.values()].sort(byValidationDate);

  const byCategory = {} as Record<TrainingCategory, CisjCategoryProgress>;
  for (const category of TRAINING_CATEGORY_CODES) {
    const required = CISJ_REQUIREMENTS[category];
    const ofCategory = items.filter((t) => t.category === category);
    const counted = ofCategory.slice(0, required);
    byCategory[category] = {
      required,
      counted,
      extra: ofCategory.slice(required),
      missing: required - counted.length,
    };
  }

  const all = TRAINING_CATEGORY_CODES.map((c) => byCategory[c]);
  const countedTotal = all.reduce((sum, c) => sum + c.counted.length, 0);
  const hoursDone = all.reduce((sum, c) => sum + c.counted.reduce((h, t) => h + t.hours, 0), 0);
  const extraHours = all.reduce((sum, c) => sum + c.extra.reduce((h, t) => h + t.hours, 0), 0);
  const complete = countedTotal >= CISJ_REQUIREMENTS.total;

  const remaining: string[] = [];
  if (complete) {
    remaining.push(
      "Prendre contact avec le service Formation pour identifier les équivalences possibles et constituer le dossier",
      `Rédiger le mémoire (${MEMOIRE_PAGES.min} à ${MEMOIRE_PAGES.max} pages) et le soutenir devant un jury de professionnels`,
    );
  } else {
    for (const info of TRAINING_CATEGORIES) {
      const { missing, counted, required } = byCategory[info.code];
      if (missing === 0) continue;
      remaining.push(
        `Il reste ${missing} ${missing > 1 ? info.plural : info.singular} à valider (${counted.length} sur ${required})`,
      );
    }
  }

  return {
    byCategory,
    countedTotal,
    requiredTotal: CISJ_REQUIREMENTS.total,
    hoursDone,
    extraHours,
    complete,
    remaining,
  };
}

/** The CISJ dossier (équivalences, mémoire) can be opened once the nine trainings count. */
export function canOpenCisjDossier(progress: CisjProgress): boolean {
  return progress.countedTotal >= CISJ_REQUIREMENTS.total;
}

// ---------------------------------------------------------------------------------------------
// Mémoire
// ---------------------------------------------------------------------------------------------

export function checkMemoirePages(pageCount: number): { ok: boolean; message?: string } {
  if (!Number.isInteger(pageCount) || pageCount < 0) {
    return { ok: false, message: "Le nombre de pages doit être un nombre entier" };
  }
  if (pageCount < MEMOIRE_PAGES.min) {
    return {
      ok: false,
      message: `Le mémoire doit compter au moins ${MEMOIRE_PAGES.min} pages (${pageCount} indiquées)`,
    };
  }
  if (pageCount > MEMOIRE_PAGES.max) {
    return {
      ok: false,
      message: `Le mémoire doit compter au plus ${MEMOIRE_PAGES.max} pages (${pageCount} indiquées)`,
    };
  }
  return { ok: true };
}

/** Whether every required part of the mémoire is ticked; lists the missing ones in order. */
export function memoireChecklistComplete(checkedCodes: readonly string[]): {
  complete: boolean;
  missing: MemoirePart[];
} {
  const checked = new Set(checkedCodes);
  const missing = MEMOIRE_PARTS.filter((p) => !checked.has(p.code)).map((p) => ({ ...p }));
  return { complete: missing.length === 0, missing };
}

// ---------------------------------------------------------------------------------------------
// Funding, length, knowledge test
// ---------------------------------------------------------------------------------------------

export function isFundingAllowed(code: string): boolean {
  return CISJ_FUNDINGS.some((f) => f.code === code);
}

/** French message explaining why a funding source is refused, or null when it is allowed. */
export function fundingRefusal(code: string): string | null {
  if (isFundingAllowed(code)) return null;
  const refused = REFUSED_FUNDINGS.find((f) => f.code === code);
  return refused ? refused.reason : "Ce mode de financement n'est pas prévu pour le parcours du certificat";
}

/** Hours of a training lasting `days` days, at the assumed number of hours per day. */
export function trainingDaysToHours(days: number): number {
  return days * HOURS_PER_DAY;
}

/** A training of the CISJ lasts from 2 to 6 days. */
export function checkTrainingDuration(days: number): { ok: boolean; message?: string } {
  if (!Number.isFinite(days) || days < TRAINING_DURATION_DAYS.min || days > TRAINING_DURATION_DAYS.max) {
    return {
      ok: false,
      message: `Une formation du certificat dure de ${TRAINING_DURATION_DAYS.min} à ${TRAINING_DURATION_DAYS.max} jours`,
    };
  }
  return { ok: true };
}

export interface TestQuestion {
  /** Indexes of the right choices. */
  correct: readonly number[];
}

function sameSet(a: readonly number[], b: readonly number[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  if (sa.size !== sb.size) return false;
  for (const x of sa) if (!sb.has(x)) return false;
  return true;
}

/**
 * Score of a knowledge test. A question is right when the set of selected choices equals the set of
 * right choices (no partial credit). `percent` is not rounded, so that the 50 % threshold is exact.
 */
export function testScore(
  questions: readonly TestQuestion[],
  answers: readonly (readonly number[] | undefined)[],
): { correct: number; total: number; percent: number } {
  let correct = 0;
  questions.forEach((q, i) => {
    const given = answers[i];
    if (given && sameSet(q.correct, given)) correct += 1;
  });
  const total = questions.length;
  return { correct, total, percent: total === 0 ? 0 : (correct / total) * 100 };
}

// ---------------------------------------------------------------------------------------------
// Certificates and statistics
// ---------------------------------------------------------------------------------------------

/** Number of a CISJ certificate: CISJ-2026-00042. */
export function certificateNumber(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`Année de certificat invalide : ${year}`);
  }
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 99999) {
    throw new RangeError(`Numéro d'ordre de certificat invalide : ${sequence}`);
  }
  return `${CISJ_CERTIFICATE_PREFIX}-${year}-${String(sequence).padStart(5, "0")}`;
}

export interface TraineeTestRow {
  year: number;
  tookTest: boolean;
  refusedTest: boolean;
  passed: boolean;
}

export interface YearStatistics {
  year: number;
  /** Trainees at the end of a CISJ training that year. */
  trainees: number;
  testsTaken: number;
  passed: number;
  refused: number;
  /** passed / testsTaken, from 0 to 1; null when no test was taken. */
  passRate: number | null;
  /** refused / trainees, from 0 to 1; null when there was no trainee. */
  refusalRate: number | null;
}

/**
 * Yearly statistics of the knowledge tests. The pass rate is taken over the tests actually taken and
 * the refusal rate over all trainees: that is the only reading under which the published 2021 figures
 * (77 % pass, 22 % refusals) can both hold with trainees who fail.
 */
export function trainingStatistics(rows: readonly TraineeTestRow[]): YearStatistics[] {
  const byYear = new Map<number, { trainees: number; testsTaken: number; passed: number; refused: number }>();
  for (const r of rows) {
    const s = byYear.get(r.year) ?? { trainees: 0, testsTaken: 0, passed: 0, refused: 0 };
    s.trainees += 1;
    if (r.refusedTest) s.refused += 1;
    else if (r.tookTest) {
      s.testsTaken += 1;
      if (r.passed) s.passed += 1;
    }
    byYear.set(r.year, s);
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, s]) => ({
      year,
      ...s,
      passRate: s.testsTaken === 0 ? null : s.passed / s.testsTaken,
      refusalRate: s.trainees === 0 ? null : s.refused / s.trainees,
    }));
}

// ---------------------------------------------------------------------------------------------
// Sessions, enrolment and waiting list
// ---------------------------------------------------------------------------------------------

/** Where a new enrolment goes: a place while the session has one, else the waiting list. */
export function placementFor(capacity: number, enrolledCount: number): "inscrit" | "liste_attente" {
  return enrolledCount < capacity ? "inscrit" : "liste_attente";
}

/**
 * The waiting-list entries to promote, first come first served, when places are free (after a
 * cancellation or when the capacity grows). `waiting` is in waiting-list order.
 */
export function promotions<T>(capacity: number, enrolledCount: number, waiting: readonly T[]): T[] {
  return waiting.slice(0, Math.max(0, capacity - enrolledCount));
}

export interface SessionInput {
  startsOn: IsoDate;
  endsOn: IsoDate;
  place: string | null;
  distance: boolean;
  capacity: number;
}

/** Rules of a session the form schema cannot say, as French messages by field. */
export function checkSession(input: SessionInput): Partial<Record<keyof SessionInput, string>> {
  const errors: Partial<Record<keyof SessionInput, string>> = {};
  if (input.endsOn < input.startsOn) {
    errors.endsOn = "La date de fin doit être postérieure ou égale à la date de début";
  }
  if (!input.distance && !input.place?.trim()) {
    errors.place = "Indiquez le lieu de la session ou cochez « À distance »";
  }
  if (!Number.isInteger(input.capacity) || input.capacity < 1) {
    errors.capacity = "La capacité doit être un nombre entier d'au moins 1 place";
  }
  return errors;
}

/**
 * A percentage typed in a form: « 49,9 », « 49.9 », « 75 % ». Absent or blank gives null; anything
 * else than a number from 0 to 100 gives "invalid".
 */
export function parsePercent(text: string | null | undefined): number | null | "invalid" {
  if (text === null || text === undefined) return null;
  const cleaned = text.replace(/\s|%/g, "").replace(",", ".");
  if (cleaned === "") return null;
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(cleaned)) return "invalid";
  const value = Number(cleaned);
  return isPercent(value) ? value : "invalid";
}

/**
 * The score stored for `correct` right answers out of `total`, in percent truncated (never rounded
 * up) to two decimals: 1 out of 3 gives 33,33 and a score just under 50 % never becomes 50 %.
 */
export function storedScore(correct: number, total: number): number {
  if (total <= 0) return 0;
  return Math.floor((correct * 10_000) / total) / 100;
}

export type EnrolmentResultCode =
  | "cancelled"
  | "waiting"
  | "upcoming"
  | "validated_test"
  | "validated_attendance"
  | "validated_equivalence"
  | "test_refused"
  | "test_failed"
  | "attendance_insufficient"
  | "test_pending"
  | "result_pending";

export interface EnrolmentResultInput {
  status: "inscrit" | "liste_attente" | "annule";
  sessionCancelled: boolean;
  sessionStart: IsoDate;
  sessionEnd: IsoDate;
  today: IsoDate;
  attendanceRate: number | null;
  testScore: number | null;
  testRefused: boolean;
  validated: boolean;
  validationBasis: ValidationBasis | null;
}

/** The result of an enrolment as shown in lists: a code and its French label. */
export function enrolmentResult(input: EnrolmentResultInput): { code: EnrolmentResultCode; label: string } {
  if (input.status === "annule" || input.sessionCancelled) {
    return { code: "cancelled", label: input.sessionCancelled ? "Session annulée" : "Inscription annulée" };
  }
  if (input.status === "liste_attente") return { code: "waiting", label: "Liste d'attente" };
  if (input.validated) {
    if (input.validationBasis === "attendance") {
      return { code: "validated_attendance", label: `Validée (présence ≥ ${ATTENDANCE_THRESHOLD} %)` };
    }
    if (input.validationBasis === "equivalence") {
      return { code: "validated_equivalence", label: "Validée (équivalence)" };
    }
    return { code: "validated_test", label: `Validée (test ≥ ${TEST_PASS_THRESHOLD} %)` };
  }
  if (input.today < input.sessionEnd) return { code: "upcoming", label: "Session à venir ou en cours" };
  const year = yearOf(input.sessionStart) ?? 0;
  if (year >= KNOWLEDGE_TEST_FROM_YEAR) {
    if (input.testRefused) return { code: "test_refused", label: "Non validée (refus du test)" };
    if (input.testScore !== null) {
      return { code: "test_failed", label: `Non validée (test < ${TEST_PASS_THRESHOLD} %)` };
    }
    return { code: "test_pending", label: "Test à passer" };
  }
  if (input.attendanceRate !== null) {
    return { code: "attendance_insufficient", label: `Non validée (présence < ${ATTENDANCE_THRESHOLD} %)` };
  }
  return { code: "result_pending", label: "Résultat à saisir" };
}

/** Whether a session is assessed by the knowledge test (from 2012) rather than by attendance. */
export function sessionUsesTest(sessionStart: IsoDate): boolean {
  return (yearOf(sessionStart) ?? 0) >= KNOWLEDGE_TEST_FROM_YEAR;
}

/**
 * The day an enrolment was made, as the training service records it afterwards for a past session:
 * not in the future, and not after the session's last day (one enrols before or during a session).
 * Null when the date is acceptable.
 */
export function enrolmentDateError(enrolledOn: IsoDate, session: { endsOn: IsoDate }, today: IsoDate) {
  if (enrolledOn > today) return "La date d'inscription ne peut pas être dans le futur";
  if (enrolledOn > session.endsOn)
    return `La date d'inscription ne peut pas suivre la fin de la session (le ${session.endsOn.split("-").reverse().join("/")})`;
  return null;
}
