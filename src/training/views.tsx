import type { VNode } from "preact";
import type { Role } from "../accounts/tables.ts";
import { countOutOf, elide, plural } from "../platform/french.ts";
import type { PageChrome } from "../platform/page.ts";
import {
  DataTable,
  formatDate,
  Notice,
  Pagination,
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
  FormActions,
  type FormErrors,
  NumberField,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from "../platform/views/forms.tsx";
import type { Crumb } from "../platform/views/layout.tsx";
import { renderPage } from "../platform/views/layout.tsx";
import { PageHeader } from "../platform/views/page-header.tsx";
import { FUNDING_OPTIONS, fundingLabel } from "./form.ts";
import type {
  EnrolmentDetail,
  EnrolmentListRow,
  SessionDetail,
  SessionSummary,
  TraineeEnrolmentRow,
  TraineeOption,
  TrainingRow,
} from "./queries.ts";
import {
  HOURS_PER_DAY,
  type IsoDate,
  TRAINING_CATEGORIES,
  TRAINING_CATEGORY_LABELS,
  type TrainingCategory,
} from "./reference.ts";
import {
  type EnrolmentResultCode,
  enrolmentResult,
  sessionUsesTest,
  type ValidationBasis,
  validateTraining,
} from "./rules.ts";

type Values = Record<string, string | string[] | undefined>;

const str = (values: Values, k: string) =>
  typeof values[k] === "string" ? (values[k] as string) : undefined;

// ---------------------------------------------------------------------------------------------
// Small shared pieces
// ---------------------------------------------------------------------------------------------

export function traineeName(p: { traineeFirstName: string; traineeLastName: string }): string {
  return `${p.traineeFirstName} ${p.traineeLastName}`;
}

export function sessionDates(s: { startsOn: IsoDate; endsOn: IsoDate }): string {
  return s.startsOn === s.endsOn
    ? `le ${formatDate(s.startsOn)}`
    : `du ${formatDate(s.startsOn)} au ${formatDate(s.endsOn)}`;
}

export function sessionPlace(s: { place: string | null; distance: boolean }): string {
  if (s.distance) return s.place ? `À distance (${s.place})` : "À distance";
  return s.place ?? "";
}

function durationLabel(t: { durationDays: number; hours: number }): string {
  return `${plural(t.durationDays, "jour")} – ${t.hours} h`;
}

export function FreePlaces({
  s,
}: {
  s: Pick<SessionSummary, "capacity" | "enrolled" | "waiting" | "status">;
}) {
  if (s.status === "annulee") return <Tag tone="red">Session annulée</Tag>;
  const free = s.capacity - s.enrolled;
  if (free > 0) return <Tag tone="green">{plural(free, "place libre", "places libres")}</Tag>;
  return (
    <Tag tone="orange">
      Complet{s.waiting > 0 ? ` – ${plural(s.waiting, "personne", "personnes")} en liste d'attente` : ""}
    </Tag>
  );
}

export function enrolmentStatusLabel(status: string, position: number | null): string {
  if (status === "inscrit") return "Inscrit·e";
  if (status === "liste_attente") return `Liste d'attente${position ? ` (position ${position})` : ""}`;
  return "Annulée";
}

const RESULT_TONES: Record<EnrolmentResultCode, TagTone> = {
  cancelled: "grey",
  waiting: "orange",
  upcoming: "blue",
  validated_test: "green",
  validated_attendance: "green",
  validated_equivalence: "green",
  test_refused: "red",
  test_failed: "red",
  attendance_insufficient: "red",
  test_pending: "orange",
  result_pending: "grey",
};

export function ResultTag({
  row,
  today,
}: {
  row: {
    status: "inscrit" | "liste_attente" | "annule";
    sessionCancelled: boolean;
    startsOn: IsoDate;
    endsOn: IsoDate;
    attendanceRate: number | null;
    testScore: number | null;
    testRefused: boolean;
    validated: boolean;
    validationBasis: ValidationBasis | null;
  };
  today: IsoDate;
}): VNode {
  const r = enrolmentResult({
    ...row,
    sessionStart: row.startsOn,
    sessionEnd: row.endsOn,
    today,
  });
  return <Tag tone={RESULT_TONES[r.code]}>{r.label}</Tag>;
}

function percent(value: number | null): string {
  return value === null ? "" : `${String(value).replace(".", ",")} %`;
}

const catalogueCrumb: Crumb = { href: "/formation", label: "Formations" };

function trainingCrumbs(t: { id: string; code: string; title: string }, last?: string): Crumb[] {
  const crumbs: Crumb[] = [{ href: "/", label: "Accueil" }, catalogueCrumb];
  if (last)
    crumbs.push({ href: `/formation/formations/${t.id}`, label: `${t.code} ${t.title}` }, { label: last });
  else crumbs.push({ label: `${t.code} ${t.title}` });
  return crumbs;
}

function sessionCrumbs(d: SessionDetail, last?: string): Crumb[] {
  const label = `Session ${sessionDates(d.session)}`;
  const crumbs: Crumb[] = [
    { href: "/", label: "Accueil" },
    catalogueCrumb,
    { href: `/formation/formations/${d.training.id}`, label: `${d.training.code} ${d.training.title}` },
  ];
  if (last) crumbs.push({ href: `/formation/sessions/${d.session.id}`, label }, { label: last });
  else crumbs.push({ label });
  return crumbs;
}

// ---------------------------------------------------------------------------------------------
// Catalogue
// ---------------------------------------------------------------------------------------------

export interface CatalogueModel {
  chrome: PageChrome;
  role: Role;
  trainings: {
    id: string;
    code: string;
    title: string;
    category: TrainingCategory;
    durationDays: number;
    hours: number;
    countsForCisj: boolean;
    active: boolean;
    upcomingSessions: number;
  }[];
  sessions: (SessionSummary & { trainingCode: string; trainingTitle: string })[];
}

export function cataloguePage(m: CatalogueModel): string {
  const manage = m.role === "formation";
  const trainee = m.role === "intervenant" || m.role === "chef_service";
  const visible = manage ? m.trainings : m.trainings.filter((t) => t.active);
  return renderPage({
    ...m.chrome,
    title: "Formations",
    breadcrumbs: [{ href: "/", label: "Accueil" }, { label: "Formations" }],
    children: (
      <>
        <PageHeader
          title="Formations"
          caption="Catalogue du service Formation de la fédération"
          actions={
            manage ? (
              <>
                <ButtonLink href="/formation/formations/nouvelle">Ajouter une formation</ButtonLink>
                <ButtonLink variant="secondary" href="/formation/inscriptions">
                  Toutes les inscriptions
                </ButtonLink>
              </>
            ) : trainee ? (
              <ButtonLink variant="secondary" href="/formation/mes-inscriptions">
                Mes inscriptions
              </ButtonLink>
            ) : m.role === "direction" ? (
              <ButtonLink variant="secondary" href="/formation/inscriptions">
                Inscriptions de l'équipe
              </ButtonLink>
            ) : null
          }
        />
        <h2>Prochaines sessions</h2>
        <DataTable
          caption="Prochaines sessions"
          captionHidden
          head={["Formation", "Dates", "Lieu", "Places"]}
          empty="Aucune session programmée."
          rows={m.sessions.map((s) => [
            <a href={`/formation/sessions/${s.id}`}>
              {s.trainingCode} – {s.trainingTitle}
            </a>,
            sessionDates(s),
            sessionPlace(s),
            <FreePlaces s={s} />,
          ])}
        />
        {TRAINING_CATEGORIES.map((c) => {
          const rows = visible.filter((t) => t.category === c.code);
          return (
            <section key={c.code} aria-labelledby={`categorie-${c.code}`}>
              <h2 id={`categorie-${c.code}`}>
                {c.label} ({c.code})
              </h2>
              <p class="hint">{c.description}</p>
              <DataTable
                caption={`Formations ${c.label}`}
                captionHidden
                head={["Code et intitulé", "Durée", "Certificat CISJ", "Sessions à venir"]}
                numericColumns={[3]}
                empty="Aucune formation dans cette catégorie."
                rows={rows.map((t) => [
                  <>
                    <a href={`/formation/formations/${t.id}`}>
                      {t.code} – {t.title}
                    </a>
                    {t.active ? null : (
                      <>
                        {" "}
                        <Tag>Retirée du catalogue</Tag>
                      </>
                    )}
                  </>,
                  durationLabel(t),
                  t.countsForCisj ? <Tag tone="blue">Compte pour le CISJ</Tag> : "Hors CISJ",
                  String(t.upcomingSessions),
                ])}
              />
            </section>
          );
        })}
      </>
    ),
  });
}

// ---------------------------------------------------------------------------------------------
// One training
// ---------------------------------------------------------------------------------------------

export interface TrainingPageModel {
  chrome: PageChrome;
  role: Role;
  training: TrainingRow;
  sessions: SessionSummary[];
  questionCount: number;
  today: IsoDate;
}

export function trainingPage(m: TrainingPageModel): string {
  const t = m.training;
  const manage = m.role === "formation";
  const sessions = manage ? m.sessions : m.sessions.filter((s) => s.endsOn >= m.today);
  return renderPage({
    ...m.chrome,
    title: `${t.code} ${t.title}`,
    breadcrumbs: trainingCrumbs(t),
    children: (
      <>
        <PageHeader
          caption={`Formation ${TRAINING_CATEGORY_LABELS[t.category]}`}
          title={`${t.code} – ${t.title}`}
          actions={
            manage ? (
              <>
                <ButtonLink href={`/formation/formations/${t.id}/sessions/nouvelle`}>
                  Programmer une session
                </ButtonLink>
                <ButtonLink variant="secondary" href={`/formation/formations/${t.id}/test`}>
                  {m.questionCount > 0 ? "Modifier le test" : "Rédiger le test"}
                </ButtonLink>
                <ButtonLink variant="secondary" href={`/formation/formations/${t.id}/modifier`}>
                  Modifier la formation
                </ButtonLink>
              </>
            ) : null
          }
        />
        <SummaryList
          rows={[
            { key: "Code", value: t.code },
            { key: "Catégorie", value: `${TRAINING_CATEGORY_LABELS[t.category]} (${t.category})` },
            { key: "Durée", value: durationLabel(t) },
            {
              key: "Certificat CISJ",
              value: t.countsForCisj ? "Compte pour le certificat" : "Ne compte pas pour le certificat",
            },
            {
              key: "Objectifs",
              value: t.objectives ? t.objectives.split("\n").map((line) => <p key={line}>{line}</p>) : null,
            },
            ...(manage
              ? [
                  {
                    key: "Test d'évaluation des connaissances",
                    value:
                      m.questionCount > 0
                        ? plural(m.questionCount, "question", "questions")
                        : "Pas encore rédigé",
                  },
                ]
              : []),
          ]}
        />
        <h2>{manage ? "Sessions" : "Sessions à venir"}</h2>
        <DataTable
          caption={manage ? "Sessions de la formation" : "Sessions à venir"}
          captionHidden
          head={["Dates", "Lieu", "Inscrits", "Places"]}
          numericColumns={[2]}
          empty="Aucune session programmée."
          rows={sessions.map((s) => [
            <a href={`/formation/sessions/${s.id}`}>{sessionDates(s)}</a>,
            sessionPlace(s),
            `${s.enrolled} / ${s.capacity}`,
            s.endsOn < m.today && s.status !== "annulee" ? <Tag>Terminée</Tag> : <FreePlaces s={s} />,
          ])}
        />
      </>
    ),
  });
}

export interface TrainingFormModel {
  chrome: PageChrome;
  values: Values;
  errors: FormErrors;
  training?: TrainingRow;
}

export function trainingFormPage({ chrome, values, errors, training }: TrainingFormModel): string {
  const title = training ? "Modifier la formation" : "Ajouter une formation";
  const v = (k: string) => str(values, k);
  const action = training
    ? `/formation/formations/${training.id}/modifier`
    : "/formation/formations/nouvelle";
  return renderPage({
    ...chrome,
    title,
    hasErrors: Object.keys(errors).length > 0,
    breadcrumbs: training
      ? trainingCrumbs(training, title)
      : [{ href: "/", label: "Accueil" }, catalogueCrumb, { label: title }],
    children: (
      <>
        <ErrorSummary errors={errors} />
        <PageHeader title={title} />
        <form method="post" action={action} novalidate>
          <CsrfField token={chrome.csrfToken} />
          <TextField
            name="code"
            label="Code"
            hint="Unique dans le catalogue, par exemple TC07"
            value={v("code")}
            error={errors.code}
            width="short"
          />
          <TextField name="title" label="Intitulé" value={v("title")} error={errors.title} width="long" />
          <RadioGroup
            name="category"
            legend="Catégorie"
            options={TRAINING_CATEGORIES.map((c) => ({
              value: c.code,
              label: `${c.label} (${c.code})`,
              hint: c.description,
            }))}
            value={v("category")}
            error={errors.category}
          />
          <NumberField
            name="durationDays"
            label="Durée en jours"
            hint="De 2 à 6 jours"
            value={v("durationDays")}
            error={errors.durationDays}
            min={1}
            max={10}
          />
          <NumberField
            name="hours"
            label="Nombre d'heures (facultatif)"
            hint={`Par défaut ${HOURS_PER_DAY} heures par jour`}
            value={v("hours")}
            error={errors.hours}
            min={1}
          />
          <TextArea
            name="objectives"
            label="Objectifs pédagogiques (facultatif)"
            value={v("objectives")}
            error={errors.objectives}
            rows={6}
          />
          <Checkbox
            name="countsForCisj"
            label="Compte pour le certificat d'intervenant socio-judiciaire (CISJ)"
            checked={values.countsForCisj !== undefined}
            error={errors.countsForCisj}
          />
          <FormActions>
            <Button>{training ? "Enregistrer les modifications" : "Enregistrer la formation"}</Button>
            <a href={training ? `/formation/formations/${training.id}` : "/formation"}>Annuler</a>
          </FormActions>
        </form>
      </>
    ),
  });
}

// ---------------------------------------------------------------------------------------------
// Sessions
// ---------------------------------------------------------------------------------------------

export interface SessionFormModel {
  chrome: PageChrome;
  training: TrainingRow;
  values: Values;
  errors: FormErrors;
  detail?: SessionDetail;
}

export function sessionFormPage({ chrome, training, values, errors, detail }: SessionFormModel): string {
  const title = detail ? "Modifier la session" : "Programmer une session";
  const v = (k: string) => str(values, k);
  const action = detail
    ? `/formation/sessions/${detail.session.id}/modifier`
    : `/formation/formations/${training.id}/sessions/nouvelle`;
  return renderPage({
    ...chrome,
    title,
    hasErrors: Object.keys(errors).length > 0,
    breadcrumbs: detail ? sessionCrumbs(detail, title) : trainingCrumbs(training, title),
    children: (
      <>
        <ErrorSummary errors={errors} />
        <PageHeader caption={`${training.code} – ${training.title}`} title={title} />
        <form method="post" action={action} novalidate>
          <CsrfField token={chrome.csrfToken} />
          <DateField name="startsOn" label="Premier jour" value={v("startsOn")} error={errors.startsOn} />
          <DateField name="endsOn" label="Dernier jour" value={v("endsOn")} error={errors.endsOn} />
          <TextField
            name="place"
            label="Lieu"
            hint="Ville et adresse, ou outil de visioconférence pour une session à distance"
            value={v("place")}
            error={errors.place}
            width="long"
          />
          <Checkbox
            name="distance"
            label="Session à distance"
            checked={values.distance !== undefined}
            error={errors.distance}
          />
          <TextField
            name="trainers"
            label="Formateurs et formatrices (facultatif)"
            value={v("trainers")}
            error={errors.trainers}
            width="long"
          />
          <NumberField
            name="capacity"
            label="Nombre de places"
            value={v("capacity")}
            error={errors.capacity}
            min={1}
          />
          <FormActions>
            <Button>{detail ? "Enregistrer les modifications" : "Enregistrer la session"}</Button>
            <a
              href={
                detail ? `/formation/sessions/${detail.session.id}` : `/formation/formations/${training.id}`
              }
            >
              Annuler
            </a>
          </FormActions>
        </form>
      </>
    ),
  });
}

export interface SessionPageModel {
  chrome: PageChrome;
  role: Role;
  userId: string;
  detail: SessionDetail;
  /** The enrolments this user may see (all, their staff's, or their own). */
  enrolments: EnrolmentListRow[];
  /** People this user may enrol (empty for a trainee, who enrols themself). */
  traineeOptions: TraineeOption[];
  values: Values;
  errors: FormErrors;
  today: IsoDate;
}

function CancelEnrolmentButton({
  chrome,
  enrolmentId,
  label,
}: {
  chrome: PageChrome;
  enrolmentId: string;
  label: string;
}) {
  return (
    <form method="post" action={`/formation/inscriptions/${enrolmentId}/annulation`}>
      <CsrfField token={chrome.csrfToken} />
      <Button variant="secondary" small confirm="Annuler cette inscription ?">
        {label}
      </Button>
    </form>
  );
}

function FundingChoice({ values, errors }: { values: Values; errors: FormErrors }) {
  return (
    <RadioGroup
      name="funding"
      legend="Financement"
      hint="Le parcours du certificat n'est pas finançable par le compte personnel de formation."
      options={FUNDING_OPTIONS.map((f) => ({ value: f.code, label: f.label }))}
      value={str(values, "funding")}
      error={errors.funding}
    />
  );
}

export function sessionPage(m: SessionPageModel): string {
  const { session, training } = m.detail;
  const manage = m.role === "formation";
  const trainee = m.role === "intervenant" || m.role === "chef_service";
  const started = session.startsOn <= m.today;
  const open = session.status !== "annulee";
  const canEnrol = open && (manage || !started);
  const mine = m.enrolments.find((e) => e.traineeId === m.userId && e.status !== "annule");
  const placed = m.enrolments.filter((e) => e.status === "inscrit");
  const waiting = m.enrolments.filter((e) => e.status === "liste_attente");
  const title = `${training.code} – ${training.title}`;
  const full = session.enrolled >= session.capacity;
  const cancellable = () => open && (manage || !started);
  return renderPage({
    ...m.chrome,
    title: `Session ${sessionDates(session)} – ${training.code}`,
    hasErrors: Object.keys(m.errors).length > 0,
    breadcrumbs: sessionCrumbs(m.detail),
    children: (
      <>
        <ErrorSummary errors={m.errors} />
        <PageHeader
          caption={`Session ${sessionDates(session)}`}
          title={title}
          actions={
            manage ? (
              <>
                <ButtonLink href={`/formation/sessions/${session.id}/resultats`}>
                  Saisir les résultats
                </ButtonLink>
                <ButtonLink variant="secondary" href={`/formation/sessions/${session.id}/modifier`}>
                  Modifier la session
                </ButtonLink>
              </>
            ) : null
          }
        />
        <SummaryList
          rows={[
            { key: "Dates", value: sessionDates(session) },
            { key: "Lieu", value: sessionPlace(session) },
            { key: "Formateurs", value: session.trainers },
            { key: "Durée de la formation", value: durationLabel(training) },
            {
              key: "Places",
              value: countOutOf(session.enrolled, session.capacity, "inscrit·e", "inscrit·es"),
            },
            {
              key: "État",
              value:
                session.status === "annulee" ? (
                  <Tag tone="red">Session annulée</Tag>
                ) : session.endsOn < m.today ? (
                  <Tag>Terminée</Tag>
                ) : (
                  <FreePlaces s={session} />
                ),
            },
          ]}
        />

        {trainee ? (
          <section aria-labelledby="mon-inscription">
            <h2 id="mon-inscription">Mon inscription</h2>
            {mine ? (
              <>
                <p>
                  {mine.status === "inscrit"
                    ? "Vous êtes inscrit·e à cette session."
                    : `Vous êtes sur la liste d'attente, en position ${mine.waitingPosition}.`}{" "}
                  <a href={`/formation/inscriptions/${mine.id}`}>Voir mon inscription</a>
                </p>
                {open && !started ? (
                  <CancelEnrolmentButton
                    chrome={m.chrome}
                    enrolmentId={mine.id}
                    label="Annuler mon inscription"
                  />
                ) : null}
              </>
            ) : canEnrol ? (
              <form method="post" action={`/formation/sessions/${session.id}/inscription`} novalidate>
                <CsrfField token={m.chrome.csrfToken} />
                {full ? (
                  <Notice tone="warning">
                    La session est complète : votre inscription sera placée sur la liste d'attente.
                  </Notice>
                ) : null}
                <FundingChoice values={m.values} errors={m.errors} />
                <FormActions>
                  <Button>M'inscrire</Button>
                </FormActions>
              </form>
            ) : (
              <p>Les inscriptions à cette session sont closes.</p>
            )}
          </section>
        ) : null}

        {(m.role === "direction" || manage) && canEnrol ? (
          <section aria-labelledby="inscrire">
            <h2 id="inscrire">{manage ? "Inscrire un·e intervenant·e" : "Inscrire un·e salarié·e"}</h2>
            <form method="post" action={`/formation/sessions/${session.id}/inscription`} novalidate>
              <CsrfField token={m.chrome.csrfToken} />
              {full ? (
                <Notice tone="warning">
                  La session est complète : l'inscription sera placée sur la liste d'attente.
                </Notice>
              ) : null}
              <SelectField
                name="traineeId"
                label={manage ? "Intervenant·e" : "Salarié·e de l'association"}
                emptyLabel="Choisir…"
                options={m.traineeOptions.map((t) => ({
                  value: t.id,
                  label: `${t.lastName.toLocaleUpperCase("fr-FR")} ${t.firstName}${manage && t.associationName ? ` – ${t.associationName}` : ""}`,
                }))}
                value={str(m.values, "traineeId")}
                error={m.errors.traineeId}
              />
              <FundingChoice values={m.values} errors={m.errors} />
              {manage ? (
                <DateField
                  name="enrolledOn"
                  label="Date d'inscription (facultatif)"
                  hint="Pour une session passée, le jour où la personne s'était inscrite ; aujourd'hui si vide."
                  value={str(m.values, "enrolledOn")}
                  error={m.errors.enrolledOn}
                />
              ) : null}
              <FormActions>
                <Button>Inscrire</Button>
              </FormActions>
            </form>
          </section>
        ) : null}

        {!trainee ? (
          <>
            <h2>{manage ? "Inscrits" : "Salarié·es inscrit·es"}</h2>
            <DataTable
              caption="Inscrits à la session"
              captionHidden
              head={["Nom", "Association", "Financement", "Inscrit·e le", "Actions"]}
              empty="Aucune inscription."
              rows={placed.map((e) => [
                <a href={`/formation/inscriptions/${e.id}`}>{traineeName(e)}</a>,
                e.associationName ?? "",
                fundingLabel(e.funding),
                formatDate(e.enrolledAt),
                cancellable() ? (
                  <CancelEnrolmentButton
                    chrome={m.chrome}
                    enrolmentId={e.id}
                    label={`Annuler l'inscription ${elide("de", traineeName(e))}`}
                  />
                ) : (
                  ""
                ),
              ])}
            />
            <h2>Liste d'attente</h2>
            <DataTable
              caption="Liste d'attente"
              captionHidden
              head={["Position", "Nom", "Association", "Inscrit·e le", "Actions"]}
              empty="Personne en liste d'attente."
              rows={waiting.map((e) => [
                String(e.waitingPosition),
                <a href={`/formation/inscriptions/${e.id}`}>{traineeName(e)}</a>,
                e.associationName ?? "",
                formatDate(e.enrolledAt),
                cancellable() ? (
                  <CancelEnrolmentButton
                    chrome={m.chrome}
                    enrolmentId={e.id}
                    label={`Retirer ${traineeName(e)} de la liste d'attente`}
                  />
                ) : (
                  ""
                ),
              ])}
            />
          </>
        ) : null}

        {manage && open ? (
          <section aria-labelledby="annuler-session">
            <h2 id="annuler-session">Annuler la session</h2>
            <p>Les inscriptions et la liste d'attente seront annulées.</p>
            <form method="post" action={`/formation/sessions/${session.id}/annulation`}>
              <CsrfField token={m.chrome.csrfToken} />
              <Button variant="warning" confirm="Annuler la session et toutes ses inscriptions ?">
                Annuler la session
              </Button>
            </form>
          </section>
        ) : null}
      </>
    ),
  });
}

// ---------------------------------------------------------------------------------------------
// Results of a session (training service)
// ---------------------------------------------------------------------------------------------

export interface ResultsPageModel {
  chrome: PageChrome;
  detail: SessionDetail;
  rows: EnrolmentListRow[];
  /** Latest online attempt per enrolment id. */
  attempts: Record<string, { score: number; correctCount: number; questionCount: number; submittedAt: Date }>;
  retakes: Set<string>;
  values: Values;
  errors: FormErrors;
  today: IsoDate;
}

/** The values of the results form as stored. */
export function resultValues(rows: EnrolmentListRow[], attempts: ResultsPageModel["attempts"]): Values {
  const values: Values = {};
  const frenchNumber = (n: number) => String(n).replace(".", ",");
  for (const r of rows) {
    if (r.attendanceRate !== null) values[`attendance-${r.id}`] = frenchNumber(r.attendanceRate);
    const score = r.testScore ?? (r.testRefused ? null : (attempts[r.id]?.score ?? null));
    if (score !== null) values[`score-${r.id}`] = frenchNumber(score);
    if (r.testRefused) values[`refused-${r.id}`] = "1";
    if (r.equivalenceReason) {
      values[`equivalence-${r.id}`] = "1";
      values[`reason-${r.id}`] = r.equivalenceReason;
    }
  }
  return values;
}

export function resultsPage(m: ResultsPageModel): string {
  const { session, training } = m.detail;
  const usesTest = sessionUsesTest(session.startsOn);
  const v = (k: string) => str(m.values, k);
  return renderPage({
    ...m.chrome,
    title: `Résultats – ${training.code} ${sessionDates(session)}`,
    hasErrors: Object.keys(m.errors).length > 0,
    breadcrumbs: sessionCrumbs(m.detail, "Résultats"),
    children: (
      <>
        <ErrorSummary errors={m.errors} />
        <PageHeader
          caption={`${training.code} – ${training.title}, ${sessionDates(session)}`}
          title="Résultats"
        />
        <p>
          {usesTest
            ? "Session de 2012 ou après : la formation est validée par un score d'au moins 50 % au test d'évaluation des connaissances (50 % valide). Le taux de présence est noté pour l'attestation."
            : "Session antérieure à 2012 : la formation est validée par une présence d'au moins 75 % (75 % valide)."}{" "}
          Une équivalence accordée par le service Formation valide aussi la formation.
        </p>
        {m.rows.length === 0 ? (
          <p>Aucun stagiaire inscrit à cette session.</p>
        ) : (
          <form method="post" action={`/formation/sessions/${session.id}/resultats`} novalidate>
            <CsrfField token={m.chrome.csrfToken} />
            {m.rows.map((r) => {
              const name = traineeName(r);
              const attempt = m.attempts[r.id];
              const current = validateTraining({
                sessionStart: session.startsOn,
                attendanceRate: r.attendanceRate,
                testScore: r.testScore,
                testRefused: r.testRefused,
                equivalence: r.equivalenceReason ? { reason: r.equivalenceReason } : null,
              });
              return (
                <fieldset class="fieldset" key={r.id}>
                  <legend class="legend legend--large">
                    {name}
                    {r.associationName ? ` – ${r.associationName}` : ""}
                  </legend>
                  <p>
                    <ResultTag
                      row={{
                        ...r,
                        sessionCancelled: session.status === "annulee",
                        startsOn: session.startsOn,
                        endsOn: session.endsOn,
                      }}
                      today={m.today}
                    />{" "}
                    <span class="hint">{current.reason}</span>
                  </p>
                  <TextField
                    name={`attendance-${r.id}`}
                    label={`Taux de présence ${elide("de", name)} (%)`}
                    hint="De 0 à 100, par exemple 87,5"
                    value={v(`attendance-${r.id}`)}
                    error={m.errors[`attendance-${r.id}`]}
                    width="short"
                    inputmode="decimal"
                  />
                  {usesTest ? (
                    <>
                      <TextField
                        name={`score-${r.id}`}
                        label={`Score ${elide("de", name)} au test (%)`}
                        hint={
                          attempt
                            ? `Test passé en ligne le ${formatDate(attempt.submittedAt)} : ${countOutOf(attempt.correctCount, attempt.questionCount, "bonne réponse", "bonnes réponses")}, soit ${percent(attempt.score)}`
                            : "De 0 à 100, par exemple 62,5"
                        }
                        value={v(`score-${r.id}`)}
                        error={m.errors[`score-${r.id}`]}
                        width="short"
                        inputmode="decimal"
                      />
                      <Checkbox
                        name={`refused-${r.id}`}
                        label={`${name} a refusé de passer le test`}
                        checked={m.values[`refused-${r.id}`] !== undefined}
                        error={m.errors[`refused-${r.id}`]}
                      />
                    </>
                  ) : null}
                  <Checkbox
                    name={`equivalence-${r.id}`}
                    label={`Équivalence accordée à ${name} par le service Formation`}
                    checked={m.values[`equivalence-${r.id}`] !== undefined}
                    error={m.errors[`equivalence-${r.id}`]}
                  />
                  <TextField
                    name={`reason-${r.id}`}
                    label={`Motif de l'équivalence ${elide("de", name)}`}
                    value={v(`reason-${r.id}`)}
                    error={m.errors[`reason-${r.id}`]}
                    width="long"
                  />
                </fieldset>
              );
            })}
            <FormActions>
              <Button>Enregistrer les résultats</Button>
              <a href={`/formation/sessions/${session.id}`}>Annuler</a>
            </FormActions>
          </form>
        )}
        {usesTest && m.rows.some((r) => m.attempts[r.id]) ? (
          <section aria-labelledby="nouvel-essai">
            <h2 id="nouvel-essai">Nouvel essai au test</h2>
            <p>Un stagiaire ne repasse le test que si le service Formation l'autorise.</p>
            <ul class="plain-list">
              {m.rows
                .filter((r) => m.attempts[r.id])
                .map((r) => (
                  <li key={r.id}>
                    {m.retakes.has(r.id) ? (
                      <p>
                        {traineeName(r)} : <Tag tone="blue">Nouvel essai autorisé</Tag>
                      </p>
                    ) : (
                      <form method="post" action={`/formation/inscriptions/${r.id}/nouvel-essai`}>
                        <CsrfField token={m.chrome.csrfToken} />
                        <Button variant="secondary" small>
                          Autoriser un nouvel essai pour {traineeName(r)}
                        </Button>
                      </form>
                    )}
                  </li>
                ))}
            </ul>
          </section>
        ) : null}
      </>
    ),
  });
}

// ---------------------------------------------------------------------------------------------
// One enrolment
// ---------------------------------------------------------------------------------------------

export interface EnrolmentPageModel {
  chrome: PageChrome;
  detail: EnrolmentDetail;
  own: boolean;
  canCancel: boolean;
  /** Null when the trainee may take the test now, else why not (only shown to the trainee). */
  testRefusal: string | null;
  canRefuseTest: boolean;
  attempts: { score: number; correctCount: number; questionCount: number; submittedAt: Date }[];
  retakeAllowed: boolean;
  today: IsoDate;
}

export function enrolmentPage(m: EnrolmentPageModel): string {
  const { enrolment: e, session, training } = m.detail;
  const usesTest = sessionUsesTest(session.startsOn);
  const v = validateTraining({
    sessionStart: session.startsOn,
    attendanceRate: e.attendanceRate,
    testScore: e.testScore,
    testRefused: e.testRefused,
    equivalence: e.equivalenceReason ? { reason: e.equivalenceReason } : null,
  });
  const ended = session.endsOn <= m.today;
  const title = m.own ? "Mon inscription" : `Inscription ${elide("de", traineeName(e))}`;
  return renderPage({
    ...m.chrome,
    title: `${title} – ${training.code}`,
    breadcrumbs: [
      { href: "/", label: "Accueil" },
      catalogueCrumb,
      m.own
        ? { href: "/formation/mes-inscriptions", label: "Mes inscriptions" }
        : { href: "/formation/inscriptions", label: "Inscriptions" },
      { label: `${training.code} ${sessionDates(session)}` },
    ],
    children: (
      <>
        <PageHeader caption={`${training.code} – ${training.title}`} title={title} />
        {m.own && m.testRefusal === null ? (
          <Notice title="Le test d'évaluation des connaissances est ouvert">
            <p>
              <a href={`/formation/inscriptions/${e.id}/test`}>Passer le test</a>
            </p>
          </Notice>
        ) : null}
        <SummaryList
          rows={[
            { key: "Stagiaire", value: traineeName(e) },
            { key: "Association", value: e.associationName },
            {
              key: "Session",
              value: <a href={`/formation/sessions/${session.id}`}>{sessionDates(session)}</a>,
            },
            { key: "Lieu", value: sessionPlace(session) },
            { key: "Inscription", value: enrolmentStatusLabel(e.status, m.detail.waitingPosition) },
            { key: "Financement", value: fundingLabel(e.funding) },
            { key: "Taux de présence", value: percent(e.attendanceRate) },
            ...(usesTest
              ? [
                  {
                    key: "Test d'évaluation des connaissances",
                    value: e.testRefused
                      ? "Refus du test"
                      : e.testScore !== null
                        ? `Score : ${percent(e.testScore)}`
                        : ended
                          ? "Pas encore passé"
                          : "Ouvert à la fin de la session",
                  },
                ]
              : []),
            ...(e.equivalenceReason ? [{ key: "Équivalence", value: e.equivalenceReason }] : []),
            {
              key: "Résultat",
              value: (
                <>
                  <ResultTag
                    row={{
                      ...e,
                      sessionCancelled: session.status === "annulee",
                      startsOn: session.startsOn,
                      endsOn: session.endsOn,
                    }}
                    today={m.today}
                  />
                  {ended && e.status === "inscrit" ? <p class="hint">{v.reason}</p> : null}
                </>
              ),
            },
          ]}
        />
        {m.attempts.length > 0 ? (
          <>
            <h2>Essais au test</h2>
            <DataTable
              caption="Essais au test"
              captionHidden
              head={["Date", "Bonnes réponses", "Score"]}
              rows={m.attempts.map((a) => [
                formatDate(a.submittedAt),
                `${a.correctCount} sur ${a.questionCount}`,
                percent(a.score),
              ])}
            />
            {m.retakeAllowed ? <p>Le service Formation a autorisé un nouvel essai.</p> : null}
          </>
        ) : null}
        {m.own && m.canRefuseTest ? (
          <form method="post" action={`/formation/inscriptions/${e.id}/refus-test`}>
            <CsrfField token={m.chrome.csrfToken} />
            <Button
              variant="secondary"
              confirm="Sans test, la formation ne sera pas validée. Confirmez-vous le refus ?"
            >
              Je refuse de passer le test
            </Button>
          </form>
        ) : null}
        {m.canCancel ? (
          <CancelEnrolmentButton
            chrome={m.chrome}
            enrolmentId={e.id}
            label={m.own ? "Annuler mon inscription" : "Annuler l'inscription"}
          />
        ) : null}
      </>
    ),
  });
}

// ---------------------------------------------------------------------------------------------
// Lists of enrolments
// ---------------------------------------------------------------------------------------------

function resultRow(r: TraineeEnrolmentRow) {
  return { ...r, sessionCancelled: r.sessionStatus === "annulee" };
}

export function myEnrolmentsPage(m: {
  chrome: PageChrome;
  rows: TraineeEnrolmentRow[];
  /** Enrolments whose test can be taken now. */
  testOpen: Set<string>;
  today: IsoDate;
}): string {
  return renderPage({
    ...m.chrome,
    title: "Mes inscriptions",
    breadcrumbs: [{ href: "/", label: "Accueil" }, catalogueCrumb, { label: "Mes inscriptions" }],
    children: (
      <>
        <PageHeader
          title="Mes inscriptions"
          actions={
            <ButtonLink variant="secondary" href="/formation">
              Voir le catalogue
            </ButtonLink>
          }
        />
        <DataTable
          caption="Mes inscriptions aux formations"
          captionHidden
          head={["Formation", "Session", "Inscription", "Résultat", "Test"]}
          empty="Vous n'êtes inscrit·e à aucune session."
          rows={m.rows.map((r) => [
            <a href={`/formation/inscriptions/${r.id}`}>
              {r.trainingCode} – {r.trainingTitle}
            </a>,
            sessionDates(r),
            enrolmentStatusLabel(r.status, r.waitingPosition),
            <ResultTag row={resultRow(r)} today={m.today} />,
            m.testOpen.has(r.id) ? (
              <a href={`/formation/inscriptions/${r.id}/test`}>
                Passer le test<span class="visually-hidden"> de la formation {r.trainingCode}</span>
              </a>
            ) : r.testScore !== null ? (
              percent(r.testScore)
            ) : (
              ""
            ),
          ])}
        />
      </>
    ),
  });
}

export function enrolmentListPage(m: {
  chrome: PageChrome;
  role: Role;
  rows: TraineeEnrolmentRow[];
  page: number;
  pageCount: number;
  total: number;
  today: IsoDate;
}): string {
  const title = m.role === "direction" ? "Inscriptions de l'équipe" : "Toutes les inscriptions";
  return renderPage({
    ...m.chrome,
    title,
    wide: true,
    breadcrumbs: [{ href: "/", label: "Accueil" }, catalogueCrumb, { label: title }],
    children: (
      <>
        <PageHeader title={title} />
        <DataTable
          caption={plural(m.total, "inscription")}
          head={["Stagiaire", "Formation", "Session", "Inscription", "Financement", "Résultat"]}
          empty="Aucune inscription."
          rows={m.rows.map((r) => [
            <a href={`/formation/inscriptions/${r.id}`}>{traineeName(r)}</a>,
            `${r.trainingCode} – ${r.trainingTitle}`,
            sessionDates(r),
            enrolmentStatusLabel(r.status, r.waitingPosition),
            fundingLabel(r.funding),
            <ResultTag row={resultRow(r)} today={m.today} />,
          ])}
        />
        <Pagination
          page={m.page}
          pageCount={m.pageCount}
          hrefFor={(page) => `/formation/inscriptions?page=${page}`}
        />
      </>
    ),
  });
}
