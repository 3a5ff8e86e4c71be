import { boolean, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";

/** Reference data: loaded from src/reference/data at start when missing, then editable by an administrator. */
export const departements = pgTable("departements", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  regionCode: text("region_code").notNull(),
  regionName: text("region_name").notNull(),
  zone: text("zone").notNull(),
  alsaceMoselle: boolean("alsace_moselle").notNull().default(false),
});

export const courtsOfAppeal = pgTable("courts_of_appeal", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  seat: text("seat").notNull(),
  departements: text("departements").array().notNull(),
  alsaceMoselle: boolean("alsace_moselle").notNull().default(false),
});

export const judicialCourts = pgTable("judicial_courts", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  seat: text("seat").notNull(),
  kind: text("kind").$type<"tj" | "tpi">().notNull(),
  departementSeat: text("departement_seat").notNull(),
  departements: text("departements").array().notNull(),
  courtOfAppealId: text("court_of_appeal_id").references(() => courtsOfAppeal.id),
  alsaceMoselle: boolean("alsace_moselle").notNull().default(false),
  overseas: boolean("overseas").notNull().default(false),
  proximityChambers: text("proximity_chambers").array().notNull(),
});

export interface DeadlineRule {
  amount: number;
  unit: "calendar_days" | "working_days" | "months";
}

export const measureTypes = pgTable("measure_types", {
  code: text("code").primaryKey(),
  label: text("label").notNull(),
  shortLabel: text("short_label").notNull(),
  phase: text("phase").notNull(),
  publics: text("publics").array().notNull(),
  orderedBy: text("ordered_by").array().notNull(),
  legalBasis: text("legal_basis").notNull(),
  defaultReportDeadline: jsonb("default_report_deadline").$type<DeadlineRule>().notNull(),
  reportKinds: text("report_kinds").array().notNull(),
  outcomes: jsonb("outcomes").$type<{ code: string; label: string }[]>().notNull(),
  sortOrder: integer("sort_order").notNull().default(0),
  active: boolean("active").notNull().default(true),
});
