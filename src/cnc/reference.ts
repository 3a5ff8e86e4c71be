/**
 * Reference data of the Certificats nationaux de compétence (CNC) of mandataire judiciaire à la
 * protection des majeurs (mentions MJPM and MAJ) and of délégué aux prestations familiales (mention
 * MJAGBF). Sources: the training body's presentation of the CNC (the « 003 » source), the arrêté du
 * 2 janvier 2009 and the décret du 30 décembre 2008; the sources of each table, and the values that
 * were reconstructed, are listed in docs/certification-rules.md. Keep the tables editable.
 */

/** A calendar date `YYYY-MM-DD`. */
export type IsoDate = string;

export const MENTIONS = ["MJPM", "MAJ", "MJAGBF"] as const;
export type Mention = (typeof MENTIONS)[number];

export interface MentionInfo {
  code: Mention;
  label: string;
  /** The certificate the mention belongs to. */
  certificate: string;
}

export const MENTION_INFO: Record<Mention, MentionInfo> = {
  MJPM: {
    code: "MJPM",
    label: "Mesure judiciaire à la protection des majeurs",
    certificate: "CNC de mandataire judiciaire à la protection des majeurs",
  },
  MAJ: {
    code: "MAJ",
    label: "Mesure d'accompagnement judiciaire",
    certificate: "CNC de mandataire judiciaire à la protection des majeurs",
  },
  MJAGBF: {
    code: "MJAGBF",
    label: "Mesure judiciaire d'aide à la gestion du budget familial",
    certificate: "CNC de délégué aux prestations familiales",
  },
};

export const EXERCISE_MODES = ["mandataire_prive", "prepose_etablissement", "salarie_service"] as const;
export type ExerciseMode = (typeof EXERCISE_MODES)[number];

export interface ExerciseModeInfo {
  code: ExerciseMode;
  label: string;
  /** Mentions for which the mode exists (003: no préposé d'établissement for the MJAGBF). */
  mentions: readonly Mention[];
}

export const EXERCISE_MODE_INFO: Record<ExerciseMode, ExerciseModeInfo> = {
  mandataire_prive: {
    code: "mandataire_prive",
    label: "Mandataire privé",
    mentions: ["MJPM", "MAJ", "MJAGBF"],
  },
  prepose_etablissement: {
    code: "prepose_etablissement",
    label: "Préposé d'établissement",
    mentions: ["MJPM", "MAJ"],
  },
  salarie_service: {
    code: "salarie_service",
    label: "Salarié ayant délégation de service",
    mentions: ["MJPM", "MAJ", "MJAGBF"],
  },
};

/**
 * Fields of a job, for the experience « dans un des domaines nécessaires à l'exercice des fonctions »
 * (003 « Conditions d'accès »; décret du 30 décembre 2008). The texts do not list the fields: Parcours
 * reads them from the domains of the training (juridique, gestion, protection de la personne) and the
 * tutelary activity itself; a job in another field does not count (see docs/certification-rules.md).
 */
export const EXPERIENCE_FIELDS = ["tutelaire", "juridique", "gestion", "social", "autre"] as const;
export type ExperienceField = (typeof EXPERIENCE_FIELDS)[number];

export const EXPERIENCE_FIELD_INFO: Record<ExperienceField, { label: string; mentions: readonly Mention[] }> =
  {
    tutelaire: {
      label:
        "Activité tutélaire (exercice de mesures de protection ou d'aide à la gestion du budget familial)",
      mentions: ["MJPM", "MAJ", "MJAGBF"],
    },
    juridique: { label: "Juridique", mentions: ["MJPM", "MAJ", "MJAGBF"] },
    gestion: {
      label: "Gestion administrative, budgétaire, fiscale ou patrimoniale",
      mentions: ["MJPM", "MAJ", "MJAGBF"],
    },
    social: { label: "Social, médico-social ou éducatif", mentions: ["MJPM", "MAJ", "MJAGBF"] },
    autre: { label: "Autre domaine", mentions: [] },
  };

/** Which diploma the mention requires to enter the training. */
export type DiplomaRule =
  /** A diploma or title of level 5 (former level III) of the RNCP, in any field; or its dispense. */
  | "level5_or_dispense"
  /** A social-work diploma of level 5 of the RNCP, without dispense. */
  | "level5_social_work";

export interface AccessCondition {
  minAge: number;
  /** Professional experience in one of the fields needed for the office, in months (0: none). */
  experienceMonths: number;
  /** The CNC must be held before taking office (otherwise: within two years after). */
  cncBeforeOffice: boolean;
}

/** Access conditions per mention and mode (003 « Conditions d'accès », décret du 30 décembre 2008). */
export const ACCESS_CONDITIONS: Record<Mention, Partial<Record<ExerciseMode, AccessCondition>>> = {
  MJPM: {
    mandataire_prive: { minAge: 25, experienceMonths: 36, cncBeforeOffice: true },
    prepose_etablissement: { minAge: 21, experienceMonths: 12, cncBeforeOffice: false },
    salarie_service: { minAge: 21, experienceMonths: 0, cncBeforeOffice: false },
  },
  MAJ: {
    mandataire_prive: { minAge: 25, experienceMonths: 36, cncBeforeOffice: true },
    prepose_etablissement: { minAge: 21, experienceMonths: 12, cncBeforeOffice: false },
    salarie_service: { minAge: 21, experienceMonths: 0, cncBeforeOffice: false },
  },
  MJAGBF: {
    mandataire_prive: { minAge: 25, experienceMonths: 36, cncBeforeOffice: true },
    salarie_service: { minAge: 21, experienceMonths: 0, cncBeforeOffice: false },
  },
};

export const DIPLOMA_RULES: Record<Mention, DiplomaRule> = {
  MJPM: "level5_or_dispense",
  MAJ: "level5_or_dispense",
  MJAGBF: "level5_social_work",
};

/**
 * Dispense of the diploma (MJPM and MAJ only): at least this many months in a job that normally
 * requires a diploma of level 5 (décret du 30 décembre 2008; the figure is cut off in 003).
 */
export const DIPLOMA_DISPENSE_JOB_MONTHS = 36;

/** Delay to obtain the CNC after taking office when it is not required before, in months. */
export const CNC_AFTER_OFFICE_MONTHS = 24;

export interface CncModule {
  /** « 1.1 », « 4.3 »… */
  code: string;
  title: string;
  hours: number;
  /** The module admits neither dispense nor allègement (save a holder's cross-dispense). */
  mandatory: boolean;
}

export interface CncDomain {
  /** « DF1 »… */
  code: string;
  title: string;
  modules: readonly CncModule[];
}

export interface CncTraining {
  mention: Mention;
  theoryHours: number;
  domains: readonly CncDomain[];
}

/** Theory of the three trainings (arrêté du 2 janvier 2009, annexes I to III; 003 « Formation théorique »). */
export const CNC_TRAININGS: Record<Mention, CncTraining> = {
  MJPM: {
    mention: "MJPM",
    theoryHours: 300,
    domains: [
      {
        code: "DF1",
        title: "Juridique",
        modules: [
          { code: "1.1", title: "Droits et procédures", hours: 48, mandatory: false },
          { code: "1.2", title: "Le champ médico-social", hours: 36, mandatory: false },
        ],
      },
      {
        code: "DF2",
        title: "Gestion",
        modules: [
          { code: "2.1", title: "Gestion administrative et gestion budgétaire", hours: 48, mandatory: false },
          { code: "2.2", title: "Gestion fiscale et patrimoniale", hours: 30, mandatory: false },
        ],
      },
      {
        code: "DF3",
        title: "Protection de la personne",
        modules: [
          {
            code: "3.1",
            title: "Connaissance des publics et des pathologies liées à la dépendance",
            hours: 24,
            mandatory: false,
          },
          { code: "3.2", title: "Relation, intervention et aide à la personne", hours: 48, mandatory: false },
        ],
      },
      {
        code: "DF4",
        title: "Le mandataire judiciaire à la protection des majeurs",
        modules: [
          { code: "4.1", title: "Les contours de l'intervention et ses limites", hours: 18, mandatory: true },
          {
            code: "4.2",
            title: "Les relations avec le juge et l'autorité judiciaire",
            hours: 12,
            mandatory: true,
          },
          { code: "4.3", title: "Déontologie et analyse des pratiques", hours: 36, mandatory: true },
        ],
      },
    ],
  },
  MAJ: {
    mention: "MAJ",
    theoryHours: 180,
    domains: [
      {
        code: "DF1",
        title: "La mesure d'accompagnement judiciaire",
        modules: [
          { code: "1.1", title: "Le cadre juridique", hours: 24, mandatory: false },
          { code: "1.2", title: "La connaissance du public", hours: 36, mandatory: false },
          { code: "1.3", title: "L'action éducative et budgétaire", hours: 42, mandatory: false },
        ],
      },
      {
        code: "DF2",
        title: "Le mandataire en charge de la mesure d'accompagnement social",
        modules: [
          { code: "2.1", title: "Les contours de l'intervention et ses limites", hours: 18, mandatory: true },
          {
            code: "2.2",
            title: "Les relations avec le juge et avec le conseil départemental",
            hours: 12,
            mandatory: true,
          },
          {
            code: "2.3",
            title: "Action éducative et accompagnement vers l'autonomie de gestion budgétaire",
            hours: 30,
            mandatory: true,
          },
          { code: "2.4", title: "Déontologie et analyse des pratiques", hours: 18, mandatory: true },
        ],
      },
    ],
  },
  MJAGBF: {
    mention: "MJAGBF",
    theoryHours: 180,
    domains: [
      {
        code: "DF1",
        title: "La mesure judiciaire d'aide à la gestion du budget familial",
        modules: [
          { code: "1.1", title: "Le cadre juridique", hours: 24, mandatory: false },
          { code: "1.2", title: "La connaissance du public", hours: 48, mandatory: false },
          { code: "1.3", title: "L'accompagnement éducatif et budgétaire", hours: 54, mandatory: false },
        ],
      },
      {
        code: "DF2",
        title: "Le délégué aux prestations familiales",
        modules: [
          {
            code: "2.1",
            title: "Le contour de ses interventions et ses limites",
            hours: 24,
            mandatory: true,
          },
          {
            code: "2.2",
            title: "Les relations avec le juge et les autres partenaires",
            hours: 12,
            mandatory: true,
          },
          { code: "2.3", title: "Déontologie et analyse des pratiques", hours: 18, mandatory: true },
        ],
      },
    ],
  },
};

/** Certificates a candidate may already hold: another mention, or the former TMP training. */
export type HeldCertificate = Mention | "TMP";

export interface CrossDispense {
  /** The training being prepared. */
  target: Mention;
  /** The certificate already held. */
  held: HeldCertificate;
  /** Modules of the target training the holder is dispensed of. */
  modules: readonly string[];
  source: string;
}

/**
 * Dispenses for holders of another certificate (003 row « Dispenses »; arrêté du 2 janvier 2009,
 * art. 4). They apply even to modules that otherwise admit no dispense.
 */
export const CROSS_DISPENSES: readonly CrossDispense[] = [
  {
    target: "MJPM",
    held: "MAJ",
    modules: ["4.2", "4.3"],
    source: "Présentation des CNC, tableau « Dispenses »",
  },
  {
    target: "MJPM",
    held: "MJAGBF",
    modules: ["4.2", "4.3"],
    source: "Présentation des CNC, tableau « Dispenses »",
  },
  {
    target: "MJPM",
    held: "TMP",
    modules: ["1.1", "1.2", "2.1", "2.2", "3.1", "4.1", "4.2", "4.3"],
    source: "arrêté du 2 janvier 2009, art. 4 (tous les modules sauf 3.2)",
  },
  {
    target: "MAJ",
    held: "MJAGBF",
    modules: ["2.2", "2.3", "2.4"],
    source: "Présentation des CNC, tableau « Dispenses »",
  },
  { target: "MAJ", held: "MJPM", modules: ["2.4"], source: "Présentation des CNC, tableau « Dispenses »" },
  {
    target: "MJAGBF",
    held: "MAJ",
    modules: ["2.2", "2.3"],
    source: "Présentation des CNC, tableau « Dispenses »",
  },
  { target: "MJAGBF", held: "MJPM", modules: ["2.3"], source: "Présentation des CNC, tableau « Dispenses »" },
];

/** Practical training (003 « Stage pratique »; arrêté du 2 janvier 2009, art. 4). */
export const INTERNSHIP = {
  hours: 350,
  weeks: 10,
  /** Months of tutelary activity at entry into training that dispense of the internship. */
  dispenseTutelaryMonths: 6,
} as const;

/** Months of professional experience related to a module's content that open an allègement (003). */
export const ALLEGEMENT_EXPERIENCE_MONTHS = 36;

/** Administrative and commission fee, not refundable (003 « Pièces à fournir »). */
export const CANDIDACY_FEE = {
  standard: 187,
  /** For holders of the former CNC « TMP » or « TPS ». */
  reduced: 93.5,
  currency: "EUR",
} as const;

export type PieceCondition =
  | "exercising_tutelary"
  /** Tutelary activity declared, current or past: its seniority is proven by the work certificates. */
  | "tutelary_experience"
  | "requests_allegement"
  | "requests_dispense";

export interface CandidacyPiece {
  code: string;
  label: string;
  /** The piece is required only when this condition holds (every one of them, for a list). */
  requiredWhen?: PieceCondition | readonly PieceCondition[];
}

/** Pieces of the positioning and registration dossier, one dossier per CNC (003 « Pièces à fournir »). */
export const CANDIDACY_PIECES: readonly CandidacyPiece[] = [
  { code: "identity_document", label: "Photocopie d'une pièce d'identité" },
  { code: "photo", label: "Une photo d'identité" },
  {
    code: "motivation_letter",
    label:
      "Lettre motivée de candidature précisant le CNC et la mention envisagés et, de façon explicite, les dispenses et allègements souhaités",
  },
  {
    code: "positioning_form",
    label: "Dossier de positionnement et d'inscription à la formation, complété, daté et signé",
  },
  {
    code: "diplomas",
    label: "Photocopie de tous les diplômes, titres ou certificats obtenus, avec le détail des programmes",
  },
  { code: "cv", label: "Curriculum vitae détaillé" },
  { code: "funding_commitment", label: "Lettre d'engagement de financement de la formation" },
  {
    code: "job_descriptions",
    label:
      "Fiche(s) de poste précisant les fonctions et activités exercées au regard de la formation et du CNC envisagé",
    requiredWhen: "exercising_tutelary",
  },
  {
    code: "fee_payment",
    label:
      "Règlement des frais de gestion administrative et de commission de positionnement, non remboursables (187 €, ou 93,50 € pour les titulaires des anciens CNC « TMP » ou « TPS »)",
  },
  {
    code: "dispense_proofs",
    label: "Justificatifs nécessaires à l'octroi des dispenses demandées",
    requiredWhen: "requests_dispense",
  },
  {
    code: "allegement_proofs",
    label: "Justificatifs nécessaires à l'octroi des allègements demandés",
    requiredWhen: "requests_allegement",
  },
  {
    code: "work_certificates",
    label:
      "Attestations de travail avec l'intitulé du ou des postes et leurs dates d'exercice, justifiant de l'ancienneté dans l'activité tutélaire",
    requiredWhen: "tutelary_experience",
  },
  {
    code: "measure_report",
    label:
      "Dossier compte-rendu de mesure répondant aux objectifs des modules pour lesquels l'allègement est sollicité",
    requiredWhen: ["requests_allegement", "exercising_tutelary"],
  },
];

export type CommissionRole = "training_body" | "head_of_judicial_trainings" | "professional";

export interface CommissionRoleInfo {
  code: CommissionRole;
  label: string;
  min: number;
  /** null: no maximum. */
  max: number | null;
}

/** Members of the admission commission (003 « Commission »). */
export const COMMISSION_ROLES: readonly CommissionRoleInfo[] = [
  { code: "training_body", label: "Représentant de l'organisme de formation", min: 1, max: null },
  {
    code: "head_of_judicial_trainings",
    label: "Responsable des formations « mesures judiciaires »",
    min: 1,
    max: 1,
  },
  { code: "professional", label: "Représentant professionnel", min: 1, max: null },
];

/** What the commission examines in a dossier (003). */
export const COMMISSION_CRITERIA: readonly string[] = [
  "Le certificat souhaité",
  "Le mode d'exercice",
  "Les conditions d'âge",
  "Les diplômes et titres requis",
  "Les autres diplômes détenus par le candidat",
  "L'expérience professionnelle, dans le champ tutélaire et hors de ce champ",
  "Les demandes de dispenses et d'allègements et leurs justificatifs",
  "Les certificats nationaux de compétence détenus par le candidat",
  "Les motivations du candidat",
  "Les autres documents fournis (curriculum vitae, fiches de poste…)",
];
