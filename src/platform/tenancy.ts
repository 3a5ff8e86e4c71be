import { sql } from "drizzle-orm";
import { pgPolicy, pgRole, uuid } from "drizzle-orm/pg-core";
import { associations } from "../accounts/tables.ts";

/**
 * Row-level security. Every query on personal data runs in a transaction that sets the
 * current association and switches to this role, which is not a superuser and has no
 * BYPASSRLS, so PostgreSQL itself filters the rows (on PGlite as on a server).
 * The role is created by the first migration.
 */
export const APP_ROLE_NAME = "parcours_app";
export const appRole = pgRole(APP_ROLE_NAME).existing();

/** One policy per table: a row is visible and writable only under its own association. */
export function associationPolicy(table: string) {
  return pgPolicy(`${table}_same_association`, {
    as: "permissive",
    for: "all",
    to: appRole,
    using: sql`association_id = app_current_association()`,
    withCheck: sql`association_id = app_current_association()`,
  });
}

/** The association a row of personal data belongs to: set from the transaction's setting by default. */
export function associationColumn() {
  return uuid("association_id")
    .notNull()
    .default(sql`app_current_association()`)
    .references(() => associations.id);
}
