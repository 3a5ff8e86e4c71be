import type { MeasureDetail } from "../measures/queries.ts";
import { MeasureTabs, measureCaption, measureCrumbs } from "../measures/tabs.tsx";
import type { PageChrome } from "../platform/page.ts";
import { formatDate, SummaryList } from "../platform/views/display.tsx";
import { Button, CsrfField, FormActions } from "../platform/views/forms.tsx";
import { renderPage } from "../platform/views/layout.tsx";
import { PageHeader } from "../platform/views/page-header.tsx";
import { OpenItemsSection } from "./open-items.tsx";
import type { OpenItems } from "./rules.ts";

export interface ClosingConfirmModel {
  chrome: PageChrome;
  detail: MeasureDetail;
  /** What hangs from the measure on the chosen closing date. */
  open: OpenItems | null;
  /** The checked values, carried again with confirme=1. */
  values: { outcome: string; closedOn: string; note?: string | undefined };
}

/**
 * The server's confirmation of a valid closing: the facts, what closing will do, and the same values
 * in a form with confirme=1 (it works without JavaScript). « Modifier » brings the form back as typed.
 */
export function closingConfirmPage(m: ClosingConfirmModel): string {
  const { measure, type } = m.detail;
  const outcome = type.outcomes.find((o) => o.code === m.values.outcome);
  return renderPage({
    ...m.chrome,
    title: `Confirmer la clôture – mesure ${measure.number}`,
    breadcrumbs: measureCrumbs(m.detail, "Clôture"),
    children: (
      <>
        <PageHeader caption={measureCaption(m.detail)} title="Confirmer la clôture de la mesure" />
        <MeasureTabs measureId={measure.id} current="cloture" />
        <p>
          Vérifiez avant de confirmer : une mesure clôturée ne se rouvre pas et ne figure plus parmi les
          mesures en cours.
        </p>
        <SummaryList
          rows={[
            { key: "Mesure", value: `${type.label} n° ${measure.number}` },
            { key: "Issue", value: outcome?.label ?? m.values.outcome },
            { key: "Date de clôture", value: formatDate(m.values.closedOn) },
            { key: "Note de clôture", value: m.values.note || "Aucune" },
          ]}
        />
        {m.open ? <OpenItemsSection measureId={measure.id} items={m.open} on={m.values.closedOn} /> : null}
        <form method="post" action={`/mesures/${measure.id}/cloture`}>
          <CsrfField token={m.chrome.csrfToken} />
          <input type="hidden" name="outcome" value={m.values.outcome} />
          <input type="hidden" name="closedOn" value={m.values.closedOn} />
          <input type="hidden" name="note" value={m.values.note ?? ""} />
          <FormActions>
            <Button name="confirme" value="1">
              Confirmer la clôture
            </Button>
            <Button name="modifier" value="1" variant="secondary">
              Modifier
            </Button>
          </FormActions>
        </form>
      </>
    ),
  });
}
