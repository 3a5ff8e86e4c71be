import type { VNode } from "preact";
import type { MeasureDetail } from "../measures/queries.ts";
import { MeasureTabs, measureCaption, measureCrumbs } from "../measures/tabs.tsx";
import type { PageChrome } from "../platform/page.ts";
import { DataTable, formatDate, SummaryList, Tag } from "../platform/views/display.tsx";
import {
  Button,
  ButtonLink,
  CsrfField,
  DateField,
  ErrorSummary,
  FormActions,
  type FormErrors,
  RadioGroup,
  TextArea,
} from "../platform/views/forms.tsx";
import type { Crumb } from "../platform/views/layout.tsx";
import { renderPage } from "../platform/views/layout.tsx";
import { PageHeader } from "../platform/views/page-header.tsx";
import { domainFields } from "./form.ts";
import {
  DOMAIN_HINTS,
  DOMAIN_LABELS,
  LEVEL_LABELS,
  LEVEL_TONES,
  TREND_LABELS,
  TREND_TONES,
  type Trend,
} from "./labels.ts";
import type { AssessmentWithDomains } from "./queries.ts";
import { assessmentTrends, type DomainLevels, levelCounts } from "./rules.ts";
import { ASSESSMENT_DOMAINS, ASSESSMENT_LEVELS, type AssessmentLevel } from "./tables.ts";
import { NEEDS_FIELD, type NeedProposal } from "./to-plan.ts";
import { NeedsToPlan } from "./to-plan-view.tsx";

type Values = Record<string, string | string[] | undefined>;

/** A text typed on several lines, shown with its line breaks. */
function Lines({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <>
      {text.split("\n").map((line, i) => (
        <>
          {i > 0 ? <br /> : null}
          {line}
        </>
      ))}
    </>
  );
}

export function LevelTag({ level }: { level: AssessmentLevel }): VNode {
  return <Tag tone={LEVEL_TONES[level]}>{LEVEL_LABELS[level]}</Tag>;
}

/** How a domain changed, with the level it had before when it moved or cannot be compared. */
function TrendCell({ trend, before }: { trend: Trend | null; before: AssessmentLevel }): VNode {
  if (trend === null) {
    return (
      <span class="muted">
        Non comparable <span class="hint">(avant : {LEVEL_LABELS[before]})</span>
      </span>
    );
  }
  return (
    <>
      <Tag tone={TREND_TONES[trend]}>{TREND_LABELS[trend]}</Tag>
      {trend === "stable" ? null : <span class="muted"> avant : {LEVEL_LABELS[before]}</span>}
    </>
  );
}

function levelsOf(a: AssessmentWithDomains): DomainLevels {
  return Object.fromEntries(a.domains.map((d) => [d.domain, d.level]));
}

function assessmentTitle(a: { assessedOn: string }): string {
  return `Évaluation du ${formatDate(a.assessedOn)}`;
}

/** Breadcrumbs of a page below the assessment tab: … › Mesure › Évaluation › this page. */
function subCrumbs(detail: MeasureDetail, label: string): Crumb[] {
  const crumbs = measureCrumbs(detail, "Évaluation");
  crumbs[crumbs.length - 1] = { href: `/mesures/${detail.measure.id}/evaluation`, label: "Évaluation" };
  return [...crumbs, { label }];
}

/** The situation per domain of one assessment, with how each domain changed since the previous one. */
function DomainTable({
  assessment,
  previous,
}: {
  assessment: AssessmentWithDomains;
  previous: AssessmentWithDomains | null;
}): VNode {
  const trends = assessmentTrends(previous ? levelsOf(previous) : null, levelsOf(assessment));
  return (
    <DataTable
      caption={`Situation par domaine au ${formatDate(assessment.assessedOn)}`}
      head={[
        "Domaine",
        "Niveau",
        ...(previous ? [`Évolution depuis le ${formatDate(previous.assessedOn)}`] : []),
        "Besoins",
      ]}
      rows={assessment.domains.map((d) => [
        DOMAIN_LABELS[d.domain],
        <LevelTag level={d.level} />,
        ...(previous
          ? [
              <TrendCell
                trend={trends[d.domain]}
                before={previous.domains.find((p) => p.domain === d.domain)?.level ?? "non_evaluee"}
              />,
            ]
          : []),
        <Lines text={d.needs} />,
      ])}
    />
  );
}

/* ------------------------------------------------------------------ */
/* /mesures/:id/evaluation                                             */
/* ------------------------------------------------------------------ */

export interface AssessmentTabModel {
  chrome: PageChrome;
  detail: MeasureDetail;
  /** Newest first. */
  assessments: AssessmentWithDomains[];
}

export function assessmentTabPage({ chrome, detail, assessments }: AssessmentTabModel): string {
  const { measure } = detail;
  const open = measure.status !== "cloturee";
  const [latest, previous] = assessments;
  return renderPage({
    ...chrome,
    title: `Évaluation – mesure ${measure.number}`,
    breadcrumbs: measureCrumbs(detail, "Évaluation"),
    children: (
      <>
        <PageHeader
          caption={measureCaption(detail)}
          title="Évaluation de la situation"
          actions={
            open ? (
              <ButtonLink href={`/mesures/${measure.id}/evaluation/nouvelle`}>Nouvelle évaluation</ButtonLink>
            ) : null
          }
        />
        <MeasureTabs measureId={measure.id} current="evaluation" />
        {latest ? (
          <>
            <h2>Dernière évaluation : {formatDate(latest.assessedOn)}</h2>
            <p>
              {latest.authorName ? `Par ${latest.authorName}. ` : ""}
              <a href={`/mesures/${measure.id}/evaluation/${latest.id}`}>
                Lire l'évaluation complète
                <span class="visually-hidden"> du {formatDate(latest.assessedOn)}</span>
              </a>
              {open && latest.domains.some((d) => d.needs) ? (
                <>
                  {" · "}
                  <a href={`/mesures/${measure.id}/evaluation/${latest.id}#besoins-plan`}>
                    Reprendre ses besoins dans le plan d'action
                  </a>
                </>
              ) : null}
            </p>
            {latest.summary ? (
              <SummaryList rows={[{ key: "Synthèse", value: <Lines text={latest.summary} /> }]} />
            ) : null}
            <DomainTable assessment={latest} previous={previous ?? null} />
            <h2>Évaluations successives</h2>
            <DataTable
              caption="Évaluations successives, la plus récente en premier"
              captionHidden
              head={["Date", "Par", "Difficultés majeures", "Difficultés", "Non évalués"]}
              numericColumns={[2, 3, 4]}
              rows={assessments.map((a) => {
                const counts = levelCounts(levelsOf(a));
                return [
                  <a href={`/mesures/${measure.id}/evaluation/${a.id}`}>{assessmentTitle(a)}</a>,
                  a.authorName ?? "",
                  String(counts.majeure),
                  String(counts.difficulte),
                  String(counts.non_evaluee),
                ];
              })}
            />
          </>
        ) : (
          <p>
            Aucune évaluation n'a encore été faite pour cette mesure.
            {open ? " Commencez par la situation de la personne dans chaque domaine." : ""}
          </p>
        )}
      </>
    ),
  });
}

/* ------------------------------------------------------------------ */
/* /mesures/:id/evaluation/:assessmentId                               */
/* ------------------------------------------------------------------ */

export interface AssessmentPageModel {
  chrome: PageChrome;
  detail: MeasureDetail;
  assessment: AssessmentWithDomains;
  previous: AssessmentWithDomains | null;
  /** Its needs as objectives of the plan (empty once the measure is closed). */
  proposals?: NeedProposal[];
  /** When the needs form comes back: the domains checked and the error. */
  chosen?: string[];
  errors?: FormErrors;
}

export function assessmentPage({
  chrome,
  detail,
  assessment,
  previous,
  proposals = [],
  chosen,
  errors = {},
}: AssessmentPageModel): string {
  const title = assessmentTitle(assessment);
  const trends = assessmentTrends(previous ? levelsOf(previous) : null, levelsOf(assessment));
  return renderPage({
    ...chrome,
    title: `${title} – mesure ${detail.measure.number}`,
    hasErrors: Object.keys(errors).length > 0,
    breadcrumbs: subCrumbs(detail, title),
    children: (
      <>
        <ErrorSummary errors={errors} />
        <PageHeader caption={measureCaption(detail)} title={title} />
        <MeasureTabs measureId={detail.measure.id} current="evaluation" />
        <SummaryList
          rows={[
            { key: "Date", value: formatDate(assessment.assessedOn) },
            { key: "Par", value: assessment.authorName },
            {
              key: "Évaluation précédente",
              value: previous ? (
                <a href={`/mesures/${detail.measure.id}/evaluation/${previous.id}`}>
                  {assessmentTitle(previous)}
                </a>
              ) : (
                "Première évaluation de la mesure"
              ),
            },
            { key: "Synthèse", value: assessment.summary ? <Lines text={assessment.summary} /> : null },
          ]}
        />
        {assessment.domains.map((d) => (
          <section aria-labelledby={`domaine-${d.domain}`} key={d.domain}>
            <h2 id={`domaine-${d.domain}`}>{DOMAIN_LABELS[d.domain]}</h2>
            <SummaryList
              rows={[
                { key: "Niveau", value: <LevelTag level={d.level} /> },
                ...(previous
                  ? [
                      {
                        key: "Évolution",
                        value: (
                          <TrendCell
                            trend={trends[d.domain]}
                            before={
                              previous.domains.find((p) => p.domain === d.domain)?.level ?? "non_evaluee"
                            }
                          />
                        ),
                      },
                    ]
                  : []),
                { key: "Besoins", value: d.needs ? <Lines text={d.needs} /> : null },
                { key: "Notes", value: d.notes ? <Lines text={d.notes} /> : null },
              ]}
            />
          </section>
        ))}
        <NeedsToPlan
          measureId={detail.measure.id}
          assessmentId={assessment.id}
          proposals={proposals}
          csrfToken={chrome.csrfToken}
          chosen={chosen}
          error={errors[NEEDS_FIELD]}
        />
        <p>
          <a href={`/mesures/${detail.measure.id}/evaluation`}>Retour à l'évaluation de la mesure</a>
        </p>
      </>
    ),
  });
}

/* ------------------------------------------------------------------ */
/* /mesures/:id/evaluation/nouvelle                                    */
/* ------------------------------------------------------------------ */

export interface AssessmentFormModel {
  chrome: PageChrome;
  detail: MeasureDetail;
  values: Values;
  errors: FormErrors;
  /** The date of the assessment the form was prefilled from. */
  prefilledFrom: string | null;
  today: string;
}

export function assessmentFormPage({
  chrome,
  detail,
  values,
  errors,
  prefilledFrom,
  today,
}: AssessmentFormModel): string {
  const v = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : undefined);
  const { measure } = detail;
  const levelOptions = ASSESSMENT_LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l] }));
  return renderPage({
    ...chrome,
    title: `Nouvelle évaluation – mesure ${measure.number}`,
    hasErrors: Object.keys(errors).length > 0,
    breadcrumbs: subCrumbs(detail, "Nouvelle évaluation"),
    children: (
      <>
        <ErrorSummary errors={errors} />
        <PageHeader caption={measureCaption(detail)} title="Nouvelle évaluation" />
        <p>
          {prefilledFrom
            ? `Le formulaire reprend l'évaluation du ${formatDate(prefilledFrom)} : mettez à jour ce qui a changé.`
            : "Indiquez pour chaque domaine le niveau de difficulté, les besoins et vos observations."}
        </p>
        <form method="post" action={`/mesures/${measure.id}/evaluation/nouvelle`} novalidate>
          <CsrfField token={chrome.csrfToken} />
          <DateField
            name="assessedOn"
            label="Date de l'évaluation"
            hint={`Entre la réception du mandat (${formatDate(measure.receivedDate)}) et aujourd'hui`}
            value={v("assessedOn")}
            error={errors.assessedOn}
            min={measure.receivedDate}
            max={today}
          />
          {ASSESSMENT_DOMAINS.map((domain) => {
            const f = domainFields(domain);
            return (
              <fieldset class="fieldset" key={domain}>
                <legend class="legend legend--large">{DOMAIN_LABELS[domain]}</legend>
                <p class="hint">{DOMAIN_HINTS[domain]}</p>
                <RadioGroup
                  name={f.level}
                  legend="Niveau de difficulté"
                  options={levelOptions}
                  value={v(f.level)}
                  error={errors[f.level]}
                  inline
                />
                <TextArea
                  name={f.needs}
                  label="Besoins"
                  hint="Obligatoire en cas de difficulté majeure"
                  rows={2}
                  value={v(f.needs)}
                  error={errors[f.needs]}
                />
                <TextArea name={f.notes} label="Notes" rows={3} value={v(f.notes)} error={errors[f.notes]} />
              </fieldset>
            );
          })}
          <TextArea
            name="summary"
            label="Synthèse (facultatif)"
            hint="Ce qui ressort de l'évaluation, en quelques lignes"
            rows={4}
            value={v("summary")}
            error={errors.summary}
          />
          <FormActions>
            <Button>Enregistrer l'évaluation</Button>
            <a href={`/mesures/${measure.id}/evaluation`}>Annuler</a>
          </FormActions>
        </form>
      </>
    ),
  });
}
