/** Pure rules of the partners' directory: labels, the label shown in selects, the checks of the form. */
import { MAGISTRATE_FUNCTIONS } from "../measures/form.ts";
import type { FormErrors } from "../platform/forms.ts";
import type { PartnerKind } from "./tables.ts";

export const KIND_LABELS: Record<PartnerKind, string> = {
  magistrat: "Magistrat",
  spip: "SPIP",
  service_social: "Service social",
  emploi: "Emploi et insertion",
  soins: "Soins",
  hebergement: "Hébergement",
  association: "Association",
  autre: "Autre",
};

export interface PartnerInput {
  kind: PartnerKind | null;
  name: string;
  magistrateFunction: string | null;
  courtId: string | null;
  contactName: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  notes: string | null;
  active: boolean;
}

/**
 * A magistrate is known by a function and a juridiction, both required; the other kinds carry
 * neither (whatever was chosen before switching kind is dropped by `partnerValues`).
 */
export function checkPartner(input: PartnerInput): FormErrors {
  const errors: FormErrors = {};
  if (input.kind === "magistrat") {
    if (!input.magistrateFunction) errors.magistrateFunction = "Choisissez la fonction du magistrat";
    else if (!(MAGISTRATE_FUNCTIONS as readonly string[]).includes(input.magistrateFunction))
      errors.magistrateFunction = "Choisissez une fonction dans la liste";
    if (!input.courtId) errors.courtId = "Choisissez la juridiction du magistrat";
  }
  return errors;
}

/** The values stored for a partner: the magistrate's function and juridiction only for a magistrate. */
export function partnerValues(input: PartnerInput & { kind: PartnerKind }) {
  const magistrate = input.kind === "magistrat";
  return {
    ...input,
    magistrateFunction: magistrate ? input.magistrateFunction : null,
    courtId: magistrate ? input.courtId : null,
  };
}

/** How a partner reads in a select: "Name (kind)", or for a magistrate "Name (function, seat)". */
export function partnerLabel(p: {
  name: string;
  kind: PartnerKind;
  magistrateFunction?: string | null;
  courtSeat?: string | null;
}): string {
  if (p.kind === "magistrat") {
    const detail = [p.magistrateFunction, p.courtSeat].filter(Boolean).join(", ");
    return detail ? `${p.name} (${detail})` : `${p.name} (${KIND_LABELS.magistrat})`;
  }
  return `${p.name} (${KIND_LABELS[p.kind]})`;
}
