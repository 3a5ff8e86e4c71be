import type { VNode } from "preact";
import type { MeasureDetail } from "../measures/queries.ts";
import { MeasureTabs, measureCaption, measureCrumbs } from "../measures/tabs.tsx";
import type { PageChrome } from "../platform/page.ts";
import { DataTable, formatDate, Notice, SummaryList, Tag } from "../platform/views/display.tsx";
import {
  Button,
  ButtonLink,
  CsrfField,
  ErrorSummary,
  FormActions,
  type FormErrors,
  TextArea,
} from "../platform/views/forms.tsx";
import { renderPage } from "../platform/views/layout.tsx";
import { PageHeader } from "../platform/views/page-header.tsx";
import type { ReportKind } from "../reference/data/measure-types.ts";
import { splitLines } from "./documents.ts";
import { DOCUMENT_TITLES, sectionHint } from "./draft.ts";
import type { ReportListRow } from "./queries.ts";
import { REPORT_STATUS_LABELS, sectionField } from "./rules.ts";
import type { ReportSection, ReportStatus } from "./tables.ts";

type Values = Record<string, string | string[] | undefined>;

/** "Rédiger un rapport d'étape": the link text to start a report of a kind. */
export const WRITE_LABELS: Readonly<Record<ReportKind, string>> = {
  rapport_enquete: "Rédiger le rapport d'enquête",
  rapport_etape: "Rédiger un rapport d'étape",
  rapport_fin_mesure: "Rédiger le rapport de fin de mesure",
  rapport_incident: "Rédiger un rapport d'incident",
  proposition_amenagement: "Rédiger une proposition d'aménagement de peine",
};

export function newReportUrl(measureId: string, kind: ReportKind): string {
  return `/mesures/${measureId}/ecrits/nouveau?type=${kind}`;
}

function StatusTag({ status }: { status: ReportStatus }): VNode {
  return <Tag tone={status === "emis" ? "green" : "orange"}>{REPORT_STATUS_LABELS[status]}</Tag>;
}

function reportLabel(r: { kind: ReportKind; version: number | null }): string {
  return r.version ? `${DOCUMENT_TITLES[r.kind]} n° ${r.version}` : DOCUMENT_TITLES[r.kind];
}

function Downloads({ measureId, report }: { measureId: string; report: ReportListRow }): VNode | null {
  if (report.status !== "emis") return null;
  const label = reportLabel(report);
  return (
    <>
      <a href={`/mesures/${measureId}/ecrits/${report.id}.pdf`}>
        PDF<span class="visually-hidden"> – {label}</span>
      </a>{" "}
      ·{" "}
      <a href={`/mesures/${measureId}/ecrits/${report.id}.docx`}>
        DOCX<span class="visually-hidden"> – {label}</span>
      </a>
    </>
  );
}

export interface ReportListModel {
  chrome: PageChrome;
  detail: MeasureDetail;
  reports: ReportListRow[];
}

export function reportListPage({ chrome, detail, reports }: ReportListModel): string {
  const { measure, type } = detail;
  const open = measure.status !== "cloturee";
  const kinds = type.reportKinds as ReportKind[];
  return renderPage({
    ...chrome,
    title: `Écrits au magistrat – mesure ${measure.number}`,
    breadcrumbs: measureCrumbs(detail, "Écrits au magistrat"),
    children: (
      <>
        <PageHeader caption={measureCaption(detail)} title="Écrits au magistrat" />
        <MeasureTabs measureId={measure.id} current="ecrits" />
        {open ? null : (
          <Notice title="Mesure clôturée">
            <p>La mesure est clôturée : ses écrits restent consultables et téléchargeables.</p>
          </Notice>
        )}
        <SummaryList
          rows={[
            { key: "Rapport attendu pour le", value: formatDate(measure.reportDueDate) },
            {
              key: "Rapport remis le",
              value: measure.reportSubmittedOn ? formatDate(measure.reportSubmittedOn) : null,
            },
          ]}
        />
        {open && kinds.length > 0 ? (
          <section aria-labelledby="rediger">
            <h2 id="rediger">Rédiger un écrit</h2>
            <p class="hint">
              Le brouillon est prérempli à partir du dossier (identité, mandat, évaluation, plan d'action,
              obligations, rendez-vous, incidents) ; vous le relisez et le complétez avant de l'émettre.
            </p>
            <ul>
              {kinds.map((kind) => (
                <li key={kind}>
                  <a href={newReportUrl(measure.id, kind)}>{WRITE_LABELS[kind]}</a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <h2>Écrits de la mesure</h2>
        <DataTable
          caption="Écrits de la mesure"
          captionHidden
          head={["Écrit", "Version", "Statut", "Date", "Auteur·e", "Fichiers"]}
          empty="Aucun écrit pour cette mesure."
          rows={reports.map((r) => [
            <a href={`/mesures/${measure.id}/ecrits/${r.id}`}>{reportLabel(r)}</a>,
            r.version ? String(r.version) : "–",
            <StatusTag status={r.status} />,
            r.status === "emis"
              ? `Émis le ${formatDate(r.issuedOn)}`
              : `Modifié le ${formatDate(r.updatedAt)}`,
            [r.authorFirstName, r.authorLastName].filter(Boolean).join(" "),
            <Downloads measureId={measure.id} report={r} />,
          ])}
        />
      </>
    ),
  });
}

/* ------------------------------------------------------------------ */
/* Writing a draft                                                     */
/* ------------------------------------------------------------------ */

export interface ReportFormModel {
  chrome: PageChrome;
  detail: MeasureDetail;
  kind: ReportKind;
  sections: readonly ReportSection[];
  values: Values;
  errors: FormErrors;
  /** The saved draft; absent for a new report not yet saved. */
  reportId?: string;
  /** For a new incident report: the incident it is about. */
  incidentId?: string | null;
  /** The version issuing will give. */
  nextVersion: number;
  /** An existing draft of the same kind, offered instead of a second one. */
  existingDraftId?: string | null;
  authorName?: string | null;
  updatedAt?: Date | null;
}

export function reportFormPage(m: ReportFormModel): string {
  const { measure } = m.detail;
  const title = m.reportId
    ? `${DOCUMENT_TITLES[m.kind]} – brouillon`
    : `Nouveau ${lowerFirst(DOCUMENT_TITLES[m.kind])}`;
  const action = m.reportId
    ? `/mesures/${measure.id}/ecrits/${m.reportId}`
    : `/mesures/${measure.id}/ecrits/nouveau`;
  const open = measure.status !== "cloturee";
  return renderPage({
    ...m.chrome,
    title,
    hasErrors: Object.keys(m.errors).length > 0,
    breadcrumbs: [
      ...measureCrumbs(m.detail, "Écrits au magistrat").slice(0, -1),
      { href: `/mesures/${measure.id}/ecrits`, label: "Écrits au magistrat" },
      { label: title },
    ],
    children: (
      <>
        <ErrorSummary errors={m.errors} />
        <PageHeader caption={measureCaption(m.detail)} title={title} />
        <MeasureTabs measureId={measure.id} current="ecrits" />
        {m.existingDraftId ? (
          <Notice tone="warning" title="Un brouillon existe déjà">
            <p>
              Un brouillon de ce type est déjà en cours pour cette mesure.{" "}
              <a href={`/mesures/${measure.id}/ecrits/${m.existingDraftId}`}>
                Reprendre le brouillon existant
              </a>
            </p>
          </Notice>
        ) : null}
        <Notice>
          <p>
            Les parties sont préremplies à partir du dossier : relisez-les, corrigez-les et rédigez la
            conclusion. Les titres sont fixés par le modèle. « Émettre » attribue la version n°{" "}
            {m.nextVersion}, la date du jour et votre nom, produit les fichiers PDF et DOCX et fige l'écrit.
          </p>
        </Notice>
        {m.reportId && m.updatedAt ? (
          <p class="muted">
            Brouillon enregistré le {formatDate(m.updatedAt)}
            {m.authorName ? ` par ${m.authorName}` : ""}.
          </p>
        ) : null}
        {open ? null : (
          <>
            <Notice tone="warning" title="Mesure clôturée">
              <p>La mesure est clôturée : ce brouillon reste consultable mais ne peut plus être émis.</p>
            </Notice>
            {m.sections.map((s) => (
              <section key={s.key} aria-labelledby={`partie-${s.key}`}>
                <h2 id={`partie-${s.key}`}>{s.title}</h2>
                {s.body ? <SectionText body={s.body} /> : <p class="muted">Non rédigé</p>}
              </section>
            ))}
          </>
        )}
        {open ? <DraftForm {...m} action={action} /> : null}
      </>
    ),
  });
}

function DraftForm(m: ReportFormModel & { action: string }): VNode {
  const { measure } = m.detail;
  const v = (name: string) => (typeof m.values[name] === "string" ? (m.values[name] as string) : undefined);
  return (
    <>
      <form method="post" action={m.action} class="report-section" novalidate>
        <CsrfField token={m.chrome.csrfToken} />
        {m.reportId ? null : <input type="hidden" name="type" value={m.kind} />}
        {m.reportId || !m.incidentId ? null : <input type="hidden" name="incident" value={m.incidentId} />}
        {m.sections.map((s) => {
          const name = sectionField(s.key);
          const value = v(name) ?? s.body;
          return (
            <TextArea
              key={s.key}
              name={name}
              label={s.title}
              hint={sectionHint(m.kind, s.key) ?? null}
              value={value}
              rows={textRows(value)}
              error={m.errors[name]}
            />
          );
        })}
        <FormActions>
          <Button name="action" value="enregistrer" variant="secondary">
            Enregistrer le brouillon
          </Button>
          <Button name="action" value="emettre">
            Émettre
          </Button>
          <a href={`/mesures/${measure.id}/ecrits`}>Annuler</a>
        </FormActions>
      </form>
      {m.reportId ? (
        <form method="post" action={`/mesures/${measure.id}/ecrits/${m.reportId}/supprimer`}>
          <CsrfField token={m.chrome.csrfToken} />
          <Button variant="warning" small confirm="Supprimer ce brouillon ?">
            Supprimer le brouillon
          </Button>
        </form>
      ) : null}
    </>
  );
}

/** Enough rows to show a section's text without scrolling (about 70 characters a line), within bounds. */
function textRows(value: string): number {
  const lines = value.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 70)), 0);
  return Math.min(24, Math.max(4, lines + 1));
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/* ------------------------------------------------------------------ */
/* An issued report                                                    */
/* ------------------------------------------------------------------ */

export function SectionText({ body }: { body: string }): VNode {
  const blocks: VNode[] = [];
  let items: { text: string; children: string[] }[] = [];
  const flush = () => {
    if (items.length === 0) return;
    blocks.push(
      <ul>
        {items.map((item) => (
          <li>
            {item.text}
            {item.children.length > 0 ? (
              <ul>
                {item.children.map((child) => (
                  <li>{child}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>,
    );
    items = [];
  };
  for (const line of splitLines(body)) {
    const last = items[items.length - 1];
    if (line.level === null) {
      flush();
      blocks.push(<p>{line.text}</p>);
    } else if (line.level === 1 && last) last.children.push(line.text);
    else items.push({ text: line.text, children: [] });
  }
  flush();
  return <>{blocks}</>;
}

export interface IssuedReportModel {
  chrome: PageChrome;
  detail: MeasureDetail;
  report: {
    id: string;
    kind: ReportKind;
    version: number | null;
    issuedOn: string | null;
    sections: ReportSection[];
  };
  authorName: string;
}

export function issuedReportPage({ chrome, detail, report, authorName }: IssuedReportModel): string {
  const { measure } = detail;
  const open = measure.status !== "cloturee";
  const title = reportLabel(report);
  const base = `/mesures/${measure.id}/ecrits/${report.id}`;
  return renderPage({
    ...chrome,
    title,
    breadcrumbs: [
      ...measureCrumbs(detail, "Écrits au magistrat").slice(0, -1),
      { href: `/mesures/${measure.id}/ecrits`, label: "Écrits au magistrat" },
      { label: title },
    ],
    children: (
      <>
        <PageHeader
          caption={measureCaption(detail)}
          title={title}
          actions={
            <>
              <ButtonLink href={`${base}.pdf`}>Télécharger le PDF</ButtonLink>
              <ButtonLink variant="secondary" href={`${base}.docx`}>
                Télécharger le DOCX
              </ButtonLink>
            </>
          }
        />
        <MeasureTabs measureId={measure.id} current="ecrits" />
        <SummaryList
          rows={[
            { key: "Statut", value: <StatusTag status="emis" /> },
            { key: "Version", value: report.version ? String(report.version) : null },
            { key: "Émis le", value: formatDate(report.issuedOn) },
            { key: "Auteur·e", value: authorName },
          ]}
        />
        <Notice>
          <p>
            Un écrit émis ne se modifie plus. Pour le corriger ou le compléter, rédigez une nouvelle version.
          </p>
        </Notice>
        {report.sections.map((s) => (
          <section key={s.key} aria-labelledby={`partie-${s.key}`}>
            <h2 id={`partie-${s.key}`}>{s.title}</h2>
            <SectionText body={s.body} />
          </section>
        ))}
        {open ? (
          <form method="post" action={`${base}/nouvelle-version`}>
            <CsrfField token={chrome.csrfToken} />
            <FormActions>
              <Button variant="secondary">Rédiger une nouvelle version</Button>
              <a href={`/mesures/${measure.id}/ecrits`}>Retour aux écrits</a>
            </FormActions>
          </form>
        ) : (
          <p>
            <a href={`/mesures/${measure.id}/ecrits`}>Retour aux écrits</a>
          </p>
        )}
      </>
    ),
  });
}
