/**
 * Turning the needs of an assessment into objectives of the action plan in one step: one objective per
 * domain whose needs are written, in the plan's matching domain, titled with the needs. Pure rules.
 */
import type { PlanDomain } from "../action-plans/tables.ts";
import type { FormErrors } from "../platform/forms.ts";
import type { AssessmentDomain } from "./tables.ts";

/** The plan's domain for each domain of the assessment. */
export const PLAN_DOMAIN_OF: Readonly<Record<AssessmentDomain, PlanDomain>> = {
  logement: "logement",
  emploi_formation: "emploi",
  ressources_dettes: "ressources",
  sante_physique: "soins",
  sante_psychique: "soins",
  addictions: "soins",
  famille_enfants: "famille",
  administratif: "administratif",
  justice: "autre",
};

/** The longest title of an objective (the plan's form says the same). */
export const OBJECTIVE_TITLE_MAX = 200;

/** The needs on one line, cut at a word within the objective's 200 characters. */
export function objectiveTitle(needs: string, max = OBJECTIVE_TITLE_MAX): string {
  const text = needs.replace(/\s+/g, " ").trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  // Cut before the word the limit falls into, unless it falls between two words.
  const space = /\s/.test(text.charAt(max - 1)) ? cut.length : cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const same = (a: string, b: string) => a.localeCompare(b, "fr", { sensitivity: "base" }) === 0;

export interface NeedProposal {
  domain: AssessmentDomain;
  planDomain: PlanDomain;
  title: string;
  /** An objective of that domain with that title is already in the plan. */
  inPlan: boolean;
}

/** One proposal per domain whose needs are written, in the assessment's order. */
export function proposalsFromNeeds(
  domains: readonly { domain: AssessmentDomain; needs: string | null }[],
  plan: readonly { domain: string; title: string }[],
): NeedProposal[] {
  return domains
    .filter((d) => d.needs?.trim())
    .map((d) => {
      const planDomain = PLAN_DOMAIN_OF[d.domain];
      const title = objectiveTitle(d.needs ?? "");
      return {
        domain: d.domain,
        planDomain,
        title,
        inPlan: plan.some((o) => o.domain === planDomain && same(o.title, title)),
      };
    });
}

/** Field of the needs chosen on the assessment's page. */
export const NEEDS_FIELD = "besoins";

/** The proposals chosen (not already in the plan), or the French message at the field. */
export function chosenProposals(
  chosen: readonly string[],
  proposals: readonly NeedProposal[],
): { errors: FormErrors; chosen: NeedProposal[] } {
  const open = proposals.filter((p) => !p.inPlan);
  if (chosen.some((c) => !proposals.some((p) => p.domain === c)))
    return { errors: { [NEEDS_FIELD]: "Choisissez des besoins de cette évaluation" }, chosen: [] };
  const picked = open.filter((p) => chosen.includes(p.domain));
  if (picked.length === 0)
    return { errors: { [NEEDS_FIELD]: "Cochez au moins un besoin à ajouter au plan d'action" }, chosen: [] };
  return { errors: {}, chosen: picked };
}
