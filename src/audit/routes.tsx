import { count, desc, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { users } from "../accounts/tables.ts";
import { persons } from "../persons/tables.ts";
import { personName } from "../persons/views.tsx";
import { pageChrome, sendPage } from "../platform/page.ts";
import { inTenant, pageNumber } from "../platform/request-context.ts";
import { DataTable, formatDateTime, Pagination } from "../platform/views/display.tsx";
import { renderPage } from "../platform/views/layout.tsx";
import { auditLog } from "./tables.ts";

const PAGE_SIZE = 50;
const ACTION_LABELS = {
  view: "Consultation",
  create: "Création",
  update: "Modification",
  delete: "Suppression",
  export: "Export",
} as const;
const ENTITY_LABELS: Record<string, string> = {
  person: "Dossier de la personne",
  measure: "Mesure",
  appointment: "Rendez-vous",
  agenda: "Agenda (export)",
  obligation: "Obligation",
  proof: "Justificatif",
  file: "Fichier",
  incident: "Incident",
  report: "Écrit au magistrat",
  assessment: "Évaluation",
  plan: "Plan d'action",
};

/** `/audit`: the direction reads who accessed which file of its association. */
export async function auditRoutes(app: FastifyInstance) {
  app.get("/audit", { config: { roles: ["direction"] } }, async (request, reply) => {
    const page = pageNumber((request.query as { page?: string }).page);
    const { rows, total } = await inTenant(request, async (tx) => {
      const [n] = await tx.select({ n: count() }).from(auditLog);
      const list = await tx
        .select({
          at: auditLog.at,
          action: auditLog.action,
          entity: auditLog.entity,
          entityId: auditLog.entityId,
          personId: auditLog.personId,
          userFirstName: users.firstName,
          userLastName: users.lastName,
          lastName: persons.lastName,
          firstName: persons.firstName,
          usedName: persons.usedName,
        })
        .from(auditLog)
        .innerJoin(users, eq(users.id, auditLog.userId))
        .leftJoin(persons, eq(persons.id, auditLog.personId))
        .orderBy(desc(auditLog.at))
        .limit(PAGE_SIZE)
        .offset((page - 1) * PAGE_SIZE);
      return { rows: list, total: n?.n ?? 0 };
    });
    const html = renderPage({
      ...pageChrome(request, reply),
      title: "Journal des accès",
      wide: true,
      breadcrumbs: [{ href: "/", label: "Accueil" }, { label: "Journal des accès" }],
      children: (
        <>
          <h1>Journal des accès</h1>
          <p>
            Chaque consultation ou modification d'un dossier de personne de l'association est enregistrée ici.
          </p>
          <DataTable
            caption={`${total} accès enregistrés, du plus récent au plus ancien`}
            head={["Date et heure", "Utilisateur", "Action", "Objet", "Personne"]}
            rows={rows.map((r) => [
              formatDateTime(r.at),
              `${r.userFirstName} ${r.userLastName}`,
              ACTION_LABELS[r.action],
              ENTITY_LABELS[r.entity] ?? r.entity,
              r.personId && r.lastName && r.firstName ? (
                <a href={`/personnes/${r.personId}`}>
                  {personName({ lastName: r.lastName, firstName: r.firstName, usedName: r.usedName })}
                </a>
              ) : (
                ""
              ),
            ])}
          />
          <Pagination
            page={page}
            pageCount={Math.max(1, Math.ceil(total / PAGE_SIZE))}
            hrefFor={(p) => `/audit?page=${p}`}
          />
        </>
      ),
    });
    return sendPage(reply, html);
  });
}
