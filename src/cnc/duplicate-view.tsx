import { DuplicateWarning } from "../persons/duplicate-warning.tsx";
import { plural } from "../platform/french.ts";
import { formatDate } from "../platform/views/display.tsx";
import { candidateName } from "./components.tsx";
import type { CandidateMatch } from "./duplicates.ts";
import { CANDIDACY_STATUS_LABELS, formatEuros } from "./rules.ts";

/** The id of the new candidate form, which « Créer quand même » sends again. */
export const CANDIDATE_FORM_ID = "candidate-form";

function feeText(c: CandidateMatch["candidacies"][number]): string {
  return c.feePaidOn
    ? `frais de ${formatEuros(c.feeCents)} réglés le ${formatDate(c.feePaidOn)}`
    : `frais de ${formatEuros(c.feeCents)} non réglés`;
}

/** The candidates already registered for a certificate asked again, instead of a second candidacy and fee. */
export function CandidateDuplicates({ matches }: { matches: readonly CandidateMatch[] }) {
  return (
    <DuplicateWarning
      title="Ce candidat existe peut-être déjà"
      intro={`${matches.length > 1 ? `${plural(matches.length, "candidat déjà inscrit", "candidats déjà inscrits")} pour ce certificat ont` : "Un candidat déjà inscrit pour ce certificat a"} la même adresse e-mail, ou un nom proche et la même date de naissance. Rien n'a été enregistré : pas de second dossier ni de seconds frais.`}
      formId={CANDIDATE_FORM_ID}
      items={matches.map((m) => ({
        id: m.id,
        href: `/cnc/candidatures/${m.candidacies[0]?.id ?? ""}`,
        name: candidateName(m),
        details: [
          `né·e le ${formatDate(m.birthDate)}`,
          m.email,
          m.reason === "email" ? "même adresse e-mail" : null,
          ...m.candidacies.map(
            (c) =>
              `mention ${c.mention} : ${CANDIDACY_STATUS_LABELS[c.status].toLocaleLowerCase("fr-FR")}, ${feeText(c)}`,
          ),
        ]
          .filter(Boolean)
          .join(" ; "),
      }))}
    />
  );
}
