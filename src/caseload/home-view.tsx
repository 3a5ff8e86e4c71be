import type { ComponentChildren, VNode } from "preact";
import type { Role } from "../accounts/tables.ts";
import { ROLE_LABELS } from "../platform/auth.ts";
import { countOutOf, plural, pluralWord } from "../platform/french.ts";
import { NAVIGATION } from "../platform/navigation.ts";
import type { PageChrome } from "../platform/page.ts";
import { DataTable, formatDate, Panel, Tag } from "../platform/views/display.tsx";
import { renderPage } from "../platform/views/layout.tsx";
import type { AdminHome, FederationHome, FormationHome } from "./home-queries.ts";
import { SESSIONS_HORIZON_DAYS } from "./home-rules.ts";

export type HomeFigures =
  | { role: "formation"; data: FormationHome }
  | { role: "federation"; data: FederationHome }
  | { role: "admin"; data: AdminHome };

const WEEKS = SESSIONS_HORIZON_DAYS / 7;
/** How many never-used accounts the administrator's home lists (the user list has them all). */
export const HOME_LIST_LIMIT = 10;

/** A count and what it counts, as one link when there is something to do. */
function Task({ n, text, href }: { n: number; text: string; href?: string }): VNode {
  const body = (
    <>
      <span class="home-task__count">{n}</span> <span class="home-task__text">{text}</span>
    </>
  );
  return (
    <li class={n > 0 ? "home-task home-task--todo" : "home-task"}>
      {href && n > 0 ? <a href={href}>{body}</a> : body}
    </li>
  );
}

function TaskList({ children }: { children?: ComponentChildren }): VNode {
  return <ul class="home-tasks">{children}</ul>;
}

function FormationFigures({ data }: { data: FormationHome }): VNode {
  const { cisj, cnc, sessions } = data;
  return (
    <>
      <Panel title="Dossiers CISJ à examiner">
        <TaskList>
          <Task
            n={cisj.memoire_depose}
            text={pluralWord(cisj.memoire_depose, "mémoire déposé à vérifier", "mémoires déposés à vérifier")}
            href="/cisj"
          />
          <Task
            n={cisj.soutenance_planifiee}
            text={pluralWord(
              cisj.soutenance_planifiee,
              "soutenance planifiée en attente de décision",
              "soutenances planifiées en attente de décision",
            )}
            href="/cisj"
          />
        </TaskList>
      </Panel>
      <Panel title="Candidatures CNC">
        <TaskList>
          <Task
            n={cnc.complet}
            text={pluralWord(
              cnc.complet,
              "dossier complet à présenter en commission",
              "dossiers complets à présenter en commission",
            )}
            href="/cnc?status=complet"
          />
          <Task
            n={cnc.incomplet}
            text={pluralWord(
              cnc.incomplet,
              "dossier incomplet : pièces attendues",
              "dossiers incomplets : pièces attendues",
            )}
            href="/cnc?status=incomplet"
          />
          <Task
            n={cnc.conteste}
            text={pluralWord(cnc.conteste, "contestation à examiner", "contestations à examiner")}
            href="/cnc?status=conteste"
          />
        </TaskList>
      </Panel>
      <h2>Sessions à remplir</h2>
      <DataTable
        caption={`${plural(sessions.length, "session avec des places libres", "sessions avec des places libres")} d'ici ${WEEKS} semaines`}
        head={["Session", "Début", "Places", "Remplissage"]}
        empty={`Toutes les sessions des ${WEEKS} prochaines semaines sont complètes.`}
        rows={sessions.map((s) => [
          <a href={`/formation/sessions/${s.id}`}>
            {s.trainingCode} – {s.trainingTitle}
          </a>,
          formatDate(s.startsOn),
          countOutOf(s.enrolled, s.capacity, "inscrit·e", "inscrit·es"),
          s.underFilled ? (
            <Tag tone="orange">Moins de la moitié des places prises</Tag>
          ) : (
            <Tag tone="green">{plural(s.free, "place libre", "places libres")}</Tag>
          ),
        ])}
      />
    </>
  );
}

function FederationFigures({ data }: { data: FederationHome }): VNode {
  return (
    <Panel title="Le réseau en chiffres">
      <TaskList>
        <Task
          n={data.associations}
          text={pluralWord(data.associations, "association adhérente", "associations adhérentes")}
        />
        <Task
          n={data.professionals}
          text={pluralWord(
            data.professionals,
            "professionnel·le dans les associations",
            "professionnel·les dans les associations",
          )}
        />
        <Task
          n={data.certifiedThisYear}
          text={`${pluralWord(data.certifiedThisYear, "certificat CISJ délivré", "certificats CISJ délivrés")} en ${data.year}`}
          href="/formation/statistiques"
        />
        <Task
          n={data.inCommission}
          text={pluralWord(
            data.inCommission,
            "candidature CNC en commission",
            "candidatures CNC en commission",
          )}
        />
        <Task
          n={data.sessionsWithPlaces}
          text={`${pluralWord(data.sessionsWithPlaces, "session de formation avec des places libres", "sessions de formation avec des places libres")} d'ici ${WEEKS} semaines`}
        />
      </TaskList>
    </Panel>
  );
}

function AdminFigures({ data }: { data: AdminHome }): VNode {
  const { neverActivated, withoutDirection } = data;
  return (
    <>
      <Panel title="Comptes à suivre">
        <TaskList>
          <Task
            n={neverActivated.length}
            text={pluralWord(
              neverActivated.length,
              "compte jamais activé (aucune connexion)",
              "comptes jamais activés (aucune connexion)",
            )}
            href="/admin/utilisateurs?etat=jamais_connecte"
          />
          <Task
            n={withoutDirection.length}
            text={pluralWord(
              withoutDirection.length,
              "association sans compte de direction",
              "associations sans compte de direction",
            )}
            href="/admin/utilisateurs/nouveau"
          />
        </TaskList>
      </Panel>
      {neverActivated.length > 0 ? (
        <DataTable
          caption={
            neverActivated.length > HOME_LIST_LIMIT
              ? `Comptes jamais activés : les ${HOME_LIST_LIMIT} plus anciens`
              : "Comptes jamais activés"
          }
          head={["Nom", "E-mail", "Rôle", "Créé le"]}
          rows={neverActivated
            .slice(0, HOME_LIST_LIMIT)
            .map((u) => [
              `${u.firstName} ${u.lastName}`,
              u.email,
              ROLE_LABELS[u.role],
              formatDate(u.createdAt),
            ])}
        />
      ) : null}
      {withoutDirection.length > 0 ? (
        <>
          <h2>Associations sans compte de direction</h2>
          <ul class="link-list">
            {withoutDirection.map((a) => (
              <li key={a.id}>{a.name}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

/** Home of the federation's roles: they follow no person, so the page shows what needs their action. */
export function homePage({
  chrome,
  role,
  figures,
}: {
  chrome: PageChrome;
  role: Role;
  figures?: HomeFigures;
}): string {
  const sections = NAVIGATION.filter((e) => e.roles.includes(role) && e.href !== "/");
  return renderPage({
    ...chrome,
    title: "Accueil",
    children: (
      <>
        <h1>Accueil</h1>
        <p>Vous êtes connecté·e avec le rôle « {ROLE_LABELS[role]} ».</p>
        {figures?.role === "formation" ? <FormationFigures data={figures.data} /> : null}
        {figures?.role === "federation" ? <FederationFigures data={figures.data} /> : null}
        {figures?.role === "admin" ? <AdminFigures data={figures.data} /> : null}
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
