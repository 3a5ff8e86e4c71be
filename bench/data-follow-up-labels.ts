import type { PlanDomain } from "../src/action-plans/tables.ts";

/** An objective and a first action per domain of the action plan, as an intervenant would write them. */
export const ACTION_PLAN_TITLES: Record<PlanDomain, { objective: string; action: string }> = {
  formation: {
    objective: "Reprendre une formation qualifiante",
    action: "Prendre rendez-vous au centre de formation",
  },
  emploi: {
    objective: "Retrouver un emploi stable",
    action: "S'inscrire à France Travail et actualiser son CV",
  },
  soins: { objective: "Engager un suivi de soins", action: "Premier rendez-vous au CSAPA" },
  hebergement: { objective: "Obtenir un hébergement", action: "Déposer une demande au SIAO" },
  logement: {
    objective: "Accéder à un logement autonome",
    action: "Constituer le dossier de demande de logement social",
  },
  ressources: {
    objective: "Ouvrir les droits aux ressources",
    action: "Déposer la demande de RSA auprès de la CAF",
  },
  administratif: {
    objective: "Régulariser la situation administrative",
    action: "Refaire la carte d'identité",
  },
  famille: { objective: "Maintenir les liens familiaux", action: "Rencontrer la médiatrice familiale" },
  autre: { objective: "Stabiliser la situation", action: "Faire le point à l'entretien suivant" },
};
