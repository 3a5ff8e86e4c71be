/** French labels of the assessment's domains and levels (the measure's pages and the reports use them). */
import type { TagTone } from "../platform/views/display.tsx";
import type { AssessmentDomain, AssessmentLevel } from "./tables.ts";

export const DOMAIN_LABELS: Record<AssessmentDomain, string> = {
  logement: "Logement",
  emploi_formation: "Emploi et formation",
  ressources_dettes: "Ressources et dettes",
  sante_physique: "Santé physique",
  sante_psychique: "Santé psychique",
  addictions: "Addictions",
  famille_enfants: "Famille et enfants",
  administratif: "Situation administrative",
  justice: "Justice",
};

/** What each domain covers, shown under its title in the form. */
export const DOMAIN_HINTS: Record<AssessmentDomain, string> = {
  logement: "Hébergement, stabilité du logement, risque d'expulsion",
  emploi_formation: "Activité, recherche d'emploi, formation, scolarité",
  ressources_dettes: "Revenus, budget, dettes et surendettement",
  sante_physique: "Suivi médical, handicap, couverture santé",
  sante_psychique: "Souffrance psychique, suivi psychiatrique ou psychologique",
  addictions: "Alcool, stupéfiants, jeux, médicaments",
  famille_enfants: "Couple, enfants, liens familiaux, violences intrafamiliales",
  administratif: "Papiers d'identité, titre de séjour, droits sociaux (CAF, assurance maladie…)",
  justice: "Antécédents, autres procédures en cours, victimes",
};

export const LEVEL_LABELS: Record<AssessmentLevel, string> = {
  aucune: "Pas de difficulté",
  difficulte: "Difficulté",
  majeure: "Difficulté majeure",
  non_evaluee: "Non évalué",
};

export const LEVEL_TONES: Record<AssessmentLevel, TagTone> = {
  aucune: "green",
  difficulte: "orange",
  majeure: "red",
  non_evaluee: "grey",
};

export type Trend = "amelioration" | "degradation" | "stable";

export const TREND_LABELS: Record<Trend, string> = {
  amelioration: "Amélioration",
  degradation: "Dégradation",
  stable: "Stable",
};

export const TREND_TONES: Record<Trend, TagTone> = {
  amelioration: "green",
  degradation: "red",
  stable: "grey",
};
