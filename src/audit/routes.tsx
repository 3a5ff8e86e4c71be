import type { FastifyInstance, FastifyRequest } from "fastify";
import { pageChrome, sendPage } from "../platform/page.ts";
import { inTenant, pageNumber } from "../platform/request-context.ts";
import { renderPage } from "../platform/views/layout.tsx";
import { listAuditRows } from "./queries.ts";
import { AUDIT_FILTERS, type AuditFilter, auditFilter } from "./rules.ts";
import { AuditTable } from "./views.tsx";

const PAGE_SIZE = 50;

/** The rows of one page of the access log as the reader may see them (row-level security decides). */
async function auditPage(request: FastifyRequest, fallback: AuditFilter) {
  const query = request.query as { page?: string; voir?: unknown };
  const page = pageNumber(query.page);
  const filter = auditFilter(query.voir, fallback);
  const { rows, total } = await inTenant(request, (tx) =>
    listAuditRows(tx, { actions: AUDIT_FILTERS[filter].actions, page, pageSize: PAGE_SIZE }),
  );
  return { page, filter, rows, total, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/**
 * The access log:
 *   GET /audit         the direction: who viewed, changed, searched or was refused, among its users
 *   GET /admin/audit   the administrator: every association's refused accesses (and, filtered, the rest)
 * `?voir=` filters (refus, recherches, dossiers, tout); `?page=` pages.
 */
export async function auditRoutes(app: FastifyInstance) {
  app.get("/audit", { config: { roles: ["direction"] } }, async (request, reply) => {
    const view = await auditPage(request, "tout");
    const html = renderPage({
      ...pageChrome(request, reply),
      title: "Journal des accès",
      wide: true,
      breadcrumbs: [{ href: "/", label: "Accueil" }, { label: "Journal des accès" }],
      children: (
        <>
          <h1>Journal des accès</h1>
          <p>
            Chaque consultation ou modification d'un dossier de personne de l'association, chaque recherche et
            chaque accès refusé à un dossier (d'une autre association ou inexistant) est enregistré ici. Une
            recherche est enregistrée avec son nombre de résultats, sans les termes cherchés ; un accès refusé
            avec l'adresse demandée, sans l'identifiant du dossier.
          </p>
          <AuditTable path="/audit" allAssociations={false} {...view} />
        </>
      ),
    });
    return sendPage(reply, html);
  });

  app.get("/admin/audit", { config: { roles: ["admin"] } }, async (request, reply) => {
    const view = await auditPage(request, "refus");
    const html = renderPage({
      ...pageChrome(request, reply),
      title: "Journal des accès de toutes les associations",
      wide: true,
      breadcrumbs: [{ href: "/", label: "Accueil" }, { label: "Journal des accès" }],
      children: (
        <>
          <h1>Journal des accès de toutes les associations</h1>
          <p>
            Les accès refusés de chaque association et de la fédération : qui a demandé un dossier de personne
            ou une mesure qu'il ne peut pas voir, et à quelle adresse. Le journal ne contient ni nom de
            personne suivie ni terme de recherche.
          </p>
          <AuditTable path="/admin/audit" allAssociations={true} {...view} />
        </>
      ),
    });
    return sendPage(reply, html);
  });
}
