import type { FastifyInstance } from "fastify";
import { createObjective, planOfMeasure } from "../action-plans/queries.ts";
import { withMeasure } from "../measures/context.ts";
import { findMeasure, type MeasureDetail } from "../measures/queries.ts";
import { recordAudit } from "../platform/audit.ts";
import { FIELD_ROLES } from "../platform/auth.ts";
import type { TenantTx } from "../platform/db.ts";
import { ConflictError, NotFoundError } from "../platform/errors.ts";
import { type FormErrors, hasErrors, mergeErrors, normalizeForm, validateForm } from "../platform/forms.ts";
import { pageChrome, redirectWithFlash, sendPage } from "../platform/page.ts";
import { inTenant, todayInParis } from "../platform/request-context.ts";
import { formatDate } from "../platform/views/display.tsx";
import { AssessmentForm, prefilledValues, toAssessmentInput } from "./form.ts";
import {
  type AssessmentWithDomains,
  assessmentsOfMeasure,
  createAssessment,
  findAssessment,
  latestAssessment,
} from "./queries.ts";
import { checkAssessment } from "./rules.ts";
import { chosenProposals, NEEDS_FIELD, proposalsFromNeeds } from "./to-plan.ts";
import { assessmentFormPage, assessmentPage, assessmentTabPage } from "./views.tsx";

const fieldRoles = { roles: FIELD_ROLES };

/** The needs of an assessment offered as plan objectives; none once the measure is closed. */
async function proposalsOf(tx: TenantTx, detail: MeasureDetail, assessment: AssessmentWithDomains) {
  if (detail.measure.status === "cloturee") return [];
  const plan = await planOfMeasure(tx, detail.measure.id);
  return proposalsFromNeeds(assessment.domains, plan);
}

function ensureOpen(detail: MeasureDetail): void {
  if (detail.measure.status === "cloturee")
    throw new ConflictError("La mesure est clôturée : on ne peut plus y ajouter d'évaluation.");
}

/**
 * The assessment of the person's situation, one section per domain, dated and repeated over time:
 *   GET        /mesures/:id/evaluation                 the latest assessment, how each domain changed, the past ones
 *   GET, POST  /mesures/:id/evaluation/nouvelle        a new assessment, prefilled from the latest
 *   GET        /mesures/:id/evaluation/:assessmentId   one assessment in full, its needs offered as plan objectives
 *   POST       /mesures/:id/evaluation/:assessmentId/objectifs   the needs checked become objectives of the plan
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
        return { detail, ...found, proposals: await proposalsOf(tx, detail, found.assessment) };
      },
      { action: "view", detail: { assessmentId } },
    );
    return sendPage(reply, assessmentPage({ chrome: pageChrome(request, reply), ...model }));
  });

  app.post(
    "/mesures/:id/evaluation/:assessmentId/objectifs",
    { config: fieldRoles },
    async (request, reply) => {
      const { id, assessmentId } = request.params as { id: string; assessmentId: string };
      const values = normalizeForm(request.body);
      const raw = values[NEEDS_FIELD];
      const chosen = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
      const outcome = await inTenant(request, async (tx, user) => {
        const detail = await findMeasure(tx, id);
        if (!detail) throw new NotFoundError();
        const found = await findAssessment(tx, id, assessmentId);
        if (!found) throw new NotFoundError();
        if (detail.measure.status === "cloturee")
          throw new ConflictError("La mesure est clôturée : son plan d'action ne se modifie plus.");
        const proposals = await proposalsOf(tx, detail, found.assessment);
        const picked = chosenProposals(chosen, proposals);
        const audit = { userId: user.id, personId: detail.person.id };
        if (hasErrors(picked.errors)) {
          await recordAudit(tx, { ...audit, action: "view", entity: "assessment", entityId: assessmentId });
          return { added: 0, model: { detail, ...found, proposals }, errors: picked.errors };
        }
        for (const p of picked.chosen) {
          const objectiveId = await createObjective(
            tx,
            id,
            { domain: p.planDomain, title: p.title, dueDate: null, status: null, statusReason: null },
            user.id,
          );
          await recordAudit(tx, {
            ...audit,
            action: "create",
            entity: "plan_objective",
            entityId: objectiveId,
            detail: { measureId: id, fromAssessment: assessmentId },
          });
        }
        return { added: picked.chosen.length, assessedOn: found.assessment.assessedOn };
      });
      if (outcome.model) {
        return sendPage(
          reply,
          assessmentPage({
            chrome: pageChrome(request, reply),
            ...outcome.model,
            chosen,
            errors: outcome.errors,
          }),
          422,
        );
      }
      const n = outcome.added;
      return redirectWithFlash(
        request,
        reply,
        `/mesures/${id}/plan`,
        `${n} ${n > 1 ? "objectifs ajoutés" : "objectif ajouté"} au plan d'action à partir de l'évaluation du ${formatDate(outcome.assessedOn)}.`,
      );
    },
  );
}
