import { eq } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { associations } from "../accounts/tables.ts";
import { assessmentsOfMeasure } from "../assessments/queries.ts";
import { computeDueDate } from "../deadlines/rules.ts";
import { findPerson } from "../persons/queries.ts";
import { recordAudit } from "../platform/audit.ts";
import { FIELD_ROLES } from "../platform/auth.ts";
import type { Db } from "../platform/db.ts";
import { NotFoundError } from "../platform/errors.ts";
import {
  type FormErrors,
  type FormValues,
  mergeErrors,
  normalizeForm,
  validateForm,
} from "../platform/forms.ts";
import { pageChrome, redirectWithFlash, sendPage } from "../platform/page.ts";
import { currentUser, inTenant, todayInParis } from "../platform/request-context.ts";
import {
  activeMeasureTypes,
  allCourts,
  courtPlace,
  findCourt,
  findMeasureType,
} from "../reference/queries.ts";
import { withMeasure } from "./context.ts";
import { MeasureForm, type MeasureInput, StatusForm, toMeasureInput } from "./form.ts";
import {
  changeStatus,
  createMeasure,
  findMeasure,
  referentsOf,
  statusHistory,
  updateMeasure,
} from "./queries.ts";
import { checkMandateDates, checkTransition, type MeasureStatus } from "./rules.ts";
import { type MeasureFormOptions, measureFormPage, measurePage } from "./views.tsx";

const fieldRoles = { roles: FIELD_ROLES };

async function formOptions(
  db: Db,
  associationId: string,
): Promise<MeasureFormOptions & { defaultCourtId?: string }> {
  const [types, courts, referents, [association]] = await Promise.all([
    activeMeasureTypes(db),
    allCourts(db),
    referentsOf(db, associationId),
    db
      .select({ departementCode: associations.departementCode })
      .from(associations)
      .where(eq(associations.id, associationId)),
  ]);
  const local = courts.find(
    (c) => association?.departementCode && c.departementSeat === association.departementCode,
  );
  return { types, courts, referents, ...(local ? { defaultCourtId: local.id } : {}) };
}

/**
 * Checks a measure form: the schema, then the references (type, juridiction, référent of the
 * association), then the dates. Returns the input with the report due date computed when left empty.
 */
export async function checkMeasureForm(
  db: Db,
  associationId: string,
  values: FormValues,
  today: string,
): Promise<{ errors: FormErrors; input: MeasureInput & { reportDueDate: string } }> {
  const form = validateForm(MeasureForm, values);
  const input = toMeasureInput(values);
  const errors: FormErrors = { ...form.errors };
  const type = input.typeCode ? await findMeasureType(db, input.typeCode) : null;
  if (input.typeCode && !type?.active) errors.typeCode ??= "Choisissez un type de mesure dans la liste";
  const court = input.courtId ? await findCourt(db, input.courtId) : null;
  if (input.courtId && !court) errors.courtId ??= "Choisissez une juridiction dans la liste";
  if (input.referentId) {
    const referents = await referentsOf(db, associationId);
    if (!referents.some((r) => r.id === input.referentId))
      errors.referentId ??= "Choisissez un·e référent·e de votre association";
  }
  const dateErrors = checkMandateDates({
    decisionDate: errors.decisionDate ? undefined : input.decisionDate || undefined,
    receivedDate: errors.receivedDate ? undefined : input.receivedDate || undefined,
    reportDueDate: errors.reportDueDate ? undefined : (input.reportDueDate ?? undefined),
    today,
  });
  const all = mergeErrors(errors, dateErrors);
  if (!all.endDate && input.endDate && input.endDate < input.receivedDate) {
    all.endDate = "La fin prévue doit être postérieure à la date de réception";
  }
  let reportDueDate = input.reportDueDate ?? "";
  if (!reportDueDate && type && court && input.receivedDate && !all.receivedDate) {
    reportDueDate = computeDueDate(input.receivedDate, type.defaultReportDeadline, courtPlace(court));
  }
  return { errors: all, input: { ...input, reportDueDate } };
}

function associationOf(request: FastifyRequest): string {
  const user = currentUser(request);
  if (!user.associationId) throw new NotFoundError();
  return user.associationId;
}

/** Pages of a measure: /personnes/:id/mesures/nouvelle, /mesures/:id, /mesures/:id/modifier, /mesures/:id/statut. */
export async function measureRoutes(app: FastifyInstance) {
  const { db } = app.deps.database;

  async function showForm(
    request: FastifyRequest,
    reply: FastifyReply,
    model: {
      personId: string;
      values: FormValues;
      errors: FormErrors;
      measure?: { id: string; number: string };
    },
    status = 200,
  ) {
    const options = await formOptions(db, associationOf(request));
    const person = await inTenant(request, async (tx, user) => {
      const found = await findPerson(tx, model.personId);
      if (!found) throw new NotFoundError();
      await recordAudit(tx, {
        userId: user.id,
        action: "view",
        entity: "person",
        entityId: found.id,
        personId: found.id,
      });
      return found;
    });
    const values =
      model.measure || Object.keys(model.values).length > 0
        ? model.values
        : {
            courtId: options.defaultCourtId,
            referentId: currentUser(request).id,
            receivedDate: todayInParis(),
          };
    return sendPage(
      reply,
      measureFormPage({
        chrome: pageChrome(request, reply),
        options,
        person,
        values,
        errors: model.errors,
        ...(model.measure ? { measure: model.measure } : {}),
      }),
      status,
    );
  }

  app.get("/personnes/:id/mesures/nouvelle", { config: fieldRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    return showForm(request, reply, { personId: id, values: {}, errors: {} });
  });

  app.post("/personnes/:id/mesures/nouvelle", { config: fieldRoles }, async (request, reply) => {
    const { id: personId } = request.params as { id: string };
    const values = normalizeForm(request.body);
    const { errors, input } = await checkMeasureForm(db, associationOf(request), values, todayInParis());
    if (Object.keys(errors).length > 0) return showForm(request, reply, { personId, values, errors }, 422);
    const created = await inTenant(request, async (tx, user) => {
      if (!(await findPerson(tx, personId))) throw new NotFoundError();
      const measure = await createMeasure(tx, personId, input, user.id);
      await recordAudit(tx, {
        userId: user.id,
        action: "create",
        entity: "measure",
        entityId: measure.id,
        personId,
      });
      return measure;
    });
    return redirectWithFlash(
      request,
      reply,
      `/mesures/${created.id}`,
      `La mesure ${created.number} a été enregistrée.`,
    );
  });

  async function loadMeasurePage(request: FastifyRequest, id: string) {
    return withMeasure(request, id, async (tx, detail) => {
      const [latest, previous] = await assessmentsOfMeasure(tx, id);
      return {
        detail,
        history: await statusHistory(tx, id),
        situation: latest ? { latest, previous: previous ?? null } : null,
      };
    });
  }

  app.get("/mesures/:id", { config: fieldRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const model = await loadMeasurePage(request, id);
    return sendPage(
      reply,
      measurePage({ chrome: pageChrome(request, reply), today: todayInParis(), ...model }),
    );
  });

  app.get("/mesures/:id/modifier", { config: fieldRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const { detail } = await loadMeasurePage(request, id);
    const m = detail.measure;
    const values = Object.fromEntries(
      Object.entries(m).map(([k, v]) => [k, v === null || v === undefined ? undefined : String(v)]),
    );
    return showForm(request, reply, {
      personId: detail.person.id,
      values,
      errors: {},
      measure: { id, number: m.number },
    });
  });

  app.post("/mesures/:id/modifier", { config: fieldRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const values = normalizeForm(request.body);
    const { errors, input } = await checkMeasureForm(db, associationOf(request), values, todayInParis());
    const result = await inTenant(request, async (tx, user) => {
      const detail = await findMeasure(tx, id);
      if (!detail) throw new NotFoundError();
      if (Object.keys(errors).length > 0) return { detail, saved: false };
      await updateMeasure(tx, id, input);
      await recordAudit(tx, {
        userId: user.id,
        action: "update",
        entity: "measure",
        entityId: id,
        personId: detail.person.id,
      });
      return { detail, saved: true };
    });
    if (!result.saved) {
      return showForm(
        request,
        reply,
        {
          personId: result.detail.person.id,
          values,
          errors,
          measure: { id, number: result.detail.measure.number },
        },
        422,
      );
    }
    return redirectWithFlash(request, reply, `/mesures/${id}`, "Le mandat a été mis à jour.");
  });

  app.post("/mesures/:id/statut", { config: fieldRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const values = normalizeForm(request.body);
    const form = validateForm(StatusForm, values);
    const today = todayInParis();
    const outcome = await inTenant(request, async (tx, user) => {
      const detail = await findMeasure(tx, id);
      if (!detail) throw new NotFoundError();
      let errors: FormErrors = form.errors;
      if (form.ok && form.data.to === "cloturee") {
        errors = {
          to: "Pour clôturer la mesure, passez par la page « Clôture » : l'issue et le rapport final y sont demandés",
        };
      } else if (form.ok) {
        errors = checkTransition({
          from: detail.measure.status,
          to: form.data.to as MeasureStatus,
          on: form.data.on,
          previousOn: detail.measure.statusDate,
          today,
        });
      }
      if (!form.ok || Object.keys(errors).length > 0) return { errors };
      await changeStatus(tx, detail.measure, {
        to: form.data.to as MeasureStatus,
        on: form.data.on,
        note: form.data.note ?? null,
        userId: user.id,
      });
      await recordAudit(tx, {
        userId: user.id,
        action: "update",
        entity: "measure",
        entityId: id,
        personId: detail.person.id,
        detail: { status: form.data.to },
      });
      return { errors: {} };
    });
    if (Object.keys(outcome.errors).length > 0) {
      const model = await loadMeasurePage(request, id);
      return sendPage(
        reply,
        measurePage({
          chrome: pageChrome(request, reply),
          today,
          ...model,
          statusErrors: outcome.errors,
          statusValues: values,
        }),
        422,
      );
    }
    return redirectWithFlash(request, reply, `/mesures/${id}`, "Le statut a été mis à jour.");
  });
}
