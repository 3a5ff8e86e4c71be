import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { FIELD_ROLES } from "../platform/auth.ts";
import { NotFoundError } from "../platform/errors.ts";
import {
  type FormErrors,
  type FormValues,
  hasErrors,
  mergeErrors,
  normalizeForm,
  validateForm,
} from "../platform/forms.ts";
import { pageChrome, redirectWithFlash, sendPage } from "../platform/page.ts";
import { inTenant, pageNumber } from "../platform/request-context.ts";
import { allCourts } from "../reference/queries.ts";
import { PartnerForm, toPartnerInput } from "./form.ts";
import {
  createPartner,
  findPartner,
  listPartners,
  PARTNERS_PAGE_SIZE,
  type PartnerDetail,
  updatePartner,
} from "./queries.ts";
import { checkPartner, type PartnerInput } from "./rules.ts";
import { PARTNER_KINDS, type PartnerKind } from "./tables.ts";
import { partnerFormPage, partnerListPage, partnerPage } from "./views.tsx";

const fieldRoles = { roles: FIELD_ROLES };

/** The values of a partner as its form shows them. */
function formValuesOf(p: PartnerDetail): FormValues {
  const text = (v: string | null) => v ?? undefined;
  return {
    kind: p.kind,
    name: p.name,
    magistrateFunction: text(p.magistrateFunction),
    courtId: text(p.courtId),
    contactName: text(p.contactName),
    phone: text(p.phone),
    email: text(p.email),
    address: text(p.address),
    notes: text(p.notes),
    active: p.active ? "1" : undefined,
  };
}

/**
 * The association's directory of partners (association data, under row-level security; not a
 * person's file, so no audit):
 *   GET        /partenaires?type=&q=&page=   the directory, filtered by kind and by name or contact
 *   GET, POST  /partenaires/nouveau           add a partner
 *   GET        /partenaires/:id               one partner
 *   GET, POST  /partenaires/:id/modifier      change it, or make it inactive
 */
export async function partnerRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps.database;

  /** The schema, the magistrate's function and juridiction, and a juridiction that exists. */
  async function check(values: FormValues): Promise<{ errors: FormErrors; input: PartnerInput }> {
    const form = validateForm(PartnerForm, values);
    const input = toPartnerInput(values);
    const errors = mergeErrors(form.errors, checkPartner(input));
    if (input.kind === "magistrat" && input.courtId && !errors.courtId) {
      const courts = await allCourts(db);
      if (!courts.some((c) => c.id === input.courtId))
        errors.courtId = "Choisissez une juridiction dans la liste";
    }
    return { errors, input };
  }

  async function showForm(
    request: FastifyRequest,
    reply: FastifyReply,
    model: { values: FormValues; errors: FormErrors; partner?: { id: string; name: string } },
    status = 200,
  ) {
    const courts = await allCourts(db);
    return sendPage(
      reply,
      partnerFormPage({
        chrome: pageChrome(request, reply),
        courts: courts.map((c) => ({ id: c.id, name: c.name })),
        ...model,
      }),
      status,
    );
  }

  app.get("/partenaires", { config: fieldRoles }, async (request, reply) => {
    const query = request.query as { type?: string; q?: string; page?: string };
    const kind = (PARTNER_KINDS as readonly string[]).includes(query.type ?? "")
      ? (query.type as PartnerKind)
      : undefined;
    const q = query.q?.trim().slice(0, 100) || undefined;
    const page = pageNumber(query.page);
    const { rows, total } = await inTenant(request, (tx) => listPartners(tx, { kind, q, page }));
    return sendPage(
      reply,
      partnerListPage({
        chrome: pageChrome(request, reply),
        kind,
        q,
        page,
        pageCount: Math.max(1, Math.ceil(total / PARTNERS_PAGE_SIZE)),
        total,
        rows,
      }),
    );
  });

  app.get("/partenaires/nouveau", { config: fieldRoles }, async (request, reply) =>
    showForm(request, reply, { values: { active: "1" }, errors: {} }),
  );

  app.post("/partenaires/nouveau", { config: fieldRoles }, async (request, reply) => {
    const values = normalizeForm(request.body);
    const { errors, input } = await check(values);
    if (hasErrors(errors) || !input.kind) return showForm(request, reply, { values, errors }, 422);
    const kind = input.kind;
    const id = await inTenant(request, (tx) => createPartner(tx, { ...input, kind }));
    return redirectWithFlash(
      request,
      reply,
      `/partenaires/${id}`,
      "Le partenaire a été ajouté à l'annuaire.",
    );
  });

  app.get("/partenaires/:id", { config: fieldRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const partner = await inTenant(request, (tx) => findPartner(tx, id));
    if (!partner) throw new NotFoundError();
    return sendPage(reply, partnerPage({ chrome: pageChrome(request, reply), partner }));
  });

  app.get("/partenaires/:id/modifier", { config: fieldRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const partner = await inTenant(request, (tx) => findPartner(tx, id));
    if (!partner) throw new NotFoundError();
    return showForm(request, reply, {
      values: formValuesOf(partner),
      errors: {},
      partner: { id, name: partner.name },
    });
  });

  app.post("/partenaires/:id/modifier", { config: fieldRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const values = normalizeForm(request.body);
    const { errors, input } = await check(values);
    const outcome = await inTenant(request, async (tx) => {
      const partner = await findPartner(tx, id);
      if (!partner) throw new NotFoundError();
      if (hasErrors(errors) || !input.kind) return { partner, saved: false };
      await updatePartner(tx, id, { ...input, kind: input.kind });
      return { partner, saved: true };
    });
    if (!outcome.saved) {
      return showForm(request, reply, { values, errors, partner: { id, name: outcome.partner.name } }, 422);
    }
    return redirectWithFlash(request, reply, `/partenaires/${id}`, "Les modifications ont été enregistrées.");
  });
}
