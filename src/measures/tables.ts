import { date, index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "../accounts/tables.ts";
import { persons } from "../persons/tables.ts";
import { associationColumn, associationPolicy } from "../platform/tenancy.ts";
import { judicialCourts, measureTypes } from "../reference/tables.ts";
import type { MeasureStatus } from "./rules.ts";

export const measures = pgTable(
  "measures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: associationColumn(),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    /** Number shown to users, unique within the association: 2026-0042. */
    number: text("number").notNull(),
    typeCode: text("type_code")
      .notNull()
      .references(() => measureTypes.code),
    magistrateFunction: text("magistrate_function").notNull(),
    magistrateName: text("magistrate_name"),
    courtId: text("court_id")
      .notNull()
      .references(() => judicialCourts.id),
    proceedingsNumber: text("proceedings_number"),
    decisionDate: date("decision_date", { mode: "string" }).notNull(),
    receivedDate: date("received_date", { mode: "string" }).notNull(),
    referentId: uuid("referent_id")
      .notNull()
      .references(() => users.id),
    reportDueDate: date("report_due_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }),
    status: text("status").$type<MeasureStatus>().notNull().default("recue"),
    statusDate: date("status_date", { mode: "string" }).notNull(),
    reportSubmittedOn: date("report_submitted_on", { mode: "string" }),
    closedOn: date("closed_on", { mode: "string" }),
    outcomeCode: text("outcome_code"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("measures_number_unique").on(t.associationId, t.number),
    index("measures_person_idx").on(t.personId),
    index("measures_caseload_idx").on(t.associationId, t.status, t.referentId),
    associationPolicy("measures"),
  ],
).enableRLS();

export const measureStatusChanges = pgTable(
  "measure_status_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: associationColumn(),
    measureId: uuid("measure_id")
      .notNull()
      .references(() => measures.id),
    fromStatus: text("from_status").$type<MeasureStatus>(),
    toStatus: text("to_status").$type<MeasureStatus>().notNull(),
    changedOn: date("changed_on", { mode: "string" }).notNull(),
    changedBy: uuid("changed_by").references(() => users.id),
    note: text("note"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("measure_status_changes_measure_idx").on(t.measureId),
    associationPolicy("measure_status_changes"),
  ],
).enableRLS();
