/**
 * Pure rules of the CISJ dossier: équivalences on the path, the dossier's steps (mémoire, parts,
 * soutenance, jury, decision) and what the public verification of a certificate may show.
 * The rules of the path itself (counting, mémoire length, numbers) are in src/training/rules.ts.
 */

import { plural } from "../platform/french.ts";
import {
  CISJ_CERTIFICATE_PREFIX,
  type IsoDate,
  MEMOIRE_PAGES,
  MEMOIRE_PARTS,
  TRAINING_CATEGORY_LABELS,
  type TrainingCategory,
} from "../training/reference.ts";
import {
  type CisjCategoryProgress,
  type CisjProgress,
  type CisjTrainingItem,
  checkMemoirePages,
  cisjProgress,
  memoireChecklistComplete,
} from "../training/rules.ts";
import type { Decision, DossierStatus } from "./tables.ts";

export const DOSSIER_STATUS_LABELS: Record<DossierStatus, string> = {
  ouvert: "Ouvert",
  memoire_depose: "Mémoire déposé",
  soutenance_planifiee: "Soutenance planifiée",
  certifie: "Certifié",
  ajourne: "Ajourné",
};

export const DECISION_LABELS: Record<Decision, string> = {
  admis: "Admis",
  ajourne: "Ajourné",
};

/** Fewest members of the jury of professionals before whom the mémoire is defended (rule of Parcours). */
export const JURY_MIN_MEMBERS = 2;
/** Rows of the jury form. */
export const JURY_MAX_MEMBERS = 4;

// ---------------------------------------------------------------------------------------------
// The path, with its équivalences
// ---------------------------------------------------------------------------------------------

/** Where a line of the path comes from: a training followed and validated, or an équivalence. */
export type PathSource = "formation" | "equivalence";

export interface PathItem extends CisjTrainingItem {
  source: PathSource;
  /** For an équivalence: its reason. */
  reason?: string;
  /** For a training followed: how it was validated. */
  basis?: "test" | "attendance" | "equivalence" | null;
  /** For a training followed: first day of the session. */
  sessionStart?: IsoDate;
}

export interface PathCategoryProgress extends CisjCategoryProgress {
  counted: PathItem[];
  extra: PathItem[];
}

export interface PathProgress extends CisjProgress {
  byCategory: Record<TrainingCategory, PathCategoryProgress>;
}

export interface EquivalenceInput {
  id: string;
  reason: string;
  grantedOn: IsoDate;
  /** The training of the catalogue it stands for, or null when it stands for one training of `category`. */
  training: { id: string; code: string; title: string; category: TrainingCategory; hours: number } | null;
  category: TrainingCategory | null;
}

/**
 * An équivalence counts as a validated training of the path: the training it names (so that a training
 * both followed and granted by équivalence still counts once), or one training of its category. A category
 * équivalence brings no hours: it stands for no session.
 */
export function equivalenceItem(e: EquivalenceInput): PathItem | null {
  if (e.reason.trim() === "") return null;
  if (e.training) {
    return {
      trainingId: e.training.id,
      code: e.training.code,
      title: e.training.title,
      category: e.training.category,
      hours: e.training.hours,
      validated: true,
      validatedOn: e.grantedOn,
      countsForCisj: true,
      source: "equivalence",
      reason: e.reason,
    };
  }
  if (!e.category) return null;
  return {
    trainingId: `equivalence:${e.id}`,
    code: "ÉQ",
    title: `Équivalence ${TRAINING_CATEGORY_LABELS[e.category]}`,
    category: e.category,
    hours: 0,
    validated: true,
    validatedOn: e.grantedOn,
    countsForCisj: true,
    source: "equivalence",
    reason: e.reason,
  };
}

/** Progress on the path counting the trainings validated and the équivalences granted. */
export function pathProgress(
  trainings: readonly PathItem[],
  equivalences: readonly EquivalenceInput[],
): PathProgress {
  const items = [...trainings, ...equivalences.map(equivalenceItem).filter((i) => i !== null)];
  // cisjProgress keeps the very objects it is given: they are PathItems.
  return cisjProgress(items) as PathProgress;
}

/** « 7 sur 9 » style summary of one category or of the whole path. */
export function countLabel(counted: number, required: number): string {
  return `${counted} sur ${required}`;
}

// ---------------------------------------------------------------------------------------------
// Steps of the dossier
// ---------------------------------------------------------------------------------------------

export type StepResult = { ok: true; status: DossierStatus } | { ok: false; message: string };

const CLOSED: Partial<Record<DossierStatus, string>> = {
  certifie: "Le certificat a été délivré : le dossier est clos",
};

/**
 * Depositing (or replacing) the mémoire: possible until the soutenance is planned, and again after an
 * « ajourné ». The dossier becomes « mémoire déposé ».
 */
export function depositMemoire(status: DossierStatus, pageCount: number): StepResult {
  const closed = CLOSED[status];
  if (closed) return { ok: false, message: closed };
  if (status === "soutenance_planifiee") {
    return {
      ok: false,
      message:
        "La soutenance est planifiée : le mémoire ne peut plus être remplacé avant la décision du jury",
    };
  }
  if (!checkMemoirePages(pageCount).ok) {
    const pages = plural(pageCount, "page");
    return {
      ok: false,
      message:
        pageCount < MEMOIRE_PAGES.min
          ? `Le mémoire doit compter au moins ${MEMOIRE_PAGES.min} pages : ce fichier PDF en compte ${pages}`
          : `Le mémoire doit compter au plus ${MEMOIRE_PAGES.max} pages : ce fichier PDF en compte ${pages}`,
    };
  }
  return { ok: true, status: "memoire_depose" };
}

/** The parts of the mémoire are checked on a deposited mémoire, before the soutenance is planned. */
export function canEditParts(status: DossierStatus, hasMemoire: boolean): { ok: boolean; message?: string } {
  const closed = CLOSED[status];
  if (closed) return { ok: false, message: closed };
  if (!hasMemoire) return { ok: false, message: "Le mémoire doit d'abord être déposé" };
  if (status === "soutenance_planifiee") {
    return { ok: false, message: "La soutenance est planifiée : les parties du mémoire ne changent plus" };
  }
  return { ok: true };
}

export interface JuryMemberInput {
  name: string;
  role: string;
}

export interface SoutenanceInput {
  status: DossierStatus;
  hasMemoire: boolean;
  checkedParts: readonly string[];
  pathComplete: boolean;
  date: IsoDate | null;
  jury: readonly JuryMemberInput[];
}

/** Errors per field of the soutenance form: `soutenance` (the dossier), `soutenanceDate`, `juryNameN`, `juryRoleN`. */
export type SoutenanceErrors = Partial<Record<string, string>>;

/**
 * Planning the soutenance (or moving it, or planning a new one after an « ajourné »): the nine trainings
 * count, the mémoire is deposited with every part ticked, a date is given and the jury has at least two
 * professionals, each with a name and a role.
 */
export function planSoutenance(input: SoutenanceInput):
  | { ok: true; status: DossierStatus }
  | {
      ok: false;
      errors: SoutenanceErrors;
    } {
  const errors: SoutenanceErrors = {};
  const closed = CLOSED[input.status];
  if (closed) return { ok: false, errors: { soutenance: closed } };
  if (!input.pathComplete) {
    errors.soutenance =
      "Les 9 formations du parcours (équivalences comprises) doivent être validées avant la soutenance";
  } else if (!input.hasMemoire) {
    errors.soutenance = "Le mémoire doit être déposé avant de planifier la soutenance";
  } else {
    const { missing } = memoireChecklistComplete(input.checkedParts);
    if (missing.length > 0) {
      errors.soutenance = `Toutes les parties du mémoire doivent être cochées ; il manque : ${missing
        .map((p) => p.label.replace(/^En annexe : /, "en annexe, "))
        .map((l) => l.charAt(0).toLocaleLowerCase("fr-FR") + l.slice(1))
        .join(" ; ")}`;
    }
  }
  if (!input.date) errors.soutenanceDate = "Saisissez la date de la soutenance";
  input.jury.forEach((m, i) => {
    if (m.name.trim() !== "" && m.role.trim() === "") {
      errors[`juryRole${i + 1}`] = `Saisissez la fonction du membre ${i + 1} du jury`;
    } else if (m.name.trim() === "" && m.role.trim() !== "") {
      errors[`juryName${i + 1}`] = `Saisissez le nom du membre ${i + 1} du jury`;
    }
  });
  const complete = input.jury.filter((m) => m.name.trim() !== "" && m.role.trim() !== "");
  if (complete.length < JURY_MIN_MEMBERS && !errors.juryName1 && !errors.juryRole1) {
    errors.juryName1 = `Le jury compte au moins ${JURY_MIN_MEMBERS} professionnels : saisissez leur nom et leur fonction`;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, status: "soutenance_planifiee" };
}

export interface DecisionInput {
  status: DossierStatus;
  soutenanceDate: IsoDate | null;
  today: IsoDate;
  decision: Decision | null;
  comment: string;
  pathComplete: boolean;
}

/**
 * The jury's decision, recorded once the soutenance has taken place: « admis » certifies (a certificate
 * is issued), « ajourné » (with a comment saying what to rework) lets the candidate deposit again.
 */
export function recordDecision(
  input: DecisionInput,
): { ok: true; status: DossierStatus } | { ok: false; errors: Partial<Record<string, string>> } {
  const closed = CLOSED[input.status];
  if (closed) return { ok: false, errors: { decision: closed } };
  if (input.status !== "soutenance_planifiee" || !input.soutenanceDate) {
    return { ok: false, errors: { decision: "La soutenance doit d'abord être planifiée" } };
  }
  if (input.soutenanceDate > input.today) {
    return {
      ok: false,
      errors: {
        decision: "La décision est prise après la soutenance : la date de soutenance n'est pas encore passée",
      },
    };
  }
  if (!input.decision) return { ok: false, errors: { decision: "Choisissez la décision du jury" } };
  if (input.decision === "admis" && !input.pathComplete) {
    return {
      ok: false,
      errors: { decision: "Les 9 formations du parcours doivent être validées pour délivrer le certificat" },
    };
  }
  if (input.decision === "ajourne" && input.comment.trim() === "") {
    return {
      ok: false,
      errors: {
        decisionComment: "Indiquez ce que le candidat doit retravailler avant une nouvelle soutenance",
      },
    };
  }
  return { ok: true, status: input.decision === "admis" ? "certifie" : "ajourne" };
}

/**
 * What is left to do, in French: the trainings missing while the path is incomplete, then the next step
 * of the dossier.
 */
export function nextSteps(
  progress: CisjProgress,
  dossier: { status: DossierStatus; soutenanceDate: IsoDate | null } | null,
): string[] {
  if (!progress.complete || !dossier) return progress.remaining;
  switch (dossier.status) {
    case "ouvert":
      return [
        `Déposer le mémoire (${MEMOIRE_PAGES.min} à ${MEMOIRE_PAGES.max} pages, au format PDF) dans le dossier de certification`,
      ];
    case "memoire_depose":
      return ["Le service Formation vérifie les parties du mémoire et planifie la soutenance devant le jury"];
    case "soutenance_planifiee":
      return [
        dossier.soutenanceDate
          ? `Soutenir le mémoire devant le jury de professionnels le ${dossier.soutenanceDate.split("-").reverse().join("/")}`
          : "Soutenir le mémoire devant le jury de professionnels",
      ];
    case "ajourne":
      return ["Retravailler le mémoire selon le commentaire du jury, puis le déposer à nouveau"];
    case "certifie":
      return ["Rien : le parcours est terminé et le certificat est délivré"];
  }
}

/** The intervenant themself may deposit their mémoire while the training service has not planned the soutenance. */
export function traineeMayDeposit(status: DossierStatus): boolean {
  return status === "ouvert" || status === "memoire_depose" || status === "ajourne";
}

// ---------------------------------------------------------------------------------------------
// Public verification
// ---------------------------------------------------------------------------------------------

const NUMBER = new RegExp(`^${CISJ_CERTIFICATE_PREFIX}-(\\d{4})-(\\d{5})$`);

/** A typed certificate number, tidied (case, spaces, dashes), or null when it cannot be one. */
export function normalizeCertificateNumber(input: string): string | null {
  const tidy = input
    .trim()
    .toUpperCase()
    .replace(/[\s\u2010-\u2015_]+/g, "-")
    .replace(/-+/g, "-");
  return NUMBER.test(tidy) ? tidy : null;
}

export interface CertificateRecord {
  number: string;
  holderName: string;
  issuedOn: IsoDate;
  revoked: boolean;
}

export interface PublicVerification {
  number: string;
  holderName: string;
  issuedOn: IsoDate;
  validity: "valide" | "révoqué";
}

/** What the public page may show of a certificate: name, date of issue and validity, nothing else. */
export function publicVerification(c: CertificateRecord): PublicVerification {
  return {
    number: c.number,
    holderName: c.holderName,
    issuedOn: c.issuedOn,
    validity: c.revoked ? "révoqué" : "valide",
  };
}

/** Every part of the mémoire, in order, with whether it is ticked. */
export function partsChecklist(
  checked: readonly string[],
): { code: string; label: string; checked: boolean }[] {
  const set = new Set(checked);
  return MEMOIRE_PARTS.map((p) => ({ code: p.code, label: p.label, checked: set.has(p.code) }));
}

/** Only the known part codes, once each, in the order of the list. */
export function cleanParts(codes: readonly string[]): string[] {
  const set = new Set(codes);
  return MEMOIRE_PARTS.filter((p) => set.has(p.code)).map((p) => p.code);
}
