import type { MeasureDetail } from "../measures/queries.ts";
import { MeasureTabs, measureCaption, measureCrumbs } from "../measures/tabs.tsx";
import type { PageChrome } from "../platform/page.ts";
import { formatDate, Notice, SummaryList } from "../platform/views/display.tsx";
import {
  Button,
  CsrfField,
  DateField,
  ErrorSummary,
  FormActions,
  type FormErrors,
  fieldId,
  RadioGroup,
  TextArea,
} from "../platform/views/forms.tsx";
import { renderPage } from "../platform/views/layout.tsx";
import { PageHeader } from "../platform/views/page-header.tsx";
import type { ReportKind } from "../reference/data/measure-types.ts";
import { DOCUMENT_TITLES } from "../reports/draft.ts";
import { newReportUrl } from "../reports/views.tsx";
import { OpenItemsSection } from "./open-items.tsx";
import { type ClosingEffects, closingEffectsText, FINAL_REPORT_FIELD, type OpenItems } from "./rules.ts";

type Values = Record<string, string | string[] | undefined>;

export interface ClosingPageModel {
  chrome: PageChrome;
  detail: MeasureDetail;
  today: string;
  /** The final report the type calls for, and its last issued version. */
  finalKind: ReportKind | null;
  finalReport: { id: string; version: number | null; issuedOn: string | null } | null;
  /** How the measure was closed, once it is. */
  closing: {
    changedOn: string;
    note: string | null;
    byFirstName: string | null;
    byLastName: string | null;
  } | null;
  /** While open: what still hangs from the measure. */
  open: OpenItems | null;
  /** Once closed: what the closing did. */
  effects: Omit<ClosingEffects, "cancelledReminders"> | null;
  /** The final report's conclusion, to start the closing note from. */
  conclusion: string | null;
  values: Values;
  errors: FormErrors;
}

export function closingPage(m: ClosingPageModel): string {
  const { measure, type } = m.detail;
  const open = measure.status !== "cloturee";
  const v = (k: string) => (typeof m.values[k] === "string" ? (m.values[k] as string) : undefined);
  const outcome = type.outcomes.find((o) => o.code === measure.outcomeCode);
  const finalLink =
    m.finalReport && m.finalKind ? (
      <a href={`/mesures/${measure.id}/ecrits/${m.finalReport.id}`}>
        {DOCUMENT_TITLES[m.finalKind]}
        {m.finalReport.version ? ` n° ${m.finalReport.version}` : ""}, émis le{" "}
        {formatDate(m.finalReport.issuedOn)}
      </a>
    ) : null;
  return renderPage({
    ...m.chrome,
    title: `Clôture – mesure ${measure.number}`,
    hasErrors: Object.keys(m.errors).length > 0,
    breadcrumbs: measureCrumbs(m.detail, "Clôture"),
    children: (
      <>
        <ErrorSummary errors={m.errors} />
        <PageHeader caption={measureCaption(m.detail)} title="Clôture de la mesure" />
        <MeasureTabs measureId={measure.id} current="cloture" />
        {open ? null : (
          <>
            <Notice tone="success" title="Mesure clôturée">
              <p>
                La mesure est clôturée : son dossier reste consultable et elle ne figure plus parmi les
                mesures en cours.
              </p>
            </Notice>
            <SummaryList
              rows={[
                { key: "Issue", value: outcome?.label ?? measure.outcomeCode },
                { key: "Clôturée le", value: formatDate(measure.closedOn ?? m.closing?.changedOn) },
                {
                  key: "Par",
                  value: m.closing
                    ? [m.closing.byFirstName, m.closing.byLastName].filter(Boolean).join(" ")
                    : null,
                },
                { key: "Note de clôture", value: m.closing?.note },
                {
                  key: "Effets de la clôture",
                  value:
                    m.effects && measure.closedOn
                      ? (closingEffectsText(m.effects, measure.closedOn) ?? "Rien ne restait ouvert")
                      : null,
                },
                { key: "Rapport final", value: finalLink },
              ]}
            />
          </>
        )}
        {open ? (
          <>
            {m.finalKind && !m.finalReport ? (
              <div id={fieldId(FINAL_REPORT_FIELD)} tabindex={-1}>
                <Notice tone="warning" title={`${DOCUMENT_TITLES[m.finalKind]} à émettre`}>
                  <p>
                    La mesure ne peut être clôturée qu'après l'émission du{" "}
                    {DOCUMENT_TITLES[m.finalKind].toLowerCase()} au magistrat.
                  </p>
                  <p>
                    <a href={newReportUrl(measure.id, m.finalKind)}>
                      Rédiger le {DOCUMENT_TITLES[m.finalKind].toLowerCase()}
                    </a>
                  </p>
                </Notice>
              </div>
            ) : finalLink ? (
              <p>Rapport final : {finalLink}.</p>
            ) : null}
            {m.open ? <OpenItemsSection measureId={measure.id} items={m.open} on={m.today} /> : null}
            <h2>Clôturer</h2>
            <form method="post" action={`/mesures/${measure.id}/cloture`} novalidate>
              <CsrfField token={m.chrome.csrfToken} />
              <RadioGroup
                name="outcome"
                legend="Issue de la mesure"
                options={type.outcomes.map((o) => ({ value: o.code, label: o.label }))}
                value={v("outcome")}
                error={m.errors.outcome}
              />
              <DateField
                name="closedOn"
                label="Date de clôture"
                hint={`Au plus tôt le ${formatDate(measure.statusDate)} (dernier changement de statut), au plus tard aujourd'hui`}
                value={v("closedOn") ?? m.today}
                error={m.errors.closedOn}
                max={m.today}
              />
              <TextArea
                name="note"
                label="Note de clôture (facultatif)"
                hint="En quelques lignes : comment la mesure s'est terminée."
                rows={m.conclusion ? 6 : 3}
                maxlength={1000}
                value={v("note")}
                error={m.errors.note}
              />
              {m.conclusion && !v("note") ? (
                <p>
                  <a href={`/mesures/${measure.id}/cloture?depuis=rapport#${fieldId("note")}`}>
                    Partir de la conclusion du rapport final
                  </a>
                </p>
              ) : null}
              <FormActions>
                <Button>Clôturer la mesure</Button>
                <a href={`/mesures/${measure.id}`}>Annuler</a>
              </FormActions>
            </form>
          </>
        ) : null}
      </>
    ),
  });
}
