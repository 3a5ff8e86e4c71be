import type { ComponentChildren, VNode } from "preact";
import { type PendingTest, PendingTestsNotice } from "../knowledge-tests/pending.tsx";
import { elide, plural } from "../platform/french.ts";
import type { PageChrome } from "../platform/page.ts";
import { DataTable, formatDate, Notice, SummaryList, Tag, type TagTone } from "../platform/views/display.tsx";
import {
  Button,
  ButtonLink,
  CheckboxGroup,
  CsrfField,
  DateField,
  ErrorSummary,
  FileField,
  FormActions,
  type FormErrors,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from "../platform/views/forms.tsx";
import { type Crumb, renderPage } from "../platform/views/layout.tsx";
import { PageHeader } from "../platform/views/page-header.tsx";
import {
  CISJ_REQUIREMENTS,
  MEMOIRE_PAGES,
  MEMOIRE_PARTS,
  TRAINING_CATEGORIES,
  TRAINING_CATEGORY_LABELS,
  TYPICAL_PATH_HOURS,
} from "../training/reference.ts";
import type {
  CertificateRow,
  DossierDetail,
  DossierListRow,
  EquivalenceRow,
  Trainee,
  TraineePath,
} from "./queries.ts";
import { traineeName } from "./queries.ts";
import {
  canEditParts,
  countLabel,
  DECISION_LABELS,
  DOSSIER_STATUS_LABELS,
  JURY_MAX_MEMBERS,
  JURY_MIN_MEMBERS,
  nextSteps,
  type PathItem,
  type PathProgress,
  type PublicVerification,
  partsChecklist,
} from "./rules.ts";
import { DOSSIER_STATUSES, type DossierStatus } from "./tables.ts";

type Values = Record<string, string | string[] | undefined>;

const STATUS_TONES: Record<DossierStatus, TagTone> = {
  ouvert: "blue",
  memoire_depose: "purple",
  soutenance_planifiee: "orange",
  certifie: "green",
  ajourne: "red",
};

export function DossierStatusTag({ status }: { status: DossierStatus }): VNode {
  return <Tag tone={STATUS_TONES[status]}>{DOSSIER_STATUS_LABELS[status]}</Tag>;
}

function hours(n: number): string {
  return `${n} h`;
}

/* ------------------------------------------------------------------ */
/* Progress on the path                                                */
/* ------------------------------------------------------------------ */

/** The summary of the path: a progress bar with its text, the count per category, the hours. */
export function ProgressSummary({
  progress,
  id = "parcours",
}: {
  progress: PathProgress;
  id?: string;
}): VNode {
  const labelId = `${id}-avancement`;
  const extraCount = TRAINING_CATEGORIES.reduce((n, c) => n + progress.byCategory[c.code].extra.length, 0);
  return (
    <div class="panel">
      <div class="panel__body">
        <p id={labelId}>
          <strong>{countLabel(progress.countedTotal, progress.requiredTotal)} formations validées</strong>{" "}
          comptent pour le certificat
          {progress.complete ? " : le parcours de formation est complet." : "."}
        </p>
        <progress
          max={progress.requiredTotal}
          value={Math.min(progress.countedTotal, progress.requiredTotal)}
          aria-labelledby={labelId}
        >
          {countLabel(progress.countedTotal, progress.requiredTotal)}
        </progress>
        <SummaryList
          rows={[
            ...TRAINING_CATEGORIES.map((c) => {
              const p = progress.byCategory[c.code];
              return {
                key: `${c.label} (${c.code})`,
                value: (
                  <>
                    {countLabel(p.counted.length, p.required)}
                    {p.missing === 0 ? " – complet" : ` – ${plural(p.missing, "manquante", "manquantes")}`}
                    {p.extra.length > 0 ? `, ${p.extra.length} en plus (ne compte pas deux fois)` : ""}
                  </>
                ),
              };
            }),
            {
              key: "Total",
              value: `${countLabel(progress.countedTotal, progress.requiredTotal)}${
                extraCount > 0 ? ` (et ${extraCount} en plus)` : ""
              }`,
            },
            {
              key: "Heures de formation",
              value: (
                <>
                  {hours(progress.hoursDone)} validées sur un parcours complet de {TYPICAL_PATH_HOURS.min} à{" "}
                  {TYPICAL_PATH_HOURS.max} h en moyenne
                  {progress.extraHours > 0 ? ` (et ${hours(progress.extraHours)} de formations en plus)` : ""}
                </>
              ),
            },
          ]}
        />
      </div>
    </div>
  );
}

function basisLabel(item: PathItem): string {
  if (item.source === "equivalence") return `Équivalence : ${item.reason ?? ""}`;
  if (item.basis === "test") return "Test d'évaluation des connaissances";
  if (item.basis === "attendance") return "Attestation de présence (avant 2012)";
  if (item.basis === "equivalence") return "Équivalence";
  return "Validée";
}

function itemRows(items: PathItem[]): ComponentChildren[][] {
  return items.map((t) => [
    t.code === "ÉQ" ? t.title : `${t.code} – ${t.title}`,
    formatDate(t.validatedOn),
    t.hours > 0 ? hours(t.hours) : "—",
    basisLabel(t),
  ]);
}

const ITEM_HEAD = ["Formation", "Validée le", "Heures", "Validation"];

function PathDetail({ progress }: { progress: PathProgress }): VNode {
  return (
    <>
      {TRAINING_CATEGORIES.map((c) => {
        const p = progress.byCategory[c.code];
        return (
          <section key={c.code} aria-labelledby={`cat-${c.code}`}>
            <h3 id={`cat-${c.code}`}>
              {c.label} : {countLabel(p.counted.length, p.required)}
            </h3>
            <DataTable
              caption={`${c.label} : formations qui comptent`}
              captionHidden
              head={ITEM_HEAD}
              numericColumns={[2]}
              empty={`Aucune ${c.singular} validée pour l'instant.`}
              rows={itemRows(p.counted)}
            />
            {p.extra.length > 0 ? (
              <DataTable
                caption={`${c.label} : en plus (ne compte pas deux fois)`}
                head={ITEM_HEAD}
                numericColumns={[2]}
                rows={itemRows(p.extra)}
              />
            ) : null}
          </section>
        );
      })}
    </>
  );
}

/* ------------------------------------------------------------------ */
/* Dossier, read-only parts                                            */
/* ------------------------------------------------------------------ */

function memoireValue(d: DossierDetail, downloadable: boolean): ComponentChildren {
  const { dossier } = d;
  if (!dossier.memoireFilename) return null;
  return (
    <>
      {downloadable ? (
        <a href={`/cisj/dossiers/${dossier.id}/memoire`}>
          {dossier.memoireFilename}
          <span class="visually-hidden"> (télécharger le mémoire)</span>
        </a>
      ) : (
        dossier.memoireFilename
      )}{" "}
      – {plural(dossier.memoirePages ?? 0, "page", "pages")}, déposé le{" "}
      {formatDate(dossier.memoireUploadedAt)}
    </>
  );
}

function JuryList({ jury }: { jury: DossierDetail["jury"] }): VNode | null {
  if (jury.length === 0) return null;
  return (
    <ul>
      {jury.map((m) => (
        <li key={m.position}>
          {m.name} – {m.role}
        </li>
      ))}
    </ul>
  );
}

function PartsList({ checked }: { checked: string[] }): VNode {
  return (
    <ul>
      {partsChecklist(checked).map((p) => (
        <li key={p.code}>
          {p.checked ? "Vérifiée : " : "À vérifier : "}
          {p.label}
        </li>
      ))}
    </ul>
  );
}

function certificateValue(c: CertificateRow | null, dossierId: string): ComponentChildren {
  if (!c) return null;
  return (
    <>
      <p>
        N° <strong>{c.number}</strong>, délivré le {formatDate(c.issuedOn)} –{" "}
        {c.revoked ? <Tag tone="red">Révoqué</Tag> : <Tag tone="green">Valide</Tag>}
      </p>
      <ul class="link-list">
        <li>
          <a href={`/cisj/dossiers/${dossierId}/certificat.pdf`}>Télécharger le certificat (PDF)</a>
        </li>
        <li>
          <a href={`/certificats/verifier?numero=${encodeURIComponent(c.number)}`}>
            Page de vérification publique
          </a>
        </li>
      </ul>
    </>
  );
}

/** The dossier as the intervenant and their direction see it. */
function DossierSummary({ detail }: { detail: DossierDetail }): VNode {
  const { dossier, jury, certificate } = detail;
  const checkedCount = partsChecklist(dossier.checkedParts).filter((p) => p.checked).length;
  return (
    <SummaryList
      rows={[
        { key: "Statut", value: <DossierStatusTag status={dossier.status} /> },
        { key: "Ouvert le", value: formatDate(dossier.openedAt) },
        { key: "Mémoire", value: memoireValue(detail, true) ?? "Pas encore déposé" },
        {
          key: "Parties du mémoire vérifiées",
          value: dossier.memoireFilename ? (
            <>
              <p>{countLabel(checkedCount, MEMOIRE_PARTS.length)} par le service Formation</p>
              <PartsList checked={dossier.checkedParts} />
            </>
          ) : (
            "Après le dépôt du mémoire"
          ),
        },
        {
          key: "Soutenance",
          value: dossier.soutenanceDate ? formatDate(dossier.soutenanceDate) : "Pas encore planifiée",
        },
        { key: "Jury", value: jury.length > 0 ? <JuryList jury={jury} /> : "Pas encore désigné" },
        {
          key: "Décision",
          value: dossier.decision
            ? `${DECISION_LABELS[dossier.decision]} le ${formatDate(dossier.decidedOn)}${
                dossier.decisionComment ? ` – ${dossier.decisionComment}` : ""
              }`
            : "Pas encore prise",
        },
        { key: "Certificat", value: certificateValue(certificate, dossier.id) ?? "Pas encore délivré" },
      ]}
    />
  );
}

function MemoireUploadForm({
  action,
  csrfToken,
  error,
  replacing,
}: {
  action: string;
  csrfToken: string | undefined;
  error: string | undefined;
  replacing: boolean;
}): VNode {
  return (
    <form method="post" action={action} enctype="multipart/form-data" novalidate>
      <CsrfField token={csrfToken} />
      <FileField
        name="memoire"
        label={replacing ? "Remplacer le mémoire (PDF)" : "Déposer le mémoire (PDF)"}
        hint={`Un fichier PDF de ${MEMOIRE_PAGES.min} à ${MEMOIRE_PAGES.max} pages, annexe comprise ; les pages sont comptées dans le fichier.`}
        accept="application/pdf,.pdf"
        error={error}
      />
      <FormActions>
        <Button>{replacing ? "Remplacer le mémoire" : "Déposer le mémoire"}</Button>
      </FormActions>
    </form>
  );
}

/* ------------------------------------------------------------------ */
/* /formation/parcours and /formation/parcours/:userId                 */
/* ------------------------------------------------------------------ */

export type PathViewer = "self" | "formation" | "direction";

export interface PathPageModel {
  chrome: PageChrome;
  trainee: Trainee;
  viewer: PathViewer;
  path: TraineePath;
  detail: DossierDetail | null;
  canOpen: boolean;
  mayDeposit: boolean;
  errors: FormErrors;
  /** The trainee's knowledge tests to take (shown to themselves). */
  pendingTests?: readonly PendingTest[];
}

export function pathPage(m: PathPageModel): string {
  const name = traineeName(m.trainee);
  const title = m.viewer === "self" ? "Mon parcours CISJ" : `Parcours CISJ ${elide("de", name)}`;
  const crumbs: Crumb[] =
    m.viewer === "self"
      ? [{ href: "/", label: "Accueil" }, { label: "Mon parcours CISJ" }]
      : m.viewer === "direction"
        ? [
            { href: "/", label: "Accueil" },
            { href: "/formation/equipe", label: "Formation de l'équipe" },
            { label: name },
          ]
        : [{ href: "/", label: "Accueil" }, { href: "/cisj", label: "Dossiers CISJ" }, { label: name }];
  const { progress } = m.path;
  return renderPage({
    ...m.chrome,
    title,
    hasErrors: Object.keys(m.errors).length > 0,
    breadcrumbs: crumbs,
    children: (
      <>
        <ErrorSummary errors={m.errors} />
        <PageHeader
          caption={
            m.viewer === "self"
              ? "Certificat d'intervenant socio-judiciaire"
              : (m.trainee.associationName ?? "Certificat d'intervenant socio-judiciaire")
          }
          title={title}
          actions={
            m.viewer === "formation" && m.detail ? (
              <ButtonLink href={`/cisj/dossiers/${m.detail.dossier.id}`}>Gérer le dossier</ButtonLink>
            ) : undefined
          }
        />
        <PendingTestsNotice tests={m.pendingTests ?? []} />
        <h2>Avancement</h2>
        <ProgressSummary progress={progress} />
        <h2>Ce qu'il reste à faire</h2>
        <ul>
          {nextSteps(progress, m.detail?.dossier ?? null).map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
        <p class="hint">
          Le parcours n'a pas de limite de temps : une formation validée compte quelle que soit sa date.
          Chaque formation compte une seule fois.
        </p>

        <h2>Formations qui comptent</h2>
        <PathDetail progress={progress} />

        <h2>Dossier de certification</h2>
        {m.detail ? (
          <>
            <DossierSummary detail={m.detail} />
            {m.viewer === "self" && m.mayDeposit ? (
              <MemoireUploadForm
                action="/formation/parcours/memoire"
                csrfToken={m.chrome.csrfToken}
                error={m.errors.memoire}
                replacing={Boolean(m.detail.dossier.memoireFilename)}
              />
            ) : null}
          </>
        ) : m.canOpen ? (
          <>
            <Notice tone="success" title="Les 9 formations sont validées">
              <p>
                {m.viewer === "self"
                  ? "Vous pouvez ouvrir votre dossier de certification : le service Formation y enregistre les équivalences, puis vous y déposez votre mémoire."
                  : "Le dossier de certification peut être ouvert."}
              </p>
            </Notice>
            {m.viewer !== "direction" ? (
              <form
                method="post"
                action={
                  m.viewer === "self"
                    ? "/formation/parcours/dossier"
                    : `/formation/parcours/${m.trainee.id}/dossier`
                }
              >
                <CsrfField token={m.chrome.csrfToken} />
                <Button>
                  {m.viewer === "self"
                    ? "Ouvrir mon dossier de certification"
                    : "Ouvrir le dossier de certification"}
                </Button>
              </form>
            ) : null}
          </>
        ) : (
          <>
            <p>
              Aucun dossier de certification. Il pourra être ouvert lorsque les {CISJ_REQUIREMENTS.total}{" "}
              formations du parcours seront validées.
            </p>
            {m.viewer === "formation" ? (
              <form method="post" action={`/formation/parcours/${m.trainee.id}/dossier`}>
                <CsrfField token={m.chrome.csrfToken} />
                <p class="hint">
                  Le service Formation peut ouvrir le dossier plus tôt pour y enregistrer des équivalences.
                </p>
                <Button variant="secondary">Ouvrir le dossier de certification</Button>
              </form>
            ) : null}
          </>
        )}
      </>
    ),
  });
}

/* ------------------------------------------------------------------ */
/* /formation/equipe                                                   */
/* ------------------------------------------------------------------ */

export interface TeamPageModel {
  chrome: PageChrome;
  associationName: string | null;
  rows: { trainee: Trainee; progress: PathProgress; dossier: DossierListRow | null }[];
}

export function teamPage(m: TeamPageModel): string {
  const title = "Formation de l'équipe";
  return renderPage({
    ...m.chrome,
    title,
    breadcrumbs: [{ href: "/", label: "Accueil" }, { label: title }],
    children: (
      <>
        <PageHeader caption={m.associationName ?? undefined} title={title} />
        <p>
          Parcours du certificat d'intervenant socio-judiciaire : {CISJ_REQUIREMENTS.TC} formations Tronc
          commun, {CISJ_REQUIREMENTS.MSJ} Mesure socio-judiciaire et {CISJ_REQUIREMENTS.TR} transversales,
          soit {CISJ_REQUIREMENTS.total} formations.
        </p>
        <DataTable
          caption={`${plural(m.rows.length, "professionnel", "professionnels")} de l'association`}
          head={[
            "Nom",
            "Tronc commun",
            "Mesure socio-judiciaire",
            "Transversales",
            "Total",
            "Dossier",
            "Certificat",
          ]}
          empty="Aucun intervenant dans l'association."
          rows={m.rows.map(({ trainee, progress, dossier }) => [
            <a href={`/formation/parcours/${trainee.id}`}>{traineeName(trainee)}</a>,
            countLabel(progress.byCategory.TC.counted.length, CISJ_REQUIREMENTS.TC),
            countLabel(progress.byCategory.MSJ.counted.length, CISJ_REQUIREMENTS.MSJ),
            countLabel(progress.byCategory.TR.counted.length, CISJ_REQUIREMENTS.TR),
            <strong>{countLabel(progress.countedTotal, progress.requiredTotal)}</strong>,
            dossier ? <DossierStatusTag status={dossier.status} /> : progress.complete ? "À ouvrir" : "—",
            dossier?.certificateNumber ?? "—",
          ])}
        />
      </>
    ),
  });
}

/* ------------------------------------------------------------------ */
/* /cisj                                                               */
/* ------------------------------------------------------------------ */

export interface DossierListModel {
  chrome: PageChrome;
  dossiers: DossierListRow[];
  q: string | undefined;
  found: { trainee: Trainee; progress: PathProgress; dossierId: string | null }[] | null;
  readyWithoutDossier: { trainee: Trainee; progress: PathProgress }[];
}

export function dossierListPage(m: DossierListModel): string {
  const title = "Dossiers CISJ";
  return renderPage({
    ...m.chrome,
    title,
    wide: true,
    breadcrumbs: [{ href: "/", label: "Accueil" }, { label: title }],
    children: (
      <>
        <PageHeader caption="Certificat d'intervenant socio-judiciaire" title={title} />
        <search>
          <form method="get" action="/cisj" class="inline-form">
            <TextField
              name="q"
              label="Rechercher le parcours d'un intervenant"
              type="search"
              value={m.q}
              width="medium"
            />
            <Button variant="secondary">Rechercher</Button>
          </form>
        </search>
        {m.found ? (
          <DataTable
            caption={`${plural(m.found.length, "intervenant", "intervenants")} pour « ${m.q ?? ""} »`}
            head={["Nom", "Association", "Formations validées", "Dossier"]}
            empty="Aucun intervenant ne porte ce nom."
            rows={m.found.map((f) => [
              <a href={`/formation/parcours/${f.trainee.id}`}>{traineeName(f.trainee)}</a>,
              f.trainee.associationName ?? "",
              countLabel(f.progress.countedTotal, f.progress.requiredTotal),
              f.dossierId ? <a href={`/cisj/dossiers/${f.dossierId}`}>Voir le dossier</a> : "—",
            ])}
          />
        ) : null}

        <h2>Parcours complets sans dossier</h2>
        <DataTable
          caption="Intervenants ayant validé les 9 formations, sans dossier de certification"
          captionHidden
          head={["Nom", "Association", "Formations validées"]}
          empty="Aucun intervenant n'attend l'ouverture de son dossier."
          rows={m.readyWithoutDossier.map((r) => [
            <a href={`/formation/parcours/${r.trainee.id}`}>{traineeName(r.trainee)}</a>,
            r.trainee.associationName ?? "",
            countLabel(r.progress.countedTotal, r.progress.requiredTotal),
          ])}
        />

        <h2>Dossiers par statut</h2>
        {DOSSIER_STATUSES.map((status) => {
          const rows = m.dossiers.filter((d) => d.status === status);
          return (
            <DataTable
              key={status}
              caption={`${DOSSIER_STATUS_LABELS[status]} : ${plural(rows.length, "dossier", "dossiers")}`}
              head={["Intervenant", "Association", "Ouvert le", "Mémoire", "Soutenance", "Certificat"]}
              empty="Aucun dossier."
              rows={rows.map((d) => [
                <a href={`/cisj/dossiers/${d.id}`}>{traineeName(d)}</a>,
                d.associationName ?? "",
                formatDate(d.openedAt),
                d.memoirePages ? plural(d.memoirePages, "page", "pages") : "—",
                d.soutenanceDate ? formatDate(d.soutenanceDate) : "—",
                d.certificateNumber ?? "—",
              ])}
            />
          );
        })}
      </>
    ),
  });
}

/* ------------------------------------------------------------------ */
/* /cisj/dossiers/:id                                                  */
/* ------------------------------------------------------------------ */

export interface DossierPageModel {
  chrome: PageChrome;
  trainee: Trainee;
  path: TraineePath;
  detail: DossierDetail;
  trainings: { id: string; code: string; title: string; category: keyof typeof TRAINING_CATEGORY_LABELS }[];
  today: string;
  values: Values;
  errors: FormErrors;
}

function v(values: Values, key: string): string | undefined {
  const value = values[key];
  return typeof value === "string" ? value : undefined;
}

function EquivalenceTable({ rows }: { rows: EquivalenceRow[] }): VNode {
  return (
    <DataTable
      caption="Équivalences enregistrées"
      captionHidden
      head={["Remplace", "Motif", "Date", "Enregistrée par"]}
      empty="Aucune équivalence."
      rows={rows.map((e) => [
        e.training
          ? `${e.training.code} – ${e.training.title}`
          : `Une formation ${e.category ? TRAINING_CATEGORY_LABELS[e.category] : ""}`,
        e.reason,
        formatDate(e.grantedOn),
        e.grantedByName ?? "",
      ])}
    />
  );
}

export function dossierPage(m: DossierPageModel): string {
  const name = traineeName(m.trainee);
  const { dossier, jury, certificate } = m.detail;
  const title = `Dossier CISJ ${elide("de", name)}`;
  const closed = dossier.status === "certifie";
  const parts = canEditParts(dossier.status, Boolean(dossier.memoireFilename));
  const values = m.values;
  const checkedParts = Array.isArray(values.parts)
    ? values.parts
    : typeof values.parts === "string"
      ? [values.parts]
      : dossier.checkedParts;
  const juryValue = (field: "Name" | "Role", i: number) =>
    v(values, `jury${field}${i}`) ??
    (values.soutenanceForm ? undefined : jury[i - 1]?.[field === "Name" ? "name" : "role"]);
  return renderPage({
    ...m.chrome,
    title,
    hasErrors: Object.keys(m.errors).length > 0,
    breadcrumbs: [
      { href: "/", label: "Accueil" },
      { href: "/cisj", label: "Dossiers CISJ" },
      { label: name },
    ],
    children: (
      <>
        <ErrorSummary errors={m.errors} />
        <PageHeader
          caption={m.trainee.associationName ?? "Dossier CISJ"}
          title={title}
          actions={
            <ButtonLink variant="secondary" href={`/formation/parcours/${m.trainee.id}`}>
              Voir le parcours détaillé
            </ButtonLink>
          }
        />
        <SummaryList
          rows={[
            { key: "Statut", value: <DossierStatusTag status={dossier.status} /> },
            { key: "Ouvert le", value: formatDate(dossier.openedAt) },
          ]}
        />

        <h2>Parcours de formation</h2>
        <ProgressSummary progress={m.path.progress} />

        <h2 id="equivalences">Équivalences</h2>
        <p>Une équivalence compte comme une formation validée du parcours, une seule fois.</p>
        <EquivalenceTable rows={m.path.equivalences} />
        {closed ? null : (
          <form method="post" action={`/cisj/dossiers/${dossier.id}/equivalences`} novalidate>
            <CsrfField token={m.chrome.csrfToken} />
            <fieldset class="fieldset">
              <legend class="legend">Enregistrer une équivalence</legend>
              <SelectField
                name="equivalenceTarget"
                label="Formation remplacée"
                emptyLabel="Choisir…"
                options={[
                  ...m.trainings.map((t) => ({
                    value: `training:${t.id}`,
                    label: `${t.code} – ${t.title} (${TRAINING_CATEGORY_LABELS[t.category]})`,
                  })),
                  ...TRAINING_CATEGORIES.map((c) => ({
                    value: `category:${c.code}`,
                    label: `Une ${c.singular}, sans formation précise`,
                  })),
                ]}
                value={v(values, "equivalenceTarget")}
                error={m.errors.equivalenceTarget}
              />
              <TextArea
                name="equivalenceReason"
                label="Motif de l'équivalence"
                hint="Par exemple : diplôme, formation suivie auprès d'un autre organisme, expérience reconnue."
                rows={3}
                value={v(values, "equivalenceReason")}
                error={m.errors.equivalenceReason}
              />
              <DateField
                name="equivalenceDate"
                label="Date de l'équivalence"
                value={v(values, "equivalenceDate") ?? m.today}
                error={m.errors.equivalenceDate}
              />
            </fieldset>
            <FormActions>
              <Button>Enregistrer l'équivalence</Button>
            </FormActions>
          </form>
        )}

        <h2 id="memoire">Mémoire</h2>
        <SummaryList
          rows={[{ key: "Fichier", value: memoireValue(m.detail, true) ?? "Pas encore déposé" }]}
        />
        {dossier.status === "soutenance_planifiee" || closed ? null : (
          <MemoireUploadForm
            action={`/cisj/dossiers/${dossier.id}/memoire`}
            csrfToken={m.chrome.csrfToken}
            error={m.errors.memoire}
            replacing={Boolean(dossier.memoireFilename)}
          />
        )}

        <h2 id="parties">Parties du mémoire</h2>
        {parts.ok ? (
          <form method="post" action={`/cisj/dossiers/${dossier.id}/parties`} novalidate>
            <CsrfField token={m.chrome.csrfToken} />
            <CheckboxGroup
              name="parts"
              legend="Parties présentes dans le mémoire"
              hint="Toutes les parties doivent être cochées avant de planifier la soutenance."
              options={MEMOIRE_PARTS.map((p) => ({ value: p.code, label: p.label }))}
              values={checkedParts}
              error={m.errors.parts}
            />
            <FormActions>
              <Button variant="secondary">Enregistrer les parties vérifiées</Button>
            </FormActions>
          </form>
        ) : (
          <>
            <p>{parts.message}.</p>
            {dossier.memoireFilename ? <PartsList checked={dossier.checkedParts} /> : null}
          </>
        )}

        <h2 id="soutenance">Soutenance et jury</h2>
        {closed ? (
          <SummaryList
            rows={[
              { key: "Date", value: formatDate(dossier.soutenanceDate) },
              { key: "Jury", value: <JuryList jury={jury} /> },
            ]}
          />
        ) : (
          <form method="post" action={`/cisj/dossiers/${dossier.id}/soutenance`} novalidate>
            <CsrfField token={m.chrome.csrfToken} />
            <input type="hidden" name="soutenanceForm" value="1" />
            {m.errors.soutenance ? (
              <div class="field field--error" id="f-soutenance" tabindex={-1}>
                <p class="field-error">
                  <span class="visually-hidden">Erreur : </span>
                  {m.errors.soutenance}
                </p>
              </div>
            ) : null}
            <DateField
              name="soutenanceDate"
              label="Date de la soutenance"
              value={v(values, "soutenanceDate") ?? dossier.soutenanceDate}
              error={m.errors.soutenanceDate}
            />
            <p class="hint">
              Le mémoire est soutenu devant un jury de professionnels : au moins {JURY_MIN_MEMBERS} membres,
              chacun avec son nom et sa fonction.
            </p>
            {Array.from({ length: JURY_MAX_MEMBERS }, (_, k) => k + 1).map((i) => (
              <fieldset class="fieldset" key={i}>
                <legend class="legend">
                  Membre {i} du jury{i > JURY_MIN_MEMBERS ? " (facultatif)" : ""}
                </legend>
                <TextField
                  name={`juryName${i}`}
                  label={`Nom du membre ${i}`}
                  value={juryValue("Name", i)}
                  error={m.errors[`juryName${i}`]}
                  width="medium"
                />
                <TextField
                  name={`juryRole${i}`}
                  label={`Fonction du membre ${i}`}
                  hint={
                    i === 1
                      ? "Par exemple : juge de l'application des peines, directrice d'un service socio-judiciaire"
                      : undefined
                  }
                  value={juryValue("Role", i)}
                  error={m.errors[`juryRole${i}`]}
                  width="long"
                />
              </fieldset>
            ))}
            <FormActions>
              <Button>
                {dossier.soutenanceDate ? "Enregistrer la soutenance" : "Planifier la soutenance"}
              </Button>
            </FormActions>
          </form>
        )}

        <h2 id="decision">Décision du jury</h2>
        {dossier.decision ? (
          <p>
            <strong>{DECISION_LABELS[dossier.decision]}</strong> le {formatDate(dossier.decidedOn)}
            {dossier.decisionComment ? ` – ${dossier.decisionComment}` : ""}
          </p>
        ) : null}
        {dossier.status === "soutenance_planifiee" ? (
          <form method="post" action={`/cisj/dossiers/${dossier.id}/decision`} novalidate>
            <CsrfField token={m.chrome.csrfToken} />
            <RadioGroup
              name="decision"
              legend="Décision"
              options={[
                { value: "admis", label: "Admis", hint: "Le certificat est délivré, avec son numéro." },
                {
                  value: "ajourne",
                  label: "Ajourné",
                  hint: "Le candidat pourra déposer un nouveau mémoire.",
                },
              ]}
              value={v(values, "decision")}
              error={m.errors.decision}
            />
            <TextArea
              name="decisionComment"
              label="Commentaire du jury"
              hint="Obligatoire en cas d'ajournement : ce que le candidat doit retravailler."
              rows={3}
              value={v(values, "decisionComment")}
              error={m.errors.decisionComment}
            />
            <FormActions>
              <Button confirm="Enregistrer la décision du jury ?">Enregistrer la décision</Button>
            </FormActions>
          </form>
        ) : dossier.decision ? null : (
          <p>La décision est enregistrée après la soutenance.</p>
        )}

        {certificate ? (
          <>
            <h2 id="certificat">Certificat</h2>
            {certificateValue(certificate, dossier.id)}
            {certificate.revoked ? (
              <p>
                Révoqué le {formatDate(certificate.revokedOn)} : {certificate.revocationReason}
              </p>
            ) : (
              <form method="post" action={`/cisj/dossiers/${dossier.id}/certificat/revoquer`} novalidate>
                <CsrfField token={m.chrome.csrfToken} />
                <TextArea
                  name="revocationReason"
                  label="Motif de révocation"
                  hint="La page de vérification publique indiquera alors « révoqué »."
                  rows={2}
                  value={v(values, "revocationReason")}
                  error={m.errors.revocationReason}
                />
                <FormActions>
                  <Button variant="warning" confirm="Révoquer ce certificat ?">
                    Révoquer le certificat
                  </Button>
                </FormActions>
              </form>
            )}
          </>
        ) : null}
      </>
    ),
  });
}

/* ------------------------------------------------------------------ */
/* /certificats/verifier (public)                                      */
/* ------------------------------------------------------------------ */

export interface VerificationPageModel {
  chrome: PageChrome;
  numero: string | undefined;
  error: string | undefined;
  result: PublicVerification | null;
  /** A well-formed number that no certificate carries. */
  unknown: boolean;
}

export function verificationPage(m: VerificationPageModel): string {
  const title = "Vérifier un certificat";
  return renderPage({
    ...m.chrome,
    title,
    hasErrors: Boolean(m.error),
    children: (
      <>
        <ErrorSummary errors={{ numero: m.error }} />
        <PageHeader caption="Certificat d'intervenant socio-judiciaire" title={title} />
        <p>Saisissez le numéro inscrit sur le certificat pour vérifier qu'il a bien été délivré.</p>
        <form method="get" action="/certificats/verifier" novalidate>
          <TextField
            name="numero"
            label="Numéro de certificat"
            hint="Par exemple CISJ-2026-00042"
            value={m.numero}
            error={m.error}
            width="medium"
            autocomplete="off"
            spellcheck={false}
          />
          <FormActions>
            <Button>Vérifier</Button>
          </FormActions>
        </form>
        {m.result ? (
          <section aria-labelledby="resultat">
            <h2 id="resultat">Certificat n° {m.result.number}</h2>
            <SummaryList
              rows={[
                { key: "Titulaire", value: m.result.holderName },
                { key: "Délivré le", value: formatDate(m.result.issuedOn) },
                {
                  key: "Validité",
                  value:
                    m.result.validity === "valide" ? (
                      <Tag tone="green">Valide</Tag>
                    ) : (
                      <Tag tone="red">Révoqué</Tag>
                    ),
                },
              ]}
            />
          </section>
        ) : m.unknown ? (
          <section aria-labelledby="resultat">
            <h2 id="resultat">Aucun certificat</h2>
            <p>Aucun certificat ne porte le numéro {m.numero}. Vérifiez la saisie.</p>
          </section>
        ) : null}
      </>
    ),
  });
}
