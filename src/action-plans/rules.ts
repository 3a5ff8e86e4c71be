/** Pure rules of the action plan: labels, overdue actions, the statuses of objectives and actions. */
import type { FormErrors } from "../platform/forms.ts";
import type { TagTone } from "../platform/views/display.tsx";
import type { PlanDomain, PlanStatus } from "./tables.ts";

export const PLAN_DOMAIN_LABELS: Record<PlanDomain, string> = {
  formation: "Formation",
  emploi: "Emploi",
  soins: "Soins",
  hebergement: "Hébergement",
  logement: "Logement",
  ressources: "Ressources et budget",
  administratif: "Démarches administratives",
  famille: "Famille et parentalité",
  autre: "Autre",
};

export const OBJECTIVE_STATUS_LABELS: Record<PlanStatus, string> = {
  a_faire: "À faire",
  en_cours: "En cours",
  atteint: "Atteint",
  abandonne: "Abandonné",
};

export const ACTION_STATUS_LABELS: Record<PlanStatus, string> = {
  a_faire: "À faire",
  en_cours: "En cours",
  atteint: "Réalisée",
  abandonne: "Abandonnée",
};

export const STATUS_TONES: Record<PlanStatus, TagTone> = {
  a_faire: "grey",
  en_cours: "blue",
  atteint: "green",
  abandonne: "purple",
};

/** Still to be done: à faire or en cours. */
export function isOpen(status: PlanStatus): boolean {
  return status === "a_faire" || status === "en_cours";
}

/** An action is overdue when its due date is before today and it is still à faire or en cours. */
export function isOverdue(action: { dueDate: string | null; status: PlanStatus }, today: string): boolean {
  return action.dueDate !== null && action.dueDate < today && isOpen(action.status);
}

/** "abandonné" always says why. */
export function checkStatusReason(
  status: PlanStatus | null,
  reason: string | null,
  what: "action" | "objective",
): FormErrors {
  if (status === "abandonne" && !reason?.trim()) {
    return {
      statusReason:
        what === "action"
          ? "Indiquez pourquoi l'action est abandonnée"
          : "Indiquez pourquoi l'objectif est abandonné",
    };
  }
  return {};
}

/**
 * An objective is "atteint" only once something was done towards it and nothing is left pending:
 * at least one action réalisée, and no action still à faire or en cours.
 */
export function checkObjectiveStatus(
  status: PlanStatus | null,
  actionStatuses: readonly PlanStatus[],
): FormErrors {
  if (status !== "atteint") return {};
  const pending = actionStatuses.filter(isOpen).length;
  if (pending > 0) {
    return {
      status:
        pending === 1
          ? "Une action est encore à faire ou en cours : réalisez-la ou abandonnez-la avant de marquer l'objectif comme atteint"
          : `${pending} actions sont encore à faire ou en cours : réalisez-les ou abandonnez-les avant de marquer l'objectif comme atteint`,
    };
  }
  if (!actionStatuses.includes("atteint")) {
    return {
      status:
        actionStatuses.length === 0
          ? "Ajoutez et réalisez au moins une action avant de marquer l'objectif comme atteint"
          : "Aucune action de cet objectif n'a été réalisée : il ne peut pas être marqué comme atteint",
    };
  }
  return {};
}

/** Actions are added to an objective still pursued; a reached or abandoned one is reopened first. */
export function checkCanAddAction(objectiveStatus: PlanStatus): string | null {
  if (objectiveStatus === "atteint")
    return "Cet objectif est atteint : repassez-le « en cours » pour lui ajouter une action";
  if (objectiveStatus === "abandonne")
    return "Cet objectif est abandonné : repassez-le « en cours » pour lui ajouter une action";
  return null;
}

/**
 * An objective still "à faire" moves to "en cours" as soon as one of its actions has started or
 * been done; otherwise it keeps its status (reaching or abandoning it is the user's decision).
 */
export function objectiveStatusAfterActions(
  objectiveStatus: PlanStatus,
  actionStatuses: readonly PlanStatus[],
): PlanStatus {
  if (objectiveStatus === "a_faire" && actionStatuses.some((s) => s === "en_cours" || s === "atteint"))
    return "en_cours";
  return objectiveStatus;
}

/** The day an action was done: kept while it stays réalisée, today when it becomes so, none otherwise. */
export function doneOnAfter(
  previous: { status: PlanStatus; doneOn: string | null } | null,
  next: PlanStatus,
  today: string,
): string | null {
  if (next !== "atteint") return null;
  if (previous?.status === "atteint" && previous.doneOn) return previous.doneOn;
  return today;
}

/** A due date cannot come before the mandate was received. */
export function checkDueDate(
  dueDate: string | null,
  receivedDate: string,
  what: "action" | "objective",
): FormErrors {
  if (dueDate && dueDate < receivedDate) {
    return {
      dueDate:
        what === "action"
          ? "L'échéance de l'action ne peut pas précéder la réception du mandat"
          : "L'échéance de l'objectif ne peut pas précéder la réception du mandat",
    };
  }
  return {};
}

/** The reason is kept only with "abandonné". */
export function reasonFor(status: PlanStatus, reason: string | null): string | null {
  return status === "abandonne" ? (reason?.trim() ?? null) : null;
}
