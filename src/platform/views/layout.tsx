import type { ComponentChildren, VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { assetUrl } from "../assets.ts";
import { Breadcrumbs } from "./display.tsx";
import { CsrfField } from "./forms.tsx";

export interface NavItem {
  href: string;
  label: string;
  current?: boolean;
}

export interface Crumb {
  href?: string;
  label: string;
}

export interface PageUser {
  displayName: string;
  roleLabel: string;
  associationName?: string | null;
}

export interface LayoutProps {
  /** Page title, without the product name (added here). */
  title: string;
  /** Prefixes the document title with "Erreur : " (a form was sent back with errors). */
  hasErrors?: boolean;
  user?: PageUser | null;
  nav?: NavItem[];
  breadcrumbs?: Crumb[];
  /** Token for the logout form. */
  csrfToken?: string;
  /** CSP nonce for the script tag. */
  nonce?: string;
  /** One-off message shown at the top of the content (e.g. "Mesure enregistrée."). */
  flash?: string | null;
  /** Use the full width of the screen (large tables). */
  wide?: boolean;
  /** Shows the search box of the persons followed in the header (roles that follow persons). */
  search?: { action: string; value?: string } | null;
  children?: ComponentChildren;
}

export const PRODUCT_NAME = "Parcours";

export function documentTitle(title: string, hasErrors = false): string {
  return `${hasErrors ? "Erreur : " : ""}${title} – ${PRODUCT_NAME}`;
}

function HeaderSearch({ action, value }: { action: string; value?: string }): VNode {
  return (
    <search class="site-header__search">
      <form method="get" action={action} class="header-search">
        <label for="recherche-globale" class="visually-hidden">
          Rechercher une personne (nom, date de naissance ou numéro de mesure)
        </label>
        <input
          class="input input--medium"
          id="recherche-globale"
          name="q"
          type="search"
          value={value}
          placeholder="Nom, date de naissance, n° de mesure"
        />
        <button class="button button--secondary button--small" type="submit">
          Rechercher
        </button>
      </form>
    </search>
  );
}

function SiteHeader({
  user,
  csrfToken,
  nav,
  search,
}: Pick<LayoutProps, "user" | "csrfToken" | "nav" | "search">): VNode {
  return (
    <header class="site-header">
      <div class="container site-header__inner">
        <a class="site-header__brand" href="/">
          <span class="site-header__name">{PRODUCT_NAME}</span>
          <span class="site-header__tagline">Secteur socio-judiciaire</span>
        </a>
        {user && search ? <HeaderSearch {...search} /> : null}
        {user ? (
          <div class="site-header__user">
            <p class="site-header__identity">
              <strong class="site-header__user-name">{user.displayName}</strong>{" "}
              <span class="site-header__role">
                {user.roleLabel}
                {user.associationName ? ` – ${user.associationName}` : null}
              </span>
            </p>
            <a class="site-header__account" href="/mon-compte">
              Mon compte
            </a>
            <form class="site-header__logout" method="post" action="/deconnexion">
              <CsrfField token={csrfToken} />
              <button class="button button--secondary button--small" type="submit">
                Se déconnecter
              </button>
            </form>
          </div>
        ) : null}
      </div>
      {nav && nav.length > 0 ? (
        <nav class="site-nav" aria-label="Navigation principale">
          <ul class="container site-nav__list">
            {nav.map((item) => (
              <li key={item.href}>
                <a class="site-nav__link" href={item.href} aria-current={item.current ? "page" : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}

/** The whole HTML document around a page's content. */
export function Layout({
  title,
  hasErrors = false,
  user = null,
  nav = [],
  breadcrumbs = [],
  csrfToken,
  nonce,
  flash = null,
  wide = false,
  search = null,
  children,
}: LayoutProps): VNode {
  const container = wide ? "container container--wide" : "container";
  return (
    <html lang="fr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{documentTitle(title, hasErrors)}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={assetUrl("css/parcours.css")} />
        <script src={assetUrl("js/enhance.js")} defer nonce={nonce} />
      </head>
      <body>
        <a class="skip-link" href="#contenu">
          Aller au contenu
        </a>
        <SiteHeader user={user} csrfToken={csrfToken} nav={nav} search={search} />
        <div class={`${container} page`}>
          <Breadcrumbs items={breadcrumbs} />
          <main id="contenu" tabindex={-1} class="main">
            {flash ? (
              <div class="flash" role="status">
                {flash}
              </div>
            ) : null}
            {children}
          </main>
        </div>
        <footer class="site-footer">
          <div class="container site-footer__inner">
            <p>{PRODUCT_NAME} – logiciel du secteur socio-judiciaire</p>
            <ul class="site-footer__links">
              <li>
                <a href="/protection-des-donnees">Mentions et protection des données</a>
              </li>
            </ul>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** Render a full page: `<!doctype html>` followed by the document. */
export function renderPage(props: LayoutProps): string {
  return `<!doctype html>${renderToString(<Layout {...props} />)}`;
}
