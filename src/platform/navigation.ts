import type { Role } from "../accounts/tables.ts";

export interface NavEntry {
  href: string;
  label: string;
  roles: readonly Role[];
}

const FIELD: readonly Role[] = ["intervenant", "chef_service", "direction"];

/** The main navigation: every screen a role can use is reachable from here or from a page listed here. */
export const NAVIGATION: readonly NavEntry[] = [
  { href: "/", label: "Mesures en cours", roles: FIELD },
  { href: "/equipe", label: "Échéances de l'équipe", roles: ["chef_service", "direction"] },
  { href: "/agenda", label: "Agenda", roles: FIELD },
  { href: "/personnes", label: "Personnes suivies", roles: FIELD },
  { href: "/partenaires", label: "Partenaires", roles: FIELD },
  { href: "/", label: "Accueil", roles: ["formation", "federation", "admin"] },
  { href: "/formation/parcours", label: "Mon parcours CISJ", roles: ["intervenant", "chef_service"] },
  { href: "/formation/equipe", label: "Formation de l'équipe", roles: ["direction"] },
  {
    href: "/formation",
    label: "Formations",
    roles: ["intervenant", "chef_service", "direction", "formation"],
  },
  { href: "/cisj", label: "Dossiers CISJ", roles: ["formation"] },
  { href: "/cnc", label: "Candidatures CNC", roles: ["formation"] },
  { href: "/formation/statistiques", label: "Statistiques de formation", roles: ["formation", "federation"] },
  { href: "/audit", label: "Journal des accès", roles: ["direction"] },
  { href: "/admin/associations", label: "Associations", roles: ["admin"] },
  { href: "/admin/utilisateurs", label: "Utilisateurs", roles: ["admin"] },
  { href: "/admin/referentiels", label: "Référentiels à modifier", roles: ["admin"] },
  { href: "/admin/audit", label: "Journal des accès", roles: ["admin"] },
  {
    href: "/referentiels/mesures",
    label: "Référentiels",
    roles: ["intervenant", "chef_service", "direction", "formation", "federation", "admin"],
  },
];

export function navigationFor(role: Role, currentPath: string) {
  const entries = NAVIGATION.filter((e) => e.roles.includes(role));
  const best = entries
    .filter((e) =>
      e.href === "/" ? currentPath === "/" : currentPath === e.href || currentPath.startsWith(`${e.href}/`),
    )
    .sort((a, b) => b.href.length - a.href.length)[0];
  return entries.map((e) => ({ href: e.href, label: e.label, current: e === best }));
}
