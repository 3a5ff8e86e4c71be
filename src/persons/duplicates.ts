import { asc, eq, or, sql } from "drizzle-orm";
import { measures } from "../measures/tables.ts";
import { recordAudit } from "../platform/audit.ts";
import type { TenantTx } from "../platform/db.ts";
import { outer } from "../platform/sql.ts";
import type { PersonInput } from "./form.ts";
import { isLikelySamePerson } from "./rules.ts";
import { persons } from "./tables.ts";

/** A person of the association who is likely the one being entered. */
export interface PersonMatch {
  id: string;
  lastName: string;
  firstName: string;
  usedName: string | null;
  birthDate: string | null;
  city: string | null;
  openMeasures: number;
}

/** The same expression as the trigram index persons_name_trgm_idx (migration 0004). */
const nameKey = sql`f_unaccent(lower(${persons.lastName} || ' ' || coalesce(${persons.usedName}, '') || ' ' || ${persons.firstName}))`;

/** How many records are compared at most: enough for any real association. */
const CANDIDATES = 50;

/**
 * The persons of the association (row-level security applies) likely the one entered: those born the
 * same day or with a close name (trigram index) are read, then `isLikelySamePerson` decides.
 */
export async function findLikelyDuplicates(tx: TenantTx, input: PersonInput): Promise<PersonMatch[]> {
  const entered = [input.lastName, input.usedName ?? "", input.firstName].join(" ");
  await tx.execute(sql`select set_config('pg_trgm.similarity_threshold', '0.3', true)`);
  const closeName = sql`f_unaccent(lower(${entered})) % ${nameKey}`;
  const rows = await tx
    .select({
      id: persons.id,
      lastName: persons.lastName,
      firstName: persons.firstName,
      usedName: persons.usedName,
      birthDate: persons.birthDate,
      city: persons.city,
      openMeasures: sql<number>`(select count(*)::int from ${measures} m where m.person_id = ${outer(persons.id)} and m.status <> 'cloturee')`,
    })
    .from(persons)
    .where(input.birthDate ? or(eq(persons.birthDate, input.birthDate), closeName) : closeName)
    .orderBy(asc(persons.lastName), asc(persons.firstName), asc(persons.createdAt))
    .limit(CANDIDATES);
  return rows.filter((row) => isLikelySamePerson(input, row));
}

/** « Créer quand même »: the new person was created although these matches were shown. */
export async function recordConfirmedDuplicate(
  tx: TenantTx,
  userId: string,
  personId: string,
  matches: readonly PersonMatch[],
): Promise<void> {
  await recordAudit(tx, {
    userId,
    action: "doublon_confirme",
    entity: "person",
    entityId: personId,
    personId,
    detail: { matches: matches.map((m) => m.id) },
  });
}
