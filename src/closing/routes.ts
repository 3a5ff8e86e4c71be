import type { FastifyInstance } from "fastify";
import { withMeasure } from "../measures/context.ts";
import { findMeasure, type MeasureDetail } from "../measures/queries.ts";
import { recordAudit } from "../platform/audit.ts";
import { FIELD_ROLES } from "../platform/auth.ts";
import type { TenantTx } from "../platform/db.ts";
import { ConflictError, NotFoundError } from "../platform/errors.ts";
import { type FormValues, hasErrors, mergeErrors, normalizeForm, validateForm } from "../platform/forms.ts";
import { pageChrome, redirectWithFlash, sendPage } from "../platform/page.ts";
import { inTenant, todayInParis } from "../platform/request-context.ts";
import { lastIssued } from "../reports/queries.ts";
import { finalReportKind } from "../reports/rules.ts";
import { closingConfirmPage } from "./confirm-view.tsx";
import { ClosingForm } from "./form.ts";
import { closeMeasure, closingChange, closingEffectsOf, finalConclusion, openItems } from "./queries.ts";
import { checkClosing, closingEffectsText, noteFromConclusion } from "./rules.ts";
import { closingPage } from "./views.tsx";

const fieldRoles = { roles: FIELD_ROLES };

async function closingModel(tx: TenantTx, detail: MeasureDetail, on: string, now: Date) {
  const finalKind = finalReportKind(detail.type.reportKinds);
  const finalReport = finalKind ? await lastIssued(tx, detail.measure.id, finalKind) : null;
  const closed = detail.measure.status === "cloturee";
  const closing = closed ? await closingChange(tx, detail.measure.id) : null;
  const closedOn = detail.measure.closedOn ?? closing?.changedOn ?? null;
  return {
    detail,
    finalKind,
    finalReport,
    closing,
    open: closed ? null : await openItems(tx, detail.measure.id, on, now),
    effects: closed && closedOn ? await closingEffectsOf(tx, detail.measure.id, closedOn) : null,
    conclusion: finalReport && finalKind ? await finalConclusion(tx, detail.measure.id, finalKind) : null,
  };
}

/**
 * Closing a measure:
 *   GET   /mesures/:id/cloture              what is still open (upcoming appointments and their reminders,
 *                                           running obligations, unfinished plan actions), then the outcome,
 *                                           the date and a short note; ?depuis=rapport (or the button of that
 *                                           name) starts the note from the final report's conclusion. The final
 *                                           report must be issued first.
 *   POST  /mesures/:id/cloture              checks the form: errors at the fields (422), or a confirmation
 *                                           page repeating the facts and what closing will do (200);
 *                                           with confirme=1 it checks again and closes: upcoming appointments
 *                                           cancelled, obligations ended on the date, the plan frozen, in one
 *                                           transaction. « modifier » goes back to the form with the values.
 * A closed measure stays readable and leaves the caseload.
 */
export async function closingRoutes(app: FastifyInstance): Promise<void> {
  app.get("/mesures/:id/cloture", { config: fieldRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const { depuis } = request.query as { depuis?: string };
    const today = todayInParis();
    const model = await withMeasure(request, id, (tx, detail) => closingModel(tx, detail, today, new Date()));
    const note = depuis === "rapport" && model.conclusion ? noteFromConclusion(model.conclusion) : undefined;
    return sendPage(
      reply,
      closingPage({ chrome: pageChrome(request, reply), today, ...model, values: { note }, errors: {} }),
    );
  });

  app.post("/mesures/:id/cloture", { config: fieldRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const values: FormValues = normalizeForm(request.body);
    const form = validateForm(ClosingForm, values);
    const today = todayInParis();
    const now = new Date();
    const str = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : undefined);
    const outcome = await inTenant(request, async (tx, user) => {
      const detail = await findMeasure(tx, id);
      if (!detail) throw new NotFoundError();
      if (detail.measure.status === "cloturee") throw new ConflictError("La mesure est déjà clôturée.");
      const on = form.ok && !form.errors.closedOn ? form.data.closedOn : today;
      const model = await closingModel(tx, detail, on, now);
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
      const editing = str("modifier") === "1" || str("depuis") === "rapport";
      if (editing || !form.ok || hasErrors(errors)) {
        await recordAudit(tx, { ...audit, action: "view" });
        return { step: "form" as const, model, errors: editing ? {} : errors };
      }
      if (str("confirme") !== "1") {
        await recordAudit(tx, { ...audit, action: "view" });
        return { step: "confirm" as const, model, data: form.data };
      }
      const effects = await closeMeasure(tx, detail.measure, {
        outcome: form.data.outcome,
        on: form.data.closedOn,
        note: form.data.note ?? null,
        userId: user.id,
        now,
      });
      await recordAudit(tx, {
        ...audit,
        action: "update",
        detail: { status: "cloturee", outcome: form.data.outcome, ...effects },
      });
      return { step: "closed" as const, effects, on: form.data.closedOn };
    });
    const chrome = pageChrome(request, reply);
    if (outcome.step === "form") {
      if (str("depuis") === "rapport" && outcome.model.conclusion && !str("note"))
        values.note = noteFromConclusion(outcome.model.conclusion);
      const status = hasErrors(outcome.errors) ? 422 : 200;
      return sendPage(
        reply,
        closingPage({ chrome, today, ...outcome.model, values, errors: outcome.errors }),
        status,
      );
    }
    if (outcome.step === "confirm") {
      return sendPage(reply, closingConfirmPage({ chrome, ...outcome.model, values: outcome.data }));
    }
    const effects = closingEffectsText(outcome.effects, outcome.on);
    return redirectWithFlash(
      request,
      reply,
      `/mesures/${id}/cloture`,
      `La mesure est clôturée${effects ? ` : ${effects}` : ""}. Elle reste consultable et ne figure plus parmi les mesures en cours.`,
    );
  });
}
