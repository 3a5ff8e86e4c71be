import type { PageChrome } from "../platform/page.ts";
import { DataTable } from "../platform/views/display.tsx";
import { ButtonLink } from "../platform/views/forms.tsx";
import { renderPage } from "../platform/views/layout.tsx";
import { PageHeader } from "../platform/views/page-header.tsx";
import { rawHtml } from "../platform/views/raw.tsx";
import { CNC_OUTCOME_LABELS, CNC_OUTCOMES, formatRate, type StatisticsRow } from "./rules.ts";

export const CHART_LABEL =
  "Graphique : taux de réussite et taux de refus du test d'évaluation des connaissances, par année. Les valeurs sont dans le tableau ci-dessous.";

export interface StatisticsPageModel {
  chrome: PageChrome;
  rows: StatisticsRow[];
  /** SVG made by the server from the figures of `rows` (see chart.ts), or null when there is no rate. */
  chartSvg: string | null;
}

export function statisticsPage(m: StatisticsPageModel): string {
  const title = "Statistiques de formation";
  return renderPage({
    ...m.chrome,
    title,
    wide: true,
    breadcrumbs: [{ href: "/", label: "Accueil" }, { label: title }],
    children: (
      <>
        <PageHeader
          caption="Certificat d'intervenant socio-judiciaire et CNC"
          title={title}
          actions={
            <ButtonLink variant="secondary" href="/formation/statistiques.xlsx">
              Télécharger le tableau (XLSX)
            </ButtonLink>
          }
        />
        <p>
          Par année de début de session : les stagiaires au terme d'une formation du certificat, les tests
          d'évaluation des connaissances passés et réussis (au moins 50 %), les refus de s'y soumettre, les
          certificats délivrés et les décisions des commissions CNC. Le taux de réussite se rapporte aux tests
          passés, le taux de refus à l'ensemble des stagiaires.
        </p>
        {m.chartSvg ? (
          <figure>
            {rawHtml(m.chartSvg, { className: "chart" })}
            <figcaption>
              Taux de réussite et de refus du test, par année (valeurs dans le tableau).
            </figcaption>
          </figure>
        ) : null}
        <div class="stats-table">
          <DataTable
            caption="Statistiques par année"
            head={[
              "Année",
              "Stagiaires",
              "Tests passés",
              "Réussis",
              "Taux de réussite",
              "Refus",
              "Taux de refus",
              "Certificats CISJ",
              ...CNC_OUTCOMES.map((o) => CNC_OUTCOME_LABELS[o]),
            ]}
            numericColumns={[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}
            empty="Aucune donnée pour l'instant."
            rows={m.rows.map((r) => [
              String(r.year),
              String(r.trainees),
              String(r.testsTaken),
              String(r.passed),
              formatRate(r.passRate),
              String(r.refused),
              formatRate(r.refusalRate),
              String(r.certificates),
              ...CNC_OUTCOMES.map((o) => String(r.cnc[o])),
            ])}
          />
        </div>
      </>
    ),
  });
}
