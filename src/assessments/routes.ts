import type { FastifyInstance } from "fastify";
import { withMeasure } from "../measures/context.ts";
import { findMeasure, type MeasureDetail } from "../measures/queries.ts";
import { recordAudit } from "../platform/audit.ts";
import { FIELD_ROLES } from "../platform/auth.ts";
import { ConflictError, NotFoundError } from "../platform/errors.ts";
import { type FormErrors, hasErrors, mergeErrors, normalizeForm, validateForm } from "../platform/forms.ts";
import { pageChrome, redirectWithFlash, sendPage } from "../platform/page.ts";
import { inTenant, todayInParis } from "../platform/request-context.ts";
import { AssessmentForm, prefilledValues, toAssessmentInput } from "./form.ts";
import { assessmentsOfMeasure, createAssessment, findAssessment, latestAssessment } from "./queries.ts";
import { checkAssessment } from "./rules.ts";
import { assessmentFormPage, assessmentPage, assessmentTabPage } from "./views.tsx";

const fieldRoles = { roles: FIELD_ROLES };

function ensureOpen(detail: MeasureDetail): void {
  if (detail.measure.status === "cloturee")
    throw new ConflictError("La mesure est clôturée : on ne peut plus y ajouter d'évaluation.");
}

/**
 * The assessment of the person's situation, one section per domain, dated and repeated over time:
 *   GET        /mesures/:id/evaluation                 the latest assessment, how each domain changed, the past ones
 *   GET, POST  /mesures/:id/evaluation/nouvelle        a new assessment, prefilled from the latest
 *   GET        /mesures/:id/evaluation/:assessmentId   one assessment in full
 */
export async function assessmentRoutes(app: FastifyInstance): Promise<void> {
  app.get("/mesures/:id/evaluation", { config: fieldRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const model = await withMeasure(request, id, async (tx, detail) => ({
      detail,
      assessments: await assessmentsOfMeasure(tx, id),
    }));
    return sendPage(reply, assessmentTabPage({ chrome: pageChrome(request, reply), ...model }));
  });

  app.get("/mesures/:id/evaluation/nouvelle", { config: fieldRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const today = todayInParis();
    const model = await withMeasure(request, id, async (tx, detail) => {
      ensureOpen(detail);
      return { detail, latest: await latestAssessment(tx, id) };
    });
    return sendPage(
      reply,
      assessmentFormPage({
        chrome: pageChrome(request, reply),
        detail: model.detail,
        values: prefilledValues(today, model.latest),
        errors: {},
        prefilledFrom: model.latest?.assessedOn ?? null,
        today,
      }),
    );
  });

  app.post("/mesures/:id/evaluation/nouvelle", { config: fieldRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const values = normalizeForm(request.body);
    const today = todayInParis();
    const form = validateForm(AssessmentForm, values);
    const input = toAssessmentInput(values);
    const outcome = await inTenant(request, async (tx, user) => {
      const detail = await findMeasure(tx, id);
      if (!detail) throw new NotFoundError();
      ensureOpen(detail);
      const rules = form.errors.assessedOn
        ? {}
        : checkAssessment(input, { receivedDate: detail.measure.receivedDate, today });
      const errors: FormErrors = mergeErrors(form.errors, rules);
      const audit = { userId: user.id, personId: detail.person.id };
      if (hasErrors(errors)) {
        // The form comes back with the person's name: that is a view of the file.
        await recordAudit(tx, { ...audit, action: "view", entity: "measure", entityId: id });
        const latest = await latestAssessment(tx, id);
        return { detail, errors, prefilledFrom: latest?.assessedOn ?? null };
      }
      const assessmentId = await createAssessment(tx, id, input, user.id);
      await recordAudit(tx, {
        ...audit,
        action: "create",
        entity: "assessment",
        entityId: assessmentId,
        detail: { measureId: id },
      });
      return { detail, errors, prefilledFrom: null };
    });
    if (hasErrors(outcome.errors)) {
      return sendPage(
        reply,
        assessmentFormPage({
          chrome: pageChrome(request, reply),
          detail: outcome.detail,
          values,
          errors: outcome.errors,
          prefilledFrom: outcome.prefilledFrom,
          today,
        }),
        422,
      );
    }
    return redirectWithFlash(request, reply, `/mesures/${id}/evaluation`, "L'évaluation a été enregistrée.");
  });

  app.get("/mesures/:id/evaluation/:assessmentId", { config: fieldRoles }, async (request, reply) => {
    const { id, assessmentId } = request.params as { id: string; assessmentId: string };
    const model = await withMeasure(
      request,
      id,
      async (tx, detail) => {
        const found = await findAssessment(tx, id, assessmentId);
        if (!found) throw new NotFoundError();
        return { detail, ...found };
      },
      { action: "view", detail: { assessmentId } },
    );
    return sendPage(reply, assessmentPage({ chrome: pageChrome(request, reply), ...model }));
  });
}
