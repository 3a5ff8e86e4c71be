import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const ROLES = [
  "intervenant",
  "chef_service",
  "direction",
  "formation",
  "federation",
  "admin",
] as const;
export type Role = (typeof ROLES)[number];

export const associations = pgTable("associations", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  siret: text("siret").unique(),
  addressLine: text("address_line"),
  postalCode: text("postal_code"),
  city: text("city"),
  departementCode: text("departement_code"),
  courtOfAppealId: text("court_of_appeal_id"),
  /** Codes of the measure types the association carries out. */
  fieldsOfIntervention: text("fields_of_intervention").array().notNull().default(sql`'{}'::text[]`),
  email: text("email"),
  phone: text("phone"),
  memberSince: integer("member_since"),
  active: boolean("active").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const services = pgTable("services", {
  id: uuid("id").primaryKey().defaultRandom(),
  associationId: uuid("association_id")
    .notNull()
    .references(() => associations.id),
  name: text("name").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull().unique(),
    passwordHash: text("password_hash").notNull(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    role: text("role").$type<Role>().notNull(),
    associationId: uuid("association_id").references(() => associations.id),
    serviceId: uuid("service_id").references(() => services.id),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    /** When the user chose their password; null: they must choose one at their next login. */
    passwordSetAt: timestamp("password_set_at", { withTimezone: true }),
  },
  (t) => [
    check(
      "users_role_check",
      sql`${t.role} in ('intervenant', 'chef_service', 'direction', 'formation', 'federation', 'admin')`,
    ),
    check(
      "users_association_for_field_roles",
      sql`${t.role} not in ('intervenant', 'chef_service', 'direction') or ${t.associationId} is not null`,
    ),
    index("users_association_idx").on(t.associationId),
  ],
);

/** Server-side sessions: revoking a row logs the browser out. */
export const sessions = pgTable(
  "sessions",
  {
    sid: text("sid").primaryKey(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    data: jsonb("data").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_expires_idx").on(t.expiresAt), index("sessions_user_idx").on(t.userId)],
);

/** Failed and successful logins, used to throttle password guessing across all app instances. */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    /** The client's address as Fastify sees it (proxy headers only when TRUST_PROXY names the proxy). */
    ip: text("ip"),
    succeeded: boolean("succeeded").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("login_attempts_email_at_idx").on(t.email, t.at),
    index("login_attempts_ip_at_idx").on(t.ip, t.at),
  ],
);

/** Single-use links to choose a new password: only the SHA-256 of the token is stored, valid one hour. */
export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("password_reset_tokens_user_idx").on(t.userId)],
);
