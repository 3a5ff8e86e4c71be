/**
 * The training service's actions on a candidate's private link and on the commission of a dossier:
 *   POST /cnc/candidatures/:id/lien/revoquer          the candidate's link stops opening their dossiers
 *   POST /cnc/candidatures/:id/lien/nouveau           a new link, sent by e-mail (shown on the dossier)
 * Only the `formation` role; every change in one transaction with the candidacy locked. The token is
 * never logged. (Moving a dossier to another commission is in routes.ts, beside its presentation.)
 */
import type { FastifyInstance } from "fastify";
import type { Role } from "../accounts/tables.ts";
import type { Db } from "../platform/db.ts";
import { NotFoundError } from "../platform/errors.ts";
import { redirectWithFlash } from "../platform/page.ts";
import { loadCandidacy, lockCandidacy } from "./queries.ts";
import { mailTrackingLink, reissueLinks, revokeLinks } from "./tracking-link.ts";

const formation = { roles: ["formation"] as readonly Role[] };

export async function cncLinkRoutes(app: FastifyInstance): Promise<void> {
  const db: Db = app.deps.database.db;

  async function candidacyOr404(id: string) {
    const details = await loadCandidacy(db, id);
    if (!details) throw new NotFoundError();
    return details;
  }

  app.post("/cnc/candidatures/:id/lien/revoquer", { config: formation }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const { candidate } = await candidacyOr404(id);
    await db.transaction(async (tx) => {
      if (!(await lockCandidacy(tx, id))) throw new NotFoundError();
      await revokeLinks(tx, candidate.id);
    });
    return redirectWithFlash(
      request,
      reply,
      `/cnc/candidatures/${id}`,
      "Le lien de suivi a été révoqué : il n'ouvre plus les dossiers du candidat. Émettez un nouveau lien pour le lui transmettre.",
    );
  });

  app.post("/cnc/candidatures/:id/lien/nouveau", { config: formation }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const details = await candidacyOr404(id);
    const token = await db.transaction(async (tx) => {
      if (!(await lockCandidacy(tx, id))) throw new NotFoundError();
      return reissueLinks(tx, details.candidate.id);
    });
    const mentions = details.siblings.map((s) => s.mention);
    const sent = await mailTrackingLink(app.deps, details.candidate, token, mentions, "nouveau_lien").catch(
      (error: unknown) => {
        request.log.warn({ code: (error as { code?: string }).code }, "tracking link e-mail not sent");
        return false;
      },
    );
    return redirectWithFlash(
      request,
      reply,
      `/cnc/candidatures/${id}`,
      sent
        ? `Un nouveau lien de suivi a été envoyé à ${details.candidate.email} ; l'ancien ne fonctionne plus.`
        : "Un nouveau lien de suivi a été émis ; l'ancien ne fonctionne plus. Transmettez-le au candidat, et à lui seul.",
    );
  });
}
