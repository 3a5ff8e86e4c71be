import type { FastifyInstance } from "fastify";
import { instantToParis, parisToInstant } from "../appointments/rules.ts";
import { withMeasure } from "../measures/context.ts";
import { findMeasure, type MeasureDetail } from "../measures/queries.ts";
import { recordAudit } from "../platform/audit.ts";
import { FIELD_ROLES } from "../platform/auth.ts";
import type { TenantTx } from "../platform/db.ts";
import { ConflictError, NotFoundError } from "../platform/errors.ts";
import { type FormErrors, hasErrors, mergeErrors, normalizeForm, validateForm } from "../platform/forms.ts";
import { pageChrome, redirectWithFlash, sendPage } from "../platform/page.ts";
import { inTenant, todayInParis } from "../platform/request-context.ts";
import { IncidentForm } from "./form.ts";
import { appointmentOptions, createIncident, incidentsOfMeasure, obligationOptions } from "./queries.ts";
import { checkIncidentDate, prefillFromAppointment } from "./rules.ts";
import type { IncidentKind } from "./tables.ts";
import { incidentFormPage, incidentsPage } from "./views.tsx";

const fieldRoles = { roles: FIELD_ROLES };

function ensureOpen(detail: MeasureDetail): void {
  if (detail.measure.status === "cloturee")
    throw new ConflictError("La mesure est clôturée : on ne peut plus y déclarer d'incident.");
}

/** What an incident can be linked to: the measure's obligations and its appointments begun by the end of today. */
async function linkOptions(tx: TenantTx, measureId: string, today: string) {
  const endOfToday = parisToInstant(today, "23:59") ?? new Date();
  const [obligations, appointments] = await Promise.all([
    obligationOptions(tx, measureId),
    appointmentOptions(tx, measureId, endOfToday),
  ]);
  return { obligations, appointments };
}

/**
 * Incidents of a measure (absence, obligation not respected, new offence reported, behaviour):
 *   GET        /mesures/:id/incidents              the list; each one waits for its report to the magistrate
 *   GET, POST  /mesures/:id/incidents/nouveau      record one, then the list prompts the incident report;
 *                                                  ?rendezVous=<id> fills the form from that appointment
 * The incident report itself is written at /mesures/:id/ecrits/nouveau?type=rapport_incident&incident=…
 */
export async function incidentRoutes(app: FastifyInstance): Promise<void> {
  app.get("/mesures/:id/incidents", { config: fieldRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const { nouveau } = request.query as { nouveau?: string };
    const model = await withMeasure(request, id, async (tx, detail) => {
      const incidents = await incidentsOfMeasure(tx, id);
      return { detail, incidents, justRecorded: incidents.find((i) => i.id === nouveau) ?? null };
    });
    return sendPage(reply, incidentsPage({ chrome: pageChrome(request, reply), ...model }));
  });

  app.get("/mesures/:id/incidents/nouveau", { config: fieldRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const { rendezVous } = request.query as { rendezVous?: string };
    const today = todayInParis();
    const model = await withMeasure(request, id, async (tx, detail) => {
      ensureOpen(detail);
      return { detail, ...(await linkOptions(tx, id, today)) };
    });
    // From an appointment's page: its day, the link to it, and for an absence the obligation it fails.
    const from = model.appointments.find((a) => a.id === rendezVous);
    const values = from
      ? prefillFromAppointment(
          { id: from.id, day: instantToParis(from.startsAt).date, attendance: from.attendance },
          model.obligations,
        )
      : { occurredOn: today };
    return sendPage(
      reply,
      incidentFormPage({ chrome: pageChrome(request, reply), ...model, values, errors: {} }),
    );
  });

  app.post("/mesures/:id/incidents/nouveau", { config: fieldRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const values = normalizeForm(request.body);
    const form = validateForm(IncidentForm, values);
    const today = todayInParis();
    const outcome = await inTenant(request, async (tx, user) => {
      const detail = await findMeasure(tx, id);
      if (!detail) throw new NotFoundError();
      ensureOpen(detail);
      const options = await linkOptions(tx, id, today);
      const links: FormErrors = {};
      const obligationId = typeof values.obligationId === "string" ? values.obligationId : null;
      const appointmentId = typeof values.appointmentId === "string" ? values.appointmentId : null;
      if (obligationId && !options.obligations.some((o) => o.id === obligationId))
        links.obligationId = "Choisissez une obligation de la mesure";
      if (appointmentId && !options.appointments.some((a) => a.id === appointmentId))
        links.appointmentId = "Choisissez un rendez-vous passé de la mesure";
      const occurredOn = form.errors.occurredOn ? undefined : (values.occurredOn as string | undefined);
      const errors = mergeErrors(form.errors, checkIncidentDate(occurredOn, detail.measure, today), links);
      const audit = { userId: user.id, personId: detail.person.id };
      if (hasErrors(errors) || !form.ok) {
        await recordAudit(tx, { ...audit, action: "view", entity: "measure", entityId: id });
        return { saved: false as const, detail, ...options, errors };
      }
      const incidentId = await createIncident(
        tx,
        id,
        {
          occurredOn: form.data.occurredOn,
          kind: form.data.kind as IncidentKind,
          description: form.data.description,
          obligationId,
          appointmentId,
        },
        user.id,
      );
      await recordAudit(tx, {
        ...audit,
        action: "create",
        entity: "incident",
        entityId: incidentId,
        detail: { measureId: id, kind: form.data.kind },
      });
      return { saved: true as const, incidentId };
    });
    if (!outcome.saved) {
      const { saved: _saved, ...model } = outcome;
      return sendPage(reply, incidentFormPage({ chrome: pageChrome(request, reply), ...model, values }), 422);
    }
    return redirectWithFlash(
      request,
      reply,
      `/mesures/${id}/incidents?nouveau=${outcome.incidentId}`,
      "L'incident est enregistré.",
    );
  });
}
