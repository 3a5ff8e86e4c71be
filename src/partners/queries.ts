import { and, asc, count, eq, type SQL, sql } from "drizzle-orm";
import { isUuid } from "../persons/queries.ts";
import type { TenantTx } from "../platform/db.ts";
import { judicialCourts } from "../reference/tables.ts";
import { type PartnerInput, partnerLabel, partnerValues } from "./rules.ts";
import { type PartnerKind, partners } from "./tables.ts";

export type PartnerRow = typeof partners.$inferSelect;
export type PartnerDetail = PartnerRow & { courtName: string | null; courtSeat: string | null };

export const PARTNERS_PAGE_SIZE = 50;

/** The association's partners, by kind then name; optionally of one kind and matching a name. */
export async function listPartners(
  tx: TenantTx,
  options: { kind?: PartnerKind | undefined; q?: string | undefined; page: number },
) {
  const parts: (SQL | undefined)[] = [];
  if (options.kind) parts.push(eq(partners.kind, options.kind));
  const q = options.q?.trim();
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(
      sql`(unaccent(lower(${partners.name})) like unaccent(lower(${pattern})) or unaccent(lower(coalesce(${partners.contactName}, ''))) like unaccent(lower(${pattern})))`,
    );
  }
  const where = and(...parts);
  const [total] = await tx.select({ n: count() }).from(partners).where(where);
  const rows = await tx
    .select({
      id: partners.id,
      kind: partners.kind,
      name: partners.name,
      magistrateFunction: partners.magistrateFunction,
      courtSeat: judicialCourts.seat,
      contactName: partners.contactName,
      phone: partners.phone,
      email: partners.email,
      active: partners.active,
    })
    .from(partners)
    .leftJoin(judicialCourts, eq(judicialCourts.id, partners.courtId))
    .where(where)
    .orderBy(asc(partners.name), asc(partners.id))
    .limit(PARTNERS_PAGE_SIZE)
    .offset((options.page - 1) * PARTNERS_PAGE_SIZE);
  return { rows, total: total?.n ?? 0 };
}

export type PartnerListRow = Awaited<ReturnType<typeof listPartners>>["rows"][number];

/** One partner of the association with its juridiction; null when absent or of another association. */
export async function findPartner(tx: TenantTx, id: string): Promise<PartnerDetail | null> {
  if (!isUuid(id)) return null;
  const [row] = await tx
    .select({ partner: partners, courtName: judicialCourts.name, courtSeat: judicialCourts.seat })
    .from(partners)
    .leftJoin(judicialCourts, eq(judicialCourts.id, partners.courtId))
    .where(eq(partners.id, id));
  return row ? { ...row.partner, courtName: row.courtName, courtSeat: row.courtSeat } : null;
}

export async function createPartner(tx: TenantTx, input: PartnerInput & { kind: PartnerKind }) {
  const [row] = await tx.insert(partners).values(partnerValues(input)).returning({ id: partners.id });
  if (!row) throw new Error("insert returned no row");
  return row.id;
}

export async function updatePartner(tx: TenantTx, id: string, input: PartnerInput & { kind: PartnerKind }) {
  await tx.update(partners).set(partnerValues(input)).where(eq(partners.id, id));
}

export interface PartnerOption {
  id: string;
  name: string;
  kind: PartnerKind;
  /** "Name (kind)", or "Name (function, seat)" for a magistrate: what a select shows. */
  label: string;
  active: boolean;
}

/**
 * The partners to choose from in a select (actions of a plan, appointments, reports): the active
 * ones of the association, by name. `include` adds partners already linked, even inactive, so that
 * editing a record keeps its partner.
 */
export async function partnerOptions(
  tx: TenantTx,
  options: { kinds?: readonly PartnerKind[]; include?: readonly (string | null | undefined)[] } = {},
): Promise<PartnerOption[]> {
  const include = (options.include ?? []).filter((id): id is string => Boolean(id && isUuid(id)));
  const visible =
    include.length > 0
      ? sql`(${partners.active} or ${partners.id} in (${sql.join(
          include.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}))`
      : eq(partners.active, true);
  const kinds =
    options.kinds && options.kinds.length > 0
      ? sql`${partners.kind} in (${sql.join(
          options.kinds.map((k) => sql`${k}`),
          sql`, `,
        )})`
      : undefined;
  const rows = await tx
    .select({
      id: partners.id,
      name: partners.name,
      kind: partners.kind,
      magistrateFunction: partners.magistrateFunction,
      courtSeat: judicialCourts.seat,
      active: partners.active,
    })
    .from(partners)
    .leftJoin(judicialCourts, eq(judicialCourts.id, partners.courtId))
    .where(and(visible, kinds))
    .orderBy(asc(partners.name), asc(partners.id));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    active: r.active,
    label: r.active ? partnerLabel(r) : `${partnerLabel(r)} – inactif`,
  }));
}
