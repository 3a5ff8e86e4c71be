import { eq } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { withMeasure } from "../measures/context.ts";
import { findMeasure } from "../measures/queries.ts";
import { recordAudit } from "../platform/audit.ts";
import { FIELD_ROLES } from "../platform/auth.ts";
import { ConflictError, NotFoundError } from "../platform/errors.ts";
import { type FormValues, hasErrors, inputErrors, mergeErrors, normalizeForm } from "../platform/forms.ts";
import { pageChrome, redirectWithFlash, sendPage } from "../platform/page.ts";
import { inTenant, todayInParis } from "../platform/request-context.ts";
import { attachmentHeader } from "../platform/uploads.ts";
import { issueConfirmPage } from "./confirm-view.tsx";
import {
  authorName,
  ensureOpen,
  incidentOf,
  issuedFlash,
  kindOf,
  upcomingVersion,
  withReport,
} from "./context.ts";
import { buildReportDraft, REPORT_TEMPLATES } from "./draft.ts";
import { loadReportData } from "./fill.ts";
import {
  createDraft,
  deleteDraft,
  issueReport,
  openDraft,
  reportFile,
  reportsOfMeasure,
  saveDraft,
} from "./queries.ts";
import { readSections } from "./rules.ts";
import { type ReportFormat, type ReportSection, reports } from "./tables.ts";
import { issuedReportPage, reportFormPage, reportListPage } from "./views.tsx";

/** « Émettre » checks the sections and asks for a confirmation; the confirmation's form carries confirme=1. */
function issueStep(values: FormValues): "save" | "check" | "issue" | "edit" {
  if (values.modifier === "1") return "edit";
  if (values.action !== "emettre") return "save";
  return values.confirme === "1" ? "issue" : "check";
}

const fieldRoles = { roles: FIELD_ROLES };

/**
 * The written reports to the magistrate (« écrits professionnels ») of a measure:
 *   GET        /mesures/:id/ecrits                       the list: kind, version, status, date, author, files
 *   GET, POST  /mesures/:id/ecrits/nouveau?type=<kind>   a new draft filled from the file (&incident=<id>
 *                                                       for the report of an incident); saved or issued
 *   GET, POST  /mesures/:id/ecrits/:reportId             edit, save or issue a draft; an issued report is read-only
 * « Émettre » (action=emettre) first checks every section: errors at the sections (422), or a confirmation
 * page (200) repeating the report and carrying the same text with confirme=1, which checks again and issues;
 * « modifier=1 » from that page brings the form back with the text.
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
    const step = issueStep(values);
    const issuing = step === "check" || step === "issue";
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
      const read = readSections(template, values, { issuing });
      const { sections } = read;
      // A control character in a section is refused at that section, not silently removed.
      const errors = mergeErrors(inputErrors(values), read.errors);
      const audit = { userId: user.id, personId: detail.person.id };
      if (hasErrors(errors) || step === "check" || step === "edit") {
        await recordAudit(tx, { ...audit, action: "view", entity: "measure", entityId: id });
        return {
          saved: false as const,
          confirm: step === "check" && !hasErrors(errors),
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
      const chrome = pageChrome(request, reply);
      if (outcome.confirm) {
        const action = `/mesures/${id}/ecrits/nouveau`;
        return sendPage(reply, issueConfirmPage({ chrome, ...outcome.model, action, today }));
      }
      const status = hasErrors(outcome.model.errors) ? 422 : 200;
      return sendPage(reply, reportFormPage({ chrome, ...outcome.model, values: {} }), status);
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
    const step = issueStep(values);
    const issuing = step === "check" || step === "issue";
    const today = todayInParis();
    const outcome = await withReport(request, id, reportId, async (tx, detail, record, user) => {
      const { report } = record;
      if (report.status === "emis") throw new ConflictError("Cet écrit est émis : il ne se modifie plus.");
      ensureOpen(detail);
      const read = readSections(report.sections, values, { issuing });
      const { sections } = read;
      const errors = mergeErrors(inputErrors(values), read.errors);
      if (hasErrors(errors) || step === "check" || step === "edit") {
        return {
          saved: false as const,
          confirm: step === "check" && !hasErrors(errors),
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
      const chrome = pageChrome(request, reply);
      if (outcome.confirm) {
        const action = `/mesures/${id}/ecrits/${reportId}`;
        return sendPage(reply, issueConfirmPage({ chrome, ...outcome.model, action, today }));
      }
      const status = hasErrors(outcome.model.errors) ? 422 : 200;
      return sendPage(reply, reportFormPage({ chrome, ...outcome.model, values: {} }), status);
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
