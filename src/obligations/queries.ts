import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { users } from "../accounts/tables.ts";
import type { IsoDate } from "../deadlines/rules.ts";
import { type StoredFileInfo, storedFileInfo } from "../files/queries.ts";
import { storedFiles } from "../files/tables.ts";
import { isUuid } from "../persons/queries.ts";
import type { Queryable, TenantTx } from "../platform/db.ts";
import { proofStatus, type StatutoryArticle } from "./rules.ts";
import {
  type ComplianceStatus,
  obligationCompliance,
  obligationProofs,
  obligations,
  type ProofKind,
  statutoryObligations,
} from "./tables.ts";

export type ObligationRow = typeof obligations.$inferSelect;
export type ProofRow = typeof obligationProofs.$inferSelect;
export type ComplianceRow = typeof obligationCompliance.$inferSelect;
export type StatutoryRow = typeof statutoryObligations.$inferSelect;

export interface ProofRecord extends ProofRow {
  file: StoredFileInfo | null;
}

export interface ComplianceRecord extends ComplianceRow {
  assessorName: string | null;
}

/** An obligation with its statutory item (if any), its proofs (latest first) and its findings (latest first). */
export interface ObligationRecord {
  obligation: ObligationRow;
  statutory: StatutoryRow | null;
  proofs: ProofRecord[];
  compliance: ComplianceRecord[];
}

/** The active items of the statutory lists, in the order of the articles given, then their own order. */
export async function statutoryChoices(
  db: Queryable,
  articles: readonly StatutoryArticle[],
): Promise<StatutoryRow[]> {
  if (articles.length === 0) return [];
  const rows = await db
    .select()
    .from(statutoryObligations)
    .where(and(eq(statutoryObligations.active, true), inArray(statutoryObligations.article, [...articles])))
    .orderBy(asc(statutoryObligations.order));
  return rows.sort(
    (a, b) =>
      articles.indexOf(a.article as StatutoryArticle) - articles.indexOf(b.article as StatutoryArticle) ||
      a.order - b.order,
  );
}

async function loadRecords(
  tx: TenantTx,
  rows: { obligation: ObligationRow; statutory: StatutoryRow | null }[],
) {
  const ids = rows.map((r) => r.obligation.id);
  if (ids.length === 0) return [];
  const [proofs, compliance] = await Promise.all([
    tx
      .select({ proof: obligationProofs, file: storedFileInfo })
      .from(obligationProofs)
      .leftJoin(storedFiles, eq(storedFiles.id, obligationProofs.fileId))
      .where(inArray(obligationProofs.obligationId, ids))
      .orderBy(desc(obligationProofs.receivedOn), desc(obligationProofs.createdAt)),
    tx
      .select({ compliance: obligationCompliance, firstName: users.firstName, lastName: users.lastName })
      .from(obligationCompliance)
      .leftJoin(users, eq(users.id, obligationCompliance.assessedBy))
      .where(inArray(obligationCompliance.obligationId, ids))
      .orderBy(desc(obligationCompliance.periodEnd), desc(obligationCompliance.periodStart)),
  ]);
  return rows.map(
    (r): ObligationRecord => ({
      ...r,
      proofs: proofs
        .filter((p) => p.proof.obligationId === r.obligation.id)
        .map((p) => ({ ...p.proof, file: p.file?.id ? p.file : null })),
      compliance: compliance
        .filter((c) => c.compliance.obligationId === r.obligation.id)
        .map((c) => ({
          ...c.compliance,
          assessorName: c.firstName ? `${c.firstName} ${c.lastName ?? ""}`.trim() : null,
        })),
    }),
  );
}

/** The obligations of a measure (in the order they start), each with its proofs and findings. */
export async function obligationsOfMeasure(tx: TenantTx, measureId: string): Promise<ObligationRecord[]> {
  const rows = await tx
    .select({ obligation: obligations, statutory: statutoryObligations })
    .from(obligations)
    .leftJoin(statutoryObligations, eq(statutoryObligations.code, obligations.statutoryCode))
    .where(eq(obligations.measureId, measureId))
    .orderBy(asc(obligations.startDate), asc(obligations.createdAt));
  return loadRecords(tx, rows);
}

/** One obligation of a measure, or null (wrong id, another measure, another association). */
export async function findObligation(
  tx: TenantTx,
  measureId: string,
  obligationId: string,
): Promise<ObligationRecord | null> {
  if (!isUuid(obligationId)) return null;
  const rows = await tx
    .select({ obligation: obligations, statutory: statutoryObligations })
    .from(obligations)
    .leftJoin(statutoryObligations, eq(statutoryObligations.code, obligations.statutoryCode))
    .where(and(eq(obligations.id, obligationId), eq(obligations.measureId, measureId)));
  const [record] = await loadRecords(tx, rows);
  return record ?? null;
}

export interface NewObligation {
  statutoryCode: string | null;
  label: string;
  kind: "obligation" | "interdiction" | "controle";
  details: string | null;
  startDate: IsoDate;
  endDate: IsoDate | null;
  proofRequired: boolean;
  firstProofDue: IsoDate | null;
  proofIntervalDays: number | null;
}

export async function createObligation(
  tx: TenantTx,
  measureId: string,
  values: NewObligation,
  userId: string,
): Promise<string> {
  const [row] = await tx
    .insert(obligations)
    .values({ ...values, measureId, createdBy: userId })
    .returning({ id: obligations.id });
  if (!row) throw new Error("insert returned no row");
  return row.id;
}

export async function addProof(
  tx: TenantTx,
  obligationId: string,
  values: { receivedOn: IsoDate; kind: ProofKind; description: string | null; fileId: string | null },
  userId: string,
): Promise<string> {
  const [row] = await tx
    .insert(obligationProofs)
    .values({ ...values, obligationId, recordedBy: userId })
    .returning({ id: obligationProofs.id });
  if (!row) throw new Error("insert returned no row");
  return row.id;
}

export async function recordCompliance(
  tx: TenantTx,
  obligationId: string,
  values: { periodStart: IsoDate; periodEnd: IsoDate; status: ComplianceStatus; note: string | null },
  userId: string,
): Promise<string> {
  const [row] = await tx
    .insert(obligationCompliance)
    .values({ ...values, obligationId, assessedBy: userId })
    .returning({ id: obligationCompliance.id });
  if (!row) throw new Error("insert returned no row");
  return row.id;
}

/** A proof missing past its due date. */
export interface ProofAlert {
  measureId: string;
  obligationId: string;
  label: string;
  dueDate: IsoDate;
}

/** Where the proofs of one obligation stand: the due dates missed and the next one. */
export interface ObligationProofDeadlines {
  measureId: string;
  obligationId: string;
  label: string;
  overdue: IsoDate[];
  nextDue: IsoDate | null;
}

/**
 * The proof deadlines of every obligation of the given measures on `today` (see the schedule rule in
 * rules.ts). Row-level security keeps the measures of other associations out.
 */
export async function proofDeadlinesOfMeasures(
  tx: TenantTx,
  measureIds: readonly string[],
  today: IsoDate,
): Promise<ObligationProofDeadlines[]> {
  const ids = measureIds.filter(isUuid);
  if (ids.length === 0) return [];
  const rows = await tx
    .select()
    .from(obligations)
    .where(and(inArray(obligations.measureId, ids), eq(obligations.proofRequired, true)));
  if (rows.length === 0) return [];
  const obligationIds = rows.map((r) => r.id);
  const [proofs, findings] = await Promise.all([
    tx
      .select({ obligationId: obligationProofs.obligationId, receivedOn: obligationProofs.receivedOn })
      .from(obligationProofs)
      .where(inArray(obligationProofs.obligationId, obligationIds)),
    tx
      .select({
        obligationId: obligationCompliance.obligationId,
        periodStart: obligationCompliance.periodStart,
        periodEnd: obligationCompliance.periodEnd,
      })
      .from(obligationCompliance)
      .where(inArray(obligationCompliance.obligationId, obligationIds)),
  ]);
  return rows.map((o) => {
    const status = proofStatus(
      o,
      proofs.filter((p) => p.obligationId === o.id),
      findings.filter((f) => f.obligationId === o.id),
      today,
    );
    return {
      measureId: o.measureId,
      obligationId: o.id,
      label: o.label,
      overdue: status.overdue,
      nextDue: status.nextDue,
    };
  });
}

/**
 * The missing proofs of the given measures on `today`, by measure id, oldest due date first.
 * Measures without a missing proof are not in the map.
 */
export async function proofAlertsByMeasure(
  tx: TenantTx,
  measureIds: readonly string[],
  today: IsoDate,
): Promise<Map<string, ProofAlert[]>> {
  const alerts = new Map<string, ProofAlert[]>();
  for (const o of await proofDeadlinesOfMeasures(tx, measureIds, today)) {
    if (o.overdue.length === 0) continue;
    const list = alerts.get(o.measureId) ?? [];
    for (const dueDate of o.overdue)
      list.push({ measureId: o.measureId, obligationId: o.obligationId, label: o.label, dueDate });
    alerts.set(o.measureId, list);
  }
  for (const list of alerts.values()) list.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  return alerts;
}
