import { boolean, date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../accounts/tables.ts";
import { associationColumn, associationPolicy } from "../platform/tenancy.ts";

/** A person followed by an association. Justice data (RGPD art. 10): row-level security per association. */
export const persons = pgTable(
  "persons",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: associationColumn(),
    lastName: text("last_name").notNull(),
    usedName: text("used_name"),
    firstName: text("first_name").notNull(),
    birthDate: date("birth_date", { mode: "string" }),
    birthPlace: text("birth_place"),
    sex: text("sex").$type<"F" | "M">(),
    addressLine: text("address_line"),
    postalCode: text("postal_code"),
    city: text("city"),
    phone: text("phone"),
    email: text("email"),
    reminderConsent: boolean("reminder_consent").notNull().default(false),
    familySituation: text("family_situation"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("persons_association_idx").on(t.associationId, t.lastName), associationPolicy("persons")],
).enableRLS();
