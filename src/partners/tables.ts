import { boolean, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { associationColumn, associationPolicy } from "../platform/tenancy.ts";
import { judicialCourts } from "../reference/tables.ts";

export const PARTNER_KINDS = [
  "magistrat",
  "spip",
  "service_social",
  "emploi",
  "soins",
  "hebergement",
  "association",
  "autre",
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** The association's directory of partners: magistrates by function and juridiction, SPIP, social, employment, care, housing services… */
export const partners = pgTable(
  "partners",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    associationId: associationColumn(),
    kind: text("kind").$type<PartnerKind>().notNull(),
    name: text("name").notNull(),
    magistrateFunction: text("magistrate_function"),
    courtId: text("court_id").references(() => judicialCourts.id),
    contactName: text("contact_name"),
    phone: text("phone"),
    email: text("email"),
    address: text("address"),
    notes: text("notes"),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("partners_association_kind_idx").on(t.associationId, t.kind), associationPolicy("partners")],
).enableRLS();
