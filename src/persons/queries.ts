import { and, asc, count, desc, eq, ilike, or, sql } from "drizzle-orm";
import { measures } from "../measures/tables.ts";
import type { TenantTx } from "../platform/db.ts";
import { outer } from "../platform/sql.ts";
import { measureTypes } from "../reference/tables.ts";
import type { PersonInput } from "./form.ts";
import { persons } from "./tables.ts";

export type PersonRow = typeof persons.$inferSelect;

export async function findPerson(tx: TenantTx, id: string): Promise<PersonRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await tx.select().from(persons).where(eq(persons.id, id));
  return row ?? null;
}

export async function createPerson(tx: TenantTx, input: PersonInput, userId: string): Promise<string> {
  const [row] = await tx
    .insert(persons)
    .values({ ...input, createdBy: userId })
    .returning({ id: persons.id });
  if (!row) throw new Error("insert returned no row");
  return row.id;
}

export async function updatePerson(tx: TenantTx, id: string, input: PersonInput): Promise<boolean> {
  const rows = await tx
    .update(persons)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(persons.id, id))
    .returning({ id: persons.id });
  return rows.length > 0;
}

export const PAGE_SIZE = 25;

/** Persons of the association, optionally filtered by name (accents and case ignored). */
export async function listPersons(tx: TenantTx, options: { q?: string | undefined; page: number }) {
  const q = options.q?.trim();
  const where = q
    ? or(
        sql`unaccent(lower(${persons.lastName})) like unaccent(lower(${`${q}%`}))`,
        sql`unaccent(lower(${persons.firstName})) like unaccent(lower(${`${q}%`}))`,
        sql`unaccent(lower(coalesce(${persons.usedName}, ''))) like unaccent(lower(${`${q}%`}))`,
        ilike(sql`${persons.lastName} || ' ' || ${persons.firstName}`, `%${q}%`),
      )
    : undefined;
  const [total] = await tx.select({ n: count() }).from(persons).where(where);
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
    .where(where)
    .orderBy(asc(persons.lastName), asc(persons.firstName))
    .limit(PAGE_SIZE)
    .offset((options.page - 1) * PAGE_SIZE);
  return { rows, total: total?.n ?? 0 };
}

export async function measuresOfPerson(tx: TenantTx, personId: string) {
  return tx
    .select({
      id: measures.id,
      number: measures.number,
      typeLabel: measureTypes.label,
      status: measures.status,
      receivedDate: measures.receivedDate,
      reportDueDate: measures.reportDueDate,
      closedOn: measures.closedOn,
    })
    .from(measures)
    .innerJoin(measureTypes, eq(measureTypes.code, measures.typeCode))
    .where(and(eq(measures.personId, personId)))
    .orderBy(desc(measures.receivedDate));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
