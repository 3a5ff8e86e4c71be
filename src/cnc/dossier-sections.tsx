/**
 * Sections of the dossier page (views.tsx) for the candidate's private link (revoke, issue again) and
 * for moving a dossier to another commission.
 */
import type { VNode } from "preact";
import { formatDate } from "../platform/views/display.tsx";
import { Button, CsrfField, type FormErrors, SelectField } from "../platform/views/forms.tsx";
import { EXPERIENCE_FIELD_INFO, EXPERIENCE_FIELDS } from "./reference.ts";
import { type CandidacyStatus, canMoveCommission } from "./rules.ts";

export function TrackingLinkSection(props: {
  candidacyId: string;
  /** null: the link was revoked. */
  trackingPath: string | null;
  trackingUrl: string;
  csrfToken: string | undefined;
}): VNode {
  const { candidacyId, trackingPath, csrfToken } = props;
  return (
    <>
      <h2>Lien de suivi du candidat</h2>
      {trackingPath ? (
        <>
          <p>
            Transmettez ce lien au candidat, et à lui seul : il y suit son dossier, dépose les pièces
            manquantes et peut contester la décision de la commission.
          </p>
          <p>
            <a href={trackingPath}>{props.trackingUrl}</a>
          </p>
        </>
      ) : (
        <p>
          <strong>Lien révoqué :</strong> aucun lien n'ouvre plus les dossiers de ce candidat. Émettez un
          nouveau lien pour le lui transmettre.
        </p>
      )}
      <div class="inline-form">
        <form method="post" action={`/cnc/candidatures/${candidacyId}/lien/nouveau`}>
          <CsrfField token={csrfToken} />
          <Button variant="secondary">
            {trackingPath ? "Remplacer le lien" : "Émettre un nouveau lien"}
          </Button>
        </form>
        {trackingPath ? (
          <form method="post" action={`/cnc/candidatures/${candidacyId}/lien/revoquer`}>
            <CsrfField token={csrfToken} />
            <Button variant="warning">Révoquer le lien</Button>
          </form>
        ) : null}
      </div>
      <p class="hint">
        Un nouveau lien remplace l'ancien pour toutes les candidatures du candidat ; il lui est envoyé par
        e-mail quand l'envoi est configuré et qu'il a donné son adresse.
      </p>
    </>
  );
}

export function MoveCommissionSection(props: {
  candidacyId: string;
  status: CandidacyStatus;
  currentCommissionId: string | null;
  upcoming: readonly { id: string; meetsOn: string; place: string | null }[];
  value: string | undefined;
  errors: FormErrors;
  csrfToken: string | undefined;
}): VNode | null {
  if (!canMoveCommission(props.status)) return null;
  const options = props.upcoming
    .filter((c) => c.id !== props.currentCommissionId)
    .map((c) => ({
      value: c.id,
      label: `Commission du ${formatDate(c.meetsOn)}${c.place ? ` – ${c.place}` : ""}`,
    }));
  return (
    <>
      <h3>Présenter à une autre commission</h3>
      <p>
        {props.status === "en_commission"
          ? "Le dossier est retiré de l'ordre du jour de sa commission et présenté à une autre, qui rendra la décision."
          : "Après la contestation, le dossier peut être examiné à nouveau par une autre commission, qui rendra une nouvelle décision."}
      </p>
      {options.length > 0 ? (
        <form method="post" action={`/cnc/candidatures/${props.candidacyId}/changer-commission`} novalidate>
          <CsrfField token={props.csrfToken} />
          <SelectField
            name="newCommissionId"
            label="Nouvelle commission"
            emptyLabel="Choisir une commission"
            options={options}
            value={props.value}
            error={props.errors.newCommissionId}
          />
          <Button variant="secondary">Présenter à cette commission</Button>
        </form>
      ) : (
        <p>
          Aucune autre commission n'est prévue. <a href="/cnc/commissions/nouvelle">Créer une commission</a>
        </p>
      )}
    </>
  );
}

/** The field of a job on a candidate form: only a field needed for the office counts. */
export function ExperienceFieldSelect(props: {
  n: number;
  value: string | undefined;
  error?: string | undefined;
}) {
  return (
    <SelectField
      name={`exp${props.n}Field`}
      label={`Domaine de l'emploi de la période ${props.n}`}
      hint="Seule l'expérience dans un domaine nécessaire à l'exercice des fonctions compte pour les conditions d'accès."
      emptyLabel="Choisir un domaine"
      options={EXPERIENCE_FIELDS.map((f) => ({ value: f, label: EXPERIENCE_FIELD_INFO[f].label }))}
      value={props.value}
      error={props.error}
    />
  );
}
