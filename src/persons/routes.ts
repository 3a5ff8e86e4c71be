import type { FastifyInstance } from "fastify";
import { recordAudit } from "../platform/audit.ts";
import { FIELD_ROLES } from "../platform/auth.ts";
import { NotFoundError } from "../platform/errors.ts";
import { mergeErrors, normalizeForm, validateForm } from "../platform/forms.ts";
import { pageChrome, redirectWithFlash, sendPage } from "../platform/page.ts";
import { inTenant, pageNumber, todayInParis } from "../platform/request-context.ts";
import { personTimeline } from "../timeline/queries.ts";
import { findLikelyDuplicates, recordConfirmedDuplicate } from "./duplicates.ts";
import { checkPerson, PersonForm, toPersonInput } from "./form.ts";
import {
  createPerson,
  findPerson,
  listPersons,
  measuresOfPerson,
  PAGE_SIZE,
  updatePerson,
} from "./queries.ts";
import { duplicateConfirmed } from "./rules.ts";
import { personFormPage, personListPage, personName, personPage } from "./views.tsx";

const fieldRoles = { roles: FIELD_ROLES };

/** Pages of the persons followed: /personnes, /personnes/nouvelle, /personnes/:id, /personnes/:id/modifier. */
export async function personRoutes(app: FastifyInstance) {
  app.get("/personnes", { config: fieldRoles }, async (request, reply) => {
    const query = request.query as { q?: string; page?: string };
    const q = query.q?.trim() || undefined;
    const page = pageNumber(query.page);
    const { rows, total } = await inTenant(request, async (tx, user) => {
      const found = await listPersons(tx, { q, page });
      // Filtering the list by name is a search: logged with its number of results, never the term.
      if (q)
        await recordAudit(tx, {
          userId: user.id,
          action: "recherche",
          entity: "search",
          detail: { results: found.total, by: "liste" },
        });
      return found;
    });
    const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
    return sendPage(
      reply,
      personListPage({ chrome: pageChrome(request, reply), q, page, pageCount, total, rows }),
    );
  });

  app.get("/personnes/nouvelle", { config: fieldRoles }, async (request, reply) =>
    sendPage(reply, personFormPage({ chrome: pageChrome(request, reply), values: {}, errors: {} })),
  );

  app.post("/personnes/nouvelle", { config: fieldRoles }, async (request, reply) => {
    const values = normalizeForm(request.body);
    const form = validateForm(PersonForm, values);
    const input = toPersonInput(values);
    const errors = mergeErrors(form.errors, form.ok ? checkPerson(input, todayInParis()) : {});
    if (Object.keys(errors).length > 0) {
      return sendPage(reply, personFormPage({ chrome: pageChrome(request, reply), values, errors }), 422);
    }
    // Likely duplicates in the association are shown first (nothing created); « Créer quand même »
    // creates the person and records which matches were shown.
    const confirmed = duplicateConfirmed(values);
    const outcome = await inTenant(request, async (tx, user) => {
      const duplicates = await findLikelyDuplicates(tx, input);
      if (duplicates.length > 0 && !confirmed) return { duplicates, id: null };
      const personId = await createPerson(tx, input, user.id);
      await recordAudit(tx, {
        userId: user.id,
        action: "create",
        entity: "person",
        entityId: personId,
        personId,
      });
      if (duplicates.length > 0) await recordConfirmedDuplicate(tx, user.id, personId, duplicates);
      return { duplicates, id: personId };
    });
    if (outcome.id === null) {
      const chrome = pageChrome(request, reply);
      return sendPage(
        reply,
        personFormPage({ chrome, values, errors: {}, duplicates: outcome.duplicates }),
        409,
      );
    }
    return redirectWithFlash(request, reply, `/personnes/${outcome.id}`, "La personne a été enregistrée.");
  });

  app.get("/personnes/:id", { config: fieldRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const model = await inTenant(request, async (tx, user) => {
      const person = await findPerson(tx, id);
      if (!person) throw new NotFoundError();
      await recordAudit(tx, {
        userId: user.id,
        action: "view",
        entity: "person",
        entityId: id,
        personId: id,
      });
      return { person, measures: await measuresOfPerson(tx, id), timeline: await personTimeline(tx, id) };
    });
    return sendPage(reply, personPage({ chrome: pageChrome(request, reply), ...model }));
  });

  app.get("/personnes/:id/modifier", { config: fieldRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const person = await inTenant(request, async (tx, user) => {
      const found = await findPerson(tx, id);
      if (!found) throw new NotFoundError();
      await recordAudit(tx, {
        userId: user.id,
        action: "view",
        entity: "person",
        entityId: id,
        personId: id,
      });
      return found;
    });
    const values = Object.fromEntries(
      Object.entries(person).map(([k, v]) => [
        k,
        v === null || v === false ? undefined : v === true ? "1" : String(v),
      ]),
    );
    return sendPage(
      reply,
      personFormPage({
        chrome: pageChrome(request, reply),
        values,
        errors: {},
        personId: id,
        personLabel: personName(person),
      }),
    );
  });

  app.post("/personnes/:id/modifier", { config: fieldRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const values = normalizeForm(request.body);
    const form = validateForm(PersonForm, values);
    const input = toPersonInput(values);
    const errors = mergeErrors(form.errors, form.ok ? checkPerson(input, todayInParis()) : {});
    const saved = await inTenant(request, async (tx, user) => {
      const person = await findPerson(tx, id);
      if (!person) throw new NotFoundError();
      if (Object.keys(errors).length > 0) return { person, ok: false as const };
      await updatePerson(tx, id, input);
      await recordAudit(tx, {
        userId: user.id,
        action: "update",
        entity: "person",
        entityId: id,
        personId: id,
      });
      return { person, ok: true as const };
    });
    if (!saved.ok) {
      return sendPage(
        reply,
        personFormPage({
          chrome: pageChrome(request, reply),
          values,
          errors,
          personId: id,
          personLabel: personName(saved.person),
        }),
        422,
      );
    }
    return redirectWithFlash(request, reply, `/personnes/${id}`, "Les modifications ont été enregistrées.");
  });
}
