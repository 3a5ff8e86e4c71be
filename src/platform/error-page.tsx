import type { FastifyReply, FastifyRequest } from "fastify";
import { pageChrome } from "./page.ts";
import { renderPage } from "./views/layout.tsx";

export function renderErrorPage(
  request: FastifyRequest,
  reply: FastifyReply,
  error: { status: number; title: string; detail: string },
): string {
  let chrome: ReturnType<typeof pageChrome> | Record<string, never> = {};
  try {
    chrome = pageChrome(request, reply);
  } catch {
    // The session may be unusable on this error: render without it.
  }
  return renderPage({
    ...chrome,
    title: error.title,
    children: (
      <>
        <h1>{error.title}</h1>
        <p>{error.detail}</p>
        <p>
          <a href="/">Revenir à l'accueil</a>
        </p>
      </>
    ),
  });
}
