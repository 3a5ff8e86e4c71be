import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../accounts/tables.ts";
import { associationColumn, associationPolicy } from "../platform/tenancy.ts";

/** Who saw or changed which person's file, when. Written in the same transaction as the access. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: associationColumn(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    action: text("action").$type<"view" | "create" | "update" | "delete" | "export">().notNull(),
    entity: text("entity").notNull(),
    entityId: uuid("entity_id"),
    personId: uuid("person_id"),
    detail: jsonb("detail").$type<Record<string, unknown>>(),
  },
  (t) => [
    index("audit_log_association_at_idx").on(t.associationId, t.at),
    index("audit_log_person_idx").on(t.personId),
    associationPolicy("audit_log"),
  ],
).enableRLS();
