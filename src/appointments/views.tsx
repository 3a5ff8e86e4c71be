import type { VNode } from "preact";
import { addCalendarDays, type IsoDate } from "../deadlines/rules.ts";
import type { MeasureDetail } from "../measures/queries.ts";
import { MeasureTabs, measureCaption, measureCrumbs } from "../measures/tabs.tsx";
import { personName } from "../persons/views.tsx";
import { elide } from "../platform/french.ts";
import type { PageChrome } from "../platform/page.ts";
import {
  DataTable,
  formatDate,
  formatDateTime,
  Notice,
  SummaryList,
  Tag,
  type TagTone,
} from "../platform/views/display.tsx";
import {
  Button,
  ButtonLink,
  CsrfField,
  DateField,
  ErrorSummary,
  FormActions,
  type FormErrors,
  NumberField,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
  TimeField,
} from "../platform/views/forms.tsx";
import type { Crumb } from "../platform/views/layout.tsx";
import { renderPage } from "../platform/views/layout.tsx";
import { PageHeader } from "../platform/views/page-header.tsx";
import type { AgendaRow, AppointmentDetail, AppointmentListRow } from "./queries.ts";
import {
  ATTENDANCE_LABELS,
  canRecordAttendance,
  instantToParis,
  KIND_LABELS,
  longDateCapitalized,
  PLACE_LABELS,
  type ReminderStatus,
  reminderStatus,
  timeRange,
  weekLabel,
} from "./rules.ts";
import { APPOINTMENT_KINDS, APPOINTMENT_PLACES, ATTENDANCES, type Attendance } from "./tables.ts";

type Values = Record<string, string | string[] | undefined>;

const ATTENDANCE_TONES: Record<Attendance, TagTone> = { present: "green", excuse: "blue", absent: "red" };

/** Whether the person came, or what is still to be done about it. */
export function AttendanceTag({
  attendance,
  startsAt,
  now,
}: {
  attendance: Attendance | null;
  startsAt: Date;
  now: Date;
}): VNode {
  if (attendance) return <Tag tone={ATTENDANCE_TONES[attendance]}>{ATTENDANCE_LABELS[attendance]}</Tag>;
  if (canRecordAttendance(startsAt, now)) return <Tag tone="orange">À renseigner</Tag>;
  return <Tag tone="grey">À venir</Tag>;
}

function placeText(a: { place: keyof typeof PLACE_LABELS; placeDetail: string | null }): string {
  return [PLACE_LABELS[a.place], a.placeDetail].filter(Boolean).join(" – ");
}

function staffText(a: { staffFirstName: string; staffLastName: string; partnerName: string | null }): string {
  const staff = `${a.staffFirstName} ${a.staffLastName}`;
  return a.partnerName ? `${staff}, avec ${a.partnerName}` : staff;
}

/** Breadcrumbs of a page about one appointment: … › Mesure › Rendez-vous › this page. */
function appointmentCrumbs(detail: MeasureDetail, label: string): Crumb[] {
  const crumbs = measureCrumbs(detail, "Rendez-vous");
  crumbs[crumbs.length - 1] = { href: `/mesures/${detail.measure.id}/rendez-vous`, label: "Rendez-vous" };
  return [...crumbs, { label }];
}

/* ------------------------------------------------------------------ */
/* /mesures/:id/rendez-vous                                            */
/* ------------------------------------------------------------------ */

export interface MeasureAppointmentsModel {
  chrome: PageChrome;
  detail: MeasureDetail;
  rows: AppointmentListRow[];
  now: Date;
}

export function measureAppointmentsPage({ chrome, detail, rows, now }: MeasureAppointmentsModel): string {
  const { measure } = detail;
  const open = measure.status !== "cloturee";
  const cancelled = rows.filter((r) => r.cancelledOn);
  const upcoming = rows.filter((r) => !r.cancelledOn && r.startsAt > now).reverse();
  const past = rows.filter((r) => !r.cancelledOn && r.startsAt <= now);
  const toRecord = past.filter((r) => !r.attendance).length;
  const link = (r: AppointmentListRow) => <a href={`/rendez-vous/${r.id}`}>{formatDateTime(r.startsAt)}</a>;
  return renderPage({
    ...chrome,
    title: `Rendez-vous – mesure ${measure.number}`,
    breadcrumbs: measureCrumbs(detail, "Rendez-vous"),
    children: (
      <>
        <PageHeader
          caption={measureCaption(detail)}
          title="Rendez-vous"
          actions={
            open ? (
              <ButtonLink href={`/mesures/${measure.id}/rendez-vous/nouveau`}>
                Planifier un rendez-vous
              </ButtonLink>
            ) : null
          }
        />
        <MeasureTabs measureId={measure.id} current="rendez-vous" />
        {toRecord > 0 ? (
          <Notice tone="warning" title="Présence à noter">
            <p>
              {toRecord === 1
                ? "Un rendez-vous passé n'a pas encore sa présence notée."
                : `${toRecord} rendez-vous passés n'ont pas encore leur présence notée.`}
            </p>
          </Notice>
        ) : null}
        <h2>À venir</h2>
        <DataTable
          caption="Rendez-vous à venir"
          captionHidden
          head={["Date et heure", "Nature", "Lieu", "Avec", "Rappel par e-mail"]}
          empty="Aucun rendez-vous à venir."
          rows={upcoming.map((r) => [
            link(r),
            KIND_LABELS[r.kind],
            placeText(r),
            staffText(r),
            reminderText(reminderStatus({ ...r, measureClosed: !open }, now), true),
          ])}
        />
        <h2>Passés</h2>
        <DataTable
          caption="Rendez-vous passés"
          captionHidden
          head={["Date et heure", "Nature", "Lieu", "Avec", "Présence"]}
          empty="Aucun rendez-vous passé."
          rows={past.map((r) => [
            link(r),
            KIND_LABELS[r.kind],
            placeText(r),
            staffText(r),
            <AttendanceTag attendance={r.attendance} startsAt={r.startsAt} now={now} />,
          ])}
        />
        {cancelled.length > 0 ? (
          <>
            <h2>Annulés</h2>
            <DataTable
              caption="Rendez-vous annulés"
              captionHidden
              head={["Date et heure", "Nature", "Annulé le", "Motif"]}
              rows={cancelled.map((r) => [
                link(r),
                KIND_LABELS[r.kind],
                formatDate(r.cancelledOn),
                r.cancellationReason ?? "",
              ])}
            />
          </>
        ) : null}
      </>
    ),
  });
}

/* ------------------------------------------------------------------ */
/* Form: new and edit                                                  */
/* ------------------------------------------------------------------ */

export interface AppointmentFormModel {
  chrome: PageChrome;
  detail: MeasureDetail;
  values: Values;
  errors: FormErrors;
  staff: { id: string; firstName: string; lastName: string }[];
  partners: { id: string; name: string }[];
  /** Present when editing. */
  appointment?: { id: string; label: string };
}

export function appointmentFormPage({
  chrome,
  detail,
  values,
  errors,
  staff,
  partners,
  appointment,
}: AppointmentFormModel): string {
  const v = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : undefined);
  const title = appointment ? "Modifier le rendez-vous" : "Planifier un rendez-vous";
  const action = appointment
    ? `/rendez-vous/${appointment.id}/modifier`
    : `/mesures/${detail.measure.id}/rendez-vous/nouveau`;
  const crumbs = appointment
    ? [
        ...appointmentCrumbs(detail, appointment.label).slice(0, -1),
        { href: `/rendez-vous/${appointment.id}`, label: appointment.label },
        { label: title },
      ]
    : appointmentCrumbs(detail, title);
  return renderPage({
    ...chrome,
    title,
    hasErrors: Object.keys(errors).length > 0,
    breadcrumbs: crumbs,
    children: (
      <>
        <ErrorSummary errors={errors} />
        <PageHeader caption={measureCaption(detail)} title={title} />
        <form method="post" action={action} novalidate>
          <CsrfField token={chrome.csrfToken} />
          <fieldset class="fieldset">
            <legend class="legend legend--large">Quand</legend>
            <DateField name="date" label="Date" value={v("date")} error={errors.date} />
            <TimeField
              name="time"
              label="Heure de début"
              hint="Heure de Paris, par exemple 14:30"
              value={v("time")}
              error={errors.time}
            />
            <NumberField
              name="durationMinutes"
              label="Durée prévue (en minutes)"
              min={5}
              max={480}
              step={5}
              value={v("durationMinutes")}
              error={errors.durationMinutes}
            />
          </fieldset>
          <fieldset class="fieldset">
            <legend class="legend legend--large">Où et avec qui</legend>
            <RadioGroup
              name="place"
              legend="Lieu"
              options={APPOINTMENT_PLACES.map((p) => ({ value: p, label: PLACE_LABELS[p] }))}
              value={v("place")}
              error={errors.place}
            />
            <TextField
              name="placeDetail"
              label="Précision sur le lieu (facultatif sauf pour « Autre lieu »)"
              hint="Bureau, établissement pénitentiaire, lien de visioconférence… Elle figure dans le rappel envoyé à la personne."
              value={v("placeDetail")}
              error={errors.placeDetail}
              maxlength={200}
            />
            <SelectField
              name="kind"
              label="Nature du rendez-vous"
              emptyLabel="Choisir une nature"
              options={APPOINTMENT_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
              value={v("kind")}
              error={errors.kind}
            />
            <SelectField
              name="staffId"
              label="Intervenant·e qui reçoit la personne"
              emptyLabel="Choisir un·e intervenant·e"
              options={staff.map((s) => ({ value: s.id, label: `${s.firstName} ${s.lastName}` }))}
              value={v("staffId")}
              error={errors.staffId}
            />
            <SelectField
              name="partnerId"
              label="Partenaire présent (facultatif)"
              hint={
                partners.length === 0
                  ? "L'annuaire des partenaires de l'association est vide."
                  : "Obligatoire pour un entretien avec un partenaire."
              }
              emptyLabel="Aucun partenaire"
              options={partners.map((p) => ({ value: p.id, label: p.name }))}
              value={v("partnerId")}
              error={errors.partnerId}
            />
          </fieldset>
          <FormActions>
            <Button>{appointment ? "Enregistrer les modifications" : "Enregistrer le rendez-vous"}</Button>
            <a
              href={
                appointment ? `/rendez-vous/${appointment.id}` : `/mesures/${detail.measure.id}/rendez-vous`
              }
            >
              Annuler
            </a>
          </FormActions>
        </form>
      </>
    ),
  });
}

/* ------------------------------------------------------------------ */
/* /rendez-vous/:id                                                    */
/* ------------------------------------------------------------------ */

/** "Entretien du 24/11/2026 à 14:30". */
export function appointmentLabel(a: { kind: keyof typeof KIND_LABELS; startsAt: Date }): string {
  return `${KIND_LABELS[a.kind]} du ${formatDateTime(a.startsAt)}`;
}

export interface AppointmentPageModel {
  chrome: PageChrome;
  detail: MeasureDetail;
  found: AppointmentDetail;
  now: Date;
  values?: Values;
  errors?: FormErrors;
}

/** What a page says about the reminder e-mail of an appointment; `short` in a table. */
function reminderText(status: ReminderStatus, short = false): string {
  switch (status.kind) {
    case "sent":
      return `Envoyé le ${formatDateTime(status.at)}`;
    case "planned":
      return short ? "Prévu la veille" : "Envoyé automatiquement la veille du rendez-vous";
    case "no_consent":
      return short
        ? "Pas de rappel (pas d'e-mail ou pas d'accord)"
        : "Pas de rappel : la personne n'a pas donné d'adresse e-mail ou n'a pas accepté les rappels";
    case "not_applicable":
      return "Pas de rappel";
  }
}

export function appointmentPage({
  chrome,
  detail,
  found,
  now,
  values,
  errors = {},
}: AppointmentPageModel): string {
  const a = found.appointment;
  const label = appointmentLabel(a);
  const started = canRecordAttendance(a.startsAt, now);
  const v = (k: string) => (typeof values?.[k] === "string" ? (values[k] as string) : undefined);
  const { date, time } = instantToParis(a.startsAt);
  return renderPage({
    ...chrome,
    title: label,
    hasErrors: Object.keys(errors).length > 0,
    breadcrumbs: appointmentCrumbs(detail, label),
    children: (
      <>
        <ErrorSummary errors={errors} />
        <PageHeader
          caption={measureCaption(detail)}
          title={label}
          actions={
            <>
              {a.cancelledOn || found.measureStatus === "cloturee" ? null : (
                <ButtonLink variant="secondary" href={`/rendez-vous/${a.id}/modifier`}>
                  Modifier le rendez-vous
                </ButtonLink>
              )}
              <a href={`/rendez-vous/${a.id}.ics`} download>
                Ajouter à mon agenda (.ics)
              </a>
            </>
          }
        />
        <MeasureTabs measureId={detail.measure.id} current="rendez-vous" />
        {a.cancelledOn ? (
          <Notice tone="warning" title="Rendez-vous annulé">
            <p>
              Annulé le {formatDate(a.cancelledOn)}
              {a.cancellationReason ? ` : ${a.cancellationReason.toLowerCase()}` : ""}. Il ne figure plus dans
              l'agenda et aucun rappel n'est envoyé.
            </p>
          </Notice>
        ) : null}
        {a.attendance === "absent" ? (
          <Notice tone="warning" title="La personne était absente">
            <p>
              Une absence non excusée peut être un manquement aux obligations de la mesure.{" "}
              <a href={`/mesures/${detail.measure.id}/incidents/nouveau?rendezVous=${a.id}`}>
                Déclarer un incident
              </a>{" "}
              pour en garder la trace et, si besoin, en informer le magistrat.
            </p>
          </Notice>
        ) : null}
        <SummaryList
          rows={[
            {
              key: "Personne",
              value: <a href={`/personnes/${found.person.id}`}>{personName(found.person)}</a>,
            },
            { key: "Date", value: longDateCapitalized(date) },
            { key: "Heure", value: `${time} (${timeRange(a.startsAt, a.durationMinutes)})` },
            { key: "Durée prévue", value: `${a.durationMinutes} minutes` },
            { key: "Nature", value: KIND_LABELS[a.kind] },
            { key: "Lieu", value: placeText(a) },
            { key: "Intervenant·e", value: `${found.staff.firstName} ${found.staff.lastName}` },
            { key: "Partenaire", value: found.partner?.name ?? null },
            {
              key: "Rappel par e-mail",
              value: reminderText(
                reminderStatus(
                  {
                    startsAt: a.startsAt,
                    attendance: a.attendance,
                    reminderSentAt: a.reminderSentAt,
                    email: found.person.email,
                    reminderConsent: found.person.reminderConsent,
                    measureClosed: found.measureStatus === "cloturee",
                  },
                  now,
                ),
              ),
            },
          ]}
        />
        <section aria-labelledby="presence">
          <h2 id="presence">Présence</h2>
          {a.attendance ? (
            <SummaryList
              rows={[
                {
                  key: "Présence",
                  value: <AttendanceTag attendance={a.attendance} startsAt={a.startsAt} now={now} />,
                },
                { key: "Note", value: a.note },
              ]}
            />
          ) : null}
          {a.cancelledOn ? (
            <p>Rendez-vous annulé : pas de présence à noter.</p>
          ) : started ? (
            <form method="post" action={`/rendez-vous/${a.id}/presence`} novalidate>
              <CsrfField token={chrome.csrfToken} />
              <RadioGroup
                name="attendance"
                legend={a.attendance ? "Corriger la présence" : "La personne était-elle présente ?"}
                inline
                options={ATTENDANCES.map((value) => ({ value, label: ATTENDANCE_LABELS[value] }))}
                value={v("attendance") ?? a.attendance}
                error={errors.attendance}
              />
              <TextArea
                name="note"
                label="Note (facultatif)"
                hint="Ce qui s'est dit d'utile pour le suivi, le motif d'une excuse…"
                rows={4}
                maxlength={2000}
                value={v("note") ?? (values ? undefined : a.note)}
                error={errors.note}
              />
              <FormActions>
                <Button>Enregistrer la présence</Button>
              </FormActions>
            </form>
          ) : (
            <p>
              La présence pourra être notée à partir du début du rendez-vous, le {formatDateTime(a.startsAt)}.
            </p>
          )}
        </section>
      </>
    ),
  });
}

/* ------------------------------------------------------------------ */
/* /agenda                                                             */
/* ------------------------------------------------------------------ */

export interface AgendaModel {
  chrome: PageChrome;
  monday: IsoDate;
  today: IsoDate;
  now: Date;
  rows: AgendaRow[];
  /** Whose agenda; the user's own when `own`. */
  staff: { id: string; firstName: string; lastName: string };
  own: boolean;
  /** The staff a chef de service or the direction may choose from; empty for an intervenant. */
  staffOptions: { id: string; firstName: string; lastName: string }[];
}

export function agendaPage(m: AgendaModel): string {
  const query = (params: Record<string, string>) => {
    const all = { ...params, ...(m.own ? {} : { intervenant: m.staff.id }) };
    return `?${new URLSearchParams(all)}`;
  };
  const days = Array.from({ length: 7 }, (_, i) => addCalendarDays(m.monday, i));
  const byDay = new Map<IsoDate, AgendaRow[]>(days.map((d) => [d, []]));
  for (const row of m.rows) byDay.get(instantToParis(row.startsAt).date)?.push(row);
  const title = m.own ? "Mon agenda" : `Agenda ${elide("de", `${m.staff.firstName} ${m.staff.lastName}`)}`;
  const thisWeek = days.includes(m.today);
  const period = weekLabel(m.monday);
  return renderPage({
    ...m.chrome,
    title: `${title} – semaine ${period}`,
    breadcrumbs: [{ href: "/", label: "Accueil" }, { label: "Agenda" }],
    children: (
      <>
        <PageHeader caption={`Semaine ${period}`} title={title} />
        {m.staffOptions.length > 0 ? (
          <form method="get" action="/agenda" class="filters" aria-label="Choisir l'agenda affiché">
            <input type="hidden" name="semaine" value={m.monday} />
            <SelectField
              name="intervenant"
              label="Agenda de"
              options={m.staffOptions.map((s) => ({ value: s.id, label: `${s.firstName} ${s.lastName}` }))}
              value={m.staff.id}
            />
            <Button variant="secondary">Afficher</Button>
          </form>
        ) : null}
        <nav aria-label="Changer de semaine" class="form-actions">
          <ButtonLink
            variant="secondary"
            small
            href={`/agenda${query({ semaine: addCalendarDays(m.monday, -7) })}`}
          >
            Semaine précédente
          </ButtonLink>
          {thisWeek ? null : (
            <ButtonLink variant="secondary" small href={`/agenda${m.own ? "" : query({})}`}>
              Cette semaine
            </ButtonLink>
          )}
          <ButtonLink
            variant="secondary"
            small
            href={`/agenda${query({ semaine: addCalendarDays(m.monday, 7) })}`}
          >
            Semaine suivante
          </ButtonLink>
        </nav>
        <p>
          {m.rows.length === 0
            ? "Aucun rendez-vous cette semaine."
            : `${m.rows.length} rendez-vous cette semaine.`}
        </p>
        {days.map((day) => {
          const rows = byDay.get(day) ?? [];
          const heading = `${longDateCapitalized(day)}${day === m.today ? " (aujourd'hui)" : ""}`;
          return (
            <section aria-labelledby={`jour-${day}`} key={day}>
              <h2 id={`jour-${day}`}>{heading}</h2>
              {rows.length === 0 ? (
                <p class="muted">Aucun rendez-vous.</p>
              ) : (
                <DataTable
                  caption={`Rendez-vous du ${longDateCapitalized(day).toLocaleLowerCase("fr-FR")}`}
                  captionHidden
                  head={["Heure", "Personne", "Nature", "Lieu", "Présence"]}
                  rows={rows.map((r) => [
                    <a href={`/rendez-vous/${r.id}`}>{timeRange(r.startsAt, r.durationMinutes)}</a>,
                    <>
                      {personName(r)}
                      <br />
                      <span class="muted">Mesure {r.measureNumber}</span>
                    </>,
                    r.partnerName ? `${KIND_LABELS[r.kind]} (${r.partnerName})` : KIND_LABELS[r.kind],
                    placeText(r),
                    <AttendanceTag attendance={r.attendance} startsAt={r.startsAt} now={m.now} />,
                  ])}
                />
              )}
            </section>
          );
        })}
        <h2>Exporter vers un autre agenda</h2>
        <ul class="link-list">
          <li>
            <a href={`/agenda.ics${query({ semaine: m.monday })}`} download>
              Télécharger la semaine affichée (.ics)
            </a>
          </li>
          <li>
            <a href={`/agenda.ics${m.own ? "" : query({})}`} download>
              Télécharger les trois prochains mois (.ics)
            </a>
          </li>
        </ul>
        <Notice title="Données personnelles dans les agendas exportés">
          <p>
            Un fichier iCalendar (.ics) s'importe dans Outlook, Thunderbird ou l'agenda d'un téléphone,
            souvent synchronisé hors de l'association. Chaque rendez-vous n'y porte donc que sa nature, les
            initiales de la personne, le lieu (sans l'adresse d'un domicile) et un lien vers sa fiche dans
            Parcours, qui demande de se connecter. Le nom de la personne et la mesure n'y figurent pas. Chaque
            export est inscrit au journal des accès.
          </p>
        </Notice>
      </>
    ),
  });
}
