import {
  DOMAIN_LABELS,
  LEVEL_LABELS,
  LEVEL_TONES,
  TREND_LABELS,
  TREND_TONES,
} from "../assessments/labels.ts";
import type { AssessmentWithDomains } from "../assessments/queries.ts";
import { levelTrend } from "../assessments/rules.ts";
import { daysRemaining } from "../deadlines/rules.ts";
import { personName } from "../persons/views.tsx";
import type { PageChrome } from "../platform/page.ts";
import { DataTable, DeadlineTag, formatDate, SummaryList, Tag } from "../platform/views/display.tsx";
import {
  Button,
  ButtonLink,
  CsrfField,
  DateField,
  ErrorSummary,
  FormActions,
  type FormErrors,
  SelectField,
  TextArea,
  TextField,
} from "../platform/views/forms.tsx";
import { renderPage } from "../platform/views/layout.tsx";
import { PageHeader } from "../platform/views/page-header.tsx";
import { MAGISTRATE_FUNCTIONS } from "./form.ts";
import type { MeasureDetail } from "./queries.ts";
import { allowedTransitions, type MeasureStatus, STATUS_LABELS } from "./rules.ts";
import { statusTone } from "./status-tag.tsx";
import { MeasureTabs } from "./tabs.tsx";

const DEADLINE_UNITS = { calendar_days: "jours", working_days: "jours ouvrés", months: "mois" } as const;

export interface MeasureFormOptions {
  types: {
    code: string;
    label: string;
    defaultReportDeadline: { amount: number; unit: keyof typeof DEADLINE_UNITS };
  }[];
  courts: { id: string; name: string }[];
  referents: { id: string; firstName: string; lastName: string }[];
}

export interface MeasureFormModel {
  chrome: PageChrome;
  options: MeasureFormOptions;
  values: Record<string, string | string[] | undefined>;
  errors: FormErrors;
  person: { id: string; lastName: string; firstName: string; usedName: string | null };
  measure?: { id: string; number: string };
}

export function measureFormPage({
  chrome,
  options,
  values,
  errors,
  person,
  measure,
}: MeasureFormModel): string {
  const v = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : undefined);
  const name = personName(person);
  const title = measure ? `Modifier la mesure ${measure.number}` : "Nouvelle mesure";
  const action = measure ? `/mesures/${measure.id}/modifier` : `/personnes/${person.id}/mesures/nouvelle`;
  return renderPage({
    ...chrome,
    title,
    hasErrors: Object.keys(errors).length > 0,
    breadcrumbs: [
      { href: "/", label: "Accueil" },
      { href: `/personnes/${person.id}`, label: name },
      ...(measure ? [{ href: `/mesures/${measure.id}`, label: `Mesure ${measure.number}` }] : []),
      { label: title },
    ],
    children: (
      <>
        <ErrorSummary errors={errors} />
        <PageHeader caption={name} title={title} />
        <form method="post" action={action} novalidate>
          <CsrfField token={chrome.csrfToken} />
          <fieldset class="fieldset">
            <legend class="legend legend--large">Mandat</legend>
            <SelectField
              name="typeCode"
              label="Type de mesure"
              emptyLabel="Choisir une mesure"
              options={options.types.map((t) => ({
                value: t.code,
                label: `${t.label} (rapport sous ${t.defaultReportDeadline.amount} ${DEADLINE_UNITS[t.defaultReportDeadline.unit]})`,
              }))}
              value={v("typeCode")}
              error={errors.typeCode}
            />
            <SelectField
              name="magistrateFunction"
              label="Fonction du magistrat mandant"
              emptyLabel="Choisir une fonction"
              options={MAGISTRATE_FUNCTIONS.map((f) => ({ value: f, label: f }))}
              value={v("magistrateFunction")}
              error={errors.magistrateFunction}
            />
            <TextField
              name="magistrateName"
              label="Nom du magistrat (facultatif)"
              value={v("magistrateName")}
              error={errors.magistrateName}
              width="medium"
            />
            <SelectField
              name="courtId"
              label="Juridiction"
              hint="Tribunal judiciaire (ou de première instance) qui a ordonné la mesure"
              emptyLabel="Choisir une juridiction"
              options={options.courts.map((c) => ({ value: c.id, label: c.name }))}
              value={v("courtId")}
              error={errors.courtId}
            />
            <TextField
              name="proceedingsNumber"
              label="Numéro de procédure ou de parquet (facultatif)"
              value={v("proceedingsNumber")}
              error={errors.proceedingsNumber}
              width="medium"
            />
            <DateField
              name="decisionDate"
              label="Date de la décision"
              value={v("decisionDate")}
              error={errors.decisionDate}
            />
            <DateField
              name="receivedDate"
              label="Date de réception du mandat"
              value={v("receivedDate")}
              error={errors.receivedDate}
            />
          </fieldset>
          <fieldset class="fieldset">
            <legend class="legend legend--large">Suivi</legend>
            <SelectField
              name="referentId"
              label="Intervenant·e référent·e"
              emptyLabel="Choisir un·e intervenant·e"
              options={options.referents.map((r) => ({ value: r.id, label: `${r.firstName} ${r.lastName}` }))}
              value={v("referentId")}
              error={errors.referentId}
            />
            <DateField
              name="reportDueDate"
              label="Échéance du rapport"
              hint="Laissez vide pour la calculer à partir du délai du type de mesure, de la date de réception et des jours fériés de la juridiction"
              value={v("reportDueDate")}
              error={errors.reportDueDate}
            />
            <DateField
              name="endDate"
              label="Fin prévue de la mesure (facultatif)"
              value={v("endDate")}
              error={errors.endDate}
            />
          </fieldset>
          <FormActions>
            <Button>{measure ? "Enregistrer les modifications" : "Enregistrer la mesure"}</Button>
            <a href={measure ? `/mesures/${measure.id}` : `/personnes/${person.id}`}>Annuler</a>
          </FormActions>
        </form>
      </>
    ),
  });
}

export interface MeasurePageModel {
  chrome: PageChrome;
  detail: MeasureDetail;
  history: {
    fromStatus: MeasureStatus | null;
    toStatus: MeasureStatus;
    changedOn: string;
    note: string | null;
    byFirstName: string | null;
    byLastName: string | null;
  }[];
  today: string;
  /** The latest assessment of the situation and the one before it, to show how each domain changed. */
  situation?: { latest: AssessmentWithDomains; previous: AssessmentWithDomains | null } | null;
  statusErrors?: FormErrors;
  statusValues?: Record<string, string | string[] | undefined>;
}

function Situation({
  measureId,
  situation,
}: {
  measureId: string;
  situation: MeasurePageModel["situation"];
}) {
  if (!situation) {
    return (
      <p>
        Aucune évaluation de la situation pour l'instant.{" "}
        <a href={`/mesures/${measureId}/evaluation/nouvelle`}>Évaluer la situation</a>.
      </p>
    );
  }
  const before = new Map(situation.previous?.domains.map((d) => [d.domain, d.level]) ?? []);
  const since = situation.previous
    ? ` (comparée à celle du ${formatDate(situation.previous.assessedOn)})`
    : "";
  return (
    <>
      <DataTable
        caption={`Dernière évaluation, du ${formatDate(situation.latest.assessedOn)}${since}`}
        head={["Domaine", "Niveau", "Évolution"]}
        rows={situation.latest.domains.map((d) => {
          const trend = levelTrend(before.get(d.domain), d.level);
          return [
            DOMAIN_LABELS[d.domain],
            <Tag tone={LEVEL_TONES[d.level]}>{LEVEL_LABELS[d.level]}</Tag>,
            trend ? <Tag tone={TREND_TONES[trend]}>{TREND_LABELS[trend]}</Tag> : "—",
          ];
        })}
      />
      <p>
        <a href={`/mesures/${measureId}/evaluation`}>Toute l'évaluation et son historique</a>
      </p>
    </>
  );
}

export function measurePage({
  chrome,
  detail,
  history,
  today,
  situation = null,
  statusErrors = {},
  statusValues = {},
}: MeasurePageModel): string {
  const { measure, person, type, court, referent } = detail;
  const name = personName(person);
  const open = measure.status !== "cloturee";
  // Closing asks for the outcome and the final report: it has its own page.
  const next = allowedTransitions(measure.status).filter((s) => s !== "cloturee");
  const sv = (k: string) => (typeof statusValues[k] === "string" ? (statusValues[k] as string) : undefined);
  const outcome = type.outcomes.find((o) => o.code === measure.outcomeCode);
  return renderPage({
    ...chrome,
    title: `Mesure ${measure.number}`,
    hasErrors: Object.keys(statusErrors).length > 0,
    breadcrumbs: [
      { href: "/", label: "Accueil" },
      { href: `/personnes/${person.id}`, label: name },
      { label: `Mesure ${measure.number}` },
    ],
    children: (
      <>
        <ErrorSummary errors={statusErrors} />
        <PageHeader
          caption={<a href={`/personnes/${person.id}`}>{name}</a>}
          title={`${type.label} – ${measure.number}`}
          actions={
            open ? (
              <ButtonLink variant="secondary" href={`/mesures/${measure.id}/modifier`}>
                Modifier le mandat
              </ButtonLink>
            ) : null
          }
        />
        <MeasureTabs measureId={measure.id} current="mandat" />
        <p>
          <Tag tone={statusTone(measure.status)}>{STATUS_LABELS[measure.status]}</Tag> depuis le{" "}
          {formatDate(measure.statusDate)}
        </p>
        <h2>Mandat</h2>
        <SummaryList
          rows={[
            { key: "Type de mesure", value: type.label },
            { key: "Base légale", value: type.legalBasis },
            {
              key: "Magistrat mandant",
              value: [measure.magistrateFunction, measure.magistrateName].filter(Boolean).join(" – "),
            },
            { key: "Juridiction", value: court.name },
            { key: "Numéro de procédure", value: measure.proceedingsNumber },
            { key: "Date de la décision", value: formatDate(measure.decisionDate) },
            { key: "Date de réception", value: formatDate(measure.receivedDate) },
            { key: "Référent·e", value: `${referent.firstName} ${referent.lastName}` },
          ]}
        />
        <h2>Échéances</h2>
        <SummaryList
          rows={[
            {
              key: "Rapport à remettre",
              value: (
                <>
                  {formatDate(measure.reportDueDate)}{" "}
                  {open && !measure.reportSubmittedOn ? (
                    <DeadlineTag daysRemaining={daysRemaining(today, measure.reportDueDate)} />
                  ) : null}
                </>
              ),
            },
            {
              key: "Rapport remis le",
              value: measure.reportSubmittedOn ? formatDate(measure.reportSubmittedOn) : null,
            },
            { key: "Fin prévue", value: measure.endDate ? formatDate(measure.endDate) : null },
            { key: "Clôturée le", value: measure.closedOn ? formatDate(measure.closedOn) : null },
            ...(outcome ? [{ key: "Issue", value: outcome.label }] : []),
          ]}
        />
        {open && next.length > 0 ? (
          <section aria-labelledby="changer-statut">
            <h2 id="changer-statut">Changer le statut</h2>
            <form method="post" action={`/mesures/${measure.id}/statut`} novalidate>
              <CsrfField token={chrome.csrfToken} />
              <SelectField
                name="to"
                label="Nouveau statut"
                emptyLabel="Choisir un statut"
                options={next.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
                value={sv("to")}
                error={statusErrors.to}
              />
              <DateField
                name="on"
                label="Date du changement"
                value={sv("on") ?? today}
                error={statusErrors.on}
              />
              <TextArea
                name="note"
                label="Note (facultatif)"
                rows={2}
                value={sv("note")}
                error={statusErrors.note}
              />
              <FormActions>
                <Button>Changer le statut</Button>
              </FormActions>
            </form>
            <p>
              Pour clôturer la mesure, avec son issue et le rapport final :{" "}
              <a href={`/mesures/${measure.id}/cloture`}>clôturer la mesure</a>.
            </p>
          </section>
        ) : null}
        <h2>Situation de la personne</h2>
        <Situation measureId={measure.id} situation={situation} />
        <h2>Historique des statuts</h2>
        <DataTable
          caption="Historique des statuts"
          captionHidden
          head={["Date", "Statut", "Par", "Note"]}
          rows={history.map((h) => [
            formatDate(h.changedOn),
            STATUS_LABELS[h.toStatus],
            [h.byFirstName, h.byLastName].filter(Boolean).join(" "),
            h.note ?? "",
          ])}
        />
      </>
    ),
  });
}
