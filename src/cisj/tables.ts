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
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "../accounts/tables.ts";
import { bytea } from "../files/tables.ts";
import type { TrainingCategory } from "../training/reference.ts";
import { trainings } from "../training/tables.ts";

/*
 * The CISJ dossier of an intervenant: équivalences, mémoire, soutenance, jury, decision and
 * certificate. Like the training tables, this is data of the federation's training service about
 * professionals, not justice data about the people followed: it has no association row-level
 * security; the routes decide who sees what (the trainee, their direction, the training service).
 */

export const DOSSIER_STATUSES = [
  "ouvert",
  "memoire_depose",
  "soutenance_planifiee",
  "certifie",
  "ajourne",
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

export const DECISIONS = ["admis", "ajourne"] as const;
export type Decision = (typeof DECISIONS)[number];

/** One dossier per intervenant: after an « ajourné » the same dossier goes on (new mémoire, new soutenance). */
export const cisjDossiers = pgTable(
  "cisj_dossiers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    traineeId: uuid("trainee_id")
      .notNull()
      .references(() => users.id),
    status: text("status").$type<DossierStatus>().notNull().default("ouvert"),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    openedBy: uuid("opened_by").references(() => users.id),
    memoireContent: bytea("memoire_content"),
    memoireFilename: text("memoire_filename"),
    memoirePages: integer("memoire_pages"),
    memoireUploadedAt: timestamp("memoire_uploaded_at", { withTimezone: true }),
    memoireUploadedBy: uuid("memoire_uploaded_by").references(() => users.id),
    /** Codes of MEMOIRE_PARTS ticked by the training service. */
    checkedParts: text("checked_parts").array().notNull().default(sql`'{}'::text[]`),
    soutenanceDate: date("soutenance_date", { mode: "string" }),
    decision: text("decision").$type<Decision>(),
    decisionComment: text("decision_comment"),
    decidedOn: date("decided_on", { mode: "string" }),
    decidedBy: uuid("decided_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("cisj_dossiers_trainee_unique").on(t.traineeId),
    index("cisj_dossiers_status_idx").on(t.status),
    check(
      "cisj_dossiers_status_check",
      sql`${t.status} in ('ouvert', 'memoire_depose', 'soutenance_planifiee', 'certifie', 'ajourne')`,
    ),
    check(
      "cisj_dossiers_decision_check",
      sql`${t.decision} is null or ${t.decision} in ('admis', 'ajourne')`,
    ),
  ],
);

/** A member of the jury of professionals before whom the mémoire is defended. */
export const cisjJuryMembers = pgTable(
  "cisj_jury_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dossierId: uuid("dossier_id")
      .notNull()
      .references(() => cisjDossiers.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    role: text("role").notNull(),
  },
  (t) => [index("cisj_jury_members_dossier_idx").on(t.dossierId, t.position)],
);

/**
 * An équivalence granted by the training service: it counts as a validated training of the path,
 * either a given training of the catalogue or, when none matches, one training of a category.
 */
export const cisjEquivalences = pgTable(
  "cisj_equivalences",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    traineeId: uuid("trainee_id")
      .notNull()
      .references(() => users.id),
    trainingId: uuid("training_id").references(() => trainings.id),
    category: text("category").$type<TrainingCategory>(),
    reason: text("reason").notNull(),
    grantedOn: date("granted_on", { mode: "string" }).notNull(),
    grantedBy: uuid("granted_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("cisj_equivalences_trainee_idx").on(t.traineeId),
    check("cisj_equivalences_target_check", sql`(${t.trainingId} is null) <> (${t.category} is null)`),
    check(
      "cisj_equivalences_category_check",
      sql`${t.category} is null or ${t.category} in ('TC', 'MSJ', 'TR')`,
    ),
    check("cisj_equivalences_reason_check", sql`length(trim(${t.reason})) > 0`),
  ],
);

/**
 * A certificate issued after an « admis » decision. The holder's name is copied at issue so that the
 * public verification page reads this table alone. The PDF is made at issue (or on the first download
 * when it is missing).
 */
export const cisjCertificates = pgTable(
  "cisj_certificates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dossierId: uuid("dossier_id")
      .notNull()
      .references(() => cisjDossiers.id),
    traineeId: uuid("trainee_id")
      .notNull()
      .references(() => users.id),
    number: text("number").notNull(),
    year: integer("year").notNull(),
    sequence: integer("sequence").notNull(),
    holderName: text("holder_name").notNull(),
    issuedOn: date("issued_on", { mode: "string" }).notNull(),
    pdf: bytea("pdf"),
    revoked: boolean("revoked").notNull().default(false),
    revokedOn: date("revoked_on", { mode: "string" }),
    revocationReason: text("revocation_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("cisj_certificates_number_unique").on(t.number),
    uniqueIndex("cisj_certificates_year_sequence_unique").on(t.year, t.sequence),
    uniqueIndex("cisj_certificates_dossier_unique").on(t.dossierId),
  ],
);
