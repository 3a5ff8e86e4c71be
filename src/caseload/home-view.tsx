import type { Role } from "../accounts/tables.ts";
import { ROLE_LABELS } from "../platform/auth.ts";
import { NAVIGATION } from "../platform/navigation.ts";
import type { PageChrome } from "../platform/page.ts";
import { renderPage } from "../platform/views/layout.tsx";

/** Home of the federation's roles: they follow no person, so the page lists their sections. */
export function homePage({ chrome, role }: { chrome: PageChrome; role: Role }): string {
  const sections = NAVIGATION.filter((e) => e.roles.includes(role) && e.href !== "/");
  return renderPage({
    ...chrome,
    title: "Accueil",
    children: (
      <>
        <h1>Accueil</h1>
        <p>Vous êtes connecté·e avec le rôle « {ROLE_LABELS[role]} ».</p>
        <h2>Vos rubriques</h2>
        <ul class="link-list">
          {sections.map((s) => (
            <li key={s.href}>
              <a href={s.href}>{s.label}</a>
            </li>
          ))}
        </ul>
      </>
    ),
  });
}
