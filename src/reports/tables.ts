import { sql } from "drizzle-orm";
import { date, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "../accounts/tables.ts";
import { bytea } from "../files/tables.ts";
import { measures } from "../measures/tables.ts";
import { associationColumn, associationPolicy } from "../platform/tenancy.ts";
import type { ReportKind } from "../reference/data/measure-types.ts";

export const REPORT_STATUSES = ["brouillon", "emis"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** One section of a written report: its title is fixed by the template, its text is the intervenant's. */
export interface ReportSection {
  key: string;
  title: string;
  body: string;
}

/**
 * A written report to the magistrate (« écrit professionnel ») for a measure. A draft (« brouillon »)
 * is edited section by section; issuing it (« émis ») gives it its version number within its kind,
 * its date and its author, and freezes it: a new version starts from a copy.
 */
export const reports = pgTable(
  "reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: associationColumn(),
    measureId: uuid("measure_id")
      .notNull()
      .references(() => measures.id),
    kind: text("kind").$type<ReportKind>().notNull(),
    status: text("status").$type<ReportStatus>().notNull().default("brouillon"),
    /** Set when issued: 1 for the first issued report of its kind for the measure, then 2, 3… */
    version: integer("version"),
    sections: jsonb("sections").$type<ReportSection[]>().notNull(),
    /** The incidents an incident report is about: marked as reported when it is issued. */
    incidentIds: uuid("incident_ids").array().notNull().default(sql`'{}'::uuid[]`),
    /** The issued report this draft was started from (a new version). */
    basedOnId: uuid("based_on_id"),
    /** Who wrote the draft, then who issued the report. */
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    issuedOn: date("issued_on", { mode: "string" }),
    issuedAt: timestamp("issued_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("reports_version_unique").on(t.measureId, t.kind, t.version),
    index("reports_measure_idx").on(t.measureId, t.createdAt),
    associationPolicy("reports"),
  ],
).enableRLS();

export const REPORT_FORMATS = ["docx", "pdf"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The files of an issued report, made once at issue and kept as sent to the magistrate. */
export const reportFiles = pgTable(
  "report_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: associationColumn(),
    reportId: uuid("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    format: text("format").$type<ReportFormat>().notNull(),
    filename: text("filename").notNull(),
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("report_files_format_unique").on(t.reportId, t.format), associationPolicy("report_files")],
).enableRLS();
