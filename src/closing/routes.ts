import type { FastifyInstance } from "fastify";
import { withMeasure } from "../measures/context.ts";
import { findMeasure, type MeasureDetail } from "../measures/queries.ts";
import { recordAudit } from "../platform/audit.ts";
import { FIELD_ROLES } from "../platform/auth.ts";
import type { TenantTx } from "../platform/db.ts";
import { ConflictError, NotFoundError } from "../platform/errors.ts";
import { hasErrors, mergeErrors, normalizeForm, validateForm } from "../platform/forms.ts";
import { pageChrome, redirectWithFlash, sendPage } from "../platform/page.ts";
import { inTenant, todayInParis } from "../platform/request-context.ts";
import { lastIssued } from "../reports/queries.ts";
import { finalReportKind } from "../reports/rules.ts";
import { ClosingForm } from "./form.ts";
import { closeMeasure, closingChange } from "./queries.ts";
import { checkClosing } from "./rules.ts";
import { closingPage } from "./views.tsx";

const fieldRoles = { roles: FIELD_ROLES };

async function closingModel(tx: TenantTx, detail: MeasureDetail) {
  const finalKind = finalReportKind(detail.type.reportKinds);
  const finalReport = finalKind ? await lastIssued(tx, detail.measure.id, finalKind) : null;
  const closing = detail.measure.status === "cloturee" ? await closingChange(tx, detail.measure.id) : null;
  return { detail, finalKind, finalReport, closing };
}

/**
 * Closing a measure:
 *   GET, POST  /mesures/:id/cloture   the outcome (from the type's outcomes), the date and a short note;
 *                                     the final report must have been issued first. A closed measure
 *                                     stays readable and leaves the caseload.
 */
export async function closingRoutes(app: FastifyInstance): Promise<void> {
  app.get("/mesures/:id/cloture", { config: fieldRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const model = await withMeasure(request, id, (tx, detail) => closingModel(tx, detail));
    return sendPage(
      reply,
      closingPage({
        chrome: pageChrome(request, reply),
        today: todayInParis(),
        ...model,
        values: {},
        errors: {},
      }),
    );
  });

  app.post("/mesures/:id/cloture", { config: fieldRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const values = normalizeForm(request.body);
    const form = validateForm(ClosingForm, values);
    const today = todayInParis();
    const outcome = await inTenant(request, async (tx, user) => {
      const detail = await findMeasure(tx, id);
      if (!detail) throw new NotFoundError();
      if (detail.measure.status === "cloturee") throw new ConflictError("La mesure est déjà clôturée.");
      const model = await closingModel(tx, detail);
      const str = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : undefined);
      const errors = mergeErrors(
        form.errors,
        checkClosing({
          outcome: str("outcome"),
          outcomes: detail.type.outcomes,
          closedOn: form.errors.closedOn ? undefined : str("closedOn"),
          lastStatusOn: detail.measure.statusDate,
          today,
          finalReport: model.finalKind
            ? { kind: model.finalKind, issuedOn: model.finalReport?.issuedOn ?? null }
            : null,
        }),
      );
      const audit = { userId: user.id, personId: detail.person.id, entity: "measure", entityId: id };
      if (!form.ok || hasErrors(errors)) {
        await recordAudit(tx, { ...audit, action: "view" });
        return { closed: false as const, model, errors };
      }
      await closeMeasure(tx, detail.measure, {
        outcome: form.data.outcome,
        on: form.data.closedOn,
        note: form.data.note ?? null,
        userId: user.id,
      });
      await recordAudit(tx, {
        ...audit,
        action: "update",
        detail: { status: "cloturee", outcome: form.data.outcome },
      });
      return { closed: true as const };
    });
    if (!outcome.closed) {
      return sendPage(
        reply,
        closingPage({
          chrome: pageChrome(request, reply),
          today,
          ...outcome.model,
          values,
          errors: outcome.errors,
        }),
        422,
      );
    }
    return redirectWithFlash(
      request,
      reply,
      `/mesures/${id}/cloture`,
      "La mesure est clôturée. Elle reste consultable et ne figure plus parmi les mesures en cours.",
    );
  });
}
