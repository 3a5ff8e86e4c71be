import { date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../accounts/tables.ts";
import { measures } from "../measures/tables.ts";
import { partners } from "../partners/tables.ts";
import { associationColumn, associationPolicy } from "../platform/tenancy.ts";

export const PLAN_DOMAINS = [
  "formation",
  "emploi",
  "soins",
  "hebergement",
  "logement",
  "ressources",
  "administratif",
  "famille",
  "autre",
] as const;
export type PlanDomain = (typeof PLAN_DOMAINS)[number];
export const PLAN_STATUSES = ["a_faire", "en_cours", "atteint", "abandonne"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** An objective of the action plan, linked to a domain. */
export const planObjectives = pgTable(
  "plan_objectives",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: associationColumn(),
    measureId: uuid("measure_id")
      .notNull()
      .references(() => measures.id),
    domain: text("domain").$type<PlanDomain>().notNull(),
    title: text("title").notNull(),
    status: text("status").$type<PlanStatus>().notNull().default("a_faire"),
    statusReason: text("status_reason"),
    dueDate: date("due_date", { mode: "string" }),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("plan_objectives_measure_idx").on(t.measureId), associationPolicy("plan_objectives")],
).enableRLS();

/** An action towards an objective, with a partner, a due date and a status. */
export const planActions = pgTable(
  "plan_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: associationColumn(),
    objectiveId: uuid("objective_id")
      .notNull()
      .references(() => planObjectives.id, { onDelete: "cascade" }),
    description: text("description").notNull(),
    partnerId: uuid("partner_id").references(() => partners.id),
    dueDate: date("due_date", { mode: "string" }),
    status: text("status").$type<PlanStatus>().notNull().default("a_faire"),
    statusReason: text("status_reason"),
    doneOn: date("done_on", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("plan_actions_objective_idx").on(t.objectiveId),
    index("plan_actions_due_idx").on(t.associationId, t.status, t.dueDate),
    associationPolicy("plan_actions"),
  ],
).enableRLS();
