import type { FastifyInstance, FastifyRequest } from "fastify";
import { storeFile } from "../files/queries.ts";
import { withMeasure } from "../measures/context.ts";
import { findMeasure, type MeasureDetail } from "../measures/queries.ts";
import { recordAudit } from "../platform/audit.ts";
import { FIELD_ROLES } from "../platform/auth.ts";
import type { Queryable, TenantTx } from "../platform/db.ts";
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
import { receiveFile } from "../platform/uploads.ts";
import { ComplianceForm, checkObligationForm, ProofForm, textOf } from "./form.ts";
import {
  addProof,
  createObligation,
  findObligation,
  type ObligationRecord,
  obligationsOfMeasure,
  recordCompliance,
  statutoryChoices,
} from "./queries.ts";
import { checkCompliancePeriod, checkProofReceipt, statutoryArticlesFor } from "./rules.ts";
import type { ComplianceStatus, ProofKind } from "./tables.ts";
import { obligationFormPage, obligationPage, obligationsPage } from "./views.tsx";

const fieldRoles = { roles: FIELD_ROLES };

/** A proof's file is a PDF (readable), a JPEG or a PNG, told by its content (platform/uploads.ts). */
const PROOF_FILE_KINDS = ["pdf", "jpeg", "png"] as const;

function ensureOpen(detail: MeasureDetail): void {
  if (detail.measure.status === "cloturee")
    throw new ConflictError("La mesure est clôturée : ses obligations ne peuvent plus être modifiées.");
}

async function choicesFor(db: Queryable, detail: MeasureDetail) {
  const articles = statutoryArticlesFor(detail.type);
  return { articles, choices: await statutoryChoices(db, articles) };
}

/** The measure and one of its obligations, or a 404 (wrong id, another measure, another association). */
async function measureAndObligation(tx: TenantTx, measureId: string, obligationId: string) {
  const detail = await findMeasure(tx, measureId);
  if (!detail) throw new NotFoundError();
  const record = await findObligation(tx, measureId, obligationId);
  if (!record) throw new NotFoundError();
  return { detail, record };
}

/**
 * Obligations and prohibitions of a measure, with their proofs and compliance findings:
 *   GET        /mesures/:id/obligations                                   the list, with the missing proofs in a notice
 *   GET, POST  /mesures/:id/obligations/nouvelle                          add one (statutory list or free)
 *   GET        /mesures/:id/obligations/:obligationId                     one obligation: schedule, proofs, findings
 *   POST       /mesures/:id/obligations/:obligationId/justificatifs       add a proof, with a file (multipart)
 *   POST       /mesures/:id/obligations/:obligationId/constats            record a finding for a period
 */
export async function obligationRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps.database;

  app.get("/mesures/:id/obligations", { config: fieldRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const model = await withMeasure(request, id, async (tx, detail) => ({
      detail,
      records: await obligationsOfMeasure(tx, id),
    }));
    return sendPage(
      reply,
      obligationsPage({ chrome: pageChrome(request, reply), today: todayInParis(), ...model }),
    );
  });

  app.get("/mesures/:id/obligations/nouvelle", { config: fieldRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const detail = await withMeasure(request, id, async (_tx, found) => {
      ensureOpen(found);
      return found;
    });
    const { articles, choices } = await choicesFor(db, detail);
    const { measure } = detail;
    return sendPage(
      reply,
      obligationFormPage({
        chrome: pageChrome(request, reply),
        detail,
        articles,
        choices,
        values: {
          source: choices.length > 0 ? "liste" : "libre",
          startDate: measure.decisionDate,
          endDate: measure.endDate ?? undefined,
          proofRequired: "1",
          proofIntervalDays: "30",
        },
        errors: {},
      }),
    );
  });

  app.post("/mesures/:id/obligations/nouvelle", { config: fieldRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const values = normalizeForm(request.body);
    const outcome = await inTenant(request, async (tx, user) => {
      const detail = await findMeasure(tx, id);
      if (!detail) throw new NotFoundError();
      ensureOpen(detail);
      const { articles, choices } = await choicesFor(tx, detail);
      const { errors, input } = checkObligationForm(values, choices, detail.measure);
      const audit = { userId: user.id, personId: detail.person.id };
      if (!input) {
        await recordAudit(tx, { ...audit, action: "view", entity: "measure", entityId: id });
        return { saved: false as const, detail, articles, choices, errors };
      }
      const obligationId = await createObligation(tx, id, input, user.id);
      await recordAudit(tx, {
        ...audit,
        action: "create",
        entity: "obligation",
        entityId: obligationId,
        detail: { measureId: id },
      });
      return { saved: true as const, obligationId, label: input.label };
    });
    if (!outcome.saved) {
      const { detail, articles, choices, errors } = outcome;
      return sendPage(
        reply,
        obligationFormPage({ chrome: pageChrome(request, reply), detail, articles, choices, values, errors }),
        422,
      );
    }
    return redirectWithFlash(
      request,
      reply,
      `/mesures/${id}/obligations/${outcome.obligationId}`,
      `L'obligation « ${outcome.label} » est enregistrée.`,
    );
  });

  app.get("/mesures/:id/obligations/:obligationId", { config: fieldRoles }, async (request, reply) => {
    const { id, obligationId } = request.params as { id: string; obligationId: string };
    const model = await withMeasure(request, id, async (tx, detail) => {
      const record = await findObligation(tx, id, obligationId);
      if (!record) throw new NotFoundError();
      return { detail, record };
    });
    return sendPage(
      reply,
      obligationPage({ chrome: pageChrome(request, reply), today: todayInParis(), ...model }),
    );
  });

  function sendObligation(
    request: FastifyRequest,
    reply: Parameters<typeof sendPage>[0],
    model: { detail: MeasureDetail; record: ObligationRecord },
    forms: {
      proofValues?: FormValues;
      proofErrors?: FormErrors;
      complianceValues?: FormValues;
      complianceErrors?: FormErrors;
    },
  ) {
    return sendPage(
      reply,
      obligationPage({ chrome: pageChrome(request, reply), today: todayInParis(), ...model, ...forms }),
      422,
    );
  }

  app.post(
    "/mesures/:id/obligations/:obligationId/justificatifs",
    { config: fieldRoles },
    async (request, reply) => {
      const { id, obligationId } = request.params as { id: string; obligationId: string };
      const values = normalizeForm(request.body);
      const form = validateForm(ProofForm, values);
      // The file is optional: none chosen is fine, a refused one is an error at its field.
      const received = await receiveFile(request.body, "proofFile", PROOF_FILE_KINDS);
      const file = received.status === "ok" ? received.upload : null;
      const fileError: FormErrors = received.status === "refused" ? { proofFile: received.error } : {};
      const today = todayInParis();
      const outcome = await inTenant(request, async (tx, user) => {
        const { detail, record } = await measureAndObligation(tx, id, obligationId);
        ensureOpen(detail);
        const receivedOn = form.ok ? form.data.receivedOn : undefined;
        const errors = mergeErrors(
          form.errors,
          checkProofReceipt(receivedOn, record.obligation, today),
          fileError,
        );
        const audit = { userId: user.id, personId: detail.person.id };
        if (hasErrors(errors) || !form.ok) {
          await recordAudit(tx, { ...audit, action: "view", entity: "obligation", entityId: obligationId });
          return { saved: false as const, detail, record, errors };
        }
        const fileId = file ? await storeFile(tx, file, user.id) : null;
        const proofId = await addProof(
          tx,
          obligationId,
          {
            receivedOn: form.data.receivedOn,
            kind: form.data.proofKind as ProofKind,
            description: textOf(values, "proofDescription"),
            fileId,
          },
          user.id,
        );
        await recordAudit(tx, {
          ...audit,
          action: "create",
          entity: "obligation_proof",
          entityId: proofId,
          detail: { obligationId, withFile: fileId !== null },
        });
        return { saved: true as const };
      });
      if (!outcome.saved) {
        return sendObligation(request, reply, outcome, { proofValues: values, proofErrors: outcome.errors });
      }
      return redirectWithFlash(
        request,
        reply,
        `/mesures/${id}/obligations/${obligationId}`,
        file ? "Le justificatif et son fichier sont enregistrés." : "Le justificatif est enregistré.",
      );
    },
  );

  app.post(
    "/mesures/:id/obligations/:obligationId/constats",
    { config: fieldRoles },
    async (request, reply) => {
      const { id, obligationId } = request.params as { id: string; obligationId: string };
      const values = normalizeForm(request.body);
      const form = validateForm(ComplianceForm, values);
      const today = todayInParis();
      const outcome = await inTenant(request, async (tx, user) => {
        const { detail, record } = await measureAndObligation(tx, id, obligationId);
        ensureOpen(detail);
        const period = {
          periodStart: form.errors.periodStart ? undefined : (textOf(values, "periodStart") ?? undefined),
          periodEnd: form.errors.periodEnd ? undefined : (textOf(values, "periodEnd") ?? undefined),
        };
        const errors = mergeErrors(form.errors, checkCompliancePeriod(period, record.obligation, today));
        const audit = { userId: user.id, personId: detail.person.id };
        if (hasErrors(errors) || !form.ok) {
          await recordAudit(tx, { ...audit, action: "view", entity: "obligation", entityId: obligationId });
          return { saved: false as const, detail, record, errors };
        }
        const status = form.data.status as ComplianceStatus;
        const findingId = await recordCompliance(
          tx,
          obligationId,
          {
            periodStart: form.data.periodStart,
            periodEnd: form.data.periodEnd,
            status,
            note: textOf(values, "note"),
          },
          user.id,
        );
        await recordAudit(tx, {
          ...audit,
          action: "create",
          entity: "obligation_compliance",
          entityId: findingId,
          detail: { obligationId, status },
        });
        return { saved: true as const };
      });
      if (!outcome.saved) {
        return sendObligation(request, reply, outcome, {
          complianceValues: values,
          complianceErrors: outcome.errors,
        });
      }
      return redirectWithFlash(
        request,
        reply,
        `/mesures/${id}/obligations/${obligationId}`,
        "Le constat est enregistré.",
      );
    },
  );
}
