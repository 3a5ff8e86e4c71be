import type { VNode } from "preact";
import { PLAN_DOMAIN_LABELS } from "../action-plans/rules.ts";
import { Button, CheckboxGroup, CsrfField, FormActions } from "../platform/views/forms.tsx";
import { DOMAIN_LABELS } from "./labels.ts";
import { NEEDS_FIELD, type NeedProposal } from "./to-plan.ts";

/**
 * On an assessment's page: its needs offered as objectives of the action plan, checked by default,
 * added in one step. Needs already in the plan are listed apart.
 */
export function NeedsToPlan({
  measureId,
  assessmentId,
  proposals,
  csrfToken,
  chosen,
  error,
}: {
  measureId: string;
  assessmentId: string;
  proposals: NeedProposal[];
  csrfToken: string | undefined | null;
  /** The domains checked when the form comes back; by default every need not yet in the plan. */
  chosen?: string[] | undefined;
  error?: string | undefined;
}): VNode | null {
  if (proposals.length === 0) return null;
  const open = proposals.filter((p) => !p.inPlan);
  const inPlan = proposals.filter((p) => p.inPlan);
  return (
    <section aria-labelledby="besoins-plan">
      <h2 id="besoins-plan">Des besoins au plan d'action</h2>
      {open.length > 0 ? (
        <form method="post" action={`/mesures/${measureId}/evaluation/${assessmentId}/objectifs`} novalidate>
          <CsrfField token={csrfToken} />
          <CheckboxGroup
            name={NEEDS_FIELD}
            legend="Besoins à ajouter comme objectifs du plan"
            hint="Chaque besoin coché devient un objectif « à faire » du plan, dans le domaine indiqué ; vous pourrez ensuite le reformuler et y ajouter des actions."
            options={open.map((p) => ({
              value: p.domain,
              label: `${DOMAIN_LABELS[p.domain]} → ${PLAN_DOMAIN_LABELS[p.planDomain]} : ${p.title}`,
            }))}
            values={chosen ?? open.map((p) => p.domain)}
            error={error}
          />
          <FormActions>
            <Button>Ajouter au plan d'action</Button>
          </FormActions>
        </form>
      ) : null}
      {inPlan.length > 0 ? (
        <>
          <p>Déjà dans le plan d'action :</p>
          <ul>
            {inPlan.map((p) => (
              <li key={p.domain}>
                {DOMAIN_LABELS[p.domain]} : <a href={`/mesures/${measureId}/plan`}>{p.title}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
