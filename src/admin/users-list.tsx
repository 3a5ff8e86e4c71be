import { and, asc, count, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { associations, type Role, users } from "../accounts/tables.ts";
import { ROLE_LABELS } from "../platform/auth.ts";
import type { Db } from "../platform/db.ts";
import { elide, plural } from "../platform/french.ts";
import { pageChrome, sendPage } from "../platform/page.ts";
import { pageNumber } from "../platform/request-context.ts";
import { DataTable, formatDate, Pagination, Tag } from "../platform/views/display.tsx";
import { Button, ButtonLink, CsrfField, SelectField, TextField } from "../platform/views/forms.tsx";
import { renderPage } from "../platform/views/layout.tsx";
import { PageHeader } from "../platform/views/page-header.tsx";
import { ResetLinkButton } from "./reset-link.tsx";

export const USERS_PAGE_SIZE = 25;

export const USER_STATES = {
  tous: "Tous les comptes",
  jamais_connecte: "Jamais connectés",
  desactive: "Désactivés",
} as const;
export type UserState = keyof typeof USER_STATES;

export interface UserListFilter {
  /** Part of a name or an e-mail, accents and case ignored. */
  q?: string;
  state: UserState;
}

/** `%` and `_` typed by the administrator are searched as themselves. */
function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function conditions(filter: UserListFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (filter.q) {
    const pattern = likePattern(filter.q);
    parts.push(
      sql`(f_unaccent(lower(${users.firstName} || ' ' || ${users.lastName})) like f_unaccent(${pattern})
        or f_unaccent(lower(${users.lastName} || ' ' || ${users.firstName})) like f_unaccent(${pattern})
        or lower(${users.email}) like ${pattern})`,
    );
  }
  if (filter.state === "jamais_connecte")
    parts.push(and(eq(users.active, true), isNull(users.lastLoginAt)) as SQL);
  if (filter.state === "desactive") parts.push(eq(users.active, false));
  return parts.length > 0 ? and(...parts) : undefined;
}

/** One page of the accounts, by name, with the total matching the filter. */
export async function listUsers(db: Db, filter: UserListFilter, page: number) {
  const where = conditions(filter);
  const [rows, [total]] = await Promise.all([
    db
      .select({ user: users, associationName: associations.name })
      .from(users)
      .leftJoin(associations, eq(associations.id, users.associationId))
      .where(where)
      .orderBy(asc(users.lastName), asc(users.firstName), asc(users.email))
      .limit(USERS_PAGE_SIZE)
      .offset((page - 1) * USERS_PAGE_SIZE),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

function listHref(filter: UserListFilter, page: number): string {
  const params = new URLSearchParams();
  if (filter.q) params.set("q", filter.q);
  if (filter.state !== "tous") params.set("etat", filter.state);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/admin/utilisateurs?${query}` : "/admin/utilisateurs";
}

/** `/admin/utilisateurs`: the accounts, 25 a page, searched by name or e-mail, filtered by state. */
export async function userListRoutes(app: FastifyInstance) {
  const { db } = app.deps.database;

  app.get("/admin/utilisateurs", { config: { roles: ["admin"] as Role[] } }, async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    const q = query.q?.trim().slice(0, 100) || undefined;
    const state = (Object.hasOwn(USER_STATES, query.etat ?? "") ? query.etat : "tous") as UserState;
    const filter = { q, state };
    const requested = pageNumber(query.page);
    const first = await listUsers(db, filter, requested);
    const pageCount = Math.max(1, Math.ceil(first.total / USERS_PAGE_SIZE));
    const page = Math.min(requested, pageCount);
    const { rows, total } = page === requested ? first : await listUsers(db, filter, page);
    const chrome = pageChrome(request, reply);
    const what = `${plural(total, "compte")}${q ? ` pour « ${q} »` : ""}`;
    return sendPage(
      reply,
      renderPage({
        ...chrome,
        title: page > 1 ? `Utilisateurs – page ${page} sur ${pageCount}` : "Utilisateurs",
        wide: true,
        breadcrumbs: [{ href: "/", label: "Accueil" }, { label: "Utilisateurs" }],
        children: (
          <>
            <PageHeader
              title="Utilisateurs"
              actions={<ButtonLink href="/admin/utilisateurs/nouveau">Créer un compte</ButtonLink>}
            />
            <search>
              <form method="get" action="/admin/utilisateurs" class="filters" aria-label="Chercher un compte">
                <TextField name="q" label="Nom ou adresse e-mail" type="search" value={q} width="medium" />
                <SelectField
                  name="etat"
                  label="Comptes"
                  options={Object.entries(USER_STATES).map(([value, label]) => ({ value, label }))}
                  value={state}
                />
                <Button variant="secondary">Rechercher</Button>
              </form>
            </search>
            <DataTable
              caption={pageCount > 1 ? `${what}, page ${page} sur ${pageCount}` : what}
              head={["Nom", "E-mail", "Rôle", "Association", "Statut", "Action"]}
              empty={q ? "Aucun compte ne correspond à cette recherche." : "Aucun compte."}
              rows={rows.map(({ user, associationName }) => [
                `${user.firstName} ${user.lastName}`,
                user.email,
                ROLE_LABELS[user.role],
                associationName ?? "Fédération",
                !user.active ? (
                  <Tag>Désactivé</Tag>
                ) : user.lastLoginAt ? (
                  <Tag tone="green">Actif</Tag>
                ) : (
                  <Tag tone="orange">Jamais connecté (créé le {formatDate(user.createdAt)})</Tag>
                ),
                <>
                  <form
                    method="post"
                    action={`/admin/utilisateurs/${user.id}/${user.active ? "desactiver" : "activer"}`}
                  >
                    <CsrfField token={chrome.csrfToken} />
                    <Button variant={user.active ? "warning" : "secondary"} small>
                      {user.active ? "Désactiver" : "Réactiver"}
                      <span class="visually-hidden">
                        {" "}
                        le compte {elide("de", `${user.firstName} ${user.lastName}`)}
                      </span>
                    </Button>
                  </form>
                  {user.active ? <ResetLinkButton user={user} csrfToken={chrome.csrfToken} /> : null}
                </>,
              ])}
            />
            <Pagination page={page} pageCount={pageCount} hrefFor={(p) => listHref(filter, p)} />
          </>
        ),
      }),
    );
  });
}
