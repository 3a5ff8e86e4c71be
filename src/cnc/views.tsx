import { plural } from "../platform/french.ts";
import type { PageChrome } from "../platform/page.ts";
import { DataTable, formatDate, Notice, Pagination, SummaryList, Tag } from "../platform/views/display.tsx";
import {
  AddressFields,
  Button,
  ButtonLink,
  Checkbox,
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
import { renderPage } from "../platform/views/layout.tsx";
import { PageHeader } from "../platform/views/page-header.tsx";
import { ExperienceRows, MentionChoice } from "./candidate-fields.tsx";
import {
  CourseView,
  candidateName,
  DecisionSummary,
  EligibilityView,
  formatDuration,
  mentionTitle,
  modeLabel,
  moduleList,
  moduleOptions,
  roleLabel,
  StatusTag,
} from "./components.tsx";
import type { Dossier } from "./dossier.ts";
import { MoveCommissionSection, TrackingLinkSection } from "./dossier-sections.tsx";
import { CANDIDATE_FORM_ID, CandidateDuplicates } from "./duplicate-view.tsx";
import type { CandidateMatch } from "./duplicates.ts";
import type { CandidacyDetails } from "./queries.ts";
import { type EXERCISE_MODES, MENTION_INFO, MENTIONS, type Mention } from "./reference.ts";
import {
  CANDIDACY_STATUS_LABELS,
  CANDIDACY_STATUSES,
  type CandidacyStatus,
  canContest,
  dossierOpen,
  experienceDuration,
  experienceFieldNote,
  formatEuros,
  periodsUpTo,
} from "./rules.ts";

type Values = Record<string, string | string[] | undefined>;

function textValue(values: Values, key: string): string | undefined {
  const v = values[key];
  return typeof v === "string" ? v : undefined;
}

function listOf(values: Values, key: string): string[] {
  const v = values[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

const ROOT_CRUMBS = [
  { href: "/", label: "Accueil" },
  { href: "/cnc", label: "Candidatures CNC" },
];

// ---------------------------------------------------------------------------------------------
// List
// ---------------------------------------------------------------------------------------------

export interface CandidacyListModel {
  chrome: PageChrome;
  filters: { mention?: Mention | undefined; status?: CandidacyStatus | undefined };
  page: number;
  pageCount: number;
  total: number;
  rows: {
    id: string;
    lastName: string;
    firstName: string;
    mention: Mention;
    mode: (typeof EXERCISE_MODES)[number];
    status: CandidacyStatus;
    feeCents: number;
    feePaidOn: string | null;
    commissionOn: string | null;
  }[];
}

export function candidacyListPage(m: CandidacyListModel): string {
  const query = (page: number) =>
    `/cnc?${new URLSearchParams(
      Object.fromEntries(
        Object.entries({ ...m.filters, page: String(page) }).filter((e): e is [string, string] =>
          Boolean(e[1]),
        ),
      ),
    )}`;
  return renderPage({
    ...m.chrome,
    title: "Candidatures CNC",
    wide: true,
    breadcrumbs: [{ href: "/", label: "Accueil" }, { label: "Candidatures CNC" }],
    children: (
      <>
        <PageHeader
          caption="Certificats nationaux de compétence"
          title="Candidatures CNC"
          actions={
            <>
              <ButtonLink href="/cnc/candidats/nouveau">Nouveau candidat</ButtonLink>
              <ButtonLink variant="secondary" href="/cnc/commissions">
                Commissions
              </ButtonLink>
            </>
          }
        />
        <form method="get" action="/cnc" class="filters" aria-label="Filtrer les candidatures">
          <SelectField
            name="mention"
            label="Mention"
            emptyLabel="Toutes les mentions"
            options={MENTIONS.map((x) => ({ value: x, label: `${x} – ${MENTION_INFO[x].label}` }))}
            value={m.filters.mention}
          />
          <SelectField
            name="status"
            label="Statut"
            emptyLabel="Tous les statuts"
            options={CANDIDACY_STATUSES.map((s) => ({ value: s, label: CANDIDACY_STATUS_LABELS[s] }))}
            value={m.filters.status}
          />
          <Button variant="secondary">Filtrer</Button>
        </form>
        <DataTable
          caption={plural(m.total, "candidature")}
          head={["Candidat", "Mention", "Mode d'exercice", "Statut", "Frais de dossier", "Commission"]}
          empty="Aucune candidature ne correspond à ces critères."
          rows={m.rows.map((r) => [
            <a href={`/cnc/candidatures/${r.id}`}>
              {candidateName(r)}
              <span class="visually-hidden"> – mention {r.mention}</span>
            </a>,
            r.mention,
            modeLabel(r.mode),
            <StatusTag status={r.status} />,
            <>
              {formatEuros(r.feeCents)}
              <br />
              <span class="muted">{r.feePaidOn ? `réglés le ${formatDate(r.feePaidOn)}` : "non réglés"}</span>
            </>,
            r.commissionOn ? formatDate(r.commissionOn) : "",
          ])}
        />
        <Pagination page={m.page} pageCount={m.pageCount} hrefFor={query} />
      </>
    ),
  });
}

// ---------------------------------------------------------------------------------------------
// New candidate
// ---------------------------------------------------------------------------------------------

export function candidateFormPage({
  chrome,
  values,
  errors,
  duplicates = [],
}: {
  chrome: PageChrome;
  values: Values;
  errors: FormErrors;
  /** Candidates likely the one entered, already registered for a certificate asked: shown instead. */
  duplicates?: readonly CandidateMatch[];
}): string {
  const title = "Nouveau candidat";
  const v = (k: string) => textValue(values, k);
  return renderPage({
    ...chrome,
    title: duplicates.length > 0 ? `Doublon possible : ${title}` : title,
    hasErrors: Object.keys(errors).length > 0,
    breadcrumbs: [...ROOT_CRUMBS, { label: title }],
    children: (
      <>
        <ErrorSummary errors={errors} />
        <PageHeader caption="Candidatures CNC" title={title} />
        {duplicates.length > 0 && <CandidateDuplicates matches={duplicates} />}
        <p>
          Un dossier de positionnement est ouvert pour chaque mention demandée ; les certificats peuvent se
          cumuler. Le candidat n'a pas besoin d'un compte Parcours.
        </p>
        <form id={CANDIDATE_FORM_ID} method="post" action="/cnc/candidats/nouveau" novalidate>
          <CsrfField token={chrome.csrfToken} />
          <fieldset class="fieldset">
            <legend class="legend legend--large">Identité</legend>
            <TextField
              name="lastName"
              label="Nom"
              value={v("lastName")}
              error={errors.lastName}
              width="medium"
              autocomplete="off"
            />
            <TextField
              name="firstName"
              label="Prénom(s)"
              value={v("firstName")}
              error={errors.firstName}
              width="medium"
              autocomplete="off"
            />
            <DateField
              name="birthDate"
              label="Date de naissance"
              hint="L'âge minimum est de 25 ans pour un mandataire privé, 21 ans sinon."
              value={v("birthDate")}
              error={errors.birthDate}
            />
          </fieldset>
          <fieldset class="fieldset">
            <legend class="legend legend--large">Coordonnées</legend>
            <TextField
              name="email"
              label="E-mail (facultatif)"
              type="email"
              value={v("email")}
              error={errors.email}
              width="long"
            />
            <TextField
              name="phone"
              label="Téléphone (facultatif)"
              type="tel"
              value={v("phone")}
              error={errors.phone}
              width="medium"
            />
            <AddressFields
              values={{ addressLine: v("addressLine"), postalCode: v("postalCode"), city: v("city") }}
              errors={errors}
            />
            <TextField
              name="userEmail"
              label="Compte Parcours du candidat (facultatif)"
              hint="Adresse e-mail de connexion, si le candidat travaille déjà dans le réseau"
              type="email"
              value={v("userEmail")}
              error={errors.userEmail}
              width="long"
            />
          </fieldset>
          <fieldset class="fieldset">
            <legend class="legend legend--large">Certificats et diplômes</legend>
            <RadioGroup
              name="oldCertificate"
              legend="Ancien certificat national de compétence"
              hint="Les titulaires des anciens CNC « TMP » ou « TPS » paient 93,50 € de frais de dossier au lieu de 187 €."
              options={[
                { value: "", label: "Aucun" },
                { value: "TMP", label: "CNC « TMP » (tuteur aux majeurs protégés)" },
                { value: "TPS", label: "CNC « TPS » (tutelle aux prestations sociales)" },
              ]}
              value={v("oldCertificate") ?? ""}
              error={errors.oldCertificate}
            />
            <CheckboxGroup
              name="heldMentions"
              legend="CNC actuels déjà obtenus (facultatif)"
              hint="Ils dispensent de certains modules des autres mentions."
              options={MENTIONS.map((x) => ({ value: x, label: `Mention ${x}` }))}
              values={listOf(values, "heldMentions")}
              error={errors.heldMentions}
              inline
            />
            <Checkbox
              name="hasSocialWorkDiploma"
              label="Diplôme du travail social de niveau 5 (DPF)"
              hint="Exigé pour la mention MJAGBF, sans dispense possible"
              checked={values.hasSocialWorkDiploma !== undefined}
            />
            <TextField
              name="socialWorkDiplomaTitle"
              label="Intitulé du diplôme du travail social (si coché)"
              value={v("socialWorkDiplomaTitle")}
              error={errors.socialWorkDiplomaTitle}
              width="long"
            />
            <Checkbox
              name="hasLevel5Diploma"
              label="Autre diplôme ou titre de niveau 5 (ex-niveau III) inscrit au RNCP"
              hint="Exigé pour les mentions MJPM et MAJ, sauf dispense"
              checked={values.hasLevel5Diploma !== undefined}
            />
            <TextField
              name="level5JobMonths"
              label="Sans diplôme de niveau 5 : mois passés dans un emploi exigeant ce niveau (facultatif)"
              hint="36 mois dispensent du diplôme pour les mentions MJPM et MAJ"
              value={v("level5JobMonths")}
              error={errors.level5JobMonths}
              width="short"
              inputmode="numeric"
            />
            <TextArea
              name="otherDiplomas"
              label="Autres diplômes, titres et certificats (facultatif)"
              value={v("otherDiplomas")}
              error={errors.otherDiplomas}
              rows={3}
            />
          </fieldset>
          <fieldset class="fieldset">
            <legend class="legend legend--large">Expérience professionnelle</legend>
            <p class="hint">
              Une ligne par emploi, d'après les attestations de travail. Laissez la date de fin vide pour un
              emploi en cours. L'activité tutélaire compte pour la dispense de stage (6 mois à l'entrée en
              formation).
            </p>
            <ExperienceRows values={values} errors={errors} noun="période" />
          </fieldset>
          <fieldset class="fieldset">
            <legend class="legend legend--large">Candidatures</legend>
            <MentionChoice values={values} errors={errors} modeLabel="Mode d'exercice pour la mention" />
          </fieldset>
          <FormActions>
            <Button>Enregistrer le candidat</Button>
            <a href="/cnc">Annuler</a>
          </FormActions>
        </form>
      </>
    ),
  });
}

// ---------------------------------------------------------------------------------------------
// Candidacy (the dossier)
// ---------------------------------------------------------------------------------------------

export interface CandidacyPageModel {
  chrome: PageChrome;
  details: CandidacyDetails;
  dossier: Dossier;
  trackingUrl: string;
  /** null: the link was revoked. */
  trackingPath: string | null;
  upcoming: { id: string; meetsOn: string; place: string | null }[];
  today: string;
  values: Values;
  errors: FormErrors;
}

export function candidacyPage(m: CandidacyPageModel): string {
  const { details, dossier, values, errors } = m;
  const { candidacy, candidate } = details;
  const name = candidateName(candidate);
  const title = `${name} – ${candidacy.mention}`;
  const open = dossierOpen(candidacy.status);
  const v = (k: string) => textValue(values, k);
  const uploadable = dossier.checklist.filter((p) => p.code !== "fee_payment");
  const missingOptions = uploadable
    .filter((p) => !p.provided)
    .map((p) => ({ value: p.code, label: p.label }));
  const options = moduleOptions(candidacy.mention, dossier.held);
  const experiences = details.experiences;
  return renderPage({
    ...m.chrome,
    title,
    hasErrors: Object.keys(errors).length > 0,
    breadcrumbs: [...ROOT_CRUMBS, { label: title }],
    children: (
      <>
        <ErrorSummary errors={errors} />
        <PageHeader
          caption={`Candidature au ${MENTION_INFO[candidacy.mention].certificate}`}
          title={title}
          actions={<StatusTag status={candidacy.status} />}
        />
        <SummaryList
          rows={[
            { key: "Mention", value: mentionTitle(candidacy.mention) },
            { key: "Mode d'exercice", value: modeLabel(candidacy.mode) },
            { key: "Statut", value: <StatusTag status={candidacy.status} /> },
            {
              key: "Commission",
              value: details.commission ? (
                <a href={`/cnc/commissions/${details.commission.id}`}>
                  Commission du {formatDate(details.commission.meetsOn)}
                </a>
              ) : null,
            },
            {
              key: "Autres candidatures",
              value:
                details.siblings.filter((s) => s.id !== candidacy.id).length === 0
                  ? "Aucune"
                  : details.siblings
                      .filter((s) => s.id !== candidacy.id)
                      .map((s, i) => (
                        <>
                          {i > 0 ? ", " : null}
                          <a href={`/cnc/candidatures/${s.id}`}>Mention {s.mention}</a>
                        </>
                      )),
            },
          ]}
        />

        <TrackingLinkSection
          candidacyId={candidacy.id}
          trackingPath={m.trackingPath}
          trackingUrl={m.trackingUrl}
          csrfToken={m.chrome.csrfToken}
        />

        <h2>Candidat</h2>
        <SummaryList
          rows={[
            { key: "Nom et prénom", value: name },
            { key: "Date de naissance", value: formatDate(candidate.birthDate) },
            { key: "E-mail", value: candidate.email },
            { key: "Téléphone", value: candidate.phone },
            {
              key: "Adresse",
              value: [candidate.addressLine, [candidate.postalCode, candidate.city].filter(Boolean).join(" ")]
                .filter(Boolean)
                .join(", "),
            },
            { key: "Compte Parcours", value: details.linkedUserEmail },
            {
              key: "Ancien CNC",
              value: candidate.oldCertificate ? `CNC « ${candidate.oldCertificate} »` : "Aucun",
            },
            {
              key: "CNC déjà obtenus",
              value:
                candidate.heldMentions.length > 0
                  ? candidate.heldMentions.map((x) => `Mention ${x}`).join(", ")
                  : "Aucun",
            },
            {
              key: "Diplôme du travail social de niveau 5",
              value: candidate.hasSocialWorkDiploma ? (candidate.socialWorkDiplomaTitle ?? "Oui") : "Non",
            },
            {
              key: "Autre diplôme de niveau 5",
              value: candidate.hasLevel5Diploma
                ? "Oui"
                : `Non (${candidate.level5JobMonths} mois dans un emploi de ce niveau)`,
            },
            { key: "Autres diplômes", value: candidate.otherDiplomas },
          ]}
        />
        <DataTable
          caption="Expérience professionnelle"
          head={["Employeur", "Du", "Au", "Durée", "Activité tutélaire", "Domaine"]}
          empty="Aucune période d'expérience déclarée."
          rows={experiences.map((e) => [
            e.employer,
            formatDate(e.fromDate),
            e.toDate ? formatDate(e.toDate) : "en cours",
            formatDuration(experienceDuration(periodsUpTo([{ from: e.fromDate, to: e.toDate }], dossier.on))),
            e.tutelary ? "Oui" : "Non",
            experienceFieldNote(candidacy.mention, e),
          ])}
        />

        <h2>Conditions d'accès</h2>
        <EligibilityView
          eligibility={dossier.eligibility}
          on={dossier.on}
          caption={`Conditions d'accès à la mention ${candidacy.mention} pour un ${modeLabel(candidacy.mode).toLowerCase()}`}
        />

        <h2>Frais de dossier</h2>
        <p>
          Frais de gestion administrative et de commission de positionnement, non remboursables :{" "}
          <strong>{dossier.feeLabel}</strong>
          {candidate.oldCertificate
            ? ` (tarif réduit : titulaire de l'ancien CNC « ${candidate.oldCertificate} »)`
            : null}
          .
        </p>
        {candidacy.feePaidOn ? (
          <p>
            <Tag tone="green">Réglés</Tag> le {formatDate(candidacy.feePaidOn)}.
          </p>
        ) : (
          <>
            <p>
              <Tag tone="orange">Non réglés</Tag>
            </p>
            {open ? (
              <form method="post" action={`/cnc/candidatures/${candidacy.id}/reglement`} novalidate>
                <CsrfField token={m.chrome.csrfToken} />
                <DateField
                  name="feePaidOn"
                  label="Date du règlement"
                  value={v("feePaidOn") ?? m.today}
                  error={errors.feePaidOn}
                />
                <Button variant="secondary">Enregistrer le règlement</Button>
              </form>
            ) : null}
          </>
        )}

        <h2>Dispenses et allègements demandés</h2>
        <SummaryList
          rows={[
            { key: "Dispenses demandées", value: moduleList(candidacy.requestedDispenses, "Aucune") },
            { key: "Allègements demandés", value: moduleList(candidacy.requestedAllegements) },
          ]}
        />
        {open ? (
          <details open={Boolean(errors.requestedDispenses || errors.requestedAllegements)}>
            <summary>Modifier les demandes (d'après la lettre de motivation)</summary>
            <form method="post" action={`/cnc/candidatures/${candidacy.id}/demandes`} novalidate>
              <CsrfField token={m.chrome.csrfToken} />
              <CheckboxGroup
                name="requestedDispenses"
                legend="Dispenses demandées"
                hint="Une dispense valide le module (diplôme dont le programme correspond)."
                options={options}
                values={
                  values.requestedDispenses !== undefined || errors.requestedDispenses
                    ? listOf(values, "requestedDispenses")
                    : candidacy.requestedDispenses
                }
                error={errors.requestedDispenses}
              />
              <CheckboxGroup
                name="requestedAllegements"
                legend="Allègements demandés"
                hint="Un allègement ne valide pas le module : les épreuves demeurent (3 ans d'expérience en lien avec le module)."
                options={options}
                values={
                  values.requestedAllegements !== undefined || errors.requestedAllegements
                    ? listOf(values, "requestedAllegements")
                    : candidacy.requestedAllegements
                }
                error={errors.requestedAllegements}
              />
              <Button variant="secondary">Enregistrer les demandes</Button>
            </form>
          </details>
        ) : null}

        <h2>Pièces du dossier</h2>
        <DataTable
          caption="Liste des pièces à fournir"
          head={["Pièce", "Exigée", "État", "Fichier", "Action"]}
          rows={dossier.checklist.map((p) => [
            p.label,
            p.required ? "Oui" : "Non, dans cette situation",
            p.provided ? (
              <Tag tone="green">Fournie</Tag>
            ) : p.required ? (
              <Tag tone="red">Manquante</Tag>
            ) : (
              <Tag tone="grey">Non requise</Tag>
            ),
            p.code === "fee_payment" ? (
              candidacy.feePaidOn ? (
                `Règlement du ${formatDate(candidacy.feePaidOn)}`
              ) : (
                ""
              )
            ) : p.piece?.filename ? (
              <a href={`/cnc/candidatures/${candidacy.id}/pieces/${p.code}`}>
                {p.piece.filename}
                <span class="visually-hidden"> (télécharger)</span>
              </a>
            ) : p.provided ? (
              `Reçue sur papier${p.piece ? ` le ${formatDate(p.piece.providedAt)}` : ""}`
            ) : (
              ""
            ),
            open && p.provided && p.code !== "fee_payment" ? (
              <form method="post" action={`/cnc/candidatures/${candidacy.id}/pieces/${p.code}/retirer`}>
                <CsrfField token={m.chrome.csrfToken} />
                <Button variant="secondary" small>
                  Retirer<span class="visually-hidden"> la pièce : {p.label}</span>
                </Button>
              </form>
            ) : (
              ""
            ),
          ])}
        />
        {open && missingOptions.length > 0 ? (
          <>
            <form
              method="post"
              action={`/cnc/candidatures/${candidacy.id}/pieces`}
              enctype="multipart/form-data"
              novalidate
            >
              <CsrfField token={m.chrome.csrfToken} />
              <fieldset class="fieldset">
                <legend class="legend">Déposer une pièce</legend>
                <SelectField
                  name="pieceCode"
                  label="Pièce"
                  emptyLabel="Choisir une pièce"
                  options={missingOptions}
                  value={v("pieceCode")}
                  error={errors.pieceCode}
                />
                <FileField
                  name="file"
                  label="Fichier"
                  hint="PDF, JPEG ou PNG, 15 Mo au plus"
                  accept="application/pdf,image/jpeg,image/png"
                  error={errors.file}
                />
                <Button variant="secondary">Déposer la pièce</Button>
              </fieldset>
            </form>
            <form method="post" action={`/cnc/candidatures/${candidacy.id}/pieces/papier`} novalidate>
              <CsrfField token={m.chrome.csrfToken} />
              <fieldset class="fieldset">
                <legend class="legend">Pièce reçue sur papier</legend>
                <SelectField
                  name="paperPieceCode"
                  label="Pièce reçue"
                  emptyLabel="Choisir une pièce"
                  options={missingOptions}
                  value={v("paperPieceCode")}
                  error={errors.paperPieceCode}
                />
                <Button variant="secondary">Marquer comme reçue</Button>
              </fieldset>
            </form>
          </>
        ) : null}

        <h2>Présentation en commission</h2>
        {!dossier.complete && open ? (
          <Notice tone="warning" title="Dossier incomplet : il ne peut pas être présenté en commission">
            <p>Ce qui manque :</p>
            <ul>
              {dossier.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </Notice>
        ) : null}
        {open && dossier.complete ? (
          m.upcoming.length > 0 ? (
            <form method="post" action={`/cnc/candidatures/${candidacy.id}/commission`} novalidate>
              <CsrfField token={m.chrome.csrfToken} />
              <p>Le dossier est complet.</p>
              <SelectField
                name="commissionId"
                label="Commission"
                emptyLabel="Choisir une commission"
                options={m.upcoming.map((c) => ({
                  value: c.id,
                  label: `Commission du ${formatDate(c.meetsOn)}${c.place ? ` – ${c.place}` : ""}`,
                }))}
                value={v("commissionId") ?? (m.upcoming.length === 1 ? m.upcoming[0]?.id : undefined)}
                error={errors.commissionId}
              />
              <Button>Présenter en commission</Button>
            </form>
          ) : (
            <p>
              Le dossier est complet, mais aucune commission n'est prévue.{" "}
              <a href="/cnc/commissions/nouvelle">Créer une commission</a>
            </p>
          )
        ) : null}
        {!open ? (
          <p>
            {details.commission ? (
              <>
                Dossier présenté à la{" "}
                <a href={`/cnc/commissions/${details.commission.id}`}>
                  commission du {formatDate(details.commission.meetsOn)}
                </a>
                .
              </>
            ) : (
              "Dossier présenté en commission."
            )}
          </p>
        ) : null}
        <MoveCommissionSection
          candidacyId={candidacy.id}
          status={candidacy.status}
          currentCommissionId={candidacy.commissionId}
          upcoming={m.upcoming}
          value={v("newCommissionId")}
          errors={errors}
          csrfToken={m.chrome.csrfToken}
        />

        {details.decision ? (
          <>
            <h2>Décision de la commission</h2>
            <DecisionSummary decision={details.decision} commissionOn={details.commission?.meetsOn ?? null} />
            {dossier.course ? (
              <CourseView course={dossier.course} caption={`Parcours de formation ${candidacy.mention}`} />
            ) : null}
          </>
        ) : null}

        {details.decision ? <ContestSection m={m} /> : null}
      </>
    ),
  });
}

function ContestSection({ m }: { m: CandidacyPageModel }) {
  const { details, values, errors } = m;
  const { candidacy, contest } = details;
  const v = (k: string) => textValue(values, k);
  return (
    <>
      <h2>Contestation</h2>
      {contest ? (
        <SummaryList
          rows={[
            { key: "Contestée le", value: formatDate(contest.contest.contestedOn) },
            {
              key: "Par",
              value:
                contest.contest.source === "candidat"
                  ? "Le candidat, depuis son lien de suivi"
                  : "Courrier du candidat",
            },
            { key: "Motif", value: contest.contest.reason },
            {
              key: "Entretien",
              value: contest.contest.interviewOn
                ? `Le ${formatDate(contest.contest.interviewOn)} avec ${contest.memberName ?? ""}${contest.memberRole ? ` (${roleLabel(contest.memberRole)})` : ""}`
                : "À planifier",
            },
          ]}
        />
      ) : null}
      {canContest(candidacy.status) ? (
        <form method="post" action={`/cnc/candidatures/${candidacy.id}/contestation`} novalidate>
          <CsrfField token={m.chrome.csrfToken} />
          <p>
            Le candidat qui conteste la décision peut demander un entretien avec un représentant de la
            commission.
          </p>
          <DateField
            name="contestedOn"
            label="Date de la contestation"
            value={v("contestedOn") ?? m.today}
            error={errors.contestedOn}
          />
          <TextArea
            name="reason"
            label="Motif de la contestation"
            value={v("reason")}
            error={errors.reason}
            rows={3}
          />
          <Button variant="secondary">Enregistrer la contestation</Button>
        </form>
      ) : null}
      {candidacy.status === "conteste" ? (
        details.members.length > 0 ? (
          <form method="post" action={`/cnc/candidatures/${candidacy.id}/entretien`} novalidate>
            <CsrfField token={m.chrome.csrfToken} />
            <DateField
              name="interviewOn"
              label="Date de l'entretien"
              value={v("interviewOn")}
              error={errors.interviewOn}
            />
            <SelectField
              name="memberId"
              label="Représentant de la commission"
              emptyLabel="Choisir un membre"
              options={details.members.map((x) => ({
                value: x.id,
                label: `${x.name} (${roleLabel(x.role)})`,
              }))}
              value={v("memberId")}
              error={errors.memberId}
            />
            <Button>Planifier l'entretien</Button>
          </form>
        ) : null
      ) : null}
      {candidacy.status === "entretien_planifie" && details.commission ? (
        <p>
          Après l'entretien, la commission confirme ou modifie sa décision depuis la{" "}
          <a href={`/cnc/commissions/${details.commission.id}`}>page de la commission</a>.
        </p>
      ) : null}
    </>
  );
}
