import { and, asc, count, desc, eq, inArray, max, sql } from "drizzle-orm";
import type { Queryable } from "../platform/db.ts";
import { recomputeValidation } from "../training/queries.ts";
import { enrolments } from "../training/tables.ts";
import type { AttemptContext, Question } from "./rules.ts";
import {
  knowledgeTestAttempts,
  knowledgeTestQuestions,
  knowledgeTestRetakes,
  knowledgeTests,
} from "./tables.ts";

export type QuestionRow = typeof knowledgeTestQuestions.$inferSelect;

/** The test of a training with its questions in order; null when none was written. */
export async function testOfTraining(db: Queryable, trainingId: string) {
  const [test] = await db.select().from(knowledgeTests).where(eq(knowledgeTests.trainingId, trainingId));
  if (!test) return null;
  const questions = await db
    .select()
    .from(knowledgeTestQuestions)
    .where(eq(knowledgeTestQuestions.testId, test.id))
    .orderBy(asc(knowledgeTestQuestions.position), asc(knowledgeTestQuestions.createdAt));
  return { test, questions };
}

/** Number of questions of the test of each training that has one. */
export async function questionCounts(db: Queryable): Promise<Map<string, number>> {
  const rows = await db
    .select({ trainingId: knowledgeTests.trainingId, n: count(knowledgeTestQuestions.id) })
    .from(knowledgeTests)
    .leftJoin(knowledgeTestQuestions, eq(knowledgeTestQuestions.testId, knowledgeTests.id))
    .groupBy(knowledgeTests.trainingId);
  return new Map(rows.map((r) => [r.trainingId, r.n]));
}

/** Adds a question at the end of the test of a training, creating the test on the first question. */
export async function addQuestion(
  db: Queryable,
  trainingId: string,
  question: Question,
  userId: string,
): Promise<void> {
  await db.insert(knowledgeTests).values({ trainingId, createdBy: userId }).onConflictDoNothing();
  const [test] = await db
    .select({ id: knowledgeTests.id })
    .from(knowledgeTests)
    .where(eq(knowledgeTests.trainingId, trainingId))
    .for("update");
  if (!test) throw new Error("knowledge test not created");
  const [last] = await db
    .select({ position: max(knowledgeTestQuestions.position) })
    .from(knowledgeTestQuestions)
    .where(eq(knowledgeTestQuestions.testId, test.id));
  await db.insert(knowledgeTestQuestions).values({
    testId: test.id,
    position: (last?.position ?? 0) + 1,
    prompt: question.prompt,
    choices: question.choices,
    correct: question.correct,
  });
  await db.update(knowledgeTests).set({ updatedAt: new Date() }).where(eq(knowledgeTests.id, test.id));
}

/** Removes a question of the test of a training; false when it is not one of its questions. */
export async function deleteQuestion(
  db: Queryable,
  trainingId: string,
  questionId: string,
): Promise<boolean> {
  const removed = await db
    .delete(knowledgeTestQuestions)
    .where(
      and(
        eq(knowledgeTestQuestions.id, questionId),
        inArray(
          knowledgeTestQuestions.testId,
          db
            .select({ id: knowledgeTests.id })
            .from(knowledgeTests)
            .where(eq(knowledgeTests.trainingId, trainingId)),
        ),
      ),
    )
    .returning({ id: knowledgeTestQuestions.id });
  return removed.length > 0;
}

export interface AttemptSummary {
  id: string;
  enrolmentId: string;
  score: number;
  correctCount: number;
  questionCount: number;
  submittedAt: Date;
}

const attemptColumns = {
  id: knowledgeTestAttempts.id,
  enrolmentId: knowledgeTestAttempts.enrolmentId,
  score: knowledgeTestAttempts.score,
  correctCount: knowledgeTestAttempts.correctCount,
  questionCount: knowledgeTestAttempts.questionCount,
  submittedAt: knowledgeTestAttempts.submittedAt,
};

export async function attemptsOf(db: Queryable, enrolmentId: string): Promise<AttemptSummary[]> {
  return db
    .select(attemptColumns)
    .from(knowledgeTestAttempts)
    .where(eq(knowledgeTestAttempts.enrolmentId, enrolmentId))
    .orderBy(asc(knowledgeTestAttempts.submittedAt));
}

/** The latest attempt of each enrolment of a session. */
export async function latestAttemptsOfSession(
  db: Queryable,
  sessionId: string,
): Promise<Record<string, AttemptSummary>> {
  const rows = await db
    .select(attemptColumns)
    .from(knowledgeTestAttempts)
    .innerJoin(enrolments, eq(enrolments.id, knowledgeTestAttempts.enrolmentId))
    .where(eq(enrolments.sessionId, sessionId))
    .orderBy(desc(knowledgeTestAttempts.submittedAt));
  const latest: Record<string, AttemptSummary> = {};
  for (const r of rows) latest[r.enrolmentId] ??= r;
  return latest;
}

export async function retakeAllowed(db: Queryable, enrolmentId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: knowledgeTestRetakes.enrolmentId })
    .from(knowledgeTestRetakes)
    .where(eq(knowledgeTestRetakes.enrolmentId, enrolmentId));
  return Boolean(row);
}

/** Enrolments of a session for which a retake is allowed and not yet used. */
export async function retakesOfSession(db: Queryable, sessionId: string): Promise<Set<string>> {
  const rows = await db
    .select({ id: knowledgeTestRetakes.enrolmentId })
    .from(knowledgeTestRetakes)
    .innerJoin(enrolments, eq(enrolments.id, knowledgeTestRetakes.enrolmentId))
    .where(eq(enrolments.sessionId, sessionId));
  return new Set(rows.map((r) => r.id));
}

export async function allowRetake(db: Queryable, enrolmentId: string, userId: string): Promise<void> {
  await db
    .insert(knowledgeTestRetakes)
    .values({ enrolmentId, allowedBy: userId })
    .onConflictDoUpdate({
      target: knowledgeTestRetakes.enrolmentId,
      set: { allowedBy: userId, allowedAt: sql`now()` },
    });
}

/**
 * Stores a scored attempt: the attempt, the enrolment's test score (the latest attempt counts), the
 * retake permission used up, and the enrolment's validation recomputed.
 */
export async function recordAttempt(
  db: Queryable,
  args: {
    enrolmentId: string;
    testId: string;
    answers: { questionId: string; chosen: number[] }[];
    correctCount: number;
    questionCount: number;
    score: number;
  },
): Promise<void> {
  await db.insert(knowledgeTestAttempts).values(args);
  await db.delete(knowledgeTestRetakes).where(eq(knowledgeTestRetakes.enrolmentId, args.enrolmentId));
  await db
    .update(enrolments)
    .set({ testScore: args.score, testRefused: false })
    .where(eq(enrolments.id, args.enrolmentId));
  await recomputeValidation(db, args.enrolmentId);
}

/** The trainee declares they refuse the test: no score, and the training is not validated by it. */
export async function recordRefusal(db: Queryable, enrolmentId: string): Promise<void> {
  await db
    .update(enrolments)
    .set({ testRefused: true, testScore: null })
    .where(eq(enrolments.id, enrolmentId));
  await recomputeValidation(db, enrolmentId);
}

/** Number of attempts of each enrolment among `ids`. */
export async function attemptCounts(db: Queryable, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: knowledgeTestAttempts.enrolmentId, n: count() })
    .from(knowledgeTestAttempts)
    .where(inArray(knowledgeTestAttempts.enrolmentId, [...ids]))
    .groupBy(knowledgeTestAttempts.enrolmentId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

export interface EnrolmentForTest {
  id: string;
  status: "inscrit" | "liste_attente" | "annule";
  sessionStatus: "ouverte" | "annulee" | "terminee";
  startsOn: string;
  endsOn: string;
  testRefused: boolean;
  trainingId: string;
}

/** What `attemptRefusal` needs to know about each enrolment, read in a few queries. */
export async function attemptContexts(
  db: Queryable,
  rows: readonly EnrolmentForTest[],
  today: string,
): Promise<Map<string, AttemptContext>> {
  const ids = rows.map((r) => r.id);
  const counts = await questionCounts(db);
  const attempts = await attemptCounts(db, ids);
  const retakes = new Set<string>();
  if (ids.length > 0) {
    const rowsAllowed = await db
      .select({ id: knowledgeTestRetakes.enrolmentId })
      .from(knowledgeTestRetakes)
      .where(inArray(knowledgeTestRetakes.enrolmentId, ids));
    for (const r of rowsAllowed) retakes.add(r.id);
  }
  return new Map(
    rows.map((r) => [
      r.id,
      {
        enrolled: r.status === "inscrit",
        sessionCancelled: r.sessionStatus === "annulee",
        sessionStart: r.startsOn,
        sessionEnd: r.endsOn,
        today,
        questionCount: counts.get(r.trainingId) ?? 0,
        testRefused: r.testRefused,
        attempts: attempts.get(r.id) ?? 0,
        retakeAllowed: retakes.has(r.id),
      },
    ]),
  );
}
