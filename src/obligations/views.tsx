import type { VNode } from "preact";
import { daysRemaining, type IsoDate } from "../deadlines/rules.ts";
import { ACCEPT_ATTRIBUTE, formatFileSize } from "../files/rules.ts";
import type { MeasureDetail } from "../measures/queries.ts";
import { MeasureTabs, measureCaption, measureCrumbs } from "../measures/tabs.tsx";
import type { PageChrome } from "../platform/page.ts";
import { MAX_UPLOAD_BYTES } from "../platform/uploads.ts";
import {
  DataTable,
  DeadlineTag,
  formatDate,
  Notice,
  SummaryList,
  Tag,
  type TagTone,
} from "../platform/views/display.tsx";
import {
  Button,
  ButtonLink,
  Checkbox,
  CsrfField,
  DateField,
  ErrorSummary,
  FileField,
  FormActions,
  type FormErrors,
  NumberField,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from "../platform/views/forms.tsx";
import { renderPage } from "../platform/views/layout.tsx";
import { PageHeader } from "../platform/views/page-header.tsx";
import { OBLIGATION_KINDS, PROOF_KIND_LABELS } from "./form.ts";
import type { ObligationRecord, StatutoryRow } from "./queries.ts";
import {
  ARTICLE_TITLES,
  COMPLIANCE_LABELS,
  type DueState,
  dueStateLabel,
  KIND_LABELS,
  latestFinding,
  nextFindingPeriod,
  type ProofSchedule,
  proofStatus,
  type StatutoryArticle,
  statutoryOptionLabel,
  statutoryReference,
  suggestCompliance,
  summarizeObligations,
} from "./rules.ts";
import { COMPLIANCE_STATUSES, type ComplianceStatus, PROOF_KINDS } from "./tables.ts";

type Values = Record<string, string | string[] | undefined>;

const COMPLIANCE_TONES: Record<ComplianceStatus, TagTone> = {
  respectee: "green",
  partielle: "orange",
  non_respectee: "red",
  non_justifiee: "purple",
};

const DUE_STATE_TONES: Record<DueState, TagTone> = {
  recu: "green",
  manquant: "red",
  constate: "blue",
  a_venir: "grey",
};

export function ComplianceTag({ status }: { status: ComplianceStatus | null }): VNode {
  if (!status) return <span class="muted">Aucun constat</span>;
  return <Tag tone={COMPLIANCE_TONES[status]}>{COMPLIANCE_LABELS[status]}</Tag>;
}

function scheduleOf(o: ObligationRecord["obligation"]): ProofSchedule {
  return {
    proofRequired: o.proofRequired,
    firstProofDue: o.firstProofDue,
    proofIntervalDays: o.proofIntervalDays,
    endDate: o.endDate,
  };
}

function statusOf(record: ObligationRecord, today: IsoDate) {
  return proofStatus(scheduleOf(record.obligation), record.proofs, record.compliance, today);
}

function periodText(start: IsoDate, end: IsoDate | null): string {
  return end ? `Du ${formatDate(start)} au ${formatDate(end)}` : `Depuis le ${formatDate(start)}`;
}

function scheduleText(o: ObligationRecord["obligation"]): string {
  if (!o.proofRequired || !o.firstProofDue) return "Aucun justificatif attendu";
  if (!o.proofIntervalDays) return `Un justificatif, attendu le ${formatDate(o.firstProofDue)}`;
  return `Un justificatif tous les ${o.proofIntervalDays} jours, à partir du ${formatDate(o.firstProofDue)}`;
}

function referenceText(record: ObligationRecord): string {
  return record.statutory ? statutoryReference(record.statutory) : "Obligation libre";
}

const obligationUrl = (measureId: string, obligationId: string) =>
  `/mesures/${measureId}/obligations/${obligationId}`;

function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

/** The missing proofs of a measure, each linking to its obligation. */
function AlertsNotice({
  items,
  measureId,
}: {
  items: { id: string; label: string; overdue: readonly IsoDate[] }[];
  measureId: string;
}): VNode | null {
  const withAlerts = items.filter((i) => i.overdue.length > 0);
  if (withAlerts.length === 0) return null;
  const total = withAlerts.reduce((n, i) => n + i.overdue.length, 0);
  return (
    <Notice tone="warning" title={`${plural(total, "justificatif manquant", "justificatifs manquants")}`}>
      <ul>
        {withAlerts.map((i) => (
          <li key={i.id}>
            <a href={obligationUrl(measureId, i.id)}>{i.label}</a> : attendu
            {i.overdue.length > 1 ? "s" : ""} le {i.overdue.map((d) => formatDate(d)).join(", le ")}
          </li>
        ))}
      </ul>
    </Notice>
  );
}

/* ------------------------------------------------------------------ */
/* List                                                                */
/* ------------------------------------------------------------------ */

export interface ObligationsPageModel {
  chrome: PageChrome;
  detail: MeasureDetail;
  records: ObligationRecord[];
  today: IsoDate;
}

export function obligationsPage({ chrome, detail, records, today }: ObligationsPageModel): string {
  const { measure } = detail;
  const open = measure.status !== "cloturee";
  const items = records.map((r) => {
    const status = statusOf(r, today);
    return {
      record: r,
      id: r.obligation.id,
      label: r.obligation.label,
      overdue: status.overdue,
      nextDue: status.nextDue,
      latestStatus: latestFinding(r.compliance)?.status ?? null,
    };
  });
  const summary = summarizeObligations(items);
  const counts = [
    ...COMPLIANCE_STATUSES.filter((s) => summary.byStatus[s] > 0).map(
      (s) => `${summary.byStatus[s]} ${COMPLIANCE_LABELS[s].toLowerCase()}`,
    ),
    ...(summary.withoutFinding > 0 ? [`${summary.withoutFinding} sans constat`] : []),
  ];
  return renderPage({
    ...chrome,
    title: `Obligations – mesure ${measure.number}`,
    breadcrumbs: measureCrumbs(detail, "Obligations"),
    children: (
      <>
        <PageHeader
          caption={measureCaption(detail)}
          title="Obligations et interdictions"
          actions={
            open ? (
              <ButtonLink href={`/mesures/${measure.id}/obligations/nouvelle`}>
                Ajouter une obligation
              </ButtonLink>
            ) : null
          }
        />
        <MeasureTabs measureId={measure.id} current="obligations" />
        <AlertsNotice items={items} measureId={measure.id} />
        {summary.total > 0 ? (
          <p>
            {plural(summary.total, "obligation", "obligations")} : {counts.join(", ")}.
          </p>
        ) : null}
        <DataTable
          caption="Obligations et interdictions de la mesure"
          captionHidden
          head={["Obligation", "Référence", "Période", "Prochain justificatif", "Dernier constat"]}
          empty="Aucune obligation enregistrée pour cette mesure."
          rows={items.map((i) => {
            const o = i.record.obligation;
            return [
              <a href={obligationUrl(measure.id, o.id)}>{o.label}</a>,
              <>
                {referenceText(i.record)}
                <br />
                <span class="muted">{KIND_LABELS[o.kind]}</span>
              </>,
              periodText(o.startDate, o.endDate),
              <>
                {i.nextDue ? (
                  <>
                    {formatDate(i.nextDue)} <DeadlineTag daysRemaining={daysRemaining(today, i.nextDue)} />
                  </>
                ) : (
                  <span class="muted">{o.proofRequired ? "Aucun à venir" : "Aucun attendu"}</span>
                )}
                {i.overdue.length > 0 ? (
                  <>
                    <br />
                    <Tag tone="red">
                      {plural(i.overdue.length, "justificatif manquant", "justificatifs manquants")}
                    </Tag>
                  </>
                ) : null}
              </>,
              <ComplianceTag status={i.latestStatus} />,
            ];
          })}
        />
      </>
    ),
  });
}

/* ------------------------------------------------------------------ */
/* New obligation                                                      */
/* ------------------------------------------------------------------ */

export interface ObligationFormModel {
  chrome: PageChrome;
  detail: MeasureDetail;
  articles: StatutoryArticle[];
  choices: StatutoryRow[];
  values: Values;
  errors: FormErrors;
}

export function obligationFormPage({
  chrome,
  detail,
  articles,
  choices,
  values,
  errors,
}: ObligationFormModel): string {
  const { measure } = detail;
  const v = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : undefined);
  const listName = articles.map((a) => ARTICLE_TITLES[a]).join(" et ");
  const hasList = choices.length > 0;
  return renderPage({
    ...chrome,
    title: `Ajouter une obligation – mesure ${measure.number}`,
    hasErrors: Object.keys(errors).length > 0,
    breadcrumbs: [
      ...measureCrumbs(detail, "Obligations").slice(0, -1),
      { href: `/mesures/${measure.id}/obligations`, label: "Obligations" },
      { label: "Ajouter une obligation" },
    ],
    children: (
      <>
        <ErrorSummary errors={errors} />
        <PageHeader caption={measureCaption(detail)} title="Ajouter une obligation" />
        <MeasureTabs measureId={measure.id} current="obligations" />
        <form method="post" action={`/mesures/${measure.id}/obligations/nouvelle`} novalidate>
          <CsrfField token={chrome.csrfToken} />
          <fieldset class="fieldset">
            <legend class="legend legend--large">Obligation ou interdiction</legend>
            {hasList ? (
              <>
                <RadioGroup
                  name="source"
                  legend="Origine"
                  options={[
                    { value: "liste", label: "Dans la liste légale", hint: listName },
                    { value: "libre", label: "Obligation libre, hors liste légale" },
                  ]}
                  value={v("source")}
                  error={errors.source}
                />
                <SelectField
                  name="statutoryCode"
                  label="Obligation de la liste légale"
                  hint="Pour une obligation de la liste légale"
                  emptyLabel="Choisir dans la liste"
                  options={choices.map((c) => ({ value: c.code, label: statutoryOptionLabel(c) }))}
                  value={v("statutoryCode")}
                  error={errors.statutoryCode}
                />
              </>
            ) : (
              <>
                <input type="hidden" name="source" value="libre" />
                <Notice>
                  <p>
                    Aucune liste légale ne s'applique à ce type de mesure : saisissez l'obligation fixée par
                    le magistrat.
                  </p>
                </Notice>
              </>
            )}
            <TextField
              name="label"
              label="Intitulé de l'obligation libre"
              hint={hasList ? "Seulement pour une obligation hors liste légale" : null}
              value={v("label")}
              error={errors.label}
              maxlength={300}
            />
            <RadioGroup
              name="kind"
              legend="Nature de l'obligation libre"
              inline
              options={OBLIGATION_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
              value={v("kind")}
              error={errors.kind}
            />
            <TextArea
              name="details"
              label="Précisions (facultatif)"
              hint="Lieux, personnes, organisme de soins, montant, horaires… tels que fixés par le magistrat"
              rows={3}
              value={v("details")}
              error={errors.details}
            />
          </fieldset>
          <fieldset class="fieldset">
            <legend class="legend legend--large">Dates</legend>
            <DateField name="startDate" label="Début" value={v("startDate")} error={errors.startDate} />
            <DateField
              name="endDate"
              label="Fin (facultatif)"
              hint="Laissez vide si l'obligation dure autant que la mesure"
              value={v("endDate")}
              error={errors.endDate}
            />
          </fieldset>
          <fieldset class="fieldset">
            <legend class="legend legend--large">Justificatifs</legend>
            <Checkbox
              name="proofRequired"
              label="Des justificatifs sont attendus"
              checked={v("proofRequired") !== undefined}
              error={errors.proofRequired}
            />
            <DateField
              name="firstProofDue"
              label="Premier justificatif attendu le"
              value={v("firstProofDue")}
              error={errors.firstProofDue}
            />
            <NumberField
              name="proofIntervalDays"
              label="Puis un justificatif tous les (jours, facultatif)"
              hint="Par exemple 30 pour un justificatif par mois ; laissez vide pour un seul justificatif"
              min={1}
              max={366}
              value={v("proofIntervalDays")}
              error={errors.proofIntervalDays}
            />
          </fieldset>
          <FormActions>
            <Button>Enregistrer l'obligation</Button>
            <a href={`/mesures/${measure.id}/obligations`}>Annuler</a>
          </FormActions>
        </form>
      </>
    ),
  });
}

/* ------------------------------------------------------------------ */
/* One obligation                                                      */
/* ------------------------------------------------------------------ */

export interface ObligationPageModel {
  chrome: PageChrome;
  detail: MeasureDetail;
  record: ObligationRecord;
  today: IsoDate;
  proofValues?: Values;
  proofErrors?: FormErrors;
  complianceValues?: Values;
  complianceErrors?: FormErrors;
}

export function obligationPage({
  chrome,
  detail,
  record,
  today,
  proofValues,
  proofErrors = {},
  complianceValues,
  complianceErrors = {},
}: ObligationPageModel): string {
  const { measure } = detail;
  const o = record.obligation;
  const open = measure.status !== "cloturee";
  const schedule = scheduleOf(o);
  const status = statusOf(record, today);
  const latest = latestFinding(record.compliance);
  const base = obligationUrl(measure.id, o.id);
  const errors = { ...proofErrors, ...complianceErrors };
  const pv = (k: string) => (typeof proofValues?.[k] === "string" ? (proofValues[k] as string) : undefined);
  const cv = (k: string) =>
    typeof complianceValues?.[k] === "string" ? (complianceValues[k] as string) : undefined;
  const proposed = nextFindingPeriod(o, record.compliance, today);
  const periodStart = complianceValues ? cv("periodStart") : proposed?.start;
  const periodEnd = complianceValues ? cv("periodEnd") : proposed?.end;
  const suggestion =
    periodStart && periodEnd && periodStart <= periodEnd
      ? suggestCompliance(schedule, record.proofs, { start: periodStart, end: periodEnd }, today)
      : null;
  return renderPage({
    ...chrome,
    title: `${o.label} – mesure ${measure.number}`,
    hasErrors: Object.keys(errors).length > 0,
    breadcrumbs: [
      ...measureCrumbs(detail, "Obligations").slice(0, -1),
      { href: `/mesures/${measure.id}/obligations`, label: "Obligations" },
      { label: o.label },
    ],
    children: (
      <>
        <ErrorSummary errors={errors} />
        <PageHeader caption={measureCaption(detail)} title={o.label} />
        <MeasureTabs measureId={measure.id} current="obligations" />
        <AlertsNotice
          items={[{ id: o.id, label: o.label, overdue: status.overdue }]}
          measureId={measure.id}
        />
        <SummaryList
          rows={[
            { key: "Référence", value: referenceText(record) },
            { key: "Nature", value: KIND_LABELS[o.kind] },
            ...(record.statutory ? [{ key: "Texte", value: record.statutory.text }] : []),
            { key: "Précisions", value: o.details },
            { key: "Période", value: periodText(o.startDate, o.endDate) },
            { key: "Justificatifs attendus", value: scheduleText(o) },
            {
              key: "Prochain justificatif",
              value: status.nextDue ? (
                <>
                  {formatDate(status.nextDue)}{" "}
                  <DeadlineTag daysRemaining={daysRemaining(today, status.nextDue)} />
                </>
              ) : (
                <span class="muted">
                  {o.proofRequired ? "Aucun justificatif à venir" : "Aucun justificatif attendu"}
                </span>
              ),
            },
            {
              key: "Dernier constat",
              value: latest ? (
                <>
                  <ComplianceTag status={latest.status} />{" "}
                  {periodText(latest.periodStart, latest.periodEnd).toLowerCase()}
                </>
              ) : null,
            },
          ]}
        />
        {o.proofRequired ? (
          <>
            <h2>Échéancier des justificatifs</h2>
            <p class="hint">
              Chaque justificatif répond à la plus ancienne échéance restée sans justificatif dont la période
              a commencé ; reçu après l'échéance, il est marqué en retard. Un justificatif manquant le
              lendemain de l'échéance est signalé, sauf si un constat couvre cette date.
            </p>
            <DataTable
              caption="Échéancier des justificatifs"
              captionHidden
              head={["Échéance", "Période", "Justificatif reçu le", "État"]}
              empty="Aucune échéance."
              rows={status.periods.map((p) => [
                formatDate(p.due),
                p.from ? `Du ${formatDate(p.from)} au ${formatDate(p.due)}` : `Jusqu'au ${formatDate(p.due)}`,
                p.receivedOn ? formatDate(p.receivedOn) : "—",
                <Tag tone={p.daysLate ? "orange" : DUE_STATE_TONES[p.state]}>{dueStateLabel(p)}</Tag>,
              ])}
            />
          </>
        ) : null}
        <h2>Justificatifs reçus</h2>
        <DataTable
          caption="Justificatifs reçus"
          captionHidden
          head={["Reçu le", "Nature", "Description", "Fichier"]}
          empty="Aucun justificatif reçu."
          rows={record.proofs.map((p) => [
            formatDate(p.receivedOn),
            PROOF_KIND_LABELS[p.kind],
            p.description ?? "",
            p.file ? (
              <a href={`/fichiers/${p.file.id}`} download={p.file.filename}>
                <span class="visually-hidden">Télécharger </span>
                {p.file.filename} ({formatFileSize(p.file.size)})
              </a>
            ) : (
              <span class="muted">Pas de fichier</span>
            ),
          ])}
        />
        <h2>Constats de respect</h2>
        <DataTable
          caption="Constats de respect par période"
          captionHidden
          head={["Période", "Constat", "D'après les justificatifs", "Note", "Par"]}
          empty="Aucun constat enregistré."
          rows={record.compliance.map((c) => {
            const s = suggestCompliance(
              schedule,
              record.proofs,
              { start: c.periodStart, end: c.periodEnd },
              today,
            );
            return [
              `Du ${formatDate(c.periodStart)} au ${formatDate(c.periodEnd)}`,
              <ComplianceTag status={c.status} />,
              s
                ? `${COMPLIANCE_LABELS[s.status]} (${s.received} sur ${s.due}${s.late > 0 ? `, dont ${s.late} en retard` : ""})`
                : "—",
              c.note ?? "",
              c.assessorName ?? "",
            ];
          })}
        />
        {open ? (
          <>
            <section aria-labelledby="ajouter-justificatif">
              <h2 id="ajouter-justificatif">Ajouter un justificatif</h2>
              <form method="post" action={`${base}/justificatifs`} enctype="multipart/form-data" novalidate>
                <CsrfField token={chrome.csrfToken} />
                <DateField
                  name="receivedOn"
                  label="Reçu le"
                  value={proofValues ? pv("receivedOn") : today}
                  error={proofErrors.receivedOn}
                />
                <SelectField
                  name="proofKind"
                  label="Nature du justificatif"
                  emptyLabel="Choisir une nature"
                  options={PROOF_KINDS.map((k) => ({ value: k, label: PROOF_KIND_LABELS[k] }))}
                  value={pv("proofKind")}
                  error={proofErrors.proofKind}
                />
                <TextArea
                  name="proofDescription"
                  label="Description (facultatif)"
                  hint="Par exemple : attestation de suivi du CSAPA, rendez-vous du 12 novembre"
                  rows={2}
                  value={pv("proofDescription")}
                  error={proofErrors.proofDescription}
                />
                <FileField
                  name="proofFile"
                  label="Fichier (facultatif)"
                  hint={`PDF, JPEG ou PNG, ${formatFileSize(MAX_UPLOAD_BYTES)} au plus. ${
                    proofValues ? "Choisissez à nouveau le fichier : il n'a pas été gardé." : ""
                  }`.trim()}
                  accept={ACCEPT_ATTRIBUTE}
                  error={proofErrors.proofFile}
                />
                <FormActions>
                  <Button>Enregistrer le justificatif</Button>
                </FormActions>
              </form>
            </section>
            <section aria-labelledby="enregistrer-constat">
              <h2 id="enregistrer-constat">Enregistrer un constat</h2>
              <form method="post" action={`${base}/constats`} novalidate>
                <CsrfField token={chrome.csrfToken} />
                <DateField
                  name="periodStart"
                  label="Début de la période"
                  value={periodStart}
                  error={complianceErrors.periodStart}
                />
                <DateField
                  name="periodEnd"
                  label="Fin de la période"
                  value={periodEnd}
                  error={complianceErrors.periodEnd}
                />
                <RadioGroup
                  name="status"
                  legend="Constat"
                  hint={
                    suggestion
                      ? `D'après les justificatifs de la période proposée : ${COMPLIANCE_LABELS[suggestion.status].toLowerCase()} (${suggestion.received} reçu${suggestion.received > 1 ? "s" : ""} sur ${suggestion.due} attendu${suggestion.due > 1 ? "s" : ""}).`
                      : null
                  }
                  options={COMPLIANCE_STATUSES.map((s) => ({ value: s, label: COMPLIANCE_LABELS[s] }))}
                  value={cv("status")}
                  error={complianceErrors.status}
                />
                <TextArea
                  name="note"
                  label="Note (facultatif)"
                  rows={2}
                  value={cv("note")}
                  error={complianceErrors.note}
                />
                <FormActions>
                  <Button>Enregistrer le constat</Button>
                </FormActions>
              </form>
            </section>
          </>
        ) : null}
      </>
    ),
  });
}
