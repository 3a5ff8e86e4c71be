/**
 * The public pages of an application to a CNC: the three certificates with their conditions, the form,
 * and the confirmation (the private tracking link, sent by e-mail or shown here without SMTP).
 */
import type { PageChrome } from "../platform/page.ts";
import { DataTable, Notice } from "../platform/views/display.tsx";
import {
  AddressFields,
  Button,
  Checkbox,
  CheckboxGroup,
  CsrfField,
  DateField,
  ErrorSummary,
  FormActions,
  type FormErrors,
  RadioGroup,
  TextArea,
  TextField,
} from "../platform/views/forms.tsx";
import { renderPage } from "../platform/views/layout.tsx";
import { PageHeader } from "../platform/views/page-header.tsx";
import { ExperienceRows, MentionChoice } from "./candidate-fields.tsx";
import {
  ACCESS_CONDITIONS,
  CANDIDACY_FEE,
  CANDIDACY_PIECES,
  CNC_TRAININGS,
  DIPLOMA_DISPENSE_JOB_MONTHS,
  DIPLOMA_RULES,
  EXERCISE_MODE_INFO,
  EXERCISE_MODES,
  type ExerciseMode,
  INTERNSHIP,
  MENTION_INFO,
  MENTIONS,
  type Mention,
} from "./reference.ts";
import { formatMonths } from "./rules.ts";

type Values = Record<string, string | string[] | undefined>;

const euros = (n: number) => `${n.toFixed(2).replace(".", ",").replace(",00", "")} €`;

function text(values: Values, key: string): string | undefined {
  const v = values[key];
  return typeof v === "string" ? v : undefined;
}

function list(values: Values, key: string): string[] {
  const v = values[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function diplomaText(mention: Mention): string {
  return DIPLOMA_RULES[mention] === "level5_social_work"
    ? "Un diplôme du travail social de niveau 5 inscrit au RNCP, sans dispense possible."
    : `Un diplôme ou titre de niveau 5 (ex-niveau III, bac + 2) inscrit au RNCP, dans tout domaine ; sans ce diplôme, ${formatMonths(DIPLOMA_DISPENSE_JOB_MONTHS)} dans un emploi exigeant normalement ce niveau en dispensent.`;
}

/** One certificate: its theory, its internship, its conditions per mode of exercise. */
function CertificateCard({ mention }: { mention: Mention }) {
  const info = MENTION_INFO[mention];
  const modes = EXERCISE_MODES.filter((mode) => ACCESS_CONDITIONS[mention][mode] !== undefined);
  return (
    <section aria-labelledby={`cnc-${mention}`}>
      <h3 id={`cnc-${mention}`}>
        {info.certificate}, mention {mention}
      </h3>
      <p>
        « {info.label} ». Formation théorique de {CNC_TRAININGS[mention].theoryHours} heures et stage pratique
        de {INTERNSHIP.hours} heures sur {INTERNSHIP.weeks} semaines consécutives.
      </p>
      <p>
        <strong>Diplôme exigé :</strong> {diplomaText(mention)}
      </p>
      <DataTable
        caption={`Conditions d'accès à la mention ${mention}`}
        head={["Mode d'exercice", "Âge minimum", "Expérience professionnelle exigée", "CNC à obtenir"]}
        rows={modes.map((mode: ExerciseMode) => {
          const c = ACCESS_CONDITIONS[mention][mode];
          return [
            EXERCISE_MODE_INFO[mode].label,
            c ? `${c.minAge} ans` : "",
            c && c.experienceMonths > 0
              ? `${formatMonths(c.experienceMonths)} dans un des domaines nécessaires à l'exercice des fonctions`
              : "Aucune",
            c?.cncBeforeOffice
              ? "Avant l'entrée en fonction"
              : "Dans les deux ans suivant l'entrée en fonction",
          ];
        })}
      />
    </section>
  );
}

function Presentation() {
  return (
    <>
      <h2>Les trois certificats</h2>
      <p>
        Un dossier de positionnement est ouvert pour chaque certificat demandé ; les certificats peuvent se
        cumuler. Une dispense valide un module ; un allègement ne le valide pas (ses épreuves demeurent).
      </p>
      {MENTIONS.map((mention) => (
        <CertificateCard key={mention} mention={mention} />
      ))}
      <h3>Stage pratique</h3>
      <p>
        Vous êtes dispensé du stage si vous justifiez, à l'entrée en formation, d'au moins{" "}
        {INTERNSHIP.dispenseTutelaryMonths} mois d'activité tutélaire, par vos attestations de travail.
      </p>
      <h3>Frais de dossier</h3>
      <p>
        {euros(CANDIDACY_FEE.standard)} de frais de gestion administrative et de commission de positionnement,
        non remboursables ; {euros(CANDIDACY_FEE.reduced)} pour les titulaires des anciens CNC « TMP » ou «
        TPS ».
      </p>
      <h3>Pièces à fournir</h3>
      <ul>
        {CANDIDACY_PIECES.map((p) => (
          <li key={p.code}>
            {p.label}
            {p.requiredWhen ? " (selon votre situation)" : ""}
          </li>
        ))}
      </ul>
      <p>
        Vous déposerez les pièces depuis votre lien de suivi personnel, reçu une fois la candidature
        enregistrée. Un dossier incomplet ne peut pas être présenté à la commission, qui examine les dossiers
        complets et positionne chaque candidat sur son parcours de formation.
      </p>
    </>
  );
}

export function applyPage(m: { chrome: PageChrome; values: Values; errors: FormErrors }): string {
  const { values, errors } = m;
  const v = (k: string) => text(values, k);
  const title = "Candidater à un certificat national de compétence";
  return renderPage({
    ...m.chrome,
    title,
    hasErrors: Object.keys(errors).length > 0,
    children: (
      <>
        <ErrorSummary errors={errors} />
        <PageHeader caption="Certificats nationaux de compétence (CNC)" title={title} />
        <p>
          Mandataire judiciaire à la protection des majeurs (mentions MJPM et MAJ) et délégué aux prestations
          familiales (mention MJAGBF) : cette page présente les conditions de chaque certificat et vous permet
          de déposer votre candidature, sans compte Parcours.
        </p>
        <Presentation />
        <h2>Votre candidature</h2>
        <form method="post" action="/cnc/candidater" novalidate>
          <CsrfField token={m.chrome.csrfToken} />
          <fieldset class="fieldset">
            <legend class="legend legend--large">Identité</legend>
            <TextField
              name="lastName"
              label="Nom"
              value={v("lastName")}
              error={errors.lastName}
              width="medium"
              autocomplete="family-name"
            />
            <TextField
              name="firstName"
              label="Prénom(s)"
              value={v("firstName")}
              error={errors.firstName}
              width="medium"
              autocomplete="given-name"
            />
            <DateField
              name="birthDate"
              label="Date de naissance"
              hint="L'âge est une condition d'accès."
              value={v("birthDate")}
              error={errors.birthDate}
            />
          </fieldset>
          <fieldset class="fieldset">
            <legend class="legend legend--large">Coordonnées</legend>
            <TextField
              name="email"
              label="E-mail"
              hint="Votre lien de suivi personnel vous y est envoyé."
              type="email"
              value={v("email")}
              error={errors.email}
              width="long"
              autocomplete="email"
            />
            <TextField
              name="phone"
              label="Téléphone (facultatif)"
              type="tel"
              value={v("phone")}
              error={errors.phone}
              width="medium"
              autocomplete="tel"
            />
            <AddressFields
              values={{ addressLine: v("addressLine"), postalCode: v("postalCode"), city: v("city") }}
              errors={errors}
            />
          </fieldset>
          <fieldset class="fieldset">
            <legend class="legend legend--large">Certificats demandés</legend>
            <MentionChoice
              values={values}
              errors={errors}
              modeLabel="Mode d'exercice envisagé pour la mention"
            />
          </fieldset>
          <fieldset class="fieldset">
            <legend class="legend legend--large">Expérience professionnelle</legend>
            <p class="hint">
              Une ligne par emploi, telle que sur vos attestations de travail ; laissez la date de fin vide
              pour un emploi en cours. Seule l'expérience dans un domaine nécessaire à l'exercice des
              fonctions compte pour les conditions d'accès ; l'activité tutélaire compte aussi pour la
              dispense de stage.
            </p>
            <ExperienceRows values={values} errors={errors} noun="emploi" />
          </fieldset>
          <fieldset class="fieldset">
            <legend class="legend legend--large">Diplômes et certificats</legend>
            <Checkbox
              name="hasLevel5Diploma"
              label="Diplôme ou titre de niveau 5 (ex-niveau III) inscrit au RNCP"
              hint="Exigé pour les mentions MJPM et MAJ, sauf dispense"
              checked={values.hasLevel5Diploma !== undefined}
            />
            <TextField
              name="level5JobMonths"
              label="Sans diplôme de niveau 5 : mois passés dans un emploi exigeant ce niveau (facultatif)"
              hint={`${DIPLOMA_DISPENSE_JOB_MONTHS} mois dispensent du diplôme pour les mentions MJPM et MAJ`}
              value={v("level5JobMonths")}
              error={errors.level5JobMonths}
              width="short"
              inputmode="numeric"
            />
            <Checkbox
              name="hasSocialWorkDiploma"
              label="Diplôme du travail social de niveau 5"
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
            <TextArea
              name="otherDiplomas"
              label="Autres diplômes, titres et certificats (facultatif)"
              value={v("otherDiplomas")}
              error={errors.otherDiplomas}
              rows={3}
            />
            <RadioGroup
              name="oldCertificate"
              legend="Ancien certificat national de compétence"
              hint={`Les titulaires des anciens CNC « TMP » ou « TPS » paient ${euros(CANDIDACY_FEE.reduced)} de frais de dossier au lieu de ${euros(CANDIDACY_FEE.standard)}.`}
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
              values={list(values, "heldMentions")}
              error={errors.heldMentions}
              inline
            />
          </fieldset>
          <p>
            Vos données servent au seul examen de votre candidature par le service formation et la commission
            d'admission.
          </p>
          <FormActions>
            <Button>Envoyer ma candidature</Button>
          </FormActions>
        </form>
      </>
    ),
  });
}

/** After the application: the link was e-mailed, or (without SMTP, or when sending failed) it is shown. */
export function appliedPage(m: {
  chrome: PageChrome;
  mentions: readonly Mention[];
  email: string;
  link: { path: string; url: string } | null;
  mailFailed: boolean;
}): string {
  const title = "Candidature enregistrée";
  return renderPage({
    ...m.chrome,
    title,
    children: (
      <>
        <PageHeader caption="Certificats nationaux de compétence (CNC)" title={title} />
        <p>
          Votre candidature (mention{m.mentions.length > 1 ? "s" : ""} {m.mentions.join(", ")}) est
          enregistrée. Déposez maintenant les pièces de votre dossier depuis votre lien de suivi personnel :
          le dossier est présenté à la commission une fois complet et les frais réglés.
        </p>
        {m.link ? (
          <Notice tone="info" title="Votre lien de suivi personnel">
            {m.mailFailed ? (
              <p>L'e-mail n'a pas pu vous être envoyé : notez ce lien dès maintenant.</p>
            ) : null}
            <p>Gardez-le pour vous : toute personne qui le détient peut consulter votre dossier.</p>
            <p>
              <a href={m.link.path}>{m.link.url}</a>
            </p>
          </Notice>
        ) : (
          <Notice tone="success" title="Votre lien de suivi vous a été envoyé">
            <p>
              Un e-mail contenant votre lien de suivi personnel a été envoyé à {m.email}. Si vous ne le
              recevez pas, contactez le service formation, qui peut vous en envoyer un nouveau.
            </p>
          </Notice>
        )}
      </>
    ),
  });
}
