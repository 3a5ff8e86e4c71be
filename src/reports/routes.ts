import { and, eq } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { incidents } from "../incidents/tables.ts";
import { withMeasure } from "../measures/context.ts";
import { findMeasure, type MeasureDetail } from "../measures/queries.ts";
import { isUuid } from "../persons/queries.ts";
import { recordAudit } from "../platform/audit.ts";
import type { CurrentUser } from "../platform/auth.ts";
import { FIELD_ROLES } from "../platform/auth.ts";
import type { TenantTx } from "../platform/db.ts";
import { ConflictError, NotFoundError } from "../platform/errors.ts";
import { type FormValues, hasErrors, normalizeForm } from "../platform/forms.ts";
import { pageChrome, redirectWithFlash, sendPage } from "../platform/page.ts";
import { inTenant, todayInParis } from "../platform/request-context.ts";
import { attachmentHeader } from "../platform/uploads.ts";
import type { ReportKind } from "../reference/data/measure-types.ts";
import { buildReportDraft, DOCUMENT_TITLES, REPORT_TEMPLATES } from "./draft.ts";
import { loadReportData } from "./fill.ts";
import {
  createDraft,
  deleteDraft,
  findReport,
  issueReport,
  openDraft,
  type ReportRecord,
  reportFile,
  reportsOfMeasure,
  saveDraft,
} from "./queries.ts";
import { nextVersion, readSections, submitsMeasureReport } from "./rules.ts";
import { type ReportFormat, type ReportSection, reports } from "./tables.ts";
import { issuedReportPage, reportFormPage, reportListPage } from "./views.tsx";

const fieldRoles = { roles: FIELD_ROLES };

function ensureOpen(detail: MeasureDetail): void {
  if (detail.measure.status === "cloturee")
    throw new ConflictError(
      "La mesure est clôturée : ses écrits restent consultables mais on n'en rédige plus.",
    );
}

/** A kind of report the measure's type calls for, or a 404. */
function kindOf(detail: MeasureDetail, value: unknown): ReportKind {
  if (typeof value !== "string" || !detail.type.reportKinds.includes(value)) throw new NotFoundError();
  return value as ReportKind;
}

/** The incident a new incident report is about: one of the measure's, or a 404. */
async function incidentOf(tx: TenantTx, measureId: string, value: unknown): Promise<string | null> {
  if (value === undefined || value === "") return null;
  if (typeof value !== "string" || !isUuid(value)) throw new NotFoundError();
  const [row] = await tx
    .select({ id: incidents.id })
    .from(incidents)
    .where(and(eq(incidents.id, value), eq(incidents.measureId, measureId)));
  if (!row) throw new NotFoundError();
  return row.id;
}

async function upcomingVersion(tx: TenantTx, measureId: string, kind: ReportKind): Promise<number> {
  const rows = await tx
    .select({ version: reports.version })
    .from(reports)
    .where(and(eq(reports.measureId, measureId), eq(reports.kind, kind), eq(reports.status, "emis")));
  return nextVersion(rows.map((r) => r.version));
}

function authorName(r: { authorFirstName: string | null; authorLastName: string | null }): string {
  return [r.authorFirstName, r.authorLastName].filter(Boolean).join(" ");
}

/** Runs fn on a report of a measure of the user's association after logging the access; otherwise a 404. */
function withReport<T>(
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

function issuedFlash(kind: ReportKind, version: number): string {
  const title = `${DOCUMENT_TITLES[kind]} n° ${version}`;
  return submitsMeasureReport(kind)
    ? `${title} est émis : les fichiers PDF et DOCX sont prêts et la remise du rapport est enregistrée.`
    : `${title} est émis : les fichiers PDF et DOCX sont prêts et l'incident est signalé au magistrat.`;
}

/**
 * The written reports to the magistrate (« écrits professionnels ») of a measure:
 *   GET        /mesures/:id/ecrits                       the list: kind, version, status, date, author, files
 *   GET, POST  /mesures/:id/ecrits/nouveau?type=<kind>   a new draft filled from the file (&incident=<id>
 *                                                       for the report of an incident); saved or issued
 *   GET, POST  /mesures/:id/ecrits/:reportId             edit, save or issue a draft; an issued report is read-only
 *   POST       /mesures/:id/ecrits/:reportId/nouvelle-version   a new draft starting from an issued report
 *   POST       /mesures/:id/ecrits/:reportId/supprimer   delete a draft
 *   GET        /mesures/:id/ecrits/:reportId.pdf|.docx   the issued files (recorded as an export)
 */
export async function reportRoutes(app: FastifyInstance): Promise<void> {
  app.get("/mesures/:id/ecrits", { config: fieldRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const model = await withMeasure(request, id, async (tx, detail) => ({
      detail,
      reports: await reportsOfMeasure(tx, id),
    }));
    return sendPage(reply, reportListPage({ chrome: pageChrome(request, reply), ...model }));
  });

  app.get("/mesures/:id/ecrits/nouveau", { config: fieldRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const query = request.query as { type?: string; incident?: string };
    if (!query.type) {
      // No kind chosen: back to the list of reports, once the measure is known to be the user's.
      await withMeasure(request, id, async () => null);
      return reply.redirect(`/mesures/${encodeURIComponent(id)}/ecrits`, 303);
    }
    const today = todayInParis();
    const model = await withMeasure(request, id, async (tx, detail) => {
      const kind = kindOf(detail, query.type);
      ensureOpen(detail);
      const incidentId = kind === "rapport_incident" ? await incidentOf(tx, id, query.incident) : null;
      const data = await loadReportData(tx, detail, { today, incidentIds: incidentId ? [incidentId] : null });
      return {
        detail,
        kind,
        incidentId,
        sections: buildReportDraft(kind, data),
        nextVersion: await upcomingVersion(tx, id, kind),
        existingDraftId: kind === "rapport_incident" ? null : ((await openDraft(tx, id, kind))?.id ?? null),
      };
    });
    return sendPage(
      reply,
      reportFormPage({ chrome: pageChrome(request, reply), ...model, values: {}, errors: {} }),
    );
  });

  app.post("/mesures/:id/ecrits/nouveau", { config: fieldRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const values = normalizeForm(request.body);
    const issuing = values.action === "emettre";
    const today = todayInParis();
    const outcome = await inTenant(request, async (tx, user) => {
      const detail = await findMeasure(tx, id);
      if (!detail) throw new NotFoundError();
      const kind = kindOf(detail, values.type);
      ensureOpen(detail);
      const incidentId = kind === "rapport_incident" ? await incidentOf(tx, id, values.incident) : null;
      const template: ReportSection[] = REPORT_TEMPLATES[kind].map((t) => ({
        key: t.key,
        title: t.title,
        body: "",
      }));
      const { sections, errors } = readSections(template, values, { issuing });
      const audit = { userId: user.id, personId: detail.person.id };
      if (hasErrors(errors)) {
        await recordAudit(tx, { ...audit, action: "view", entity: "measure", entityId: id });
        return {
          saved: false as const,
          model: {
            detail,
            kind,
            incidentId,
            sections,
            errors,
            nextVersion: await upcomingVersion(tx, id, kind),
          },
        };
      }
      let incidentIds: string[] = [];
      if (kind === "rapport_incident") {
        incidentIds = incidentId
          ? [incidentId]
          : (await loadReportData(tx, detail, { today, incidentIds: null })).incidentIds;
      }
      const reportId = await createDraft(tx, {
        measureId: id,
        kind,
        sections,
        incidentIds,
        basedOnId: null,
        authorId: user.id,
      });
      await recordAudit(tx, {
        ...audit,
        action: "create",
        entity: "report",
        entityId: reportId,
        detail: { measureId: id, kind },
      });
      if (!issuing) return { saved: true as const, reportId, flash: "Le brouillon est enregistré." };
      const [row] = await tx.select().from(reports).where(eq(reports.id, reportId));
      if (!row) throw new NotFoundError();
      const { version } = await issueReport(tx, detail, row, sections, user, today);
      await recordAudit(tx, {
        ...audit,
        action: "update",
        entity: "report",
        entityId: reportId,
        detail: { measureId: id, kind, issued: version },
      });
      return { saved: true as const, reportId, flash: issuedFlash(kind, version) };
    });
    if (!outcome.saved) {
      return sendPage(
        reply,
        reportFormPage({ chrome: pageChrome(request, reply), ...outcome.model, values: {} }),
        422,
      );
    }
    return redirectWithFlash(request, reply, `/mesures/${id}/ecrits/${outcome.reportId}`, outcome.flash);
  });

  async function sendFile(request: FastifyRequest, reply: FastifyReply, format: ReportFormat) {
    const { id, reportId } = request.params as { id: string; reportId: string };
    const file = await withReport(
      request,
      id,
      reportId,
      async (tx, _detail, report) => {
        const found = report.report.status === "emis" ? await reportFile(tx, reportId, format) : null;
        if (!found) throw new NotFoundError();
        return found;
      },
      { action: "export", detail: { format } },
    );
    return reply
      .type(file.mimeType)
      .header("content-disposition", attachmentHeader(file.filename))
      .header("content-length", String(file.content.length))
      .header("cache-control", "private, no-store")
      .send(file.content);
  }

  app.get("/mesures/:id/ecrits/:reportId.pdf", { config: fieldRoles }, (request, reply) =>
    sendFile(request, reply, "pdf"),
  );
  app.get("/mesures/:id/ecrits/:reportId.docx", { config: fieldRoles }, (request, reply) =>
    sendFile(request, reply, "docx"),
  );

  app.get("/mesures/:id/ecrits/:reportId", { config: fieldRoles }, async (request, reply) => {
    const { id, reportId } = request.params as { id: string; reportId: string };
    const model = await withReport(request, id, reportId, async (tx, detail, record) => ({
      detail,
      record,
      nextVersion: await upcomingVersion(tx, id, record.report.kind),
    }));
    const chrome = pageChrome(request, reply);
    const { report } = model.record;
    if (report.status === "emis") {
      return sendPage(
        reply,
        issuedReportPage({ chrome, detail: model.detail, report, authorName: authorName(model.record) }),
      );
    }
    return sendPage(
      reply,
      reportFormPage({
        chrome,
        detail: model.detail,
        kind: report.kind,
        sections: report.sections,
        values: {},
        errors: {},
        reportId: report.id,
        nextVersion: model.nextVersion,
        authorName: authorName(model.record),
        updatedAt: report.updatedAt,
      }),
    );
  });

  app.post("/mesures/:id/ecrits/:reportId", { config: fieldRoles }, async (request, reply) => {
    const { id, reportId } = request.params as { id: string; reportId: string };
    const values: FormValues = normalizeForm(request.body);
    const issuing = values.action === "emettre";
    const today = todayInParis();
    const outcome = await withReport(request, id, reportId, async (tx, detail, record, user) => {
      const { report } = record;
      if (report.status === "emis") throw new ConflictError("Cet écrit est émis : il ne se modifie plus.");
      ensureOpen(detail);
      const { sections, errors } = readSections(report.sections, values, { issuing });
      if (hasErrors(errors)) {
        return {
          saved: false as const,
          model: {
            detail,
            kind: report.kind,
            sections,
            errors,
            reportId: report.id,
            nextVersion: await upcomingVersion(tx, id, report.kind),
            authorName: authorName(record),
            updatedAt: report.updatedAt,
          },
        };
      }
      await saveDraft(tx, report.id, sections, user.id);
      const audit = {
        userId: user.id,
        action: "update" as const,
        entity: "report",
        entityId: report.id,
        personId: detail.person.id,
      };
      if (!issuing) {
        await recordAudit(tx, { ...audit, detail: { measureId: id, kind: report.kind } });
        return { saved: true as const, flash: "Le brouillon est enregistré." };
      }
      const { version } = await issueReport(tx, detail, report, sections, user, today);
      await recordAudit(tx, { ...audit, detail: { measureId: id, kind: report.kind, issued: version } });
      return { saved: true as const, flash: issuedFlash(report.kind, version) };
    });
    if (!outcome.saved) {
      return sendPage(
        reply,
        reportFormPage({ chrome: pageChrome(request, reply), ...outcome.model, values: {} }),
        422,
      );
    }
    return redirectWithFlash(request, reply, `/mesures/${id}/ecrits/${reportId}`, outcome.flash);
  });

  app.post(
    "/mesures/:id/ecrits/:reportId/nouvelle-version",
    { config: fieldRoles },
    async (request, reply) => {
      const { id, reportId } = request.params as { id: string; reportId: string };
      const draftId = await withReport(request, id, reportId, async (tx, detail, record, user) => {
        const { report } = record;
        if (report.status !== "emis")
          throw new ConflictError("Seul un écrit émis peut servir de base à une nouvelle version.");
        ensureOpen(detail);
        const created = await createDraft(tx, {
          measureId: id,
          kind: report.kind,
          sections: report.sections,
          incidentIds: report.incidentIds,
          basedOnId: report.id,
          authorId: user.id,
        });
        await recordAudit(tx, {
          userId: user.id,
          action: "create",
          entity: "report",
          entityId: created,
          personId: detail.person.id,
          detail: { measureId: id, kind: report.kind, basedOn: report.id },
        });
        return created;
      });
      return redirectWithFlash(
        request,
        reply,
        `/mesures/${id}/ecrits/${draftId}`,
        "Un nouveau brouillon reprend le texte de la version émise : modifiez-le puis émettez-le.",
      );
    },
  );

  app.post("/mesures/:id/ecrits/:reportId/supprimer", { config: fieldRoles }, async (request, reply) => {
    const { id, reportId } = request.params as { id: string; reportId: string };
    await withReport(
      request,
      id,
      reportId,
      async (tx, detail, record) => {
        if (record.report.status === "emis") throw new ConflictError("Un écrit émis ne se supprime pas.");
        ensureOpen(detail);
        await deleteDraft(tx, reportId);
      },
      { action: "delete" },
    );
    return redirectWithFlash(request, reply, `/mesures/${id}/ecrits`, "Le brouillon est supprimé.");
  });
}
