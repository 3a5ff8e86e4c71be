import { date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../accounts/tables.ts";
import { appointments } from "../appointments/tables.ts";
import { measures } from "../measures/tables.ts";
import { obligations } from "../obligations/tables.ts";
import { associationColumn, associationPolicy } from "../platform/tenancy.ts";

export const INCIDENT_KINDS = [
  "absence",
  "obligation_non_respectee",
  "nouvelle_infraction",
  "comportement",
  "autre",
] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

/** An incident during a measure; it calls for an incident report to the magistrate. */
export const incidents = pgTable(
  "incidents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: associationColumn(),
    measureId: uuid("measure_id")
      .notNull()
      .references(() => measures.id),
    occurredOn: date("occurred_on", { mode: "string" }).notNull(),
    kind: text("kind").$type<IncidentKind>().notNull(),
    description: text("description").notNull(),
    obligationId: uuid("obligation_id").references(() => obligations.id),
    appointmentId: uuid("appointment_id").references(() => appointments.id),
    /** Set when the incident report is issued to the magistrate. */
    reportedOn: date("reported_on", { mode: "string" }),
    reportId: uuid("report_id"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("incidents_measure_idx").on(t.measureId), associationPolicy("incidents")],
).enableRLS();
