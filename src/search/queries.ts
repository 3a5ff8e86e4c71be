import { desc, eq, sql } from "drizzle-orm";
import { measures } from "../measures/tables.ts";
import { persons } from "../persons/tables.ts";
import type { TenantTx } from "../platform/db.ts";
import { measureTypes } from "../reference/tables.ts";
import { NAME_SIMILARITY_THRESHOLD, type SearchQuery } from "./rules.ts";

const nameKey = sql`f_unaccent(lower(${persons.lastName} || ' ' || coalesce(${persons.usedName}, '') || ' ' || ${persons.firstName}))`;

export interface SearchHit {
  personId: string;
  lastName: string;
  firstName: string;
  usedName: string | null;
  birthDate: string | null;
  city: string | null;
  measures: { id: string; number: string; typeLabel: string; status: string }[];
}

/** Persons of the association matching the query (RLS applies), best matches first, with their measures. */
export async function searchPersons(tx: TenantTx, query: SearchQuery, limit = 30): Promise<SearchHit[]> {
  if (query.kind === "empty") return [];
  let ids: string[];
  if (query.kind === "birthDate") {
    const rows = await tx
      .select({ id: persons.id })
      .from(persons)
      .where(eq(persons.birthDate, query.date))
      .limit(limit);
    ids = rows.map((r) => r.id);
  } else if (query.kind === "measureNumber") {
    const rows = await tx
      .select({ id: measures.personId })
      .from(measures)
      .where(eq(measures.number, query.number))
      .limit(limit);
    ids = rows.map((r) => r.id);
  } else {
    // `<%` uses the trigram index; the threshold is set for this transaction only.
    await tx.execute(
      sql`select set_config('pg_trgm.word_similarity_threshold', ${String(NAME_SIMILARITY_THRESHOLD)}, true)`,
    );
    const text = sql`f_unaccent(${query.text})`;
    const rows = await tx
      .select({ id: persons.id })
      .from(persons)
      .where(sql`${text} <% ${nameKey}`)
      .orderBy(desc(sql`word_similarity(${text}, ${nameKey})`), persons.lastName)
      .limit(limit);
    ids = rows.map((r) => r.id);
  }
  if (ids.length === 0) return [];
  const idList = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const people = await tx
    .select({
      personId: persons.id,
      lastName: persons.lastName,
      firstName: persons.firstName,
      usedName: persons.usedName,
      birthDate: persons.birthDate,
      city: persons.city,
    })
    .from(persons)
    .where(sql`${persons.id} in (${idList})`);
  const theirMeasures = await tx
    .select({
      personId: measures.personId,
      id: measures.id,
      number: measures.number,
      typeLabel: measureTypes.shortLabel,
      status: measures.status,
    })
    .from(measures)
    .innerJoin(measureTypes, eq(measureTypes.code, measures.typeCode))
    .where(sql`${measures.personId} in (${idList})`)
    .orderBy(desc(measures.receivedDate));
  const byId = new Map(people.map((p) => [p.personId, { ...p, measures: [] as SearchHit["measures"] }]));
  for (const m of theirMeasures)
    byId
      .get(m.personId)
      ?.measures.push({ id: m.id, number: m.number, typeLabel: m.typeLabel, status: m.status });
  return ids.map((id) => byId.get(id)).filter((h): h is SearchHit => Boolean(h));
}
