import { and, eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { incidents } from "../incidents/tables.ts";
import { findMeasure, type MeasureDetail } from "../measures/queries.ts";
import { isUuid } from "../persons/queries.ts";
import { recordAudit } from "../platform/audit.ts";
import type { CurrentUser } from "../platform/auth.ts";
import type { TenantTx } from "../platform/db.ts";
import { ConflictError, NotFoundError } from "../platform/errors.ts";
import { inTenant } from "../platform/request-context.ts";
import type { ReportKind } from "../reference/data/measure-types.ts";
import { DOCUMENT_TITLES } from "./draft.ts";
import { findReport, type ReportRecord } from "./queries.ts";
import { nextVersion, submitsMeasureReport } from "./rules.ts";
import { reports } from "./tables.ts";

/** What the report pages share: the checks on the measure and the report, and their messages. */

export function ensureOpen(detail: MeasureDetail): void {
  if (detail.measure.status === "cloturee")
    throw new ConflictError(
      "La mesure est clôturée : ses écrits restent consultables mais on n'en rédige plus.",
    );
}

/** A kind of report the measure's type calls for, or a 404. */
export function kindOf(detail: MeasureDetail, value: unknown): ReportKind {
  if (typeof value !== "string" || !detail.type.reportKinds.includes(value)) throw new NotFoundError();
  return value as ReportKind;
}

/** The incident a new incident report is about: one of the measure's, or a 404. */
export async function incidentOf(tx: TenantTx, measureId: string, value: unknown): Promise<string | null> {
  if (value === undefined || value === "") return null;
  if (typeof value !== "string" || !isUuid(value)) throw new NotFoundError();
  const [row] = await tx
    .select({ id: incidents.id })
    .from(incidents)
    .where(and(eq(incidents.id, value), eq(incidents.measureId, measureId)));
  if (!row) throw new NotFoundError();
  return row.id;
}

export async function upcomingVersion(tx: TenantTx, measureId: string, kind: ReportKind): Promise<number> {
  const rows = await tx
    .select({ version: reports.version })
    .from(reports)
    .where(and(eq(reports.measureId, measureId), eq(reports.kind, kind), eq(reports.status, "emis")));
  return nextVersion(rows.map((r) => r.version));
}

export function authorName(r: { authorFirstName: string | null; authorLastName: string | null }): string {
  return [r.authorFirstName, r.authorLastName].filter(Boolean).join(" ");
}

/** Runs fn on a report of a measure of the user's association after logging the access; otherwise a 404. */
export function withReport<T>(
  request: FastifyRequest,
  measureId: string,
  reportId: string,
  fn: (tx: TenantTx, detail: MeasureDetail, report: ReportRecord, user: CurrentUser) => Promise<T>,
  audit: { action: "view" | "update" | "delete" | "export" | "create"; detail?: Record<string, unknown> } = {
    action: "view",
  },
): Promise<T> {
  return inTenant(request, async (tx, user) => {
    const detail = await findMeasure(tx, measureId);
    if (!detail) throw new NotFoundError();
    const report = await findReport(tx, measureId, reportId);
    if (!report) throw new NotFoundError();
    await recordAudit(tx, {
      userId: user.id,
      action: audit.action,
      entity: "report",
      entityId: report.report.id,
      personId: detail.person.id,
      detail: { measureId, kind: report.report.kind, ...audit.detail },
    });
    return fn(tx, detail, report, user);
  });
}

export function issuedFlash(kind: ReportKind, version: number): string {
  const title = `${DOCUMENT_TITLES[kind]} n° ${version}`;
  return submitsMeasureReport(kind)
    ? `${title} est émis : les fichiers PDF et DOCX sont prêts et la remise du rapport est enregistrée.`
    : `${title} est émis : les fichiers PDF et DOCX sont prêts et l'incident est signalé au magistrat.`;
}
