import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../accounts/tables.ts";
import { enrolments, trainings } from "../training/tables.ts";

/*
 * Knowledge tests of the training service (test d'évaluation des connaissances). Training data, not
 * justice data: no association row-level security; the routes check who may read and write.
 */

/** The test of one training, written by the training service. */
export const knowledgeTests = pgTable("knowledge_tests", {
  id: uuid("id").primaryKey().defaultRandom(),
  trainingId: uuid("training_id")
    .notNull()
    .unique()
    .references(() => trainings.id),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A multiple-choice question: 2 to 6 choices, one or more of them right (indexes into `choices`). */
export const knowledgeTestQuestions = pgTable(
  "knowledge_test_questions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    testId: uuid("test_id")
      .notNull()
      .references(() => knowledgeTests.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    prompt: text("prompt").notNull(),
    choices: jsonb("choices").$type<string[]>().notNull(),
    correct: jsonb("correct").$type<number[]>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("knowledge_test_questions_test_idx").on(t.testId, t.position)],
);

/** One submission of the test by a trainee, scored on submit. */
export const knowledgeTestAttempts = pgTable(
  "knowledge_test_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    enrolmentId: uuid("enrolment_id")
      .notNull()
      .references(() => enrolments.id),
    testId: uuid("test_id")
      .notNull()
      .references(() => knowledgeTests.id),
    /** The question ids in the order shown, and the indexes chosen for each. */
    answers: jsonb("answers").$type<{ questionId: string; chosen: number[] }[]>().notNull(),
    correctCount: integer("correct_count").notNull(),
    questionCount: integer("question_count").notNull(),
    /** Percent, truncated to two decimals so that the 50 % threshold reads the same everywhere. */
    score: numeric("score", { precision: 5, scale: 2, mode: "number" }).notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("knowledge_test_attempts_enrolment_idx").on(t.enrolmentId, t.submittedAt),
    check("knowledge_test_attempts_score_check", sql`${t.score} between 0 and 100`),
  ],
);

/** The training service allows one more attempt for this enrolment; consumed by the next attempt. */
export const knowledgeTestRetakes = pgTable("knowledge_test_retakes", {
  enrolmentId: uuid("enrolment_id")
    .primaryKey()
    .references(() => enrolments.id),
  allowedBy: uuid("allowed_by").references(() => users.id),
  allowedAt: timestamp("allowed_at", { withTimezone: true }).notNull().defaultNow(),
});
