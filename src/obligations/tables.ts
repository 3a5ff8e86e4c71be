import { boolean, date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../accounts/tables.ts";
import { storedFiles } from "../files/tables.ts";
import { measures } from "../measures/tables.ts";
import { associationColumn, associationPolicy } from "../platform/tenancy.ts";

/** Statutory lists (art. 138 CPP; art. 132-44 and 132-45 CP), loaded from src/reference/data and editable. */
export const statutoryObligations = pgTable("statutory_obligations", {
  code: text("code").primaryKey(),
  article: text("article").notNull(),
  legalCode: text("legal_code").notNull(),
  number: text("number").notNull(),
  order: integer("order").notNull(),
  label: text("label").notNull(),
  text: text("text").notNull(),
  kind: text("kind").$type<"obligation" | "interdiction" | "controle">().notNull(),
  active: boolean("active").notNull().default(true),
});

export const PROOF_KINDS = [
  "attestation",
  "certificat_medical",
  "bulletin_salaire",
  "quittance",
  "recu_versement",
  "convocation",
  "autre",
] as const;
export type ProofKind = (typeof PROOF_KINDS)[number];
export const COMPLIANCE_STATUSES = ["respectee", "partielle", "non_respectee", "non_justifiee"] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];

/** An obligation or prohibition of a measure: from the statutory lists or written freely. */
export const obligations = pgTable(
  "obligations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: associationColumn(),
    measureId: uuid("measure_id")
      .notNull()
      .references(() => measures.id),
    statutoryCode: text("statutory_code").references(() => statutoryObligations.code),
    label: text("label").notNull(),
    kind: text("kind").$type<"obligation" | "interdiction" | "controle">().notNull(),
    details: text("details"),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }),
    /** Whether proofs are expected, and how often (in days) after the first due date. */
    proofRequired: boolean("proof_required").notNull().default(true),
    firstProofDue: date("first_proof_due", { mode: "string" }),
    proofIntervalDays: integer("proof_interval_days"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("obligations_measure_idx").on(t.measureId), associationPolicy("obligations")],
).enableRLS();

/** A proof received for an obligation, with the file when one was uploaded. */
export const obligationProofs = pgTable(
  "obligation_proofs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: associationColumn(),
    obligationId: uuid("obligation_id")
      .notNull()
      .references(() => obligations.id, { onDelete: "cascade" }),
    receivedOn: date("received_on", { mode: "string" }).notNull(),
    kind: text("kind").$type<ProofKind>().notNull(),
    description: text("description"),
    fileId: uuid("file_id").references(() => storedFiles.id),
    recordedBy: uuid("recorded_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("obligation_proofs_obligation_idx").on(t.obligationId, t.receivedOn),
    associationPolicy("obligation_proofs"),
  ],
).enableRLS();

/** The intervenant's finding on an obligation for one period. */
export const obligationCompliance = pgTable(
  "obligation_compliance",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: associationColumn(),
    obligationId: uuid("obligation_id")
      .notNull()
      .references(() => obligations.id, { onDelete: "cascade" }),
    periodStart: date("period_start", { mode: "string" }).notNull(),
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    status: text("status").$type<ComplianceStatus>().notNull(),
    note: text("note"),
    assessedBy: uuid("assessed_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("obligation_compliance_obligation_idx").on(t.obligationId, t.periodStart),
    associationPolicy("obligation_compliance"),
  ],
).enableRLS();
