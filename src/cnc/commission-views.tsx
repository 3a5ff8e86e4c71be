import { elide } from "../platform/french.ts";
import type { PageChrome } from "../platform/page.ts";
import { DataTable, formatDate, Notice, SummaryList } from "../platform/views/display.tsx";
import {
  Button,
  ButtonLink,
  CheckboxGroup,
  CsrfField,
  DateField,
  ErrorSummary,
  FormActions,
  type FormErrors,
  fieldId,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from "../platform/views/forms.tsx";
import { renderPage } from "../platform/views/layout.tsx";
import { PageHeader } from "../platform/views/page-header.tsx";
import {
  CourseView,
  candidateName,
  DecisionSummary,
  modeLabel,
  moduleList,
  moduleOptions,
  OUTCOME_LABELS,
  roleLabel,
  StatusTag,
} from "./components.tsx";
import type { Dossier } from "./dossier.ts";
import { decisionPrefix, MEMBER_ROWS } from "./form.ts";
import type { CandidacyRow, CandidateRow, CommissionRow, DecisionRow, MemberRow } from "./queries.ts";
import { COMMISSION_CRITERIA, COMMISSION_ROLES } from "./reference.ts";
import { canDecide } from "./rules.ts";
import { DECISION_OUTCOMES } from "./tables.ts";

type Values = Record<string, string | string[] | undefined>;

const CRUMBS = [
  { href: "/", label: "Accueil" },
  { href: "/cnc", label: "Candidatures CNC" },
  { href: "/cnc/commissions", label: "Commissions" },
];

export function commissionListPage({
  chrome,
  rows,
}: {
  chrome: PageChrome;
  rows: {
    id: string;
    meetsOn: string;
    place: string | null;
    members: number;
    candidacies: number;
    undecided: number;
  }[];
}): string {
  return renderPage({
    ...chrome,
    title: "Commissions de positionnement",
    breadcrumbs: [...CRUMBS.slice(0, 2), { label: "Commissions" }],
    children: (
      <>
        <PageHeader
          caption="Candidatures CNC"
          title="Commissions de positionnement"
          actions={<ButtonLink href="/cnc/commissions/nouvelle">Nouvelle commission</ButtonLink>}
        />
        <p>
          La commission valide les dossiers complets et positionne chaque candidat sur son parcours de
          formation. Ses décisions sont souveraines ; le candidat qui les conteste peut demander un entretien
          avec un représentant de la commission.
        </p>
        <DataTable
          caption="Commissions, les plus récentes en premier"
          head={["Date", "Lieu", "Membres", "Candidatures présentées", "En attente de décision"]}
          numericColumns={[2, 3, 4]}
          empty="Aucune commission."
          rows={rows.map((r) => [
            <a href={`/cnc/commissions/${r.id}`}>Commission du {formatDate(r.meetsOn)}</a>,
            r.place ?? "",
            String(r.members),
            String(r.candidacies),
            String(r.undecided),
          ])}
        />
      </>
    ),
  });
}

export function commissionFormPage({
  chrome,
  values,
  errors,
}: {
  chrome: PageChrome;
  values: Values;
  errors: FormErrors;
}): string {
  const title = "Nouvelle commission";
  const v = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : undefined);
  const roleOptions = COMMISSION_ROLES.map((r) => ({ value: r.code, label: r.label }));
  return renderPage({
    ...chrome,
    title,
    hasErrors: Object.keys(errors).length > 0,
    breadcrumbs: [...CRUMBS, { label: title }],
    children: (
      <>
        <ErrorSummary errors={errors} />
        <PageHeader caption="Commissions de positionnement" title={title} />
        <form method="post" action="/cnc/commissions/nouvelle" novalidate>
          <CsrfField token={chrome.csrfToken} />
          <DateField
            name="meetsOn"
            label="Date de la commission"
            value={v("meetsOn")}
            error={errors.meetsOn}
          />
          <TextField
            name="place"
            label="Lieu (facultatif)"
            value={v("place")}
            error={errors.place}
            width="long"
          />
          <fieldset class="fieldset">
            <legend class="legend legend--large">Membres</legend>
            <div
              id={fieldId("members")}
              tabindex={-1}
              class={errors.members ? "field field--error" : "field"}
            >
              <p class="hint">
                La commission comprend au moins un représentant de l'organisme de formation, le responsable
                des formations « mesures judiciaires » (un seul) et un ou plusieurs représentants
                professionnels.
              </p>
              {errors.members ? (
                <p class="field-error">
                  <span class="visually-hidden">Erreur : </span>
                  {errors.members}
                </p>
              ) : null}
            </div>
            {Array.from({ length: MEMBER_ROWS }, (_, i) => i + 1).map((n) => (
              <fieldset class="fieldset" key={n}>
                <legend class="legend">Membre {n}</legend>
                <TextField
                  name={`member${n}Name`}
                  label={`Nom du membre ${n}`}
                  value={v(`member${n}Name`)}
                  error={errors[`member${n}Name`]}
                  width="medium"
                />
                <SelectField
                  name={`member${n}Role`}
                  label={`Rôle du membre ${n}`}
                  emptyLabel="Choisir un rôle"
                  options={roleOptions}
                  value={v(`member${n}Role`)}
                  error={errors[`member${n}Role`]}
                />
              </fieldset>
            ))}
          </fieldset>
          <FormActions>
            <Button>Créer la commission</Button>
            <a href="/cnc/commissions">Annuler</a>
          </FormActions>
        </form>
      </>
    ),
  });
}

export interface PresentedCandidacy {
  candidacy: CandidacyRow;
  candidate: CandidateRow;
  dossier: Dossier;
  decision: DecisionRow | null;
}

export interface CommissionPageModel {
  chrome: PageChrome;
  commission: CommissionRow;
  members: MemberRow[];
  presented: PresentedCandidacy[];
  today: string;
  /** The decision form sent back with errors, if any. */
  failed?: { candidacyId: string; values: Values; errors: FormErrors };
}

export function commissionPage(m: CommissionPageModel): string {
  const title = `Commission du ${formatDate(m.commission.meetsOn)}`;
  const errors = m.failed
    ? Object.fromEntries(
        Object.entries(m.failed.errors).map(([k, e]) => [
          `${decisionPrefix(m.failed?.candidacyId ?? "")}${k}`,
          e,
        ]),
      )
    : {};
  return renderPage({
    ...m.chrome,
    title,
    wide: true,
    hasErrors: Object.keys(errors).length > 0,
    breadcrumbs: [...CRUMBS, { label: title }],
    children: (
      <>
        <ErrorSummary errors={errors} />
        <PageHeader caption="Commission de positionnement" title={title} />
        <SummaryList
          rows={[
            { key: "Date", value: formatDate(m.commission.meetsOn) },
            { key: "Lieu", value: m.commission.place },
            { key: "Candidatures présentées", value: String(m.presented.length) },
          ]}
        />
        <DataTable
          caption="Membres de la commission"
          head={["Nom", "Rôle"]}
          rows={m.members.map((x) => [x.name, roleLabel(x.role)])}
        />
        <details>
          <summary>Ce que la commission examine</summary>
          <ul>
            {COMMISSION_CRITERIA.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </details>
        <h2>Candidatures présentées</h2>
        {m.presented.length === 0 ? (
          <p>Aucune candidature n'a encore été présentée à cette commission.</p>
        ) : null}
        {m.presented.map((p) => (
          <PresentedSection key={p.candidacy.id} m={m} p={p} />
        ))}
      </>
    ),
  });
}

function PresentedSection({ m, p }: { m: CommissionPageModel; p: PresentedCandidacy }) {
  const { candidacy, candidate, dossier, decision } = p;
  const prefix = decisionPrefix(candidacy.id);
  const failed = m.failed?.candidacyId === candidacy.id ? m.failed : undefined;
  const values = failed?.values ?? {};
  const errors = failed?.errors ?? {};
  const v = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : undefined);
  const list = (k: string, fallback: string[]) => {
    if (!failed) return fallback;
    const x = values[k];
    return x === undefined ? [] : Array.isArray(x) ? x : [x];
  };
  const options = moduleOptions(candidacy.mention, dossier.held);
  const heading = `${candidateName(candidate)} – mention ${candidacy.mention}`;
  const failedChecks = dossier.eligibility.checks.filter((c) => !c.ok);
  const tooEarly = m.commission.meetsOn > m.today;
  return (
    <section class="panel" id={`candidature-${candidacy.id}`} aria-labelledby={`titre-${candidacy.id}`}>
      <div class="panel__header">
        <h3 class="panel__title" id={`titre-${candidacy.id}`}>
          {heading}
        </h3>
        <div class="panel__actions">
          <StatusTag status={candidacy.status} />
        </div>
      </div>
      <div class="panel__body">
        <SummaryList
          rows={[
            { key: "Mode d'exercice", value: modeLabel(candidacy.mode) },
            {
              key: "Conditions d'accès",
              value: dossier.eligibility.eligible ? (
                `Remplies ; CNC requis ${dossier.eligibility.timing}`
              ) : (
                <ul>
                  {failedChecks.map((c) => (
                    <li key={c.code}>{c.explanation}</li>
                  ))}
                </ul>
              ),
            },
            { key: "Dispenses demandées", value: moduleList(candidacy.requestedDispenses, "Aucune") },
            { key: "Allègements demandés", value: moduleList(candidacy.requestedAllegements) },
            {
              key: "Dossier",
              value: (
                <a href={`/cnc/candidatures/${candidacy.id}`}>
                  Voir le dossier {elide("de", candidateName(candidate))}
                </a>
              ),
            },
          ]}
        />
        {decision ? (
          <>
            <h4>Décision</h4>
            <DecisionSummary decision={decision} commissionOn={m.commission.meetsOn} />
            {dossier.course ? (
              <CourseView
                course={dossier.course}
                caption={`Parcours ${elide("de", candidateName(candidate))}, mention ${candidacy.mention}`}
              />
            ) : null}
          </>
        ) : null}
        {canDecide(candidacy.status) ? (
          tooEarly ? (
            <Notice>La décision pourra être enregistrée le jour de la commission.</Notice>
          ) : (
            <form
              method="post"
              action={`/cnc/commissions/${m.commission.id}/decisions/${candidacy.id}`}
              novalidate
            >
              <CsrfField token={m.chrome.csrfToken} />
              <fieldset class="fieldset">
                <legend class="legend">
                  {decision ? "Nouvelle décision après l'entretien" : "Décision"} pour {heading}
                </legend>
                <RadioGroup
                  name={`${prefix}outcome`}
                  legend="Décision de la commission"
                  options={DECISION_OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }))}
                  value={v("outcome")}
                  error={errors.outcome}
                />
                <CheckboxGroup
                  name={`${prefix}dispensed`}
                  legend="Modules dispensés (validés)"
                  hint="Sans effet en cas de refus."
                  options={options}
                  values={list("dispensed", candidacy.requestedDispenses)}
                  error={errors.dispensed}
                />
                <CheckboxGroup
                  name={`${prefix}alleged`}
                  legend="Modules allégés (les épreuves demeurent)"
                  options={options}
                  values={list("alleged", candidacy.requestedAllegements)}
                  error={errors.alleged}
                />
                <DateField
                  name={`${prefix}entryDate`}
                  label="Date d'entrée en formation"
                  hint="6 mois d'activité tutélaire à cette date dispensent du stage pratique."
                  value={v("entryDate")}
                  error={errors.entryDate}
                />
                <TextArea
                  name={`${prefix}comment`}
                  label="Commentaire (motif en cas de refus)"
                  value={v("comment")}
                  error={errors.comment}
                  rows={3}
                />
                <Button>
                  Enregistrer la décision<span class="visually-hidden"> pour {heading}</span>
                </Button>
              </fieldset>
            </form>
          )
        ) : null}
      </div>
    </section>
  );
}
