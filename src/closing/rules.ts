/** Pure rules of closing a measure: the outcome, the date and the final report it requires. */
import type { IsoDate } from "../deadlines/rules.ts";
import type { FormErrors } from "../platform/forms.ts";
import { formatDate } from "../platform/views/display.tsx";
import type { ReportKind } from "../reference/data/measure-types.ts";
import { DOCUMENT_TITLES } from "../reports/draft.ts";

export interface ClosingRequest {
  outcome: string | undefined;
  /** The outcomes of the measure's type. */
  outcomes: readonly { code: string }[];
  closedOn: IsoDate | undefined;
  /** The date of the measure's last status change. */
  lastStatusOn: IsoDate;
  today: IsoDate;
  /** The final report the type calls for (null: none), and the date it was last issued (null: never). */
  finalReport: { kind: ReportKind; issuedOn: IsoDate | null } | null;
}

/** Field holding the error about the missing final report (the notice with the link to write it). */
export const FINAL_REPORT_FIELD = "rapportFinal";

/** French messages per field; empty when the measure can be closed as asked. */
export function checkClosing(req: ClosingRequest): FormErrors {
  const errors: FormErrors = {};
  if (req.outcome && !req.outcomes.some((o) => o.code === req.outcome)) {
    errors.outcome = "Choisissez une issue de la liste";
  }
  if (req.closedOn) {
    if (req.closedOn > req.today) errors.closedOn = "La date de clôture ne peut pas être dans le futur";
    else if (req.closedOn < req.lastStatusOn)
      errors.closedOn = `La date de clôture doit être postérieure ou égale au dernier changement de statut (${formatDate(req.lastStatusOn)})`;
    else if (req.finalReport?.issuedOn && req.closedOn < req.finalReport.issuedOn)
      errors.closedOn = `La date de clôture doit être postérieure ou égale à l'émission du rapport final (${formatDate(req.finalReport.issuedOn)})`;
  }
  if (req.finalReport && !req.finalReport.issuedOn) {
    errors[FINAL_REPORT_FIELD] =
      `Émettez le ${DOCUMENT_TITLES[req.finalReport.kind].toLowerCase()} avant de clôturer la mesure`;
  }
  return errors;
}
