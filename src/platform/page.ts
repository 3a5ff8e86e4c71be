import type { FastifyReply, FastifyRequest } from "fastify";
import { FIELD_ROLES, ROLE_LABELS } from "./auth.ts";
import { navigationFor } from "./navigation.ts";
import type { LayoutProps } from "./views/layout.tsx";

/** What every page's layout needs from the request: the user, the navigation, the CSRF token, the CSP nonce. */
export type PageChrome = Pick<LayoutProps, "user" | "nav" | "csrfToken" | "nonce" | "flash" | "search">;

export function pageChrome(request: FastifyRequest, reply: FastifyReply): PageChrome {
  const user = request.user;
  const flash = user ? (request.session.get("flash") ?? null) : null;
  if (flash) request.session.set("flash", undefined);
  return {
    user: user
      ? {
          displayName: `${user.firstName} ${user.lastName}`,
          roleLabel: ROLE_LABELS[user.role],
          associationName: user.associationName,
        }
      : null,
    nav: user ? navigationFor(user.role, request.url.split("?")[0] ?? "/") : [],
    csrfToken: reply.generateCsrf(),
    nonce: (reply as FastifyReply & { cspNonce?: { script: string } }).cspNonce?.script,
    flash,
    search: user && FIELD_ROLES.includes(user.role) ? { action: "/recherche" } : null,
  };
}

declare module "fastify" {
  interface Session {
    flash?: string | undefined;
  }
}

/** Sends a rendered page. */
export function sendPage(reply: FastifyReply, html: string, status = 200): FastifyReply {
  return reply.status(status).type("text/html; charset=utf-8").send(html);
}

/** Redirect after a successful form (Post/Redirect/Get) with a confirmation shown on the next page. */
export function redirectWithFlash(
  request: FastifyRequest,
  reply: FastifyReply,
  url: string,
  flash: string,
): FastifyReply {
  request.session.set("flash", flash);
  return reply.redirect(url, 303);
}
