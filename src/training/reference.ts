/**
 * Reference data of the training service and of the Certificat d'Intervenant Socio-Judiciaire (CISJ).
 * Every value here is a rule of the federation's certification path (see docs/certification-rules.md):
 * keep them in one place so that a change of rule is a change of data, not of code.
 */

/** A calendar date `YYYY-MM-DD`. */
export type IsoDate = string;

export const TRAINING_CATEGORY_CODES = ["TC", "MSJ", "TR"] as const;
export type TrainingCategory = (typeof TRAINING_CATEGORY_CODES)[number];

export interface TrainingCategoryInfo {
  code: TrainingCategory;
  /** Singular label, as shown on a training's page. */
  label: string;
  /** Used in sentences: « 1 formation Tronc commun ». */
  singular: string;
  /** Used in sentences: « 2 formations Tronc commun ». */
  plural: string;
  description: string;
}

export const TRAINING_CATEGORIES: readonly TrainingCategoryInfo[] = [
  {
    code: "TC",
    label: "Tronc commun",
    singular: "formation Tronc commun",
    plural: "formations Tronc commun",
    description: "Formations obligatoires communes à tous les intervenants socio-judiciaires",
  },
  {
    code: "MSJ",
    label: "Mesure socio-judiciaire",
    singular: "formation Mesure socio-judiciaire",
    plural: "formations Mesure socio-judiciaire",
    description: "Formations consacrées à une mesure pré ou post-sentencielle, au choix",
  },
  {
    code: "TR",
    label: "Formation transversale",
    singular: "formation transversale",
    plural: "formations transversales",
    description: "Formations transversales au choix",
  },
];

export const TRAINING_CATEGORY_LABELS: Record<TrainingCategory, string> = {
  TC: "Tronc commun",
  MSJ: "Mesure socio-judiciaire",
  TR: "Formation transversale",
};

/** Number of validated trainings the CISJ requires in each category (source 000). */
export const CISJ_REQUIREMENTS = { TC: 5, MSJ: 2, TR: 2, total: 9 } as const;

/** From this year on, a training is validated by the knowledge test (source 000). */
export const KNOWLEDGE_TEST_FROM_YEAR = 2012;
/** Minimum score at the knowledge test, in percent, inclusive (source 000). */
export const TEST_PASS_THRESHOLD = 50;
/** Minimum attendance for a training before 2012, in percent, inclusive (source 000). */
export const ATTENDANCE_THRESHOLD = 75;

/** Length of one training, in days (source 000). */
export const TRAINING_DURATION_DAYS = { min: 2, max: 6 } as const;
/** Average length of the whole path, in hours, depending on the trainings chosen (source 000). */
export const TYPICAL_PATH_HOURS = { min: 180, max: 200 } as const;
/**
 * Hours in one training day, used to turn a length in days into hours. This is an assumption of
 * Parcours (the source gives days and hours without the ratio); it is editable here.
 */
export const HOURS_PER_DAY = 7;

/** Length of the mémoire, in pages, both ends inclusive (source 000). */
export const MEMOIRE_PAGES = { min: 15, max: 30 } as const;

export interface MemoirePart {
  code: string;
  label: string;
}

/** What the mémoire must set out, in the order of source 000. */
export const MEMOIRE_PARTS: readonly MemoirePart[] = [
  { code: "context", label: "Le contexte de l'accompagnement" },
  {
    code: "measure",
    label: "Les spécificités de la mesure et sa place dans la chaîne pénale",
  },
  { code: "problem", label: "La problématique du justiciable" },
  { code: "profile", label: "Le profil du justiciable" },
  { code: "support", label: "Les modalités d'accompagnement mises en œuvre" },
  { code: "results", label: "Les résultats du processus d'accompagnement" },
  { code: "partners", label: "Le rôle des partenaires éventuels" },
  {
    code: "critical_analysis",
    label: "Une analyse critique des points positifs et des points d'amélioration de l'action",
  },
  { code: "annex_report", label: "En annexe : l'écrit professionnel destiné au magistrat" },
];

export interface FundingSource {
  code: string;
  label: string;
}

/** The ways a CISJ training may be paid for (source 000). */
export const CISJ_FUNDINGS: readonly FundingSource[] = [
  {
    code: "plan_competences",
    label: "Plan de développement des compétences de l'employeur",
  },
  { code: "france_travail", label: "France Travail (ex-Pôle emploi)" },
  { code: "fonds_personnels", label: "Fonds personnels" },
];

/** Funding sources that are refused, with the message shown to the user. */
export const REFUSED_FUNDINGS: readonly (FundingSource & { reason: string })[] = [
  {
    code: "cpf",
    label: "Compte personnel de formation (CPF)",
    reason: "Le parcours du certificat d'intervenant socio-judiciaire n'est pas finançable par le CPF",
  },
];

/** Prefix of the CISJ certificate numbers. */
export const CISJ_CERTIFICATE_PREFIX = "CISJ";
