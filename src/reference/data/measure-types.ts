/**
 * Catalogue of the socio-judicial measures followed in Parcours.
 *
 * `legalBasis` cites the texts in force (code de procédure pénale, code pénal, code de la justice pénale
 * des mineurs). `defaultReportDeadline` is the default delay, counted from the date the service receives
 * the mandate, for the first report expected by the magistrate: it is an editable default, not a statutory
 * value, except where a text fixes it (MJIE: six months, art. D322-4 CJPM; stages under art. 131-5-1 CP:
 * six months from the final conviction; composition pénale: six-month ceiling of art. 41-2 CPP for most
 * measures). The magistrate's decision always prevails over the default. This table is seed data: an
 * administrator can edit it.
 */

import type { DeadlineRule } from "../../deadlines/rules.ts";

export type MeasurePhase = "pre_sentence" | "post_sentence" | "alternative" | "victims";

export type MeasurePublic = "adult" | "minor";

export type ReportKind =
  | "rapport_enquete"
  | "rapport_etape"
  | "rapport_fin_mesure"
  | "rapport_incident"
  | "proposition_amenagement";

export const REPORT_KIND_LABELS: Readonly<Record<ReportKind, string>> = {
  rapport_enquete: "Rapport d'enquête",
  rapport_etape: "Rapport d'étape",
  rapport_fin_mesure: "Rapport de fin de mesure",
  rapport_incident: "Rapport d'incident",
  proposition_amenagement: "Proposition d'aménagement",
};

export const MEASURE_PHASE_LABELS: Readonly<Record<MeasurePhase, string>> = {
  pre_sentence: "Présentenciel",
  post_sentence: "Post-sentenciel",
  alternative: "Alternatives aux poursuites et stages",
  victims: "Aide aux victimes",
};

export interface MeasureOutcome {
  code: string;
  label: string;
}

export interface MeasureType {
  code: string;
  label: string;
  shortLabel: string;
  phase: MeasurePhase;
  publics: MeasurePublic[];
  /** Magistrates or courts that may order the measure. */
  orderedBy: string[];
  legalBasis: string;
  defaultReportDeadline: DeadlineRule;
  reportKinds: ReportKind[];
  /** How a measure of this type can end. */
  outcomes: MeasureOutcome[];
}

const PROCUREUR = "Procureur de la République";
const JI = "Juge d'instruction";
const JLD = "Juge des libertés et de la détention";
const JAP = "Juge de l'application des peines";
const JE = "Juge des enfants";
const TC = "Tribunal correctionnel";
const TPE = "Tribunal pour enfants";

const DESSAISISSEMENT: MeasureOutcome = { code: "dessaisissement", label: "Dessaisissement du service" };

const STAGE_OUTCOMES: MeasureOutcome[] = [
  { code: "stage_effectue", label: "Stage effectué" },
  { code: "stage_non_effectue", label: "Stage non effectué (absence ou refus)" },
  { code: "stage_interrompu", label: "Stage interrompu (exclusion ou abandon)" },
];

const STAGE_ORDERED_BY = [PROCUREUR, TC, JAP];
const STAGE_REPORTS: ReportKind[] = ["rapport_fin_mesure", "rapport_incident"];
/** Art. 131-5-1 CP: the stage is carried out within six months of the final conviction. */
const STAGE_DEADLINE: DeadlineRule = { amount: 6, unit: "months" };

export const MEASURE_TYPES: readonly MeasureType[] = [
  {
    code: "esr",
    label: "Enquête sociale rapide",
    shortLabel: "ESR",
    phase: "pre_sentence",
    publics: ["adult"],
    orderedBy: [PROCUREUR, JI, JLD],
    legalBasis: "art. 41 (vérification de la situation matérielle, familiale et sociale) et 81 CPP",
    // Carried out during the déferrement, before the hearing: the report is due the same or the next day.
    defaultReportDeadline: { amount: 1, unit: "calendar_days" },
    reportKinds: ["rapport_enquete"],
    outcomes: [
      { code: "rapport_remis", label: "Rapport remis" },
      { code: "enquete_impossible", label: "Enquête impossible (refus ou personne non rencontrée)" },
    ],
  },
  {
    code: "enquete_personnalite",
    label: "Enquête de personnalité",
    shortLabel: "Enquête de personnalité",
    phase: "pre_sentence",
    publics: ["adult"],
    orderedBy: [JI],
    legalBasis: "art. 81 al. 6 et D16 CPP",
    defaultReportDeadline: { amount: 3, unit: "months" },
    reportKinds: ["rapport_enquete", "rapport_incident"],
    outcomes: [
      { code: "rapport_remis", label: "Rapport remis" },
      { code: "enquete_impossible", label: "Enquête impossible (refus ou personne introuvable)" },
      DESSAISISSEMENT,
    ],
  },
  {
    code: "cjse",
    label: "Contrôle judiciaire socio-éducatif",
    shortLabel: "CJSE",
    phase: "pre_sentence",
    publics: ["adult"],
    orderedBy: [JI, JLD, TC],
    legalBasis: "art. 137 à 141-4 CPP, not. art. 138 al. 2 (5°, 6° et 18°) ; art. 394, 396 et 397-3 CPP",
    defaultReportDeadline: { amount: 2, unit: "months" },
    reportKinds: ["rapport_etape", "rapport_incident", "rapport_fin_mesure"],
    outcomes: [
      { code: "menee_a_terme", label: "Mesure menée à terme (jugement ou non-lieu)" },
      { code: "mainlevee", label: "Mainlevée" },
      { code: "revocation", label: "Révocation (placement en détention provisoire)" },
      { code: "modification", label: "Modification en une autre mesure (ARSE, contrôle judiciaire simple…)" },
      DESSAISISSEMENT,
    ],
  },
  {
    code: "arse",
    label: "Assignation à résidence avec surveillance électronique",
    shortLabel: "ARSE",
    phase: "pre_sentence",
    publics: ["adult"],
    orderedBy: [JI, JLD],
    legalBasis: "art. 142-5 à 142-13 CPP",
    defaultReportDeadline: { amount: 3, unit: "months" },
    reportKinds: ["rapport_etape", "rapport_incident", "rapport_fin_mesure"],
    outcomes: [
      { code: "menee_a_terme", label: "Mesure menée à terme" },
      { code: "mainlevee", label: "Mainlevée" },
      { code: "revocation", label: "Révocation (placement en détention provisoire)" },
      DESSAISISSEMENT,
    ],
  },
  {
    code: "mediation_penale",
    label: "Médiation pénale",
    shortLabel: "Médiation pénale",
    phase: "alternative",
    publics: ["adult", "minor"],
    orderedBy: [PROCUREUR],
    legalBasis: "art. 41-1 5° CPP ; art. L422-1 CJPM (mineurs)",
    defaultReportDeadline: { amount: 3, unit: "months" },
    reportKinds: ["rapport_fin_mesure"],
    outcomes: [
      { code: "mediation_reussie", label: "Médiation réussie" },
      { code: "mediation_echouee", label: "Médiation échouée" },
      { code: "mediation_non_engagee", label: "Médiation non engagée (refus ou absence d'une partie)" },
    ],
  },
  {
    code: "composition_penale",
    label: "Composition pénale",
    shortLabel: "Composition pénale",
    phase: "alternative",
    publics: ["adult", "minor"],
    orderedBy: [PROCUREUR],
    legalBasis: "art. 41-2, 41-3 et R15-33-38 et s. CPP ; art. L422-1 et s. CJPM (mineurs)",
    defaultReportDeadline: { amount: 6, unit: "months" },
    reportKinds: ["rapport_fin_mesure", "rapport_incident"],
    outcomes: [
      { code: "executee", label: "Mesures exécutées (extinction de l'action publique)" },
      { code: "partiellement_executee", label: "Mesures partiellement exécutées" },
      { code: "non_executee", label: "Mesures non exécutées" },
      { code: "refus", label: "Composition refusée" },
    ],
  },
  {
    code: "stage_citoyennete",
    label: "Stage de citoyenneté",
    shortLabel: "Stage citoyenneté",
    phase: "alternative",
    publics: ["adult", "minor"],
    orderedBy: [...STAGE_ORDERED_BY, JE],
    legalBasis: "art. 131-5-1 1°, 132-45 15° et R131-35 et s. CP ; art. 41-1 2° et 41-2 CPP",
    defaultReportDeadline: STAGE_DEADLINE,
    reportKinds: STAGE_REPORTS,
    outcomes: STAGE_OUTCOMES,
  },
  {
    code: "stage_violences_couple",
    label:
      "Stage de responsabilisation pour la prévention et la lutte contre les violences au sein du couple et sexistes",
    shortLabel: "Stage violences conjugales",
    phase: "alternative",
    publics: ["adult"],
    orderedBy: STAGE_ORDERED_BY,
    legalBasis: "art. 131-5-1 4°, 132-45 15° et R131-35 et s. CP ; art. 41-1 2° et 41-2 CPP",
    defaultReportDeadline: STAGE_DEADLINE,
    reportKinds: STAGE_REPORTS,
    outcomes: STAGE_OUTCOMES,
  },
  {
    code: "stage_stupefiants",
    label: "Stage de sensibilisation aux dangers de l'usage de produits stupéfiants",
    shortLabel: "Stage stupéfiants",
    phase: "alternative",
    publics: ["adult", "minor"],
    orderedBy: [...STAGE_ORDERED_BY, JE],
    legalBasis:
      "art. 131-5-1 3°, 132-45 15° et R131-35 et s. CP ; art. 41-1 2° et 41-2 CPP ; art. L3421-1 CSP",
    defaultReportDeadline: STAGE_DEADLINE,
    reportKinds: STAGE_REPORTS,
    outcomes: STAGE_OUTCOMES,
  },
  {
    code: "stage_securite_routiere",
    label: "Stage de sensibilisation à la sécurité routière",
    shortLabel: "Stage sécurité routière",
    phase: "alternative",
    publics: ["adult"],
    orderedBy: STAGE_ORDERED_BY,
    legalBasis:
      "art. 131-5-1 2°, 131-35-1 et 132-45 15° CP ; art. 41-1 2° et 41-2 CPP ; art. R223-5 et s. C. route",
    defaultReportDeadline: STAGE_DEADLINE,
    reportKinds: STAGE_REPORTS,
    outcomes: STAGE_OUTCOMES,
  },
  {
    code: "stage_responsabilite_parentale",
    label: "Stage de responsabilité parentale",
    shortLabel: "Stage responsabilité parentale",
    phase: "alternative",
    publics: ["adult"],
    orderedBy: STAGE_ORDERED_BY,
    legalBasis: "art. 131-5-1 6°, 132-45 15° et R131-35 et s. CP ; art. 41-1 2° et 41-2 CPP",
    defaultReportDeadline: STAGE_DEADLINE,
    reportKinds: STAGE_REPORTS,
    outcomes: STAGE_OUTCOMES,
  },
  {
    code: "placement_exterieur",
    label: "Placement à l'extérieur",
    shortLabel: "Placement extérieur",
    phase: "post_sentence",
    publics: ["adult"],
    orderedBy: [TC, JAP],
    legalBasis: "art. 132-25 et 132-26 CP ; art. 723 et 723-1 CPP",
    defaultReportDeadline: { amount: 3, unit: "months" },
    reportKinds: ["rapport_etape", "rapport_incident", "proposition_amenagement", "rapport_fin_mesure"],
    outcomes: [
      { code: "menee_a_terme", label: "Mesure menée à terme (fin de peine)" },
      { code: "sortie_positive_logement", label: "Sortie positive : logement" },
      { code: "sortie_positive_emploi", label: "Sortie positive : emploi" },
      { code: "sortie_positive_formation", label: "Sortie positive : formation" },
      { code: "amenagement_ulterieur", label: "Autre aménagement de peine (libération conditionnelle…)" },
      { code: "revocation", label: "Retrait ou révocation (réincarcération)" },
    ],
  },
  {
    code: "tig",
    label: "Travail d'intérêt général",
    shortLabel: "TIG",
    phase: "post_sentence",
    publics: ["adult", "minor"],
    orderedBy: [TC, JAP, JE, TPE],
    legalBasis:
      "art. 131-8 et 131-22 à 131-24 CP ; art. 747-1 CPP (conversion) ; art. L122-1 CJPM (mineurs de 16 ans et plus)",
    defaultReportDeadline: { amount: 6, unit: "months" },
    reportKinds: ["rapport_etape", "rapport_incident", "rapport_fin_mesure"],
    outcomes: [
      { code: "tig_execute", label: "Heures de TIG effectuées" },
      { code: "tig_partiel", label: "TIG partiellement effectué" },
      { code: "tig_non_execute", label: "TIG non effectué" },
    ],
  },
  {
    code: "sursis_probatoire",
    label: "Sursis probatoire",
    shortLabel: "Sursis probatoire",
    phase: "post_sentence",
    publics: ["adult", "minor"],
    orderedBy: [TC, JAP, TPE],
    legalBasis: "art. 132-40 à 132-53 CP ; art. 471 et 739 à 747 CPP ; art. L122-2 CJPM (mineurs)",
    defaultReportDeadline: { amount: 6, unit: "months" },
    reportKinds: ["rapport_etape", "rapport_incident", "rapport_fin_mesure"],
    outcomes: [
      { code: "menee_a_terme", label: "Mesure menée à terme" },
      { code: "fin_anticipee", label: "Fin anticipée (condamnation non avenue)" },
      { code: "revocation", label: "Révocation totale ou partielle du sursis" },
      DESSAISISSEMENT,
    ],
  },
  {
    code: "reparation_penale_mineurs",
    label: "Réparation pénale (mineurs)",
    shortLabel: "Réparation pénale",
    phase: "alternative",
    publics: ["minor"],
    orderedBy: [PROCUREUR, JE, TPE, JI],
    legalBasis:
      "art. L112-8 à L112-10 et D112-28 et s. CJPM (module de réparation) ; art. L422-1 CJPM (alternative aux poursuites)",
    defaultReportDeadline: { amount: 4, unit: "months" },
    reportKinds: ["rapport_fin_mesure", "rapport_incident"],
    outcomes: [
      { code: "reparation_realisee", label: "Réparation réalisée" },
      { code: "reparation_non_realisee", label: "Réparation non réalisée" },
      { code: "mediation_reussie", label: "Médiation auteur-victime réussie" },
      DESSAISISSEMENT,
    ],
  },
  {
    code: "mjie",
    label: "Mesure judiciaire d'investigation éducative",
    shortLabel: "MJIE",
    phase: "pre_sentence",
    publics: ["minor"],
    orderedBy: [JE, JI, TPE],
    legalBasis: "art. L322-2 2°, L432-1 et D322-4 CJPM ; art. 1183 CPC (assistance éducative)",
    // Statutory: the MJIE is ordered for six months (art. D322-4 CJPM).
    defaultReportDeadline: { amount: 6, unit: "months" },
    reportKinds: ["rapport_enquete", "rapport_etape", "rapport_incident"],
    outcomes: [
      { code: "rapport_remis", label: "Rapport remis" },
      { code: "mainlevee", label: "Mainlevée" },
      DESSAISISSEMENT,
    ],
  },
  {
    code: "aide_victimes",
    label: "Aide aux victimes",
    shortLabel: "Aide aux victimes",
    phase: "victims",
    publics: ["adult", "minor"],
    orderedBy: [PROCUREUR, JI, JAP],
    legalBasis: "art. 10-2, 10-5, 41 (dernier alinéa) et D1-12-1 et s. CPP",
    defaultReportDeadline: { amount: 1, unit: "months" },
    reportKinds: ["rapport_enquete", "rapport_fin_mesure"],
    outcomes: [
      { code: "accompagnement_termine", label: "Accompagnement mené à terme" },
      { code: "orientation", label: "Orientation vers un partenaire" },
      { code: "refus", label: "Accompagnement refusé" },
      { code: "victime_non_jointe", label: "Victime non jointe" },
    ],
  },
];

const BY_CODE: ReadonlyMap<string, MeasureType> = new Map(MEASURE_TYPES.map((m) => [m.code, m]));

export function measureTypeByCode(code: string): MeasureType | undefined {
  return BY_CODE.get(code);
}

export function measureTypesForPhase(phase: MeasurePhase): MeasureType[] {
  return MEASURE_TYPES.filter((m) => m.phase === phase);
}
