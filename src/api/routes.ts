import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type TObject, Type } from "typebox";
import { caseload } from "../caseload/queries.ts";
import { MeasureForm } from "../measures/form.ts";
import { createMeasure, findMeasure } from "../measures/queries.ts";
import { checkMeasureForm } from "../measures/routes.ts";
import { findLikelyDuplicates, recordConfirmedDuplicate } from "../persons/duplicates.ts";
import { checkPerson, PersonForm, toPersonInput } from "../persons/form.ts";
import { createPerson, findPerson, listPersons } from "../persons/queries.ts";
import { recordAudit } from "../platform/audit.ts";
import { FIELD_ROLES } from "../platform/auth.ts";
import { NotFoundError } from "../platform/errors.ts";
import { type FormErrors, inputErrors, mergeErrors, normalizeForm, validateForm } from "../platform/forms.ts";
import { validationFieldErrors } from "../platform/input-guard.ts";
import { currentUser, inTenant, pageNumber, todayInParis } from "../platform/request-context.ts";
import { activeMeasureTypes } from "../reference/queries.ts";

const Problem = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.String(),
  errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
});

/** API bodies: the form's fields, each of its type, and no other field (strict, no coercion). */
const PersonBody = Type.Object(
  {
    ...PersonForm.properties,
    /** true: create the person although likely duplicates exist (recorded in the access log). */
    confirmDuplicate: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
const MeasureBody = Type.Object(MeasureForm.properties, { additionalProperties: false });

/**
 * The errors of a body its schema refused (wrong type, unknown or missing field), with the form's own
 * checks of the other fields (dates…), or null when the schema accepted it. Run in the handler, so
 * after the login and CSRF checks.
 */
function refusedBody(request: FastifyRequest, form: TObject): FormErrors | null {
  if (!request.validationError) return null;
  const errors: FormErrors = {};
  for (const { field, message } of validationFieldErrors(request.validationError, request))
    errors[field] ??= message;
  const values = normalizeForm(request.body);
  // A control character is named first: it is why the field's pattern failed.
  return mergeErrors(inputErrors(values), errors, validateForm(form, values).errors);
}

const PersonOut = Type.Object({
  id: Type.String({ format: "uuid" }),
  lastName: Type.String(),
  usedName: Type.Union([Type.String(), Type.Null()]),
  firstName: Type.String(),
  birthDate: Type.Union([Type.String(), Type.Null()]),
});

/** 409 on a person's creation: the association's persons who are likely the one sent. */
const DuplicateProblem = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.String(),
  duplicates: Type.Array(
    Type.Object({
      id: Type.String({ format: "uuid" }),
      lastName: Type.String(),
      usedName: Type.Union([Type.String(), Type.Null()]),
      firstName: Type.String(),
      birthDate: Type.Union([Type.String(), Type.Null()]),
      openMeasures: Type.Integer(),
    }),
  ),
});

const MeasureOut = Type.Object({
  id: Type.String({ format: "uuid" }),
  number: Type.String(),
  personId: Type.String({ format: "uuid" }),
  typeCode: Type.String(),
  status: Type.String(),
  courtId: Type.String(),
  decisionDate: Type.String(),
  receivedDate: Type.String(),
  reportDueDate: Type.String(),
});

const IdParams = Type.Object({ id: Type.String() });

function invalid(reply: FastifyReply, errors: FormErrors) {
  const list = Object.entries(errors).flatMap(([field, message]) => (message ? [{ field, message }] : []));
  return reply
    .status(422)
    .type("application/problem+json")
    .send({
      type: "about:blank",
      title: "Données invalides",
      status: 422,
      detail: list.map((e) => e.message).join(" ; "),
      errors: list,
    });
}

const fieldOnly = { roles: FIELD_ROLES };

/** The JSON API under /api/v1: the same rules and the same row-level security as the pages. */
export async function apiRoutes(app: FastifyInstance) {
  const { db } = app.deps.database;

  app.get(
    "/persons",
    {
      config: fieldOnly,
      schema: {
        tags: ["personnes"],
        querystring: Type.Object({
          q: Type.Optional(Type.String()),
          page: Type.Optional(Type.String({ pattern: "^[1-9][0-9]{0,5}$" })),
        }),
        response: { 200: Type.Object({ total: Type.Integer(), items: Type.Array(PersonOut) }) },
      },
    },
    async (request) => {
      const q = request.query as { q?: string; page?: string };
      const { rows, total } = await inTenant(request, async (tx, user) => {
        const found = await listPersons(tx, { q: q.q, page: pageNumber(q.page) });
        // A search by name is an access: its number of results is logged, never the term.
        if (q.q?.trim())
          await recordAudit(tx, {
            userId: user.id,
            action: "recherche",
            entity: "search",
            detail: { results: found.total, by: "api" },
          });
        return found;
      });
      return { total, items: rows };
    },
  );

  app.get(
    "/persons/:id",
    {
      config: fieldOnly,
      schema: { tags: ["personnes"], params: IdParams, response: { 200: PersonOut, 404: Problem } },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      return inTenant(request, async (tx, user) => {
        const person = await findPerson(tx, id);
        if (!person) throw new NotFoundError();
        await recordAudit(tx, {
          userId: user.id,
          action: "view",
          entity: "person",
          entityId: id,
          personId: id,
          detail: { via: "api" },
        });
        return person;
      });
    },
  );

  app.post(
    "/persons",
    {
      config: fieldOnly,
      attachValidation: true,
      schema: {
        tags: ["personnes"],
        body: PersonBody,
        response: { 201: PersonOut, 409: DuplicateProblem, 422: Problem },
      },
    },
    async (request, reply) => {
      const refused = refusedBody(request, PersonForm);
      if (refused) return invalid(reply, refused);
      const { confirmDuplicate, ...fields } = request.body as Record<string, unknown>;
      const values = normalizeForm(fields);
      const form = validateForm(PersonForm, values);
      const input = toPersonInput(values);
      const errors = mergeErrors(form.errors, form.ok ? checkPerson(input, todayInParis()) : {});
      if (Object.keys(errors).length > 0) return invalid(reply, errors);
      const outcome = await inTenant(request, async (tx, user) => {
        // The same check as the form: likely duplicates are answered first, unless confirmed.
        const duplicates = await findLikelyDuplicates(tx, input);
        if (duplicates.length > 0 && confirmDuplicate !== true)
          return { created: false as const, duplicates };
        const id = await createPerson(tx, input, user.id);
        if (duplicates.length > 0) await recordConfirmedDuplicate(tx, user.id, id, duplicates);
        await recordAudit(tx, {
          userId: user.id,
          action: "create",
          entity: "person",
          entityId: id,
          personId: id,
          detail: { via: "api" },
        });
        return { created: true as const, person: await findPerson(tx, id) };
      });
      if (!outcome.created)
        return reply
          .status(409)
          .type("application/problem+json")
          .send({
            type: "about:blank",
            title: "Doublon possible",
            status: 409,
            detail:
              "Cette personne existe peut-être déjà dans l'association. Renvoyez la demande avec « confirmDuplicate »: true pour la créer quand même.",
            duplicates: outcome.duplicates.map(({ city: _city, ...match }) => match),
          });
      return reply.status(201).send(outcome.person);
    },
  );

  app.post(
    "/persons/:id/measures",
    {
      config: fieldOnly,
      attachValidation: true,
      schema: {
        tags: ["mesures"],
        params: IdParams,
        body: MeasureBody,
        response: { 201: MeasureOut, 404: Problem, 422: Problem },
      },
    },
    async (request, reply) => {
      const refused = refusedBody(request, MeasureForm);
      if (refused) return invalid(reply, refused);
      const { id: personId } = request.params as { id: string };
      const user = currentUser(request);
      const values = normalizeForm(request.body);
      const { errors, input } = await checkMeasureForm(db, user.associationId ?? "", values, todayInParis());
      const measure = await inTenant(request, async (tx) => {
        if (!(await findPerson(tx, personId))) throw new NotFoundError();
        if (Object.keys(errors).length > 0) return null;
        const created = await createMeasure(tx, personId, input, user.id);
        await recordAudit(tx, {
          userId: user.id,
          action: "create",
          entity: "measure",
          entityId: created.id,
          personId,
          detail: { via: "api" },
        });
        return (await findMeasure(tx, created.id))?.measure ?? null;
      });
      if (!measure) return invalid(reply, errors);
      return reply.status(201).send(measure);
    },
  );

  app.get(
    "/measures/:id",
    {
      config: fieldOnly,
      schema: { tags: ["mesures"], params: IdParams, response: { 200: MeasureOut, 404: Problem } },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      return inTenant(request, async (tx, user) => {
        const detail = await findMeasure(tx, id);
        if (!detail) throw new NotFoundError();
        await recordAudit(tx, {
          userId: user.id,
          action: "view",
          entity: "measure",
          entityId: id,
          personId: detail.person.id,
          detail: { via: "api" },
        });
        return detail.measure;
      });
    },
  );

  app.get("/caseload", { config: fieldOnly, schema: { tags: ["mesures"] } }, async (request) => {
    const user = currentUser(request);
    const filter = user.role === "intervenant" ? { referentIds: [user.id] } : {};
    const page = pageNumber((request.query as { page?: string }).page);
    return inTenant(request, (tx) => caseload(tx, filter, page));
  });

  app.get(
    "/reference/measure-types",
    { config: { public: true }, schema: { tags: ["référentiels"] } },
    async () => activeMeasureTypes(db),
  );

  app.get("/openapi.json", { config: { public: true } }, async () => app.swagger());
}
