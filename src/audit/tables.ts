import { sql } from "drizzle-orm";
import { index, jsonb, pgPolicy, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { associations, users } from "../accounts/tables.ts";
import { appRole, associationPolicy } from "../platform/tenancy.ts";

/**
 * What a row records: an access to a person's file (view … export), a refused access to a person
 * or a measure (`acces_refuse`, with the route pattern, never the foreign id), a search (`recherche`,
 * with the number of results, never the term), a record created although likely duplicates were shown
 * (`doublon_confirme`, with the ids of those shown).
 */
export type AuditAction =
  | "view"
  | "create"
  | "update"
  | "delete"
  | "export"
  | "acces_refuse"
  | "recherche"
  | "login_refused"
  | "doublon_confirme";

/** Who saw or changed which person's file, when. Written in the same transaction as the access. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The user's association; null for the federation's roles (their refused accesses). */
    associationId: uuid("association_id")
      .default(sql`app_current_association()`)
      .references(() => associations.id),
    /** Null for a refused login of an unknown e-mail (`login_refused`: the detail holds the e-mail's hash). */
    userId: uuid("user_id").references(() => users.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    action: text("action").$type<AuditAction>().notNull(),
    entity: text("entity").notNull(),
    entityId: uuid("entity_id"),
    personId: uuid("person_id"),
    detail: jsonb("detail").$type<Record<string, unknown>>(),
  },
  (t) => [
    index("audit_log_association_at_idx").on(t.associationId, t.at),
    index("audit_log_person_idx").on(t.personId),
    associationPolicy("audit_log"),
    // A user without association (federation, formation, admin) records its own refused accesses.
    pgPolicy("audit_log_insert_without_association", {
      as: "permissive",
      for: "insert",
      to: appRole,
      withCheck: sql`association_id is null and app_current_association() is null`,
    }),
    // The administrator reads the access log of every association (it holds ids, no names).
    pgPolicy("audit_log_admin_reads_all", {
      as: "permissive",
      for: "select",
      to: appRole,
      using: sql`exists (select 1 from users u where u.id = nullif(current_setting('app.user_id', true), '')::uuid and u.role = 'admin' and u.active)`,
    }),
  ],
).enableRLS();
