import { Type } from "typebox";
import {
  ChoiceInput,
  DateInput,
  type FormErrors,
  type FormValues,
  IdInput,
  TextInput,
} from "../platform/forms.ts";
import {
  type CommissionRole,
  EXERCISE_MODES,
  EXPERIENCE_FIELDS,
  type ExerciseMode,
  type ExperienceField,
  MENTIONS,
  type Mention,
} from "./reference.ts";
import { courseFieldErrors, modeAllowed } from "./rules.ts";
import { DECISION_OUTCOMES, type DecisionOutcome, OLD_CERTIFICATES, type OldCertificate } from "./tables.ts";

// Letters of any language, spaces, hyphens and apostrophes: "N'Diaye", "Le Goff-Éluard", "Zoë".
const NAME_PATTERN = "^[\\p{L}][\\p{L}\\p{M} '’\\-.]*$";
const EMAIL_PATTERN = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

/** Rows of experience offered on the candidate form. */
export const EXPERIENCE_ROWS = 4;
/** Rows of members offered on the commission form. */
export const MEMBER_ROWS = 6;

function list(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function text(values: FormValues, key: string): string | null {
  const v = values[key];
  return typeof v === "string" ? v : null;
}

const experienceFields = Object.fromEntries(
  Array.from({ length: EXPERIENCE_ROWS }, (_, i) => i + 1).flatMap((n) => [
    [
      `exp${n}From`,
      Type.Optional(
        DateInput({
          label: "La date de début",
          errorMessage: "Saisissez une date de début réelle, par exemple 01/09/2020",
        }),
      ),
    ],
    [
      `exp${n}To`,
      Type.Optional(
        DateInput({
          label: "La date de fin",
          errorMessage: "Saisissez une date de fin réelle, par exemple 31/08/2023",
        }),
      ),
    ],
    [
      `exp${n}Employer`,
      Type.Optional(
        TextInput({ maxLength: 200, errorMessage: "L'employeur doit faire 200 caractères au plus" }),
      ),
    ],
    [
      `exp${n}Field`,
      Type.Optional(
        ChoiceInput(EXPERIENCE_FIELDS, { errorMessage: "Choisissez le domaine de cet emploi dans la liste" }),
      ),
    ],
  ]),
);

const modeFields = Object.fromEntries(
  MENTIONS.map((m) => [
    `mode${m}`,
    Type.Optional(
      ChoiceInput(EXERCISE_MODES, { errorMessage: `Choisissez le mode d'exercice de la mention ${m}` }),
    ),
  ]),
);

export const CandidateForm = Type.Object({
  lastName: TextInput({
    maxLength: 100,
    pattern: NAME_PATTERN,
    requiredMessage: "Saisissez le nom du candidat",
    errorMessage:
      "Le nom ne peut contenir que des lettres, espaces, apostrophes et traits d'union (100 caractères au plus)",
  }),
  firstName: TextInput({
    maxLength: 100,
    pattern: NAME_PATTERN,
    requiredMessage: "Saisissez le prénom du candidat",
    errorMessage:
      "Le prénom ne peut contenir que des lettres, espaces, apostrophes et traits d'union (100 caractères au plus)",
  }),
  birthDate: DateInput({
    label: "La date de naissance",
    min: "1900-01-01",
    max: "today",
    requiredMessage: "Saisissez la date de naissance : l'âge est une condition d'accès",
    errorMessage: "Saisissez une date de naissance réelle, par exemple 27/03/1990",
  }),
  email: Type.Optional(
    TextInput({
      maxLength: 254,
      pattern: EMAIL_PATTERN,
      errorMessage: "Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.fr",
    }),
  ),
  phone: Type.Optional(
    TextInput({
      pattern: "^\\+?[0-9 .()-]{6,20}$",
      errorMessage: "Saisissez un numéro de téléphone, par exemple 06 12 34 56 78",
    }),
  ),
  addressLine: Type.Optional(
    TextInput({ maxLength: 200, errorMessage: "L'adresse doit faire 200 caractères au plus" }),
  ),
  postalCode: Type.Optional(
    TextInput({
      pattern: "^(\\d{5}|\\d{3} ?\\d{2})$",
      errorMessage: "Le code postal doit comporter 5 chiffres, par exemple 33000",
    }),
  ),
  city: Type.Optional(
    TextInput({ maxLength: 120, errorMessage: "La commune doit faire 120 caractères au plus" }),
  ),
  userEmail: Type.Optional(
    TextInput({
      maxLength: 254,
      pattern: EMAIL_PATTERN,
      errorMessage: "Saisissez l'adresse e-mail d'un compte Parcours, par exemple prenom.nom@exemple.fr",
    }),
  ),
  oldCertificate: Type.Optional(
    ChoiceInput(OLD_CERTIFICATES, { errorMessage: "Choisissez TMP, TPS ou aucun ancien certificat" }),
  ),
  socialWorkDiplomaTitle: Type.Optional(
    TextInput({ maxLength: 200, errorMessage: "L'intitulé du diplôme doit faire 200 caractères au plus" }),
  ),
  level5JobMonths: Type.Optional(
    TextInput({
      pattern: "^\\d{1,3}$",
      errorMessage: "Saisissez un nombre de mois, par exemple 36",
    }),
  ),
  otherDiplomas: Type.Optional(
    TextInput({
      maxLength: 2000,
      errorMessage: "Les autres diplômes doivent faire 2 000 caractères au plus",
    }),
  ),
  ...experienceFields,
  ...modeFields,
});

export interface ExperienceInput {
  /** Row of the form (1…EXPERIENCE_ROWS), for the errors. */
  row: number;
  from: string | null;
  to: string | null;
  employer: string | null;
  tutelary: boolean;
  /** Field of the job; null when not stated. */
  field: ExperienceField | null;
}

export interface CandidateInput {
  lastName: string;
  firstName: string;
  birthDate: string;
  email: string | null;
  phone: string | null;
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  userEmail: string | null;
  oldCertificate: OldCertificate | null;
  heldMentions: Mention[];
  hasSocialWorkDiploma: boolean;
  socialWorkDiplomaTitle: string | null;
  hasLevel5Diploma: boolean;
  level5JobMonths: number;
  otherDiplomas: string | null;
  experiences: ExperienceInput[];
  candidacies: { mention: Mention; mode: ExerciseMode | null }[];
}

export function toCandidateInput(values: FormValues): CandidateInput {
  const s = (k: string) => text(values, k);
  const mentions = list(values.mentions).filter((m): m is Mention => MENTIONS.includes(m as Mention));
  const experiences: ExperienceInput[] = [];
  for (let row = 1; row <= EXPERIENCE_ROWS; row++) {
    const entry = {
      row,
      from: s(`exp${row}From`),
      to: s(`exp${row}To`),
      employer: s(`exp${row}Employer`),
      tutelary: values[`exp${row}Tutelary`] !== undefined || s(`exp${row}Field`) === "tutelaire",
      field: EXPERIENCE_FIELDS.includes(s(`exp${row}Field`) as ExperienceField)
        ? (s(`exp${row}Field`) as ExperienceField)
        : null,
    };
    if (entry.from || entry.to || entry.employer || entry.tutelary || entry.field) experiences.push(entry);
  }
  return {
    lastName: s("lastName") ?? "",
    firstName: s("firstName") ?? "",
    birthDate: s("birthDate") ?? "",
    email: s("email")?.toLowerCase() ?? null,
    phone: s("phone"),
    addressLine: s("addressLine"),
    postalCode: s("postalCode")?.replace(/\s/g, "") ?? null,
    city: s("city"),
    userEmail: s("userEmail")?.toLowerCase() ?? null,
    oldCertificate: OLD_CERTIFICATES.includes(s("oldCertificate") as OldCertificate)
      ? (s("oldCertificate") as OldCertificate)
      : null,
    heldMentions: list(values.heldMentions).filter((m): m is Mention => MENTIONS.includes(m as Mention)),
    hasSocialWorkDiploma: values.hasSocialWorkDiploma !== undefined,
    socialWorkDiplomaTitle: s("socialWorkDiplomaTitle"),
    hasLevel5Diploma: values.hasLevel5Diploma !== undefined,
    level5JobMonths: Number(s("level5JobMonths") ?? "0") || 0,
    otherDiplomas: s("otherDiplomas"),
    experiences,
    candidacies: MENTIONS.filter((m) => mentions.includes(m)).map((mention) => {
      const mode = s(`mode${mention}`);
      return {
        mention,
        mode: EXERCISE_MODES.includes(mode as ExerciseMode) ? (mode as ExerciseMode) : null,
      };
    }),
  };
}

/** What the schema cannot say: dates in the past, one mention at least with its mode, complete periods. */
export function checkCandidate(input: CandidateInput, values: FormValues, today: string): FormErrors {
  const errors: FormErrors = {};
  if (input.birthDate && input.birthDate > today)
    errors.birthDate = "La date de naissance ne peut pas être dans le futur";
  else if (input.birthDate && input.birthDate < "1900-01-01")
    errors.birthDate = "La date de naissance doit être postérieure à 1900";

  if (input.hasSocialWorkDiploma && !input.socialWorkDiplomaTitle)
    errors.socialWorkDiplomaTitle = "Saisissez l'intitulé du diplôme du travail social de niveau 5";

  const unknownMentions = list(values.mentions).some((m) => !MENTIONS.includes(m as Mention));
  if (input.candidacies.length === 0 || unknownMentions)
    errors.mentions = "Choisissez au moins une mention parmi MJPM, MAJ et MJAGBF";
  for (const { mention, mode } of input.candidacies) {
    const field = `mode${mention}`;
    if (errors[field]) continue;
    if (mode === null) errors[field] = `Choisissez le mode d'exercice de la mention ${mention}`;
    else if (!modeAllowed(mention, mode))
      errors[field] =
        mention === "MJAGBF"
          ? "La mention MJAGBF ne s'exerce pas comme préposé d'établissement : choisissez mandataire privé ou salarié ayant délégation de service"
          : `Ce mode d'exercice n'existe pas pour la mention ${mention}`;
    if (input.heldMentions.includes(mention))
      errors.heldMentions ??= `Le candidat détient déjà le CNC mention ${mention} : retirez cette candidature ou ce certificat`;
  }

  for (const e of input.experiences) {
    const key = (k: string) => `exp${e.row}${k}`;
    if (!e.from) errors[key("From")] ??= "Saisissez la date de début de cette période";
    else if (e.from > today) errors[key("From")] ??= "La date de début ne peut pas être dans le futur";
    if (!e.employer) errors[key("Employer")] ??= "Saisissez l'employeur ou la structure de cette période";
    if (e.from && e.to && e.to < e.from)
      errors[key("To")] ??= "La date de fin doit être postérieure à la date de début";
  }
  return errors;
}

export const PaymentForm = Type.Object({
  feePaidOn: DateInput({
    label: "La date du règlement",
    requiredMessage: "Saisissez la date du règlement",
    errorMessage: "Saisissez une date de règlement réelle, par exemple 15/01/2026",
  }),
});

export const CommissionForm = Type.Object({
  meetsOn: DateInput({
    label: "La date de la commission",
    requiredMessage: "Saisissez la date de la commission",
    errorMessage: "Saisissez une date réelle, par exemple 12/03/2026",
  }),
  place: Type.Optional(
    TextInput({ maxLength: 200, errorMessage: "Le lieu doit faire 200 caractères au plus" }),
  ),
  ...Object.fromEntries(
    Array.from({ length: MEMBER_ROWS }, (_, i) => i + 1).flatMap((n) => [
      [
        `member${n}Name`,
        Type.Optional(
          TextInput({ maxLength: 120, errorMessage: "Le nom doit faire 120 caractères au plus" }),
        ),
      ],
      [
        `member${n}Role`,
        Type.Optional(
          ChoiceInput(["training_body", "head_of_judicial_trainings", "professional"] as const, {
            errorMessage: "Choisissez le rôle dans la liste",
          }),
        ),
      ],
    ]),
  ),
});

export interface MemberInput {
  row: number;
  name: string | null;
  role: CommissionRole | null;
}

export function toMembers(values: FormValues): MemberInput[] {
  const members: MemberInput[] = [];
  for (let row = 1; row <= MEMBER_ROWS; row++) {
    const name = text(values, `member${row}Name`);
    const role = text(values, `member${row}Role`) as CommissionRole | null;
    if (name || role) members.push({ row, name, role });
  }
  return members;
}

export function checkMembers(members: readonly MemberInput[]): FormErrors {
  const errors: FormErrors = {};
  for (const m of members) {
    if (!m.name) errors[`member${m.row}Name`] ??= "Saisissez le nom de ce membre";
    if (!m.role) errors[`member${m.row}Role`] ??= "Choisissez le rôle de ce membre";
  }
  return errors;
}

export const PresentForm = Type.Object({
  commissionId: IdInput({
    requiredMessage: "Choisissez la commission",
    errorMessage: "Choisissez une commission dans la liste",
  }),
});

export const DecisionForm = Type.Object({
  outcome: ChoiceInput(DECISION_OUTCOMES, {
    requiredMessage: "Choisissez la décision : admis, positionné ou refusé",
    errorMessage: "Choisissez la décision : admis, positionné ou refusé",
  }),
  entryDate: Type.Optional(
    DateInput({
      label: "La date d'entrée en formation",
      errorMessage: "Saisissez une date d'entrée en formation réelle, par exemple 05/01/2026",
    }),
  ),
  comment: Type.Optional(
    TextInput({ maxLength: 2000, errorMessage: "Le commentaire doit faire 2 000 caractères au plus" }),
  ),
});

export interface DecisionInput {
  outcome: DecisionOutcome;
  dispensed: string[];
  alleged: string[];
  entryDate: string | null;
  comment: string | null;
}

export function toDecisionInput(values: FormValues): DecisionInput {
  const outcome = text(values, "outcome") as DecisionOutcome;
  const refused = outcome === "refuse";
  return {
    outcome,
    dispensed: refused ? [] : list(values.dispensed),
    alleged: refused ? [] : list(values.alleged),
    entryDate: refused ? null : text(values, "entryDate"),
    comment: text(values, "comment"),
  };
}

/** A refusal needs its reason; an admission needs the entry date; the course must be valid. */
export function checkDecision(
  input: DecisionInput,
  mention: Mention,
  held: readonly ("MJPM" | "MAJ" | "MJAGBF" | "TMP")[],
): FormErrors {
  const errors: FormErrors = {};
  if (input.outcome === "refuse") {
    if (!input.comment) errors.comment = "Indiquez le motif du refus : il est communiqué au candidat";
    return errors;
  }
  if (!input.entryDate)
    errors.entryDate = "Saisissez la date d'entrée en formation : elle décide de la dispense de stage";
  return { ...errors, ...courseFieldErrors(mention, input.dispensed, input.alleged, held) };
}

/** Requested dispenses and allègements (from the motivation letter), checked like a course. */
export function checkRequests(
  mention: Mention,
  dispenses: readonly string[],
  allegements: readonly string[],
  held: readonly ("MJPM" | "MAJ" | "MJAGBF" | "TMP")[],
): FormErrors {
  const e = courseFieldErrors(mention, dispenses, allegements, held);
  return {
    ...(e.dispensed ? { requestedDispenses: e.dispensed } : {}),
    ...(e.alleged ? { requestedAllegements: e.alleged } : {}),
  };
}

export const ContestForm = Type.Object({
  contestedOn: DateInput({
    label: "La date de la contestation",
    requiredMessage: "Saisissez la date de la contestation",
    errorMessage: "Saisissez une date réelle, par exemple 20/03/2026",
  }),
  reason: TextInput({
    maxLength: 2000,
    requiredMessage: "Saisissez le motif de la contestation",
    errorMessage: "Le motif doit faire 2 000 caractères au plus",
  }),
});

export const InterviewForm = Type.Object({
  interviewOn: DateInput({
    label: "La date de l'entretien",
    requiredMessage: "Saisissez la date de l'entretien",
    errorMessage: "Saisissez une date réelle, par exemple 02/04/2026",
  }),
  memberId: IdInput({
    requiredMessage: "Choisissez le représentant de la commission",
    errorMessage: "Choisissez le représentant dans la liste",
  }),
});

export const CandidateContestForm = Type.Object({
  reason: TextInput({
    maxLength: 2000,
    requiredMessage: "Expliquez pourquoi vous contestez la décision",
    errorMessage: "Votre explication doit faire 2 000 caractères au plus",
  }),
});

/** Values of one candidacy's decision form on the commission page, whose fields carry a prefix. */
export function decisionPrefix(candidacyId: string): string {
  return `c-${candidacyId}-`;
}

export function unprefix(values: FormValues, prefix: string): FormValues {
  const out: FormValues = {};
  for (const [k, v] of Object.entries(values)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
  return out;
}

export function prefixed<T>(record: Partial<Record<string, T>>, prefix: string): Partial<Record<string, T>> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [`${prefix}${k}`, v]));
}

export { list as formList };
