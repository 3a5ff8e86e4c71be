import { date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../accounts/tables.ts";
import { measures } from "../measures/tables.ts";
import { partners } from "../partners/tables.ts";
import { persons } from "../persons/tables.ts";
import { associationColumn, associationPolicy } from "../platform/tenancy.ts";

export const APPOINTMENT_PLACES = ["service", "domicile", "detention", "visio", "autre"] as const;
export type AppointmentPlace = (typeof APPOINTMENT_PLACES)[number];
export const APPOINTMENT_KINDS = [
  "entretien",
  "visite_domicile",
  "visite_detention",
  "entretien_partenaire",
  "audience",
  "autre",
] as const;
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];
export const ATTENDANCES = ["present", "excuse", "absent"] as const;
export type Attendance = (typeof ATTENDANCES)[number];

/** An entretien or a visit: when, where, with whom; then whether the person came. */
export const appointments = pgTable(
  "appointments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: associationColumn(),
    measureId: uuid("measure_id")
      .notNull()
      .references(() => measures.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    durationMinutes: integer("duration_minutes").notNull().default(60),
    place: text("place").$type<AppointmentPlace>().notNull(),
    placeDetail: text("place_detail"),
    kind: text("kind").$type<AppointmentKind>().notNull(),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => users.id),
    partnerId: uuid("partner_id").references(() => partners.id),
    attendance: text("attendance").$type<Attendance>(),
    note: text("note"),
    reminderSentAt: timestamp("reminder_sent_at", { withTimezone: true }),
    /** Set when the appointment is cancelled (today: when its measure is closed), with why. */
    cancelledOn: date("cancelled_on", { mode: "string" }),
    cancellationReason: text("cancellation_reason"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("appointments_measure_idx").on(t.measureId),
    index("appointments_staff_start_idx").on(t.staffId, t.startsAt),
    associationPolicy("appointments"),
  ],
).enableRLS();
