import type { VNode } from "preact";
import { daysRemaining } from "../deadlines/rules.ts";
import type { MeasureDetail } from "../measures/queries.ts";
import { MeasureTabs, measureCaption, measureCrumbs } from "../measures/tabs.tsx";
import type { PartnerOption } from "../partners/queries.ts";
import { plural, pluralWord } from "../platform/french.ts";
import type { PageChrome } from "../platform/page.ts";
import { DataTable, DeadlineTag, formatDate, Notice, Panel, Tag } from "../platform/views/display.tsx";
import {
  Button,
  ButtonLink,
  CsrfField,
  DateField,
  ErrorSummary,
  FormActions,
  type FormErrors,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from "../platform/views/forms.tsx";
import type { Crumb } from "../platform/views/layout.tsx";
import { renderPage } from "../platform/views/layout.tsx";
import { PageHeader } from "../platform/views/page-header.tsx";
import type { PlanAction, PlanObjective } from "./queries.ts";
import {
  ACTION_STATUS_LABELS,
  checkCanAddAction,
  isOpen,
  isOverdue,
  OBJECTIVE_STATUS_LABELS,
  PLAN_DOMAIN_LABELS,
  STATUS_TONES,
} from "./rules.ts";
import { PLAN_DOMAINS, PLAN_STATUSES, type PlanStatus } from "./tables.ts";

type Values = Record<string, string | string[] | undefined>;

/** Breadcrumbs of a page below the plan tab: … › Mesure › Plan d'action › this page. */
function subCrumbs(detail: MeasureDetail, label: string): Crumb[] {
  const crumbs = measureCrumbs(detail, "Plan d'action");
  crumbs[crumbs.length - 1] = { href: `/mesures/${detail.measure.id}/plan`, label: "Plan d'action" };
  return [...crumbs, { label }];
}

function Due({ date, status, today }: { date: string | null; status: PlanStatus; today: string }) {
  if (!date) return <span class="muted">Sans échéance</span>;
  return (
    <>
      {formatDate(date)}
      {isOpen(status) ? (
        <>
          {" "}
          <DeadlineTag daysRemaining={daysRemaining(today, date)} />
        </>
      ) : null}
    </>
  );
}

/** The buttons that move an open action along; anything else goes through its form. */
function QuickStatus({
  chrome,
  measureId,
  action,
}: {
  chrome: PageChrome;
  measureId: string;
  action: PlanAction;
}): VNode {
  const context = <span class="visually-hidden"> : {action.description}</span>;
  const edit = `/mesures/${measureId}/plan/actions/${action.id}/modifier`;
  if (!isOpen(action.status)) {
    return <a href={edit}>Modifier{context}</a>;
  }
  return (
    <form method="post" action={`/mesures/${measureId}/plan/actions/${action.id}/statut`} class="inline-form">
      <CsrfField token={chrome.csrfToken} />
      {action.status === "a_faire" ? (
        <Button variant="secondary" small name="status" value="en_cours">
          Commencer{context}
        </Button>
      ) : null}
      <Button variant="secondary" small name="status" value="atteint">
        Réalisée{context}
      </Button>
      <a href={`${edit}?statut=abandonne`}>Abandonner{context}</a>
      <a href={edit}>Modifier{context}</a>
    </form>
  );
}

function ObjectivePanel({
  chrome,
  measureId,
  objective,
  today,
  open,
}: {
  chrome: PageChrome;
  measureId: string;
  objective: PlanObjective;
  today: string;
  open: boolean;
}): VNode {
  const base = `/mesures/${measureId}/plan/objectifs/${objective.id}`;
  const context = <span class="visually-hidden"> : {objective.title}</span>;
  return (
    <Panel
      title={objective.title}
      headingLevel={3}
      actions={
        open ? (
          <>
            {checkCanAddAction(objective.status) === null ? (
              <>
                <a href={`${base}/actions/nouvelle`}>Ajouter une action{context}</a>{" "}
                <span aria-hidden="true">·</span>{" "}
              </>
            ) : null}
            <a href={`${base}/modifier`}>Modifier l'objectif{context}</a>
          </>
        ) : null
      }
    >
      <p>
        <Tag tone={STATUS_TONES[objective.status]}>{OBJECTIVE_STATUS_LABELS[objective.status]}</Tag>
        {objective.dueDate ? (
          <>
            {" "}
            Échéance : <Due date={objective.dueDate} status={objective.status} today={today} />
          </>
        ) : null}
      </p>
      {objective.status === "abandonne" && objective.statusReason ? (
        <p>Raison de l'abandon : {objective.statusReason}</p>
      ) : null}
      <DataTable
        caption={`Actions de l'objectif « ${objective.title} »`}
        captionHidden
        head={["Action", "Partenaire", "Échéance", "Statut", ...(open ? ["Suivi"] : [])]}
        empty="Aucune action pour cet objectif."
        rows={objective.actions.map((a) => [
          <>
            {a.description}
            {a.status === "abandonne" && a.statusReason ? (
              <>
                <br />
                <span class="muted">Raison : {a.statusReason}</span>
              </>
            ) : null}
          </>,
          a.partnerId && a.partnerName ? <a href={`/partenaires/${a.partnerId}`}>{a.partnerName}</a> : "",
          <Due date={a.dueDate} status={a.status} today={today} />,
          <>
            <Tag tone={STATUS_TONES[a.status]}>{ACTION_STATUS_LABELS[a.status]}</Tag>
            {a.status === "atteint" && a.doneOn ? (
              <span class="muted"> le {formatDate(a.doneOn)}</span>
            ) : null}
          </>,
          ...(open ? [<QuickStatus chrome={chrome} measureId={measureId} action={a} />] : []),
        ])}
      />
    </Panel>
  );
}

/* ------------------------------------------------------------------ */
/* /mesures/:id/plan                                                   */
/* ------------------------------------------------------------------ */

export interface PlanPageModel {
  chrome: PageChrome;
  detail: MeasureDetail;
  plan: PlanObjective[];
  today: string;
}

export function planPage({ chrome, detail, plan, today }: PlanPageModel): string {
  const { measure } = detail;
  const open = measure.status !== "cloturee";
  const overdue = plan.flatMap((o) => o.actions).filter((a) => isOverdue(a, today));
  const domains = PLAN_DOMAINS.filter((d) => plan.some((o) => o.domain === d));
  const reached = plan.filter((o) => o.status === "atteint").length;
  return renderPage({
    ...chrome,
    title: `Plan d'action – mesure ${measure.number}`,
    breadcrumbs: measureCrumbs(detail, "Plan d'action"),
    children: (
      <>
        <PageHeader
          caption={measureCaption(detail)}
          title="Plan d'action"
          actions={
            open ? (
              <ButtonLink href={`/mesures/${measure.id}/plan/objectifs/nouveau`}>
                Ajouter un objectif
              </ButtonLink>
            ) : null
          }
        />
        <MeasureTabs measureId={measure.id} current="plan" />
        {open ? null : (
          <Notice title="Plan d'action figé">
            <p>
              La mesure est clôturée{measure.closedOn ? ` le ${formatDate(measure.closedOn)}` : ""} : son plan
              d'action reste consultable tel qu'il était et ne se modifie plus.
            </p>
          </Notice>
        )}
        {overdue.length > 0 && open ? (
          <Notice tone="warning" title={plural(overdue.length, "action en retard", "actions en retard")}>
            <ul class="plain-list">
              {overdue.map((a) => (
                <li key={a.id}>
                  {a.description} – prévue le {formatDate(a.dueDate)}
                </li>
              ))}
            </ul>
          </Notice>
        ) : null}
        {plan.length === 0 ? (
          <p>
            Aucun objectif pour cette mesure.
            {open
              ? " Ajoutez les objectifs convenus avec la personne, puis les actions pour les atteindre."
              : ""}
          </p>
        ) : (
          <p>
            {plural(plan.length, "objectif")}, dont {reached} {pluralWord(reached, "atteint")}.
          </p>
        )}
        {domains.map((domain) => (
          <section aria-labelledby={`domaine-${domain}`} key={domain}>
            <h2 id={`domaine-${domain}`}>{PLAN_DOMAIN_LABELS[domain]}</h2>
            {plan
              .filter((o) => o.domain === domain)
              .map((o) => (
                <ObjectivePanel
                  key={o.id}
                  chrome={chrome}
                  measureId={measure.id}
                  objective={o}
                  today={today}
                  open={open}
                />
              ))}
          </section>
        ))}
      </>
    ),
  });
}

/* ------------------------------------------------------------------ */
/* Objective form                                                      */
/* ------------------------------------------------------------------ */

export interface ObjectiveFormModel {
  chrome: PageChrome;
  detail: MeasureDetail;
  values: Values;
  errors: FormErrors;
  objective?: PlanObjective;
}

const statusOptions = (labels: Record<PlanStatus, string>) =>
  PLAN_STATUSES.map((s) => ({ value: s, label: labels[s] }));

export function objectiveFormPage({ chrome, detail, values, errors, objective }: ObjectiveFormModel): string {
  const v = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : undefined);
  const { measure } = detail;
  const title = objective ? "Modifier l'objectif" : "Ajouter un objectif";
  const action = objective
    ? `/mesures/${measure.id}/plan/objectifs/${objective.id}/modifier`
    : `/mesures/${measure.id}/plan/objectifs/nouveau`;
  return renderPage({
    ...chrome,
    title: `${title} – mesure ${measure.number}`,
    hasErrors: Object.keys(errors).length > 0,
    breadcrumbs: subCrumbs(detail, title),
    children: (
      <>
        <ErrorSummary errors={errors} />
        <PageHeader caption={measureCaption(detail)} title={title} />
        <form method="post" action={action} novalidate>
          <CsrfField token={chrome.csrfToken} />
          <SelectField
            name="domain"
            label="Domaine"
            emptyLabel="Choisir un domaine"
            options={PLAN_DOMAINS.map((d) => ({ value: d, label: PLAN_DOMAIN_LABELS[d] }))}
            value={v("domain")}
            error={errors.domain}
          />
          <TextField
            name="title"
            label="Objectif"
            hint="Par exemple : trouver un hébergement stable, reprendre des soins"
            value={v("title")}
            error={errors.title}
            width="long"
          />
          <DateField
            name="dueDate"
            label="Échéance (facultatif)"
            value={v("dueDate")}
            error={errors.dueDate}
          />
          {objective ? (
            <>
              <RadioGroup
                name="status"
                legend="Statut"
                hint="Un objectif est atteint quand au moins une action a été réalisée et qu'aucune n'est plus à faire ou en cours. L'abandonner abandonne aussi ses actions à faire ou en cours."
                options={statusOptions(OBJECTIVE_STATUS_LABELS)}
                value={v("status")}
                error={errors.status}
                inline
              />
              <TextArea
                name="statusReason"
                label="Raison de l'abandon"
                hint="Obligatoire si l'objectif est abandonné"
                rows={2}
                value={v("statusReason")}
                error={errors.statusReason}
              />
            </>
          ) : null}
          <FormActions>
            <Button>{objective ? "Enregistrer l'objectif" : "Ajouter l'objectif"}</Button>
            <a href={`/mesures/${measure.id}/plan`}>Annuler</a>
          </FormActions>
        </form>
      </>
    ),
  });
}

/* ------------------------------------------------------------------ */
/* Action form                                                         */
/* ------------------------------------------------------------------ */

export interface ActionFormModel {
  chrome: PageChrome;
  detail: MeasureDetail;
  objective: PlanObjective;
  partners: PartnerOption[];
  values: Values;
  errors: FormErrors;
  action?: PlanAction;
}

export function actionFormPage({
  chrome,
  detail,
  objective,
  partners,
  values,
  errors,
  action,
}: ActionFormModel): string {
  const v = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : undefined);
  const { measure } = detail;
  const title = action ? "Modifier l'action" : "Ajouter une action";
  const target = action
    ? `/mesures/${measure.id}/plan/actions/${action.id}/modifier`
    : `/mesures/${measure.id}/plan/objectifs/${objective.id}/actions/nouvelle`;
  return renderPage({
    ...chrome,
    title: `${title} – mesure ${measure.number}`,
    hasErrors: Object.keys(errors).length > 0,
    breadcrumbs: subCrumbs(detail, title),
    children: (
      <>
        <ErrorSummary errors={errors} />
        <PageHeader caption={measureCaption(detail)} title={title} />
        <p>
          Objectif ({PLAN_DOMAIN_LABELS[objective.domain]}) : <strong>{objective.title}</strong>
        </p>
        <form method="post" action={target} novalidate>
          <CsrfField token={chrome.csrfToken} />
          <TextField
            name="description"
            label="Action"
            hint="Par exemple : rendez-vous à la mission locale, dépôt du dossier de logement social"
            value={v("description")}
            error={errors.description}
            width="long"
          />
          <SelectField
            name="partnerId"
            label="Partenaire (facultatif)"
            hint="Les partenaires de l'annuaire de l'association"
            emptyLabel={partners.length === 0 ? "Aucun partenaire dans l'annuaire" : "Aucun partenaire"}
            options={partners.map((p) => ({ value: p.id, label: p.label }))}
            value={v("partnerId")}
            error={errors.partnerId}
          />
          <p>
            <a href="/partenaires/nouveau">Ajouter un partenaire à l'annuaire</a>
          </p>
          <DateField name="dueDate" label="Échéance" value={v("dueDate")} error={errors.dueDate} />
          <RadioGroup
            name="status"
            legend="Statut"
            options={statusOptions(ACTION_STATUS_LABELS)}
            value={v("status")}
            error={errors.status}
            inline
          />
          <TextArea
            name="statusReason"
            label="Raison de l'abandon"
            hint="Obligatoire si l'action est abandonnée"
            rows={2}
            value={v("statusReason")}
            error={errors.statusReason}
          />
          <FormActions>
            <Button>{action ? "Enregistrer l'action" : "Ajouter l'action"}</Button>
            <a href={`/mesures/${measure.id}/plan`}>Annuler</a>
          </FormActions>
        </form>
      </>
    ),
  });
}
