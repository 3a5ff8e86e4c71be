import { plural } from "../platform/french.ts";
import type { AuditAction } from "./tables.ts";

export const ACTION_LABELS: Record<AuditAction, string> = {
  view: "Consultation",
  create: "Création",
  update: "Modification",
  delete: "Suppression",
  export: "Export",
  acces_refuse: "Accès refusé",
  recherche: "Recherche",
  login_refused: "Connexion refusée",
  doublon_confirme: "Création malgré un doublon possible",
};

export const ENTITY_LABELS: Record<string, string> = {
  person: "Dossier de la personne",
  measure: "Mesure",
  appointment: "Rendez-vous",
  agenda: "Agenda (export)",
  obligation: "Obligation",
  proof: "Justificatif",
  file: "Fichier",
  incident: "Incident",
  report: "Écrit au magistrat",
  assessment: "Évaluation",
  plan: "Plan d'action",
  search: "Personnes",
  connexion: "Connexion",
  cnc_candidate: "Candidat CNC",
};

/** The filters of the access log pages: the value in `?voir=` and its label. */
export const AUDIT_FILTERS = {
  tout: { label: "Tous les accès", actions: null },
  refus: { label: "Accès refusés", actions: ["acces_refuse"] },
  recherches: { label: "Recherches", actions: ["recherche"] },
  connexions: { label: "Connexions refusées", actions: ["login_refused"] },
  dossiers: {
    label: "Consultations et modifications",
    actions: ["view", "create", "update", "delete", "export", "doublon_confirme"],
  },
} as const satisfies Record<string, { label: string; actions: readonly AuditAction[] | null }>;
export type AuditFilter = keyof typeof AUDIT_FILTERS;

/** The filter asked for in the query string, or the page's default one. */
export function auditFilter(value: unknown, fallback: AuditFilter): AuditFilter {
  return typeof value === "string" && Object.hasOwn(AUDIT_FILTERS, value) ? (value as AuditFilter) : fallback;
}

const HTTP_METHODS: Record<string, string> = {
  GET: "consultation",
  HEAD: "consultation",
  POST: "envoi",
  PUT: "modification",
  PATCH: "modification",
  DELETE: "suppression",
};

/** Why a login was refused (`src/accounts`' RefusalReason). */
const LOGIN_REFUSALS: Record<string, string> = {
  mot_de_passe: "mot de passe erroné",
  compte_inconnu: "aucun compte à cette adresse e-mail",
  compte_desactive: "compte désactivé",
  compte_et_adresse: "trop d'essais pour ce compte depuis cette adresse",
  adresse: "trop d'essais depuis cette adresse",
  compte: "trop d'essais pour ce compte",
};

function labelOf(labels: Record<string, string>, key: unknown): string | undefined {
  return typeof key === "string" && Object.hasOwn(labels, key) ? labels[key] : undefined;
}

/**
 * What the "Détail" column says about a row: the address asked for by a refused request (a route
 * pattern, its ids hidden), the number of results of a search, why a login was refused. Only what the
 * row holds: no term, no id, no e-mail.
 */
export function auditDetailText(action: AuditAction, detail: Record<string, unknown> | null): string {
  if (!detail) return "";
  if (action === "acces_refuse") {
    const path = typeof detail.path === "string" ? detail.path : "";
    const method = labelOf(HTTP_METHODS, detail.method);
    return method ? `${path} (${method})` : path;
  }
  if (action === "login_refused") {
    const reason = labelOf(LOGIN_REFUSALS, detail.reason);
    const ip = typeof detail.ip === "string" && detail.ip ? `depuis ${detail.ip}` : "";
    return [reason, ip].filter(Boolean).join(", ");
  }
  if (action === "doublon_confirme") {
    const n = Array.isArray(detail.matches) ? detail.matches.length : 0;
    return n === 0 ? "" : plural(n, "doublon possible affiché", "doublons possibles affichés");
  }
  if (action === "recherche") {
    const n = detail.results;
    if (typeof n !== "number" || !Number.isInteger(n) || n < 0) return "";
    return plural(n, "résultat", "résultats", { zero: "Aucun résultat" });
  }
  return "";
}
