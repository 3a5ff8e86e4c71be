import { date, index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "../accounts/tables.ts";
import { measures } from "../measures/tables.ts";
import { associationColumn, associationPolicy } from "../platform/tenancy.ts";

export const ASSESSMENT_DOMAINS = [
  "logement",
  "emploi_formation",
  "ressources_dettes",
  "sante_physique",
  "sante_psychique",
  "addictions",
  "famille_enfants",
  "administratif",
  "justice",
] as const;
export type AssessmentDomain = (typeof ASSESSMENT_DOMAINS)[number];

export const ASSESSMENT_LEVELS = ["aucune", "difficulte", "majeure", "non_evaluee"] as const;
export type AssessmentLevel = (typeof ASSESSMENT_LEVELS)[number];

/** A dated assessment of the person's situation, for one measure. */
export const assessments = pgTable(
  "assessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: associationColumn(),
    measureId: uuid("measure_id")
      .notNull()
      .references(() => measures.id),
    assessedOn: date("assessed_on", { mode: "string" }).notNull(),
    authorId: uuid("author_id").references(() => users.id),
    summary: text("summary"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("assessments_measure_idx").on(t.measureId, t.assessedOn), associationPolicy("assessments")],
).enableRLS();

/** One section of an assessment per domain: level, needs, notes. */
export const assessmentDomains = pgTable(
  "assessment_domains",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: associationColumn(),
    assessmentId: uuid("assessment_id")
      .notNull()
      .references(() => assessments.id, { onDelete: "cascade" }),
    domain: text("domain").$type<AssessmentDomain>().notNull(),
    level: text("level").$type<AssessmentLevel>().notNull().default("non_evaluee"),
    needs: text("needs"),
    notes: text("notes"),
  },
  (t) => [
    unique("assessment_domains_unique").on(t.assessmentId, t.domain),
    associationPolicy("assessment_domains"),
  ],
).enableRLS();
