import type { VNode } from "preact";
import { plural } from "../platform/french.ts";
import { DataTable, formatDate, SummaryList, Tag, type TagTone } from "../platform/views/display.tsx";
import type { Option } from "../platform/views/forms.tsx";
import type { Course } from "./dossier.ts";
import {
  COMMISSION_ROLES,
  type CommissionRole,
  EXERCISE_MODE_INFO,
  type ExerciseMode,
  type HeldCertificate,
  INTERNSHIP,
  MENTION_INFO,
  type Mention,
} from "./reference.ts";
import {
  CANDIDACY_STATUS_LABELS,
  type CandidacyStatus,
  type CncEligibility,
  crossDispensedModules,
  type Duration,
  formatMonths,
  type ModuleStatus,
  trainingModules,
} from "./rules.ts";
import type { DecisionOutcome } from "./tables.ts";

const STATUS_TONES: Record<CandidacyStatus, TagTone> = {
  brouillon: "grey",
  incomplet: "orange",
  complet: "blue",
  en_commission: "purple",
  admis: "green",
  positionne: "green",
  refuse: "red",
  conteste: "orange",
  entretien_planifie: "purple",
};

export function StatusTag({ status }: { status: CandidacyStatus }): VNode {
  return <Tag tone={STATUS_TONES[status]}>{CANDIDACY_STATUS_LABELS[status]}</Tag>;
}

export const OUTCOME_LABELS: Record<DecisionOutcome, string> = {
  admis: "Admis en formation",
  positionne: "Positionné sur un parcours individualisé",
  refuse: "Refusé",
};

export function modeLabel(mode: ExerciseMode): string {
  return EXERCISE_MODE_INFO[mode].label;
}

export function roleLabel(role: CommissionRole): string {
  return COMMISSION_ROLES.find((r) => r.code === role)?.label ?? role;
}

export function candidateName(c: { lastName: string; firstName: string }): string {
  return `${c.lastName.toLocaleUpperCase("fr-FR")} ${c.firstName}`;
}

export function mentionTitle(mention: Mention): string {
  return `Mention ${mention} – ${MENTION_INFO[mention].label}`;
}

/** « 5 mois et 29 jours ». */
export function formatDuration(d: Duration): string {
  const months = formatMonths(d.months);
  if (d.days === 0) return months;
  const days = plural(d.days, "jour");
  return d.months === 0 ? days : `${months.replace(" et ", ", ")} et ${days}`;
}

/** The modules of a mention as choices, with the rule each one follows. */
export function moduleOptions(mention: Mention, held: readonly HeldCertificate[]): Option[] {
  const byRight = crossDispensedModules(mention, held);
  return trainingModules(mention).map((m) => {
    const hint = byRight.includes(m.code)
      ? "Dispense de droit : le candidat détient un autre certificat qui en dispense"
      : m.mandatory
        ? "N'admet ni dispense ni allègement"
        : undefined;
    return {
      value: m.code,
      label: `${m.code} ${m.title} (${m.hours} h)`,
      ...(hint ? { hint } : {}),
    };
  });
}

/** The access conditions, check by check, with their explanation. */
export function EligibilityView({
  eligibility,
  on,
  caption,
}: {
  eligibility: CncEligibility;
  on: string;
  caption: string;
}): VNode {
  const names: Record<string, string> = {
    mode: "Mode d'exercice",
    age: "Âge",
    experience: "Expérience professionnelle",
    diploma: "Diplôme",
  };
  return (
    <>
      <DataTable
        caption={`${caption} (au ${formatDate(on)})`}
        head={["Condition", "Exigé", "Situation du candidat", "Résultat", "Explication"]}
        rows={eligibility.checks.map((c) => [
          names[c.code] ?? c.code,
          c.required,
          c.actual,
          <Tag tone={c.ok ? "green" : "red"}>{c.ok ? "Remplie" : "Non remplie"}</Tag>,
          c.explanation,
        ])}
      />
      <p>
        <strong>
          {eligibility.eligible
            ? "Le candidat remplit les conditions d'accès."
            : "Le candidat ne remplit pas toutes les conditions d'accès."}
        </strong>{" "}
        CNC requis {eligibility.timing}.
      </p>
      {eligibility.notes.map((n) => (
        <p key={n} class="hint">
          {n}
        </p>
      ))}
    </>
  );
}

const MODULE_STATUS: Record<ModuleStatus, { label: string; tone: TagTone }> = {
  to_follow: { label: "À suivre", tone: "blue" },
  dispensed: { label: "Dispensé (module validé)", tone: "green" },
  allege: { label: "Allégé (épreuves maintenues)", tone: "orange" },
};

/** Theory due after dispenses, the internship and each module's place in the course. */
export function CourseView({ course, caption }: { course: Course; caption: string }): VNode {
  const internship = course.internship;
  return (
    <>
      <SummaryList
        rows={[
          { key: "Entrée en formation", value: formatDate(course.entryDate) },
          {
            key: "Formation théorique due",
            value: `${course.theoryHoursDue} h sur ${course.theoryHoursTotal} h (les dispenses sont déduites ; les modules allégés restent dus)`,
          },
          {
            key: "Stage pratique",
            value: internship.awaitingWorkCertificates
              ? `${internship.hours} h sur ${internship.weeks} semaines consécutives, à effectuer : ${formatDuration(course.tutelaryAtEntry)} d'activité tutélaire à l'entrée en formation dispenseraient du stage, mais les attestations de travail qui la justifient ne sont pas au dossier`
              : internship.dispensed
                ? `Dispensé : ${formatDuration(course.tutelaryAtEntry)} d'activité tutélaire à l'entrée en formation (${INTERNSHIP.dispenseTutelaryMonths} mois exigés)`
                : `${internship.hours} h sur ${internship.weeks} semaines consécutives, à effectuer (${formatDuration(course.tutelaryAtEntry)} d'activité tutélaire à l'entrée en formation ; ${INTERNSHIP.dispenseTutelaryMonths} mois en dispensent)`,
          },
        ]}
      />
      <DataTable
        caption={caption}
        head={["Module", "Intitulé", "Heures", "Parcours"]}
        numericColumns={[2]}
        rows={course.modules.map((m) => [
          m.code,
          m.title,
          `${m.hours} h`,
          <Tag tone={MODULE_STATUS[m.status].tone}>{MODULE_STATUS[m.status].label}</Tag>,
        ])}
      />
      <p class="hint">
        Une dispense valide le module. Un allègement ne le valide pas : les épreuves de certification
        demeurent.
      </p>
    </>
  );
}

/** The commission's decision: outcome, date, comment. */
export function DecisionSummary({
  decision,
  commissionOn,
}: {
  decision: { outcome: DecisionOutcome; decidedAt: Date; comment: string | null };
  commissionOn: string | null;
}): VNode {
  return (
    <SummaryList
      rows={[
        {
          key: "Décision",
          value: (
            <Tag tone={decision.outcome === "refuse" ? "red" : "green"}>
              {OUTCOME_LABELS[decision.outcome]}
            </Tag>
          ),
        },
        {
          key: "Commission",
          value: commissionOn ? `Commission du ${formatDate(commissionOn)}` : null,
        },
        { key: "Enregistrée le", value: formatDate(decision.decidedAt) },
        { key: decision.outcome === "refuse" ? "Motif" : "Commentaire", value: decision.comment },
      ]}
    />
  );
}

export function moduleList(codes: readonly string[], none = "Aucun"): string {
  return codes.length === 0 ? none : codes.join(", ");
}
