import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { withMeasure } from "../measures/context.ts";
import { findMeasure, type MeasureDetail } from "../measures/queries.ts";
import { partnerOptions } from "../partners/queries.ts";
import { recordAudit } from "../platform/audit.ts";
import { type CurrentUser, FIELD_ROLES } from "../platform/auth.ts";
import type { TenantTx } from "../platform/db.ts";
import { ConflictError, NotFoundError } from "../platform/errors.ts";
import {
  type FormErrors,
  type FormValues,
  hasErrors,
  mergeErrors,
  normalizeForm,
  validateForm,
} from "../platform/forms.ts";
import { pageChrome, redirectWithFlash, sendPage } from "../platform/page.ts";
import { inTenant, todayInParis } from "../platform/request-context.ts";
import { ActionForm, ObjectiveForm, QuickStatusForm, toActionInput, toObjectiveInput } from "./form.ts";
import {
  createAction,
  createObjective,
  findAction,
  findObjective,
  type PlanAction,
  type PlanObjective,
  planOfMeasure,
  updateAction,
  updateObjective,
} from "./queries.ts";
import {
  ACTION_STATUS_LABELS,
  checkCanAddAction,
  checkDueDate,
  checkObjectiveStatus,
  checkStatusReason,
} from "./rules.ts";
import type { PlanStatus } from "./tables.ts";
import { actionFormPage, objectiveFormPage, planPage } from "./views.tsx";

const fieldRoles = { roles: FIELD_ROLES };

function ensureOpen(detail: MeasureDetail): void {
  if (detail.measure.status === "cloturee")
    throw new ConflictError("La mesure est clôturée : son plan d'action ne se modifie plus.");
}

/**
 * Runs a change of the plan in one transaction: the measure (404 if not visible, 409 if closed),
 * then fn. fn returns errors to send the form back (the access is then logged as a view) or the
 * entity it changed (logged as that change).
 */
async function changePlan<T extends { errors: FormErrors }>(
  request: FastifyRequest,
  measureId: string,
  fn: (
    tx: TenantTx,
    detail: MeasureDetail,
    user: CurrentUser,
  ) => Promise<T & { audit?: { action: "create" | "update"; entity: string; entityId: string } }>,
): Promise<T & { detail: MeasureDetail }> {
  return inTenant(request, async (tx, user) => {
    const detail = await findMeasure(tx, measureId);
    if (!detail) throw new NotFoundError();
    ensureOpen(detail);
    const result = await fn(tx, detail, user);
    const base = { userId: user.id, personId: detail.person.id };
    if (hasErrors(result.errors) || !result.audit) {
      await recordAudit(tx, { ...base, action: "view", entity: "measure", entityId: measureId });
    } else {
      await recordAudit(tx, { ...base, ...result.audit, detail: { measureId } });
    }
    return { ...result, detail };
  });
}

function objectiveValues(o: PlanObjective): FormValues {
  return {
    domain: o.domain,
    title: o.title,
    dueDate: o.dueDate ?? undefined,
    status: o.status,
    statusReason: o.statusReason ?? undefined,
  };
}

function actionValues(a: PlanAction): FormValues {
  return {
    description: a.description,
    partnerId: a.partnerId ?? undefined,
    dueDate: a.dueDate ?? undefined,
    status: a.status,
    statusReason: a.statusReason ?? undefined,
  };
}

/**
 * The action plan of a measure: objectives by domain, each with its actions, a partner, a due date
 * and a status.
 *   GET        /mesures/:id/plan                                         the plan, overdue actions first in a notice
 *   GET, POST  /mesures/:id/plan/objectifs/nouveau                       add an objective
 *   GET, POST  /mesures/:id/plan/objectifs/:objectiveId/modifier         change it, reach it, abandon it (with a reason)
 *   GET, POST  /mesures/:id/plan/objectifs/:objectiveId/actions/nouvelle add an action to it
 *   GET, POST  /mesures/:id/plan/actions/:actionId/modifier              change an action (?statut=abandonne preselects it)
 *   POST       /mesures/:id/plan/actions/:actionId/statut                quick status change from the plan
 */
export async function actionPlanRoutes(app: FastifyInstance): Promise<void> {
  app.get("/mesures/:id/plan", { config: fieldRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const model = await withMeasure(request, id, async (tx, detail) => ({
      detail,
      plan: await planOfMeasure(tx, id),
    }));
    return sendPage(reply, planPage({ chrome: pageChrome(request, reply), today: todayInParis(), ...model }));
  });

  /* Objectives ------------------------------------------------------ */

  app.get("/mesures/:id/plan/objectifs/nouveau", { config: fieldRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const detail = await withMeasure(request, id, async (_tx, found) => {
      ensureOpen(found);
      return found;
    });
    return sendPage(
      reply,
      objectiveFormPage({ chrome: pageChrome(request, reply), detail, values: {}, errors: {} }),
    );
  });

  app.post("/mesures/:id/plan/objectifs/nouveau", { config: fieldRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const values = normalizeForm(request.body);
    const form = validateForm(ObjectiveForm, values);
    const input = toObjectiveInput(values);
    const outcome = await changePlan(request, id, async (tx, detail, user) => {
      const errors = mergeErrors(
        form.errors,
        form.ok ? checkDueDate(input.dueDate, detail.measure.receivedDate, "objective") : {},
      );
      if (hasErrors(errors)) return { errors };
      const objectiveId = await createObjective(tx, id, input, user.id);
      return { errors, audit: { action: "create", entity: "plan_objective", entityId: objectiveId } };
    });
    if (hasErrors(outcome.errors)) {
      return sendPage(
        reply,
        objectiveFormPage({
          chrome: pageChrome(request, reply),
          detail: outcome.detail,
          values,
          errors: outcome.errors,
        }),
        422,
      );
    }
    return redirectWithFlash(
      request,
      reply,
      `/mesures/${id}/plan`,
      "L'objectif a été ajouté au plan d'action.",
    );
  });

  app.get(
    "/mesures/:id/plan/objectifs/:objectiveId/modifier",
    { config: fieldRoles },
    async (request, reply) => {
      const { id, objectiveId } = request.params as { id: string; objectiveId: string };
      const model = await withMeasure(request, id, async (tx, detail) => {
        ensureOpen(detail);
        const objective = await findObjective(tx, id, objectiveId);
        if (!objective) throw new NotFoundError();
        return { detail, objective };
      });
      return sendPage(
        reply,
        objectiveFormPage({
          chrome: pageChrome(request, reply),
          ...model,
          values: objectiveValues(model.objective),
          errors: {},
        }),
      );
    },
  );

  app.post(
    "/mesures/:id/plan/objectifs/:objectiveId/modifier",
    { config: fieldRoles },
    async (request, reply) => {
      const { id, objectiveId } = request.params as { id: string; objectiveId: string };
      const values = normalizeForm(request.body);
      const form = validateForm(ObjectiveForm, values);
      const input = toObjectiveInput(values);
      const outcome = await changePlan(request, id, async (tx, detail) => {
        const objective = await findObjective(tx, id, objectiveId);
        if (!objective) throw new NotFoundError();
        const status = input.status ?? objective.status;
        const errors = mergeErrors(
          form.errors,
          input.status ? {} : { status: "Choisissez le statut de l'objectif" },
          form.ok
            ? mergeErrors(
                checkDueDate(input.dueDate, detail.measure.receivedDate, "objective"),
                checkObjectiveStatus(
                  status,
                  objective.actions.map((a) => a.status),
                ),
                checkStatusReason(status, input.statusReason, "objective"),
              )
            : {},
        );
        if (hasErrors(errors)) return { errors, objective };
        await updateObjective(tx, objective, { ...input, status });
        return {
          errors,
          objective,
          audit: { action: "update", entity: "plan_objective", entityId: objectiveId },
        };
      });
      if (hasErrors(outcome.errors)) {
        return sendPage(
          reply,
          objectiveFormPage({
            chrome: pageChrome(request, reply),
            detail: outcome.detail,
            objective: outcome.objective,
            values,
            errors: outcome.errors,
          }),
          422,
        );
      }
      return redirectWithFlash(request, reply, `/mesures/${id}/plan`, "L'objectif a été mis à jour.");
    },
  );

  /* Actions --------------------------------------------------------- */

  async function showActionForm(
    request: FastifyRequest,
    reply: FastifyReply,
    model: {
      detail: MeasureDetail;
      objective: PlanObjective;
      action?: PlanAction;
      partners: Awaited<ReturnType<typeof partnerOptions>>;
      values: FormValues;
      errors: FormErrors;
    },
    status = 200,
  ) {
    return sendPage(reply, actionFormPage({ chrome: pageChrome(request, reply), ...model }), status);
  }

  /** The schema, the reason of an abandonment, the due date, and a partner of the directory. */
  function checkAction(
    values: FormValues,
    detail: MeasureDetail,
    partners: { id: string }[],
  ): { errors: FormErrors; input: ReturnType<typeof toActionInput> } {
    const form = validateForm(ActionForm, values);
    const input = toActionInput(values);
    const references: FormErrors = {};
    if (input.partnerId && !partners.some((p) => p.id === input.partnerId))
      references.partnerId = "Choisissez un partenaire de l'annuaire de votre association";
    const rules = form.ok
      ? mergeErrors(
          checkDueDate(input.dueDate, detail.measure.receivedDate, "action"),
          checkStatusReason(input.status, input.statusReason, "action"),
        )
      : {};
    return { errors: mergeErrors(form.errors, references, rules), input };
  }

  app.get(
    "/mesures/:id/plan/objectifs/:objectiveId/actions/nouvelle",
    { config: fieldRoles },
    async (request, reply) => {
      const { id, objectiveId } = request.params as { id: string; objectiveId: string };
      const model = await withMeasure(request, id, async (tx, detail) => {
        ensureOpen(detail);
        const objective = await findObjective(tx, id, objectiveId);
        if (!objective) throw new NotFoundError();
        const refused = checkCanAddAction(objective.status);
        if (refused) throw new ConflictError(refused);
        return { detail, objective, partners: await partnerOptions(tx) };
      });
      return showActionForm(request, reply, { ...model, values: { status: "a_faire" }, errors: {} });
    },
  );

  app.post(
    "/mesures/:id/plan/objectifs/:objectiveId/actions/nouvelle",
    { config: fieldRoles },
    async (request, reply) => {
      const { id, objectiveId } = request.params as { id: string; objectiveId: string };
      const values = normalizeForm(request.body);
      const today = todayInParis();
      const outcome = await changePlan(request, id, async (tx, detail) => {
        const objective = await findObjective(tx, id, objectiveId);
        if (!objective) throw new NotFoundError();
        const refused = checkCanAddAction(objective.status);
        if (refused) throw new ConflictError(refused);
        const partners = await partnerOptions(tx);
        const { errors, input } = checkAction(values, detail, partners);
        if (hasErrors(errors) || !input.status) return { errors, objective, partners };
        const actionId = await createAction(tx, objective, { ...input, status: input.status }, today);
        return {
          errors,
          objective,
          partners,
          audit: { action: "create", entity: "plan_action", entityId: actionId },
        };
      });
      if (hasErrors(outcome.errors)) {
        return showActionForm(
          request,
          reply,
          {
            detail: outcome.detail,
            objective: outcome.objective,
            partners: outcome.partners,
            values,
            errors: outcome.errors,
          },
          422,
        );
      }
      return redirectWithFlash(request, reply, `/mesures/${id}/plan`, "L'action a été ajoutée.");
    },
  );

  app.get("/mesures/:id/plan/actions/:actionId/modifier", { config: fieldRoles }, async (request, reply) => {
    const { id, actionId } = request.params as { id: string; actionId: string };
    const { statut } = request.query as { statut?: string };
    const model = await withMeasure(request, id, async (tx, detail) => {
      ensureOpen(detail);
      const found = await findAction(tx, id, actionId);
      if (!found) throw new NotFoundError();
      return { detail, ...found, partners: await partnerOptions(tx, { include: [found.action.partnerId] }) };
    });
    const values = actionValues(model.action);
    if (statut === "abandonne") values.status = "abandonne";
    return showActionForm(request, reply, { ...model, values, errors: {} });
  });

  app.post("/mesures/:id/plan/actions/:actionId/modifier", { config: fieldRoles }, async (request, reply) => {
    const { id, actionId } = request.params as { id: string; actionId: string };
    const values = normalizeForm(request.body);
    const today = todayInParis();
    const outcome = await changePlan(request, id, async (tx, detail) => {
      const found = await findAction(tx, id, actionId);
      if (!found) throw new NotFoundError();
      const partners = await partnerOptions(tx, { include: [found.action.partnerId] });
      const { errors, input } = checkAction(values, detail, partners);
      if (hasErrors(errors) || !input.status) return { errors, ...found, partners };
      await updateAction(tx, found, { ...input, status: input.status }, today);
      return {
        errors,
        ...found,
        partners,
        audit: { action: "update", entity: "plan_action", entityId: actionId },
      };
    });
    if (hasErrors(outcome.errors)) {
      return showActionForm(
        request,
        reply,
        {
          detail: outcome.detail,
          objective: outcome.objective,
          action: outcome.action,
          partners: outcome.partners,
          values,
          errors: outcome.errors,
        },
        422,
      );
    }
    return redirectWithFlash(request, reply, `/mesures/${id}/plan`, "L'action a été mise à jour.");
  });

  app.post("/mesures/:id/plan/actions/:actionId/statut", { config: fieldRoles }, async (request, reply) => {
    const { id, actionId } = request.params as { id: string; actionId: string };
    const values = normalizeForm(request.body);
    const form = validateForm(QuickStatusForm, values);
    const status = (form.ok ? form.data.status : null) as PlanStatus | null;
    const reason = typeof values.statusReason === "string" ? values.statusReason : null;
    const today = todayInParis();
    const outcome = await changePlan(request, id, async (tx) => {
      const found = await findAction(tx, id, actionId);
      if (!found) throw new NotFoundError();
      const errors = mergeErrors(form.errors, checkStatusReason(status, reason, "action"));
      if (hasErrors(errors) || !status) {
        return {
          errors,
          ...found,
          partners: await partnerOptions(tx, { include: [found.action.partnerId] }),
        };
      }
      await updateAction(tx, found, { status, statusReason: reason }, today);
      return {
        errors,
        ...found,
        partners: [],
        audit: { action: "update", entity: "plan_action", entityId: actionId },
      };
    });
    if (hasErrors(outcome.errors)) {
      // The action's form, with the status asked for and the field to fill in.
      return showActionForm(
        request,
        reply,
        {
          detail: outcome.detail,
          objective: outcome.objective,
          action: outcome.action,
          partners: outcome.partners,
          values: {
            ...actionValues(outcome.action),
            ...(status ? { status } : {}),
            statusReason: reason ?? undefined,
          },
          errors: outcome.errors,
        },
        422,
      );
    }
    return redirectWithFlash(
      request,
      reply,
      `/mesures/${id}/plan`,
      `L'action « ${outcome.action.description} » est ${ACTION_STATUS_LABELS[status ?? "a_faire"].toLowerCase()}.`,
    );
  });
}
