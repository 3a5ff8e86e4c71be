import type { VNode } from "preact";
import { KIND_LABELS as APPOINTMENT_KIND_LABELS, ATTENDANCE_LABELS } from "../appointments/rules.ts";
import type { AppointmentKind, Attendance } from "../appointments/tables.ts";
import type { MeasureDetail } from "../measures/queries.ts";
import { MeasureTabs, measureCaption, measureCrumbs } from "../measures/tabs.tsx";
import type { PageChrome } from "../platform/page.ts";
import { DataTable, formatDate, formatDateTime, Notice, Tag } from "../platform/views/display.tsx";
import {
  Button,
  ButtonLink,
  CsrfField,
  DateField,
  ErrorSummary,
  FormActions,
  type FormErrors,
  RadioGroup,
  SelectField,
  TextArea,
} from "../platform/views/forms.tsx";
import { renderPage } from "../platform/views/layout.tsx";
import { PageHeader } from "../platform/views/page-header.tsx";
import type { IncidentRecord } from "./queries.ts";
import { INCIDENT_KIND_LABELS, incidentReportUrl, reportState } from "./rules.ts";
import { INCIDENT_KINDS } from "./tables.ts";

type Values = Record<string, string | string[] | undefined>;

/** "à signaler au magistrat" until the incident report is issued, then its date. */
export function ReportTag({ incident }: { incident: Pick<IncidentRecord, "reportedOn"> }): VNode {
  if (reportState(incident) === "a_signaler") return <Tag tone="orange">À signaler au magistrat</Tag>;
  return <Tag tone="green">Signalé le {formatDate(incident.reportedOn)}</Tag>;
}

export function appointmentOptionLabel(a: {
  startsAt: Date;
  kind: AppointmentKind;
  attendance: Attendance | null;
}): string {
  const attendance = a.attendance ? ` (${ATTENDANCE_LABELS[a.attendance].toLowerCase()})` : "";
  return `${APPOINTMENT_KIND_LABELS[a.kind]} du ${formatDateTime(a.startsAt)}${attendance}`;
}

function linkText(i: IncidentRecord): VNode | string {
  const obligation =
    i.obligationLabel && i.obligationId ? (
      <a href={`/mesures/${i.measureId}/obligations/${i.obligationId}`}>Obligation : {i.obligationLabel}</a>
    ) : null;
  const appointment =
    i.appointmentStartsAt && i.appointmentId ? (
      <a href={`/rendez-vous/${i.appointmentId}`}>Rendez-vous du {formatDateTime(i.appointmentStartsAt)}</a>
    ) : null;
  if (!obligation && !appointment) return "";
  return (
    <>
      {obligation}
      {obligation && appointment ? <br /> : null}
      {appointment}
    </>
  );
}

export interface IncidentsPageModel {
  chrome: PageChrome;
  detail: MeasureDetail;
  incidents: IncidentRecord[];
  /** The incident just recorded: the page prompts its report to the magistrate. */
  justRecorded: IncidentRecord | null;
}

export function incidentsPage({ chrome, detail, incidents, justRecorded }: IncidentsPageModel): string {
  const { measure } = detail;
  const open = measure.status !== "cloturee";
  const pending = incidents.filter((i) => reportState(i) === "a_signaler");
  return renderPage({
    ...chrome,
    title: `Incidents – mesure ${measure.number}`,
    breadcrumbs: measureCrumbs(detail, "Incidents"),
    children: (
      <>
        <PageHeader
          caption={measureCaption(detail)}
          title="Incidents"
          actions={
            open ? (
              <ButtonLink href={`/mesures/${measure.id}/incidents/nouveau`}>Déclarer un incident</ButtonLink>
            ) : null
          }
        />
        <MeasureTabs measureId={measure.id} current="incidents" />
        {justRecorded && reportState(justRecorded) === "a_signaler" ? (
          <Notice tone="warning" title="Incident à signaler au magistrat">
            <p>
              L'incident du {formatDate(justRecorded.occurredOn)} (
              {INCIDENT_KIND_LABELS[justRecorded.kind].toLowerCase()}) est enregistré. Informez le magistrat
              mandant par un rapport d'incident.
            </p>
            <p>
              <a href={incidentReportUrl(measure.id, justRecorded.id)}>Rédiger le rapport d'incident</a>
            </p>
          </Notice>
        ) : pending.length > 0 ? (
          <Notice tone="warning" title="Incidents à signaler au magistrat">
            <p>
              {pending.length === 1
                ? "Un incident n'a pas encore fait l'objet d'un rapport d'incident au magistrat."
                : `${pending.length} incidents n'ont pas encore fait l'objet d'un rapport d'incident au magistrat.`}
            </p>
          </Notice>
        ) : null}
        <DataTable
          caption="Incidents de la mesure"
          captionHidden
          head={["Date", "Nature", "Description", "En lien avec", "Rapport au magistrat"]}
          empty="Aucun incident enregistré pour cette mesure."
          rows={incidents.map((i) => [
            formatDate(i.occurredOn),
            INCIDENT_KIND_LABELS[i.kind],
            i.description,
            linkText(i),
            <>
              <ReportTag incident={i} />
              {reportState(i) === "a_signaler" && open ? (
                <>
                  <br />
                  <a href={incidentReportUrl(measure.id, i.id)}>
                    Rédiger le rapport
                    <span class="visually-hidden"> de l'incident du {formatDate(i.occurredOn)}</span>
                  </a>
                </>
              ) : null}
            </>,
          ])}
        />
      </>
    ),
  });
}

export interface IncidentFormModel {
  chrome: PageChrome;
  detail: MeasureDetail;
  obligations: { id: string; label: string }[];
  appointments: { id: string; startsAt: Date; kind: AppointmentKind; attendance: Attendance | null }[];
  values: Values;
  errors: FormErrors;
}

export function incidentFormPage({
  chrome,
  detail,
  obligations,
  appointments,
  values,
  errors,
}: IncidentFormModel): string {
  const { measure } = detail;
  const v = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : undefined);
  return renderPage({
    ...chrome,
    title: `Déclarer un incident – mesure ${measure.number}`,
    hasErrors: Object.keys(errors).length > 0,
    breadcrumbs: [
      ...measureCrumbs(detail, "Incidents").slice(0, -1),
      { href: `/mesures/${measure.id}/incidents`, label: "Incidents" },
      { label: "Déclarer un incident" },
    ],
    children: (
      <>
        <ErrorSummary errors={errors} />
        <PageHeader caption={measureCaption(detail)} title="Déclarer un incident" />
        <MeasureTabs measureId={measure.id} current="incidents" />
        <form method="post" action={`/mesures/${measure.id}/incidents/nouveau`} novalidate>
          <CsrfField token={chrome.csrfToken} />
          <DateField
            name="occurredOn"
            label="Date de l'incident"
            value={v("occurredOn")}
            error={errors.occurredOn}
          />
          <RadioGroup
            name="kind"
            legend="Nature de l'incident"
            options={INCIDENT_KINDS.map((k) => ({ value: k, label: INCIDENT_KIND_LABELS[k] }))}
            value={v("kind")}
            error={errors.kind}
          />
          <TextArea
            name="description"
            label="Description"
            hint="Les faits constatés ou rapportés, leur source et la réaction de la personne"
            rows={5}
            value={v("description")}
            error={errors.description}
          />
          <SelectField
            name="obligationId"
            label="Obligation concernée (facultatif)"
            emptyLabel={obligations.length > 0 ? "Aucune" : "Aucune obligation enregistrée"}
            options={obligations.map((o) => ({ value: o.id, label: o.label }))}
            value={v("obligationId")}
            error={errors.obligationId}
          />
          <SelectField
            name="appointmentId"
            label="Rendez-vous concerné (facultatif)"
            emptyLabel={appointments.length > 0 ? "Aucun" : "Aucun rendez-vous passé"}
            options={appointments.map((a) => ({ value: a.id, label: appointmentOptionLabel(a) }))}
            value={v("appointmentId")}
            error={errors.appointmentId}
          />
          <FormActions>
            <Button>Enregistrer l'incident</Button>
            <a href={`/mesures/${measure.id}/incidents`}>Annuler</a>
          </FormActions>
        </form>
      </>
    ),
  });
}
