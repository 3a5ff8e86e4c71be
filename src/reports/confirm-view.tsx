import type { MeasureDetail } from "../measures/queries.ts";
import { MeasureTabs, measureCaption, measureCrumbs } from "../measures/tabs.tsx";
import type { PageChrome } from "../platform/page.ts";
import { formatDate, Notice, SummaryList } from "../platform/views/display.tsx";
import { Button, CsrfField, FormActions } from "../platform/views/forms.tsx";
import { renderPage } from "../platform/views/layout.tsx";
import { PageHeader } from "../platform/views/page-header.tsx";
import type { ReportKind } from "../reference/data/measure-types.ts";
import { DOCUMENT_TITLES } from "./draft.ts";
import { sectionField } from "./rules.ts";
import type { ReportSection } from "./tables.ts";
import { SectionText } from "./views.tsx";

export interface IssueConfirmModel {
  chrome: PageChrome;
  detail: MeasureDetail;
  kind: ReportKind;
  /** The checked text, carried again in the form. */
  sections: readonly ReportSection[];
  nextVersion: number;
  today: string;
  /** Where the form posts: the new report's URL or the draft's. */
  action: string;
  incidentId?: string | null;
  reportId?: string;
}

/** "le rapport d'étape n° 3", "la proposition d'aménagement de peine n° 1". */
export function reportWithArticle(kind: ReportKind, version: number): string {
  const title = DOCUMENT_TITLES[kind];
  const article = kind === "proposition_amenagement" ? "la" : "le";
  return `${article} ${title.charAt(0).toLowerCase()}${title.slice(1)} n° ${version}`;
}

/**
 * The server's confirmation of a report ready to issue (every section written): the facts, the text
 * to re-read, and a form carrying the same text with confirme=1 (it works without JavaScript).
 * « Modifier » brings the form back with the text; nothing is saved until one of the two.
 */
export function issueConfirmPage(m: IssueConfirmModel): string {
  const { measure } = m.detail;
  const title = `Émettre ${reportWithArticle(m.kind, m.nextVersion)} ?`;
  return renderPage({
    ...m.chrome,
    title,
    breadcrumbs: [
      ...measureCrumbs(m.detail, "Écrits au magistrat").slice(0, -1),
      { href: `/mesures/${measure.id}/ecrits`, label: "Écrits au magistrat" },
      { label: title },
    ],
    children: (
      <>
        <PageHeader caption={measureCaption(m.detail)} title={title} />
        <MeasureTabs measureId={measure.id} current="ecrits" />
        <Notice tone="warning" title="Un écrit émis ne se modifie plus">
          <p>
            Relisez-le avant de confirmer : l'émission produit les fichiers PDF et DOCX à transmettre au
            magistrat. Pour le corriger ensuite, il faudra rédiger une nouvelle version.
          </p>
        </Notice>
        <SummaryList
          rows={[
            { key: "Écrit", value: DOCUMENT_TITLES[m.kind] },
            { key: "Version", value: String(m.nextVersion) },
            { key: "Date d'émission", value: formatDate(m.today) },
            { key: "Auteur·e", value: m.chrome.user?.displayName ?? null },
            { key: "Destinataire", value: measure.magistrateFunction },
          ]}
        />
        {m.sections.map((s) => (
          <section key={s.key} aria-labelledby={`partie-${s.key}`}>
            <h2 id={`partie-${s.key}`}>{s.title}</h2>
            <SectionText body={s.body} />
          </section>
        ))}
        <form method="post" action={m.action}>
          <CsrfField token={m.chrome.csrfToken} />
          {m.reportId ? null : <input type="hidden" name="type" value={m.kind} />}
          {m.reportId || !m.incidentId ? null : <input type="hidden" name="incident" value={m.incidentId} />}
          <input type="hidden" name="action" value="emettre" />
          {m.sections.map((s) => (
            <input key={s.key} type="hidden" name={sectionField(s.key)} value={s.body} />
          ))}
          <FormActions>
            <Button name="confirme" value="1">
              Confirmer l'émission
            </Button>
            <Button name="modifier" value="1" variant="secondary">
              Modifier le texte
            </Button>
          </FormActions>
        </form>
      </>
    ),
  });
}
