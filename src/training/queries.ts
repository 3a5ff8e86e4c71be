import { and, asc, count, desc, eq, gte, inArray, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { associations, users } from "../accounts/tables.ts";
import type { Queryable } from "../platform/db.ts";
import { outer } from "../platform/sql.ts";
import type { SessionFormInput, TrainingInput } from "./form.ts";
import {
  type IsoDate,
  KNOWLEDGE_TEST_FROM_YEAR,
  TEST_PASS_THRESHOLD,
  type TrainingCategory,
} from "./reference.ts";
import {
  type CisjTrainingItem,
  placementFor,
  promotions,
  type TraineeTestRow,
  validateTraining,
} from "./rules.ts";
import { enrolments, type SessionStatus, trainingSessions, trainings } from "./tables.ts";

export type TrainingRow = typeof trainings.$inferSelect;
export type SessionRow = typeof trainingSessions.$inferSelect;
export type EnrolmentRow = typeof enrolments.$inferSelect;

/** Roles that follow training as trainees. */
export const TRAINEE_ROLES = ["intervenant", "chef_service"] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

// ---------------------------------------------------------------------------------------------
// Catalogue
// ---------------------------------------------------------------------------------------------

export async function listTrainings(db: Queryable, today: IsoDate) {
  return db
    .select({
      id: trainings.id,
      code: trainings.code,
      title: trainings.title,
      category: trainings.category,
      durationDays: trainings.durationDays,
      hours: trainings.hours,
      countsForCisj: trainings.countsForCisj,
      active: trainings.active,
      upcomingSessions: sql<number>`(select count(*)::int from ${trainingSessions} s where s.training_id = ${outer(trainings.id)} and s.status <> 'annulee' and s.starts_on > ${today})`,
    })
    .from(trainings)
    .orderBy(asc(trainings.category), asc(trainings.code));
}

export async function findTraining(db: Queryable, id: string): Promise<TrainingRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(trainings).where(eq(trainings.id, id));
  return row ?? null;
}

export async function findTrainingByCode(db: Queryable, code: string): Promise<TrainingRow | null> {
  const [row] = await db.select().from(trainings).where(eq(trainings.code, code));
  return row ?? null;
}

export async function createTraining(db: Queryable, input: TrainingInput): Promise<string> {
  const [row] = await db.insert(trainings).values(input).returning({ id: trainings.id });
  if (!row) throw new Error("insert returned no row");
  return row.id;
}

export async function updateTraining(db: Queryable, id: string, input: TrainingInput): Promise<void> {
  await db.update(trainings).set(input).where(eq(trainings.id, id));
}

// ---------------------------------------------------------------------------------------------
// Sessions
// ---------------------------------------------------------------------------------------------

const enrolledCount = sql<number>`(select count(*)::int from ${enrolments} e where e.session_id = ${outer(trainingSessions.id)} and e.status = 'inscrit')`;
const waitingCount = sql<number>`(select count(*)::int from ${enrolments} e where e.session_id = ${outer(trainingSessions.id)} and e.status = 'liste_attente')`;

const sessionColumns = {
  id: trainingSessions.id,
  trainingId: trainingSessions.trainingId,
  startsOn: trainingSessions.startsOn,
  endsOn: trainingSessions.endsOn,
  place: trainingSessions.place,
  distance: trainingSessions.distance,
  trainers: trainingSessions.trainers,
  capacity: trainingSessions.capacity,
  status: trainingSessions.status,
  enrolled: enrolledCount,
  waiting: waitingCount,
};

export type SessionSummary = {
  id: string;
  trainingId: string;
  startsOn: IsoDate;
  endsOn: IsoDate;
  place: string | null;
  distance: boolean;
  trainers: string | null;
  capacity: number;
  status: SessionStatus;
  enrolled: number;
  waiting: number;
};

/** Open sessions that have not started yet, soonest first, with their training. */
export async function upcomingSessions(db: Queryable, today: IsoDate) {
  return db
    .select({
      ...sessionColumns,
      trainingCode: trainings.code,
      trainingTitle: trainings.title,
      category: trainings.category,
    })
    .from(trainingSessions)
    .innerJoin(trainings, eq(trainings.id, trainingSessions.trainingId))
    .where(and(ne(trainingSessions.status, "annulee"), sql`${trainingSessions.startsOn} > ${today}`))
    .orderBy(asc(trainingSessions.startsOn), asc(trainings.code));
}

export async function sessionsOfTraining(db: Queryable, trainingId: string): Promise<SessionSummary[]> {
  return db
    .select(sessionColumns)
    .from(trainingSessions)
    .where(eq(trainingSessions.trainingId, trainingId))
    .orderBy(desc(trainingSessions.startsOn));
}

export interface SessionDetail {
  session: SessionSummary;
  training: TrainingRow;
}

export async function findSession(db: Queryable, id: string): Promise<SessionDetail | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ session: sessionColumns, training: trainings })
    .from(trainingSessions)
    .innerJoin(trainings, eq(trainings.id, trainingSessions.trainingId))
    .where(eq(trainingSessions.id, id));
  return row ?? null;
}

function sessionValues(input: SessionFormInput) {
  return {
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    place: input.place,
    distance: input.distance,
    trainers: input.trainers,
    capacity: input.capacity,
  };
}

export async function createSession(db: Queryable, trainingId: string, input: SessionFormInput) {
  const [row] = await db
    .insert(trainingSessions)
    .values({ trainingId, ...sessionValues(input) })
    .returning({ id: trainingSessions.id });
  if (!row) throw new Error("insert returned no row");
  return row.id;
}

/** Locks the session row until the end of the transaction: enrolments of one session queue up here. */
async function lockSession(db: Queryable, sessionId: string) {
  const [row] = await db
    .select({
      id: trainingSessions.id,
      capacity: trainingSessions.capacity,
      status: trainingSessions.status,
      startsOn: trainingSessions.startsOn,
    })
    .from(trainingSessions)
    .where(eq(trainingSessions.id, sessionId))
    .for("update");
  return row ?? null;
}

async function countEnrolled(db: Queryable, sessionId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(enrolments)
    .where(and(eq(enrolments.sessionId, sessionId), eq(enrolments.status, "inscrit")));
  return row?.n ?? 0;
}

/** Waiting-list entries of a session, first in first. */
async function waitingList(db: Queryable, sessionId: string) {
  return db
    .select({ id: enrolments.id, traineeId: enrolments.traineeId })
    .from(enrolments)
    .where(and(eq(enrolments.sessionId, sessionId), eq(enrolments.status, "liste_attente")))
    .orderBy(asc(enrolments.enrolledAt), asc(enrolments.id));
}

/** Gives the free places to the waiting list, in order; returns the promoted enrolments. */
async function promoteWaiting(db: Queryable, sessionId: string, capacity: number) {
  const chosen = promotions(capacity, await countEnrolled(db, sessionId), await waitingList(db, sessionId));
  if (chosen.length > 0) {
    await db
      .update(enrolments)
      .set({ status: "inscrit" })
      .where(
        inArray(
          enrolments.id,
          chosen.map((c) => c.id),
        ),
      );
  }
  return chosen;
}

export type SessionUpdate =
  | { ok: true; promoted: number }
  | { ok: false; reason: "not_found" | "capacity_below_enrolled"; enrolled?: number };

/** Changes a session; a larger capacity gives the new places to the waiting list in the same transaction. */
export async function updateSession(
  db: Queryable,
  sessionId: string,
  input: SessionFormInput,
): Promise<SessionUpdate> {
  const locked = await lockSession(db, sessionId);
  if (!locked) return { ok: false, reason: "not_found" };
  const enrolled = await countEnrolled(db, sessionId);
  if (input.capacity < enrolled) return { ok: false, reason: "capacity_below_enrolled", enrolled };
  await db.update(trainingSessions).set(sessionValues(input)).where(eq(trainingSessions.id, sessionId));
  const promoted = locked.status !== "annulee" ? await promoteWaiting(db, sessionId, input.capacity) : [];
  return { ok: true, promoted: promoted.length };
}

/** Cancels a session and every place and waiting-list entry in it. */
export async function cancelSession(db: Queryable, sessionId: string): Promise<void> {
  await lockSession(db, sessionId);
  await db.update(trainingSessions).set({ status: "annulee" }).where(eq(trainingSessions.id, sessionId));
  await db
    .update(enrolments)
    .set({ status: "annule", cancelledAt: new Date() })
    .where(and(eq(enrolments.sessionId, sessionId), ne(enrolments.status, "annule")));
}

// ---------------------------------------------------------------------------------------------
// Enrolment
// ---------------------------------------------------------------------------------------------

export type EnrolOutcome =
  | { ok: true; enrolmentId: string; status: "inscrit" | "liste_attente"; position: number | null }
  | { ok: false; reason: "not_found" | "session_closed" | "session_started" | "already_enrolled" };

/**
 * Enrols a trainee: a place while there is one, else the waiting list. The session row is locked
 * first, so two enrolments for the last place cannot both get it. A trainee enrols once per session
 * (a cancelled enrolment is taken up again).
 */
export async function enrol(
  db: Queryable,
  args: {
    sessionId: string;
    traineeId: string;
    associationId: string | null;
    funding: string;
    enrolledBy: string;
    today: IsoDate;
    /** The training service may record an enrolment in a session already started (past sessions). */
    allowStarted: boolean;
    /** The day the enrolment was made, when recorded afterwards; now otherwise. */
    enrolledOn?: IsoDate | null;
  },
): Promise<EnrolOutcome> {
  const session = await lockSession(db, args.sessionId);
  if (!session) return { ok: false, reason: "not_found" };
  if (session.status === "annulee") return { ok: false, reason: "session_closed" };
  if (!args.allowStarted && session.startsOn <= args.today) return { ok: false, reason: "session_started" };
  const [existing] = await db
    .select({ id: enrolments.id, status: enrolments.status })
    .from(enrolments)
    .where(and(eq(enrolments.sessionId, args.sessionId), eq(enrolments.traineeId, args.traineeId)));
  if (existing && existing.status !== "annule") return { ok: false, reason: "already_enrolled" };
  const status = placementFor(session.capacity, await countEnrolled(db, args.sessionId));
  const values = {
    status,
    funding: args.funding,
    associationId: args.associationId,
    enrolledBy: args.enrolledBy,
    // Noon in Paris keeps the same calendar day whatever the offset.
    enrolledAt: args.enrolledOn ? new Date(`${args.enrolledOn}T12:00:00+01:00`) : new Date(),
    cancelledAt: null,
  };
  let enrolmentId: string;
  if (existing) {
    await db.update(enrolments).set(values).where(eq(enrolments.id, existing.id));
    enrolmentId = existing.id;
  } else {
    const [row] = await db
      .insert(enrolments)
      .values({ ...values, sessionId: args.sessionId, traineeId: args.traineeId })
      .returning({ id: enrolments.id });
    if (!row) throw new Error("insert returned no row");
    enrolmentId = row.id;
  }
  const position =
    status === "liste_attente"
      ? (await waitingList(db, args.sessionId)).findIndex((w) => w.id === enrolmentId) + 1
      : null;
  return { ok: true, enrolmentId, status, position };
}

/**
 * Cancels an enrolment; when it held a place, the first of the waiting list takes it, in the same
 * transaction. Returns the trainee ids promoted.
 */
export async function cancelEnrolment(db: Queryable, enrolmentId: string): Promise<string[]> {
  const [target] = await db
    .select({ sessionId: enrolments.sessionId })
    .from(enrolments)
    .where(eq(enrolments.id, enrolmentId));
  if (!target) return [];
  const session = await lockSession(db, target.sessionId);
  if (!session) return [];
  const [current] = await db
    .select({ status: enrolments.status })
    .from(enrolments)
    .where(eq(enrolments.id, enrolmentId));
  if (!current || current.status === "annule") return [];
  await db
    .update(enrolments)
    .set({ status: "annule", cancelledAt: new Date() })
    .where(eq(enrolments.id, enrolmentId));
  if (current.status !== "inscrit" || session.status === "annulee") return [];
  const promoted = await promoteWaiting(db, target.sessionId, session.capacity);
  return promoted.map((p) => p.traineeId);
}

const trainee = alias(users, "trainee");

const enrolmentColumns = {
  id: enrolments.id,
  sessionId: enrolments.sessionId,
  traineeId: enrolments.traineeId,
  associationId: enrolments.associationId,
  status: enrolments.status,
  funding: enrolments.funding,
  enrolledAt: enrolments.enrolledAt,
  cancelledAt: enrolments.cancelledAt,
  attendanceRate: enrolments.attendanceRate,
  testScore: enrolments.testScore,
  testRefused: enrolments.testRefused,
  equivalenceReason: enrolments.equivalenceReason,
  validated: enrolments.validated,
  validationBasis: enrolments.validationBasis,
  validatedOn: enrolments.validatedOn,
  traineeFirstName: trainee.firstName,
  traineeLastName: trainee.lastName,
  associationName: associations.name,
};

export type EnrolmentListRow = Awaited<ReturnType<typeof enrolmentsOfSession>>[number];

/** Every enrolment of a session, places first then the waiting list in order, with its position. */
export async function enrolmentsOfSession(db: Queryable, sessionId: string) {
  const rows = await db
    .select(enrolmentColumns)
    .from(enrolments)
    .innerJoin(trainee, eq(trainee.id, enrolments.traineeId))
    .leftJoin(associations, eq(associations.id, enrolments.associationId))
    .where(eq(enrolments.sessionId, sessionId))
    .orderBy(asc(enrolments.enrolledAt), asc(enrolments.id));
  let position = 0;
  return rows.map((r) => ({
    ...r,
    waitingPosition: r.status === "liste_attente" ? ++position : null,
  }));
}

/** Locks an enrolment row until the end of the transaction (test submissions, refusal). */
export async function lockEnrolment(db: Queryable, id: string): Promise<void> {
  if (!isUuid(id)) return;
  await db.select({ id: enrolments.id }).from(enrolments).where(eq(enrolments.id, id)).for("update");
}

export type EnrolmentDetail = NonNullable<Awaited<ReturnType<typeof findEnrolment>>>;

export async function findEnrolment(db: Queryable, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({
      enrolment: enrolmentColumns,
      session: {
        id: trainingSessions.id,
        startsOn: trainingSessions.startsOn,
        endsOn: trainingSessions.endsOn,
        place: trainingSessions.place,
        distance: trainingSessions.distance,
        status: trainingSessions.status,
      },
      training: {
        id: trainings.id,
        code: trainings.code,
        title: trainings.title,
        category: trainings.category,
        hours: trainings.hours,
      },
    })
    .from(enrolments)
    .innerJoin(trainee, eq(trainee.id, enrolments.traineeId))
    .leftJoin(associations, eq(associations.id, enrolments.associationId))
    .innerJoin(trainingSessions, eq(trainingSessions.id, enrolments.sessionId))
    .innerJoin(trainings, eq(trainings.id, trainingSessions.trainingId))
    .where(eq(enrolments.id, id));
  if (!row) return null;
  const waitingPosition =
    row.enrolment.status === "liste_attente"
      ? (await waitingList(db, row.session.id)).findIndex((w) => w.id === id) + 1
      : null;
  return { ...row, waitingPosition };
}

/** Enrolments with their session and training, for the lists of a trainee or of a team. */
function enrolmentListQuery(db: Queryable) {
  return db
    .select({
      ...enrolmentColumns,
      startsOn: trainingSessions.startsOn,
      endsOn: trainingSessions.endsOn,
      sessionStatus: trainingSessions.status,
      trainingId: trainings.id,
      trainingCode: trainings.code,
      trainingTitle: trainings.title,
      category: trainings.category,
      waitingPosition: sql<
        number | null
      >`case when ${outer(enrolments.status)} = 'liste_attente' then (select count(*)::int from ${enrolments} w where w.session_id = ${outer(enrolments.sessionId)} and w.status = 'liste_attente' and (w.enrolled_at, w.id) <= (${outer(enrolments.enrolledAt)}, ${outer(enrolments.id)})) end`,
    })
    .from(enrolments)
    .innerJoin(trainee, eq(trainee.id, enrolments.traineeId))
    .leftJoin(associations, eq(associations.id, enrolments.associationId))
    .innerJoin(trainingSessions, eq(trainingSessions.id, enrolments.sessionId))
    .innerJoin(trainings, eq(trainings.id, trainingSessions.trainingId))
    .$dynamic();
}

export type TraineeEnrolmentRow = Awaited<ReturnType<typeof enrolmentsOfTrainee>>[number];

export async function enrolmentsOfTrainee(db: Queryable, traineeId: string) {
  return enrolmentListQuery(db)
    .where(eq(enrolments.traineeId, traineeId))
    .orderBy(desc(trainingSessions.startsOn), asc(trainings.code));
}

export const ENROLMENT_PAGE_SIZE = 50;

/** Enrolments of the staff of an association (direction), or of everyone (training service). */
export async function listEnrolments(db: Queryable, options: { associationId: string | null; page: number }) {
  const where = options.associationId ? eq(enrolments.associationId, options.associationId) : undefined;
  const [total] = await db.select({ n: count() }).from(enrolments).where(where);
  const rows = await enrolmentListQuery(db)
    .where(where)
    .orderBy(desc(trainingSessions.startsOn), asc(trainee.lastName), asc(trainee.firstName))
    .limit(ENROLMENT_PAGE_SIZE)
    .offset((options.page - 1) * ENROLMENT_PAGE_SIZE);
  return { rows, total: total?.n ?? 0 };
}

// ---------------------------------------------------------------------------------------------
// Trainees
// ---------------------------------------------------------------------------------------------

export interface TraineeOption {
  id: string;
  firstName: string;
  lastName: string;
  associationId: string | null;
  associationName: string | null;
}

/** Active intervenants and chefs de service, of one association or of all (or the one with `id`). */
export async function trainees(
  db: Queryable,
  associationId: string | null,
  id?: string,
): Promise<TraineeOption[]> {
  return db
    .select({
      id: users.id,
      firstName: users.firstName,
      lastName: users.lastName,
      associationId: users.associationId,
      associationName: associations.name,
    })
    .from(users)
    .leftJoin(associations, eq(associations.id, users.associationId))
    .where(
      and(
        eq(users.active, true),
        inArray(users.role, [...TRAINEE_ROLES]),
        associationId ? eq(users.associationId, associationId) : undefined,
        id ? eq(users.id, id) : undefined,
      ),
    )
    .orderBy(asc(users.lastName), asc(users.firstName));
}

export async function findTrainee(db: Queryable, id: string): Promise<TraineeOption | null> {
  if (!isUuid(id)) return null;
  const [row] = await trainees(db, null, id);
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------
// Results and validation
// ---------------------------------------------------------------------------------------------

export interface ResultInput {
  attendanceRate: number | null;
  testScore: number | null;
  testRefused: boolean;
  equivalenceReason: string | null;
}

/** The validation columns of an enrolment for these results, by the rule of source 000. */
export function validationColumns(session: { startsOn: IsoDate; endsOn: IsoDate }, r: ResultInput) {
  const v = validateTraining({
    sessionStart: session.startsOn,
    attendanceRate: r.attendanceRate,
    testScore: r.testScore,
    testRefused: r.testRefused,
    equivalence: r.equivalenceReason ? { reason: r.equivalenceReason } : null,
  });
  return {
    validated: v.validated,
    validationBasis: v.basis,
    validatedOn: v.validated ? session.endsOn : null,
  };
}

/** Saves the results of one enrolment and recomputes its validation. */
export async function saveResult(
  db: Queryable,
  enrolmentId: string,
  session: { startsOn: IsoDate; endsOn: IsoDate },
  r: ResultInput,
): Promise<void> {
  await db
    .update(enrolments)
    .set({ ...r, ...validationColumns(session, r) })
    .where(eq(enrolments.id, enrolmentId));
}

/** Recomputes the validation of an enrolment from what is stored (after a test or a refusal). */
export async function recomputeValidation(db: Queryable, enrolmentId: string): Promise<void> {
  const [row] = await db
    .select({
      startsOn: trainingSessions.startsOn,
      endsOn: trainingSessions.endsOn,
      attendanceRate: enrolments.attendanceRate,
      testScore: enrolments.testScore,
      testRefused: enrolments.testRefused,
      equivalenceReason: enrolments.equivalenceReason,
    })
    .from(enrolments)
    .innerJoin(trainingSessions, eq(trainingSessions.id, enrolments.sessionId))
    .where(eq(enrolments.id, enrolmentId));
  if (!row) return;
  await db.update(enrolments).set(validationColumns(row, row)).where(eq(enrolments.id, enrolmentId));
}

// ---------------------------------------------------------------------------------------------
// Used by the CISJ path and by the statistics
// ---------------------------------------------------------------------------------------------

/**
 * The trainings a trainee has validated, one row per validated enrolment, shaped for `cisjProgress`
 * (which keeps each training once and only those that count for the CISJ).
 */
export async function validatedTrainingsOf(db: Queryable, userId: string): Promise<CisjTrainingItem[]> {
  if (!isUuid(userId)) return [];
  const rows = await db
    .select({
      trainingId: trainings.id,
      code: trainings.code,
      title: trainings.title,
      category: trainings.category,
      hours: trainings.hours,
      validated: enrolments.validated,
      validatedOn: enrolments.validatedOn,
      countsForCisj: trainings.countsForCisj,
    })
    .from(enrolments)
    .innerJoin(trainingSessions, eq(trainingSessions.id, enrolments.sessionId))
    .innerJoin(trainings, eq(trainings.id, trainingSessions.trainingId))
    .where(
      and(
        eq(enrolments.traineeId, userId),
        eq(enrolments.validated, true),
        ne(enrolments.status, "annule"),
        ne(trainingSessions.status, "annulee"),
      ),
    )
    .orderBy(asc(enrolments.validatedOn), asc(trainings.code));
  return rows.map((r) => ({ ...r, category: r.category as TrainingCategory }));
}

/**
 * One row per trainee at the end of a CISJ training with a knowledge-test outcome (a score or a
 * refusal), for `trainingStatistics`. The year is that of the session's last day, when the test is
 * taken; sessions before 2012 (no test) and cancelled places are left out.
 */
export async function trainingStatisticsRows(db: Queryable): Promise<TraineeTestRow[]> {
  const rows = await db
    .select({
      endsOn: trainingSessions.endsOn,
      testScore: enrolments.testScore,
      testRefused: enrolments.testRefused,
    })
    .from(enrolments)
    .innerJoin(trainingSessions, eq(trainingSessions.id, enrolments.sessionId))
    .innerJoin(trainings, eq(trainings.id, trainingSessions.trainingId))
    .where(
      and(
        eq(enrolments.status, "inscrit"),
        ne(trainingSessions.status, "annulee"),
        eq(trainings.countsForCisj, true),
        gte(trainingSessions.startsOn, `${KNOWLEDGE_TEST_FROM_YEAR}-01-01`),
        sql`(${enrolments.testRefused} or ${enrolments.testScore} is not null)`,
      ),
    );
  return rows.map((r) => ({
    year: Number(r.endsOn.slice(0, 4)),
    tookTest: !r.testRefused && r.testScore !== null,
    refusedTest: r.testRefused,
    passed: !r.testRefused && r.testScore !== null && r.testScore >= TEST_PASS_THRESHOLD,
  }));
}
