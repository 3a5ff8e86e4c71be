import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { withMeasure } from "../measures/context.ts";
import { findMeasure, type MeasureDetail, referentsOf } from "../measures/queries.ts";
import { recordAudit } from "../platform/audit.ts";
import { type CurrentUser, FIELD_ROLES } from "../platform/auth.ts";
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
import { currentUser, inTenant, todayInParis } from "../platform/request-context.ts";
import { attachmentHeader } from "../platform/uploads.ts";
import { withAppointment } from "./context.ts";
import { AppointmentForm, AttendanceForm, normalizeAppointmentValues, toAppointmentInput } from "./form.ts";
import { appointmentsCalendar, type CalendarAppointment } from "./ics.ts";
import {
  type AppointmentValues,
  agendaOf,
  appointmentsOfMeasure,
  createAppointment,
  partnerOptions,
  recordAttendance,
  updateAppointment,
} from "./queries.ts";
import {
  checkAppointment,
  checkAttendance,
  instantToParis,
  nextMonthsPeriod,
  parisToInstant,
  weekPeriod,
  weekToShow,
} from "./rules.ts";
import type { Attendance } from "./tables.ts";
import {
  agendaPage,
  appointmentFormPage,
  appointmentLabel,
  appointmentPage,
  measureAppointmentsPage,
} from "./views.tsx";

const fieldRoles = { roles: FIELD_ROLES };
/** Roles that may look at the agenda of another staff member of their association. */
const AGENDA_MANAGERS = new Set(["chef_service", "direction"]);

interface FormOptions {
  staff: { id: string; firstName: string; lastName: string }[];
  partners: { id: string; name: string }[];
}

async function formOptions(tx: TenantTx, user: CurrentUser): Promise<FormOptions> {
  if (!user.associationId) throw new NotFoundError();
  const [staff, partners] = await Promise.all([referentsOf(tx, user.associationId), partnerOptions(tx)]);
  return { staff, partners };
}

/** The schema, the rules, then the staff member and the partner, who must be of the association. */
function checkForm(
  values: FormValues,
  options: FormOptions,
  context: { detail: MeasureDetail; now: Date; attendance?: Attendance | null },
): { errors: FormErrors; values?: AppointmentValues } {
  const form = validateForm(AppointmentForm, values);
  const input = toAppointmentInput(values);
  const references: FormErrors = {};
  if (input.staffId && !options.staff.some((s) => s.id === input.staffId))
    references.staffId = "Choisissez un·e intervenant·e de votre association";
  if (input.partnerId && !options.partners.some((p) => p.id === input.partnerId))
    references.partnerId = "Choisissez un partenaire de l'annuaire de votre association";
  const rules = form.ok
    ? checkAppointment(input, {
        today: todayInParis(context.now),
        decisionDate: context.detail.measure.decisionDate,
        now: context.now,
        attendance: context.attendance ?? null,
      })
    : {};
  const errors = mergeErrors(form.errors, rules, references);
  const startsAt = parisToInstant(input.date, input.time);
  if (hasErrors(errors) || !startsAt) return { errors };
  return {
    errors,
    values: {
      startsAt,
      durationMinutes: input.durationMinutes,
      place: input.place,
      placeDetail: input.placeDetail,
      kind: input.kind,
      staffId: input.staffId,
      partnerId: input.partnerId,
    },
  };
}

function ensureOpen(detail: MeasureDetail): void {
  if (detail.measure.status === "cloturee")
    throw new ConflictError("La mesure est clôturée : on ne peut plus y planifier de rendez-vous.");
}

/** A cancelled appointment, or one of a closed measure, is read-only. */
function ensureEditable(a: { cancelledOn: string | null }, detail: MeasureDetail): void {
  if (a.cancelledOn) throw new ConflictError("Ce rendez-vous est annulé : il ne se modifie plus.");
  if (detail.measure.status === "cloturee")
    throw new ConflictError("La mesure est clôturée : ses rendez-vous ne se modifient plus.");
}

/** The values of an appointment as its form shows them (Paris date and time). */
function formValuesOf(a: {
  startsAt: Date;
  durationMinutes: number;
  place: string;
  placeDetail: string | null;
  kind: string;
  staffId: string;
  partnerId: string | null;
}): FormValues {
  const { date, time } = instantToParis(a.startsAt);
  return {
    date,
    time,
    durationMinutes: String(a.durationMinutes),
    place: a.place,
    placeDetail: a.placeDetail ?? undefined,
    kind: a.kind,
    staffId: a.staffId,
    partnerId: a.partnerId ?? undefined,
  };
}

/** Whose agenda is shown: the user's own, or for a chef de service or the direction, the chosen staff member's. */
async function agendaOwner(db: Queryable, user: CurrentUser, wanted: unknown) {
  const self = { id: user.id, firstName: user.firstName, lastName: user.lastName };
  if (!user.associationId || !AGENDA_MANAGERS.has(user.role)) {
    return { staff: self, own: true, staffOptions: [] as (typeof self)[] };
  }
  const options = (await referentsOf(db, user.associationId)).map((s) => ({
    id: s.id,
    firstName: s.firstName,
    lastName: s.lastName,
  }));
  const chosen = options.find((s) => s.id === wanted) ?? self;
  if (!options.some((s) => s.id === self.id)) options.unshift(self);
  return { staff: chosen, own: chosen.id === user.id, staffOptions: options };
}

function sendCalendar(reply: FastifyReply, filename: string, body: string): FastifyReply {
  return reply
    .type("text/calendar; charset=utf-8")
    .header("content-disposition", attachmentHeader(filename))
    .header("cache-control", "private, no-store")
    .send(body);
}

/**
 * Appointments of a measure and the agenda of the staff:
 *   GET        /mesures/:id/rendez-vous          the measure's appointments, upcoming and past
 *   GET, POST  /mesures/:id/rendez-vous/nouveau  plan an appointment
 *   GET        /rendez-vous/:id                  one appointment; its attendance form once it has started
 *   POST       /rendez-vous/:id/presence         record présent·e / excusé·e / absent·e and a note
 *   GET, POST  /rendez-vous/:id/modifier         change the day, time, place, kind, staff member, partner
 *   GET        /rendez-vous/:id.ics              the appointment as an iCalendar file
 *   GET        /agenda?semaine=&intervenant=     the week of the user (a chef de service or the direction may choose whose)
 *   GET        /agenda.ics?semaine=&intervenant= that week, or without `semaine` the next three months, as iCalendar
 */
export async function appointmentRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps.database;
  const { publicUrl } = app.deps.config;

  app.get("/mesures/:id/rendez-vous", { config: fieldRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const now = new Date();
    const model = await withMeasure(request, id, async (tx, detail) => ({
      detail,
      rows: await appointmentsOfMeasure(tx, id),
    }));
    return sendPage(reply, measureAppointmentsPage({ chrome: pageChrome(request, reply), now, ...model }));
  });

  app.get("/mesures/:id/rendez-vous/nouveau", { config: fieldRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const model = await withMeasure(request, id, async (tx, detail, user) => {
      ensureOpen(detail);
      return { detail, options: await formOptions(tx, user), userId: user.id };
    });
    return sendPage(
      reply,
      appointmentFormPage({
        chrome: pageChrome(request, reply),
        detail: model.detail,
        ...model.options,
        values: { durationMinutes: "60", place: "service", kind: "entretien", staffId: model.userId },
        errors: {},
      }),
    );
  });

  app.post("/mesures/:id/rendez-vous/nouveau", { config: fieldRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const values = normalizeAppointmentValues(normalizeForm(request.body));
    const now = new Date();
    const outcome = await inTenant(request, async (tx, user) => {
      const detail = await findMeasure(tx, id);
      if (!detail) throw new NotFoundError();
      ensureOpen(detail);
      const options = await formOptions(tx, user);
      const checked = checkForm(values, options, { detail, now });
      const audit = { userId: user.id, personId: detail.person.id };
      if (!checked.values) {
        await recordAudit(tx, { ...audit, action: "view", entity: "measure", entityId: id });
        return { saved: false as const, detail, options, errors: checked.errors };
      }
      const appointmentId = await createAppointment(
        tx,
        { id, personId: detail.person.id },
        checked.values,
        user.id,
      );
      await recordAudit(tx, { ...audit, action: "create", entity: "appointment", entityId: appointmentId });
      return { saved: true as const, startsAt: checked.values.startsAt };
    });
    if (!outcome.saved) {
      return sendPage(
        reply,
        appointmentFormPage({
          chrome: pageChrome(request, reply),
          detail: outcome.detail,
          ...outcome.options,
          values,
          errors: outcome.errors,
        }),
        422,
      );
    }
    const { date, time } = instantToParis(outcome.startsAt);
    return redirectWithFlash(
      request,
      reply,
      `/mesures/${id}/rendez-vous`,
      `Le rendez-vous du ${date.split("-").reverse().join("/")} à ${time} est enregistré.`,
    );
  });

  app.get("/rendez-vous/:id.ics", { config: fieldRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const found = await withAppointment(request, id, async (_tx, { appointment }) => appointment, {
      action: "export",
      detail: { format: "ics" },
    });
    const a = found.appointment;
    const entry: CalendarAppointment = {
      ...a,
      partnerName: found.partner?.name ?? null,
      person: found.person,
      cancelled: Boolean(a.cancelledOn),
    };
    const body = appointmentsCalendar("Rendez-vous", [entry], { publicUrl });
    return sendCalendar(reply, `rendez-vous-${instantToParis(a.startsAt).date}.ics`, body);
  });

  app.get("/rendez-vous/:id", { config: fieldRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const now = new Date();
    const model = await withAppointment(request, id, async (_tx, { appointment, measure }) => ({
      found: appointment,
      detail: measure,
    }));
    return sendPage(reply, appointmentPage({ chrome: pageChrome(request, reply), now, ...model }));
  });

  app.post("/rendez-vous/:id/presence", { config: fieldRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const values = normalizeForm(request.body);
    const form = validateForm(AttendanceForm, values);
    const now = new Date();
    const outcome = await withAppointment(
      request,
      id,
      async (tx, { appointment, measure }, user) => {
        const a = appointment.appointment;
        if (a.cancelledOn) throw new ConflictError("Ce rendez-vous est annulé : pas de présence à noter.");
        const errors = mergeErrors(form.errors, checkAttendance(a.startsAt, now));
        const audit = {
          userId: user.id,
          entity: "appointment",
          entityId: a.id,
          personId: appointment.person.id,
        };
        if (!form.ok || hasErrors(errors)) {
          await recordAudit(tx, { ...audit, action: "view" });
          return { saved: false as const, found: appointment, detail: measure, errors };
        }
        const attendance = form.data.attendance as Attendance;
        await recordAttendance(tx, a.id, attendance, form.data.note ?? null);
        await recordAudit(tx, { ...audit, action: "update", detail: { attendance } });
        return { saved: true as const, attendance };
      },
      null,
    );
    if (!outcome.saved) {
      return sendPage(
        reply,
        appointmentPage({
          chrome: pageChrome(request, reply),
          now,
          found: outcome.found,
          detail: outcome.detail,
          values,
          errors: outcome.errors,
        }),
        422,
      );
    }
    const flash =
      outcome.attendance === "absent"
        ? "L'absence est enregistrée. Si elle n'est pas justifiée, déclarez un incident."
        : "La présence est enregistrée.";
    return redirectWithFlash(request, reply, `/rendez-vous/${id}`, flash);
  });

  async function showEditForm(
    request: FastifyRequest,
    reply: FastifyReply,
    model: { found: Parameters<typeof appointmentLabel>[0] & { id: string }; detail: MeasureDetail },
    options: FormOptions,
    values: FormValues,
    errors: FormErrors,
    status = 200,
  ) {
    return sendPage(
      reply,
      appointmentFormPage({
        chrome: pageChrome(request, reply),
        detail: model.detail,
        ...options,
        values,
        errors,
        appointment: { id: model.found.id, label: appointmentLabel(model.found) },
      }),
      status,
    );
  }

  app.get("/rendez-vous/:id/modifier", { config: fieldRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const model = await withAppointment(request, id, async (tx, { appointment, measure }, user) => {
      ensureEditable(appointment.appointment, measure);
      return { found: appointment.appointment, detail: measure, options: await formOptions(tx, user) };
    });
    return showEditForm(request, reply, model, model.options, formValuesOf(model.found), {});
  });

  app.post("/rendez-vous/:id/modifier", { config: fieldRoles }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const values = normalizeAppointmentValues(normalizeForm(request.body));
    const now = new Date();
    const outcome = await withAppointment(
      request,
      id,
      async (tx, { appointment, measure }, user) => {
        const a = appointment.appointment;
        ensureEditable(a, measure);
        const options = await formOptions(tx, user);
        const checked = checkForm(values, options, { detail: measure, now, attendance: a.attendance });
        const audit = {
          userId: user.id,
          entity: "appointment",
          entityId: a.id,
          personId: appointment.person.id,
        };
        if (!checked.values) {
          await recordAudit(tx, { ...audit, action: "view" });
          return { saved: false as const, found: a, detail: measure, options, errors: checked.errors };
        }
        await updateAppointment(tx, a, checked.values);
        await recordAudit(tx, { ...audit, action: "update" });
        return { saved: true as const };
      },
      null,
    );
    if (!outcome.saved) {
      return showEditForm(request, reply, outcome, outcome.options, values, outcome.errors, 422);
    }
    return redirectWithFlash(request, reply, `/rendez-vous/${id}`, "Le rendez-vous a été modifié.");
  });

  app.get("/agenda", { config: fieldRoles }, async (request, reply) => {
    const user = currentUser(request);
    const q = request.query as { semaine?: string; intervenant?: string };
    const now = new Date();
    const today = todayInParis(now);
    const monday = weekToShow(q.semaine, today);
    const owner = await agendaOwner(db, user, q.intervenant);
    const rows = await inTenant(request, (tx) => agendaOf(tx, owner.staff.id, weekPeriod(monday)));
    return sendPage(
      reply,
      agendaPage({ chrome: pageChrome(request, reply), monday, today, now, rows, ...owner }),
    );
  });

  app.get("/agenda.ics", { config: fieldRoles }, async (request, reply) => {
    const user = currentUser(request);
    const q = request.query as { semaine?: string; intervenant?: string };
    const today = todayInParis();
    const owner = await agendaOwner(db, user, q.intervenant);
    const monday = q.semaine ? weekToShow(q.semaine, today) : null;
    const period = monday ? weekPeriod(monday) : nextMonthsPeriod(today);
    const rows = await inTenant(request, async (tx) => {
      const list = await agendaOf(tx, owner.staff.id, period);
      await recordAudit(tx, {
        userId: user.id,
        action: "export",
        entity: "agenda",
        entityId: owner.staff.id,
        detail: {
          format: "ics",
          from: period.from.toISOString(),
          to: period.to.toISOString(),
          appointments: list.length,
        },
      });
      return list;
    });
    const name = owner.own
      ? "Mon agenda Parcours"
      : `Agenda Parcours de ${owner.staff.firstName} ${owner.staff.lastName}`;
    const body = appointmentsCalendar(
      name,
      rows.map((r) => ({ ...r, person: { firstName: r.firstName, lastName: r.lastName } })),
      { publicUrl },
    );
    return sendCalendar(reply, monday ? `agenda-semaine-${monday}.ics` : `agenda-${today}-3-mois.ics`, body);
  });
}
