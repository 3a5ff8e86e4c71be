import { createHash } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import { users } from "../accounts/tables.ts";
import type { IsoDate } from "../deadlines/rules.ts";
import { markIncidentReported } from "../incidents/queries.ts";
import type { MeasureDetail } from "../measures/queries.ts";
import { changeStatus } from "../measures/queries.ts";
import { checkTransition } from "../measures/rules.ts";
import { measures } from "../measures/tables.ts";
import { isUuid } from "../persons/queries.ts";
import type { CurrentUser } from "../platform/auth.ts";
import type { TenantTx } from "../platform/db.ts";
import type { ReportKind } from "../reference/data/measure-types.ts";
import { reportDocument, reportDocx, reportPdf } from "./documents.ts";
import { DOCUMENT_TITLES } from "./draft.ts";
import { loadReportData } from "./fill.ts";
import { nextVersion, reportFilename, statusAfterSubmission, submitsMeasureReport } from "./rules.ts";
import { type ReportFormat, type ReportSection, reportFiles, reports } from "./tables.ts";

export type ReportRow = typeof reports.$inferSelect;

/** The reports of a measure, newest first, with their author and whether their files exist. */
export function reportsOfMeasure(tx: TenantTx, measureId: string) {
  return tx
    .select({
      id: reports.id,
      kind: reports.kind,
      status: reports.status,
      version: reports.version,
      issuedOn: reports.issuedOn,
      updatedAt: reports.updatedAt,
      authorFirstName: users.firstName,
      authorLastName: users.lastName,
    })
    .from(reports)
    .leftJoin(users, eq(users.id, reports.authorId))
    .where(eq(reports.measureId, measureId))
    .orderBy(
      sql`coalesce(${reports.issuedAt}, ${reports.updatedAt}) desc`,
      sql`${reports.version} desc nulls first`,
    );
}

export type ReportListRow = Awaited<ReturnType<typeof reportsOfMeasure>>[number];

/** One report of the measure with its author's name, or null (wrong id, another measure or association). */
export async function findReport(tx: TenantTx, measureId: string, reportId: string) {
  if (!isUuid(reportId)) return null;
  const [row] = await tx
    .select({ report: reports, authorFirstName: users.firstName, authorLastName: users.lastName })
    .from(reports)
    .leftJoin(users, eq(users.id, reports.authorId))
    .where(and(eq(reports.id, reportId), eq(reports.measureId, measureId)));
  return row ?? null;
}

export type ReportRecord = NonNullable<Awaited<ReturnType<typeof findReport>>>;

export async function createDraft(
  tx: TenantTx,
  draft: {
    measureId: string;
    kind: ReportKind;
    sections: ReportSection[];
    incidentIds: string[];
    basedOnId: string | null;
    authorId: string;
  },
): Promise<string> {
  const [row] = await tx.insert(reports).values(draft).returning({ id: reports.id });
  if (!row) throw new Error("insert returned no row");
  return row.id;
}

export async function saveDraft(
  tx: TenantTx,
  reportId: string,
  sections: ReportSection[],
  authorId: string,
): Promise<void> {
  await tx
    .update(reports)
    .set({ sections, authorId, updatedAt: new Date() })
    .where(and(eq(reports.id, reportId), eq(reports.status, "brouillon")));
}

export async function deleteDraft(tx: TenantTx, reportId: string): Promise<boolean> {
  const rows = await tx
    .delete(reports)
    .where(and(eq(reports.id, reportId), eq(reports.status, "brouillon")))
    .returning({ id: reports.id });
  return rows.length > 0;
}

/** The kinds of report issued for a measure. */
export async function issuedKinds(tx: TenantTx, measureId: string): Promise<ReportKind[]> {
  const rows = await tx
    .selectDistinct({ kind: reports.kind })
    .from(reports)
    .where(and(eq(reports.measureId, measureId), eq(reports.status, "emis")));
  return rows.map((r) => r.kind);
}

/** The latest issued report of a kind for a measure (the final report, on the closing page). */
export async function lastIssued(tx: TenantTx, measureId: string, kind: ReportKind) {
  const [row] = await tx
    .select({ id: reports.id, version: reports.version, issuedOn: reports.issuedOn })
    .from(reports)
    .where(and(eq(reports.measureId, measureId), eq(reports.kind, kind), eq(reports.status, "emis")))
    .orderBy(desc(reports.version))
    .limit(1);
  return row ?? null;
}

/** The draft of a kind already being written for a measure, if any (the newest). */
export async function openDraft(tx: TenantTx, measureId: string, kind: ReportKind) {
  const [row] = await tx
    .select({ id: reports.id })
    .from(reports)
    .where(and(eq(reports.measureId, measureId), eq(reports.kind, kind), eq(reports.status, "brouillon")))
    .orderBy(desc(reports.updatedAt))
    .limit(1);
  return row ?? null;
}

export async function reportFile(tx: TenantTx, reportId: string, format: ReportFormat) {
  const [row] = await tx
    .select()
    .from(reportFiles)
    .where(and(eq(reportFiles.reportId, reportId), eq(reportFiles.format, format)));
  return row ?? null;
}

const MIME_TYPES: Readonly<Record<ReportFormat, string>> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};

/**
 * Issues a draft: gives it the next version of its kind, today's date and the issuer as author, makes
 * and keeps its DOCX and PDF, then hands in the measure's report (any kind but an incident report:
 * « rapport remis » date, and « en cours » becomes « rapport remis ») or records the incidents as
 * reported to the magistrate. Runs in the caller's transaction.
 */
export async function issueReport(
  tx: TenantTx,
  detail: MeasureDetail,
  report: ReportRow,
  sections: ReportSection[],
  user: Pick<CurrentUser, "id" | "firstName" | "lastName">,
  today: IsoDate,
): Promise<{ version: number }> {
  const measureId = detail.measure.id;
  // One issue at a time per measure: the version numbers and the measure's status stay consistent.
  await tx.execute(sql`select id from ${measures} where id = ${measureId} for update`);
  const versions = await tx
    .select({ version: reports.version })
    .from(reports)
    .where(and(eq(reports.measureId, measureId), eq(reports.kind, report.kind), eq(reports.status, "emis")));
  const version = nextVersion(versions.map((v) => v.version));
  const data = await loadReportData(tx, detail, { today, incidentIds: report.incidentIds });
  const document = reportDocument({
    kind: report.kind,
    version,
    issuedOn: today,
    authorName: `${user.firstName} ${user.lastName}`,
    data,
    sections,
  });
  const files: Record<ReportFormat, Buffer> = {
    docx: await reportDocx(document),
    pdf: await reportPdf(document),
  };
  await tx
    .update(reports)
    .set({
      status: "emis",
      version,
      sections,
      authorId: user.id,
      issuedOn: today,
      issuedAt: new Date(),
      updatedAt: new Date(),
    })
    .where(eq(reports.id, report.id));
  for (const format of ["docx", "pdf"] as const) {
    const content = files[format];
    await tx.insert(reportFiles).values({
      reportId: report.id,
      format,
      filename: reportFilename(report.kind, detail.measure.number, version, format),
      mimeType: MIME_TYPES[format],
      size: content.length,
      sha256: createHash("sha256").update(content).digest("hex"),
      content,
    });
  }

  if (submitsMeasureReport(report.kind)) {
    const [current] = await tx
      .select({ status: measures.status, statusDate: measures.statusDate })
      .from(measures)
      .where(eq(measures.id, measureId));
    const to = current ? statusAfterSubmission(current.status) : null;
    const canMove =
      current &&
      to &&
      Object.keys(
        checkTransition({ from: current.status, to, on: today, previousOn: current.statusDate, today }),
      ).length === 0;
    if (current && to && canMove) {
      await changeStatus(
        tx,
        { id: measureId, status: current.status },
        { to, on: today, note: `${DOCUMENT_TITLES[report.kind]} n° ${version} émis`, userId: user.id },
      );
    } else {
      await tx
        .update(measures)
        .set({ reportSubmittedOn: today, updatedAt: new Date() })
        .where(eq(measures.id, measureId));
    }
  } else {
    for (const incidentId of report.incidentIds) {
      await markIncidentReported(tx, incidentId, report.id, today);
    }
  }
  return { version };
}
