import type { Role } from "../accounts/tables.ts";

export interface NavEntry {
  href: string;
  label: string;
  roles: readonly Role[];
}

/** The main navigation: every screen a role can use is reachable from here. */
export const NAVIGATION: readonly NavEntry[] = [
  { href: "/", label: "Mesures en cours", roles: ["intervenant", "chef_service", "direction"] },
  { href: "/personnes", label: "Personnes suivies", roles: ["intervenant", "chef_service", "direction"] },
  { href: "/audit", label: "Journal des accès", roles: ["direction"] },
  { href: "/", label: "Accueil", roles: ["formation", "federation", "admin"] },
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
