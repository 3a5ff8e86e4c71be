import type { FastifyInstance } from "fastify";
import { pageChrome, sendPage } from "../platform/page.ts";
import { DataTable } from "../platform/views/display.tsx";
import { renderPage } from "../platform/views/layout.tsx";
import {
  MEASURE_PHASE_LABELS,
  type MeasurePhase,
  REPORT_KIND_LABELS,
  type ReportKind,
} from "./data/measure-types.ts";
import { activeMeasureTypes, allCourts } from "./queries.ts";

const UNITS = { calendar_days: "jours", working_days: "jours ouvrés", months: "mois" } as const;
const PUBLICS: Record<string, string> = { adult: "Majeurs", minor: "Mineurs" };

function tabs(current: "mesures" | "juridictions") {
  return (
    <nav aria-label="Référentiels" class="tabs">
      <ul>
        <li>
          <a href="/referentiels/mesures" aria-current={current === "mesures" ? "page" : undefined}>
            Types de mesures
          </a>
        </li>
        <li>
          <a href="/referentiels/juridictions" aria-current={current === "juridictions" ? "page" : undefined}>
            Juridictions
          </a>
        </li>
      </ul>
    </nav>
  );
}

/** `/referentiels/mesures` and `/referentiels/juridictions`: the reference data every user can read. */
export async function referenceRoutes(app: FastifyInstance) {
  const { db } = app.deps.database;

  app.get("/referentiels/mesures", async (request, reply) => {
    const types = await activeMeasureTypes(db);
    return sendPage(
      reply,
      renderPage({
        ...pageChrome(request, reply),
        title: "Types de mesures",
        wide: true,
        breadcrumbs: [{ href: "/", label: "Accueil" }, { label: "Référentiels" }],
        children: (
          <>
            <h1>Référentiels</h1>
            {tabs("mesures")}
            <DataTable
              caption={`Catalogue des ${types.length} mesures socio-judiciaires`}
              head={[
                "Mesure",
                "Champ",
                "Public",
                "Ordonnée par",
                "Base légale",
                "Délai du rapport par défaut",
                "Écrits attendus",
              ]}
              rows={types.map((t) => [
                t.label,
                MEASURE_PHASE_LABELS[t.phase as MeasurePhase] ?? t.phase,
                t.publics.map((p) => PUBLICS[p] ?? p).join(", "),
                t.orderedBy.join(", "),
                t.legalBasis,
                `${t.defaultReportDeadline.amount} ${UNITS[t.defaultReportDeadline.unit]}`,
                t.reportKinds.map((k) => REPORT_KIND_LABELS[k as ReportKind] ?? k).join(", "),
              ])}
            />
          </>
        ),
      }),
    );
  });

  app.get("/referentiels/juridictions", async (request, reply) => {
    const courts = await allCourts(db);
    return sendPage(
      reply,
      renderPage({
        ...pageChrome(request, reply),
        title: "Juridictions",
        wide: true,
        breadcrumbs: [{ href: "/", label: "Accueil" }, { label: "Référentiels" }],
        children: (
          <>
            <h1>Référentiels</h1>
            {tabs("juridictions")}
            <DataTable
              caption={`${courts.length} tribunaux judiciaires et de première instance`}
              head={["Juridiction", "Siège", "Départements du ressort", "Cour d'appel", "Alsace-Moselle"]}
              rows={courts.map((c) => [
                c.name,
                c.seat,
                c.departements.join(", "),
                c.courtOfAppealId ?? "",
                c.alsaceMoselle ? "Oui" : "Non",
              ])}
            />
          </>
        ),
      }),
    );
  });
}
