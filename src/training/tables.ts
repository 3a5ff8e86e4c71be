import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { associations, users } from "../accounts/tables.ts";
import type { TrainingCategory } from "./reference.ts";

/** The federation's training catalogue. Training data is not justice data: no association row-level security. */
export const trainings = pgTable(
  "trainings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull().unique(),
    title: text("title").notNull(),
    category: text("category").$type<TrainingCategory>().notNull(),
    durationDays: integer("duration_days").notNull(),
    hours: integer("hours").notNull(),
    objectives: text("objectives"),
    countsForCisj: boolean("counts_for_cisj").notNull().default(true),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("trainings_category_check", sql`${t.category} in ('TC', 'MSJ', 'TR')`),
    check("trainings_duration_check", sql`${t.durationDays} between 2 and 6`),
  ],
);

export const SESSION_STATUSES = ["ouverte", "annulee", "terminee"] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const trainingSessions = pgTable(
  "training_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    trainingId: uuid("training_id")
      .notNull()
      .references(() => trainings.id),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    place: text("place"),
    distance: boolean("distance").notNull().default(false),
    trainers: text("trainers"),
    capacity: integer("capacity").notNull(),
    status: text("status").$type<SessionStatus>().notNull().default("ouverte"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("training_sessions_training_idx").on(t.trainingId, t.startsOn)],
);

export const ENROLMENT_STATUSES = ["inscrit", "liste_attente", "annule"] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

/** An intervenant's place in a session, with the session's outcome for them. */
export const enrolments = pgTable(
  "enrolments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => trainingSessions.id),
    traineeId: uuid("trainee_id")
      .notNull()
      .references(() => users.id),
    /** The trainee's association when enrolled: their direction follows their path. */
    associationId: uuid("association_id").references(() => associations.id),
    status: text("status").$type<EnrolmentStatus>().notNull(),
    funding: text("funding"),
    enrolledBy: uuid("enrolled_by").references(() => users.id),
    enrolledAt: timestamp("enrolled_at", { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    attendanceRate: numeric("attendance_rate", { precision: 5, scale: 2, mode: "number" }),
    testScore: numeric("test_score", { precision: 5, scale: 2, mode: "number" }),
    testRefused: boolean("test_refused").notNull().default(false),
    equivalenceReason: text("equivalence_reason"),
    /** Result of the validation rule, stored for listings and statistics; recomputed on every change. */
    validated: boolean("validated").notNull().default(false),
    validationBasis: text("validation_basis").$type<"test" | "attendance" | "equivalence">(),
    validatedOn: date("validated_on", { mode: "string" }),
  },
  (t) => [
    unique("enrolments_session_trainee_unique").on(t.sessionId, t.traineeId),
    index("enrolments_trainee_idx").on(t.traineeId),
  ],
);
