import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "../accounts/tables.ts";
import { bytea } from "../files/tables.ts";
import type { CommissionRole, ExerciseMode, ExperienceField, Mention } from "./reference.ts";
import type { CandidacyStatus } from "./rules.ts";

/*
 * Candidacies to the Certificats nationaux de compétence (MJPM, MAJ, MJAGBF). This is training data of
 * the federation, not justice data: no association row-level security. Only the `formation` role reads
 * and writes it, and each candidate through the private link of their candidacies.
 */

export const OLD_CERTIFICATES = ["TMP", "TPS"] as const;
export type OldCertificate = (typeof OLD_CERTIFICATES)[number];

/** A person applying for one or more CNC; may be someone outside the network, without an account. */
export const cncCandidates = pgTable(
  "cnc_candidates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    lastName: text("last_name").notNull(),
    firstName: text("first_name").notNull(),
    birthDate: date("birth_date", { mode: "string" }).notNull(),
    email: text("email"),
    phone: text("phone"),
    addressLine: text("address_line"),
    postalCode: text("postal_code"),
    city: text("city"),
    /** The candidate's Parcours account, when they have one. */
    userId: uuid("user_id").references(() => users.id),
    /** Former CNC « TMP » or « TPS » held: reduced fee (and TMP dispenses for the MJPM). */
    oldCertificate: text("old_certificate").$type<OldCertificate>(),
    /** Mentions of the current CNC already held (cross-dispenses). */
    heldMentions: text("held_mentions").array().$type<Mention[]>().notNull().default(sql`'{}'::text[]`),
    /** Social-work diploma of level 5 of the RNCP (« DPF »: required for the MJAGBF). */
    hasSocialWorkDiploma: boolean("has_social_work_diploma").notNull().default(false),
    socialWorkDiplomaTitle: text("social_work_diploma_title"),
    /** Diploma or title of level 5 (former level III) in any field (MJPM, MAJ). */
    hasLevel5Diploma: boolean("has_level5_diploma").notNull().default(false),
    /** Months in a job normally requiring a level 5 diploma (dispense of the diploma, MJPM and MAJ). */
    level5JobMonths: integer("level5_job_months").notNull().default(0),
    otherDiplomas: text("other_diplomas"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("cnc_candidates_name_idx").on(t.lastName, t.firstName),
    check("cnc_candidates_old_certificate_check", sql`${t.oldCertificate} in ('TMP', 'TPS')`),
    check("cnc_candidates_level5_job_months_check", sql`${t.level5JobMonths} between 0 and 1200`),
  ],
);

/** A period of professional experience of a candidate (from a work certificate), both days included. */
export const cncExperiences = pgTable(
  "cnc_experiences",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    candidateId: uuid("candidate_id")
      .notNull()
      .references(() => cncCandidates.id, { onDelete: "cascade" }),
    fromDate: date("from_date", { mode: "string" }).notNull(),
    /** null: still in this job. */
    toDate: date("to_date", { mode: "string" }),
    employer: text("employer").notNull(),
    /** Tutelary activity (exercise of protection measures): internship dispense, pieces to provide. */
    tutelary: boolean("tutelary").notNull().default(false),
    /** Field of the job (EXPERIENCE_FIELDS): only a field needed for the office counts; null: not stated. */
    field: text("field").$type<ExperienceField>(),
  },
  (t) => [
    index("cnc_experiences_candidate_idx").on(t.candidateId),
    check("cnc_experiences_dates_check", sql`${t.toDate} is null or ${t.toDate} >= ${t.fromDate}`),
    check(
      "cnc_experiences_field_check",
      sql`${t.field} in ('tutelaire', 'juridique', 'gestion', 'social', 'autre')`,
    ),
  ],
);

/** One dossier per CNC mention applied for. */
export const cncCandidacies = pgTable(
  "cnc_candidacies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    candidateId: uuid("candidate_id")
      .notNull()
      .references(() => cncCandidates.id, { onDelete: "cascade" }),
    mention: text("mention").$type<Mention>().notNull(),
    mode: text("mode").$type<ExerciseMode>().notNull(),
    status: text("status").$type<CandidacyStatus>().notNull().default("brouillon"),
    /** Fee due, in cents (18 700 or 9 350), fixed when the candidacy is created. */
    feeCents: integer("fee_cents").notNull(),
    feePaidOn: date("fee_paid_on", { mode: "string" }),
    requestedDispenses: text("requested_dispenses").array().notNull().default(sql`'{}'::text[]`),
    requestedAllegements: text("requested_allegements").array().notNull().default(sql`'{}'::text[]`),
    /**
     * Random, unguessable (192 bits, base64url): the candidate's private tracking link. Null once the
     * training service has revoked it (until it issues a new one).
     */
    trackingToken: text("tracking_token").unique(),
    commissionId: uuid("commission_id").references(() => cncCommissions.id),
    presentedAt: timestamp("presented_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("cnc_candidacies_candidate_mention_unique").on(t.candidateId, t.mention),
    index("cnc_candidacies_status_idx").on(t.status, t.mention),
    index("cnc_candidacies_commission_idx").on(t.commissionId),
    check("cnc_candidacies_mention_check", sql`${t.mention} in ('MJPM', 'MAJ', 'MJAGBF')`),
    check(
      "cnc_candidacies_mode_check",
      sql`${t.mode} in ('mandataire_prive', 'prepose_etablissement', 'salarie_service') and not (${t.mention} = 'MJAGBF' and ${t.mode} = 'prepose_etablissement')`,
    ),
    check(
      "cnc_candidacies_status_check",
      sql`${t.status} in ('brouillon', 'incomplet', 'complet', 'en_commission', 'admis', 'positionne', 'refuse', 'conteste', 'entretien_planifie')`,
    ),
    check("cnc_candidacies_token_check", sql`length(${t.trackingToken}) >= 22`),
  ],
);

/** A piece of a dossier (codes of CANDIDACY_PIECES), provided on paper or uploaded. */
export const cncPieces = pgTable(
  "cnc_pieces",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    candidacyId: uuid("candidacy_id")
      .notNull()
      .references(() => cncCandidacies.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    provided: boolean("provided").notNull().default(true),
    filename: text("filename"),
    mimeType: text("mime_type"),
    size: integer("size"),
    content: bytea("content"),
    /** « service » or « candidat »: who provided it. */
    providedBy: text("provided_by").$type<"service" | "candidat">().notNull().default("service"),
    providedAt: timestamp("provided_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("cnc_pieces_candidacy_code_unique").on(t.candidacyId, t.code)],
);

/** An admission and positioning commission. */
export const cncCommissions = pgTable("cnc_commissions", {
  id: uuid("id").primaryKey().defaultRandom(),
  meetsOn: date("meets_on", { mode: "string" }).notNull(),
  place: text("place"),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const cncCommissionMembers = pgTable(
  "cnc_commission_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    commissionId: uuid("commission_id")
      .notNull()
      .references(() => cncCommissions.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    role: text("role").$type<CommissionRole>().notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    index("cnc_commission_members_commission_idx").on(t.commissionId),
    check(
      "cnc_commission_members_role_check",
      sql`${t.role} in ('training_body', 'head_of_judicial_trainings', 'professional')`,
    ),
  ],
);

export const DECISION_OUTCOMES = ["admis", "positionne", "refuse"] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** A commission's decision on a candidacy; after an interview it may decide again (the latest counts). */
export const cncDecisions = pgTable(
  "cnc_decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    candidacyId: uuid("candidacy_id")
      .notNull()
      .references(() => cncCandidacies.id, { onDelete: "cascade" }),
    commissionId: uuid("commission_id")
      .notNull()
      .references(() => cncCommissions.id),
    outcome: text("outcome").$type<DecisionOutcome>().notNull(),
    dispensedModules: text("dispensed_modules").array().notNull().default(sql`'{}'::text[]`),
    allegedModules: text("alleged_modules").array().notNull().default(sql`'{}'::text[]`),
    /** Entry into training: tutelary activity is counted up to the day before. */
    entryDate: date("entry_date", { mode: "string" }),
    internshipDispensed: boolean("internship_dispensed").notNull().default(false),
    theoryHoursDue: integer("theory_hours_due"),
    comment: text("comment"),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("cnc_decisions_candidacy_idx").on(t.candidacyId, t.decidedAt),
    check("cnc_decisions_outcome_check", sql`${t.outcome} in ('admis', 'positionne', 'refuse')`),
  ],
);

/** A contest of a decision; the service then schedules an interview with a commission representative. */
export const cncContests = pgTable(
  "cnc_contests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    candidacyId: uuid("candidacy_id")
      .notNull()
      .references(() => cncCandidacies.id, { onDelete: "cascade" }),
    decisionId: uuid("decision_id").references(() => cncDecisions.id),
    contestedOn: date("contested_on", { mode: "string" }).notNull(),
    reason: text("reason").notNull(),
    /** « candidat » (private link) or « service » (a letter recorded by the training service). */
    source: text("source").$type<"service" | "candidat">().notNull(),
    interviewOn: date("interview_on", { mode: "string" }),
    interviewMemberId: uuid("interview_member_id").references(() => cncCommissionMembers.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("cnc_contests_candidacy_idx").on(t.candidacyId, t.createdAt)],
);
