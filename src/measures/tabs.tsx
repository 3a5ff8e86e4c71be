import type { VNode } from "preact";
import { personName } from "../persons/views.tsx";
import type { Crumb } from "../platform/views/layout.tsx";
import type { MeasureDetail } from "./queries.ts";

export type MeasureTab =
  | "mandat"
  | "evaluation"
  | "plan"
  | "obligations"
  | "rendez-vous"
  | "incidents"
  | "ecrits"
  | "cloture";

const TABS: { key: MeasureTab; label: string; path: string }[] = [
  { key: "mandat", label: "Mandat et échéances", path: "" },
  { key: "evaluation", label: "Évaluation", path: "/evaluation" },
  { key: "plan", label: "Plan d'action", path: "/plan" },
  { key: "obligations", label: "Obligations", path: "/obligations" },
  { key: "rendez-vous", label: "Rendez-vous", path: "/rendez-vous" },
  { key: "incidents", label: "Incidents", path: "/incidents" },
  { key: "ecrits", label: "Écrits au magistrat", path: "/ecrits" },
  { key: "cloture", label: "Clôture", path: "/cloture" },
];

/** The sections of a measure's file, shown on every page under /mesures/:id. */
export function MeasureTabs({ measureId, current }: { measureId: string; current: MeasureTab }): VNode {
  return (
    <nav class="tabs" aria-label="Sections de la mesure">
      <ul>
        {TABS.map((t) => (
          <li key={t.key}>
            <a href={`/mesures/${measureId}${t.path}`} aria-current={t.key === current ? "page" : undefined}>
              {t.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Breadcrumbs of a page of a measure's file: Accueil › person › measure › section. */
export function measureCrumbs(detail: MeasureDetail, section?: string): Crumb[] {
  const { measure, person } = detail;
  const crumbs: Crumb[] = [
    { href: "/", label: "Accueil" },
    { href: `/personnes/${person.id}`, label: personName(person) },
  ];
  if (section)
    crumbs.push({ href: `/mesures/${measure.id}`, label: `Mesure ${measure.number}` }, { label: section });
  else crumbs.push({ label: `Mesure ${measure.number}` });
  return crumbs;
}

/** The h1 caption of a measure's pages: the person and the measure. */
export function measureCaption(detail: MeasureDetail): string {
  return `${personName(detail.person)} – ${detail.type.label} ${detail.measure.number}`;
}
