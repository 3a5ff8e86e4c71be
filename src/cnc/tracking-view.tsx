import type { PageChrome } from "../platform/page.ts";
import { formatDate, Notice, SummaryList, Tag } from "../platform/views/display.tsx";
import {
  Button,
  CsrfField,
  ErrorSummary,
  FileField,
  type FormErrors,
  SelectField,
  TextArea,
} from "../platform/views/forms.tsx";
import { renderPage } from "../platform/views/layout.tsx";
import { PageHeader } from "../platform/views/page-header.tsx";
import {
  CourseView,
  candidateName,
  DecisionSummary,
  mentionTitle,
  modeLabel,
  moduleList,
  roleLabel,
  StatusTag,
} from "./components.tsx";
import type { Dossier } from "./dossier.ts";
import type { CandidacyDetails } from "./queries.ts";
import { MENTION_INFO } from "./reference.ts";
import { canContest, dossierOpen } from "./rules.ts";

type Values = Record<string, string | string[] | undefined>;

export interface TrackingModel {
  chrome: PageChrome;
  items: { details: CandidacyDetails; dossier: Dossier }[];
  confirmation: string | null;
  values: Values;
  errors: FormErrors;
}

/** The candidate's private page: no account, reached through the link the training service sent. */
export function trackingPage(m: TrackingModel): string {
  const first = m.items[0]?.details.candidate;
  const title = "Suivi de votre candidature CNC";
  return renderPage({
    ...m.chrome,
    title,
    flash: m.confirmation,
    hasErrors: Object.keys(m.errors).length > 0,
    children: (
      <>
        <ErrorSummary errors={m.errors} />
        <PageHeader caption={first ? candidateName(first) : undefined} title={title} />
        <p>
          Cette page est personnelle : ne transmettez pas son adresse. Elle présente l'état de vos dossiers de
          candidature aux certificats nationaux de compétence, les pièces qui manquent encore et la décision
          de la commission.
        </p>
        {m.items.map((item) => (
          <CandidacySection key={item.details.candidacy.id} item={item} m={m} />
        ))}
      </>
    ),
  });
}

function CandidacySection({ item, m }: { item: TrackingModel["items"][number]; m: TrackingModel }) {
  const { details, dossier } = item;
  const { candidacy } = details;
  const suffix = `-${candidacy.mention}`;
  const base = `/cnc/suivi/${candidacy.trackingToken}`;
  const v = (k: string) => (typeof m.values[k] === "string" ? (m.values[k] as string) : undefined);
  const missingPieces = dossier.checklist.filter(
    (p) => p.required && !p.provided && p.code !== "fee_payment",
  );
  const open = dossierOpen(candidacy.status);
  const contest = details.contest;
  return (
    <section aria-labelledby={`mention-${candidacy.mention}`}>
      <h2 id={`mention-${candidacy.mention}`}>{mentionTitle(candidacy.mention)}</h2>
      <SummaryList
        rows={[
          { key: "Certificat", value: MENTION_INFO[candidacy.mention].certificate },
          { key: "Mode d'exercice", value: modeLabel(candidacy.mode) },
          { key: "État du dossier", value: <StatusTag status={candidacy.status} /> },
          {
            key: "Frais de dossier",
            value: candidacy.feePaidOn
              ? `${dossier.feeLabel}, réglés le ${formatDate(candidacy.feePaidOn)}`
              : `${dossier.feeLabel}, non réglés à ce jour`,
          },
          { key: "Dispenses demandées", value: moduleList(candidacy.requestedDispenses, "Aucune") },
          { key: "Allègements demandés", value: moduleList(candidacy.requestedAllegements) },
          {
            key: "Commission",
            value: details.commission ? `Commission du ${formatDate(details.commission.meetsOn)}` : null,
          },
        ]}
      />
      {open && !dossier.complete ? (
        <Notice tone="warning" title="Votre dossier est incomplet">
          <p>Il sera présenté à la commission dès qu'il sera complet. Il manque :</p>
          <ul>
            {dossier.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      {open && dossier.complete ? (
        <Notice tone="success" title="Votre dossier est complet">
          <p>Il sera présenté à la prochaine commission de positionnement.</p>
        </Notice>
      ) : null}
      {open && missingPieces.length > 0 ? (
        <form method="post" action={`${base}/pieces`} enctype="multipart/form-data" novalidate>
          <CsrfField token={m.chrome.csrfToken} />
          <fieldset class="fieldset">
            <legend class="legend">Envoyer une pièce manquante (mention {candidacy.mention})</legend>
            <SelectField
              name={`pieceCode${suffix}`}
              label="Pièce"
              emptyLabel="Choisir une pièce"
              options={missingPieces.map((p) => ({ value: p.code, label: p.label }))}
              value={v(`pieceCode${suffix}`)}
              error={m.errors[`pieceCode${suffix}`]}
            />
            <FileField
              name={`file${suffix}`}
              label="Fichier"
              hint="PDF, JPEG ou PNG, 15 Mo au plus"
              accept="application/pdf,image/jpeg,image/png"
              error={m.errors[`file${suffix}`]}
            />
            <Button variant="secondary">Envoyer la pièce</Button>
          </fieldset>
        </form>
      ) : null}
      {details.decision ? (
        <>
          <h3>Décision de la commission</h3>
          <DecisionSummary decision={details.decision} commissionOn={details.commission?.meetsOn ?? null} />
          {dossier.course ? (
            <CourseView
              course={dossier.course}
              caption={`Votre parcours de formation, mention ${candidacy.mention}`}
            />
          ) : null}
        </>
      ) : null}
      {contest ? (
        <>
          <h3>Votre contestation</h3>
          <p>
            <Tag tone="orange">Reçue le {formatDate(contest.contest.contestedOn)}</Tag>{" "}
            {contest.contest.interviewOn
              ? `Entretien prévu le ${formatDate(contest.contest.interviewOn)} avec ${contest.memberName ?? "un représentant de la commission"}${contest.memberRole ? ` (${roleLabel(contest.memberRole)})` : ""}.`
              : "Le service formation va vous proposer un entretien avec un représentant de la commission."}
          </p>
        </>
      ) : null}
      {canContest(candidacy.status) ? (
        <form method="post" action={`${base}/contestation`} novalidate>
          <CsrfField token={m.chrome.csrfToken} />
          <fieldset class="fieldset">
            <legend class="legend">Contester la décision (mention {candidacy.mention})</legend>
            <p class="hint">
              Vous pouvez demander un entretien avec un représentant de la commission. Le service formation
              vous proposera une date.
            </p>
            <TextArea
              name={`reason${suffix}`}
              label="Pourquoi contestez-vous la décision ?"
              value={v(`reason${suffix}`)}
              error={m.errors[`reason${suffix}`]}
              rows={4}
            />
            <Button variant="secondary">Contester la décision</Button>
          </fieldset>
        </form>
      ) : null}
    </section>
  );
}
