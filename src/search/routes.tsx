import type { FastifyInstance } from "fastify";
import { type MeasureStatus, STATUS_LABELS } from "../measures/rules.ts";
import { personName } from "../persons/views.tsx";
import { recordAudit } from "../platform/audit.ts";
import { FIELD_ROLES } from "../platform/auth.ts";
import { plural } from "../platform/french.ts";
import { pageChrome, sendPage } from "../platform/page.ts";
import { inTenant } from "../platform/request-context.ts";
import { DataTable, formatDate } from "../platform/views/display.tsx";
import { Button, TextField } from "../platform/views/forms.tsx";
import { renderPage } from "../platform/views/layout.tsx";
import { searchPersons } from "./queries.ts";
import { parseSearch } from "./rules.ts";

const KIND_LABELS = {
  birthDate: "date de naissance",
  measureNumber: "numéro de mesure",
  name: "nom",
} as const;

/**
 * `/recherche?q=`: one box for a name (accents, case and small typos ignored), a birth date or a measure number.
 * Each search writes a "recherche" row to the access log with its number of results (not the term).
 */
export async function searchRoutes(app: FastifyInstance) {
  app.get("/recherche", { config: { roles: FIELD_ROLES } }, async (request, reply) => {
    const raw = (request.query as { q?: string }).q;
    const query = parseSearch(raw);
    const hits = await inTenant(request, async (tx, user) => {
      const found = await searchPersons(tx, query);
      // A search is an access: its row keeps the number of results and the kind, never the term.
      if (query.kind !== "empty")
        await recordAudit(tx, {
          userId: user.id,
          action: "recherche",
          entity: "search",
          detail: { results: found.length, by: query.kind },
        });
      return found;
    });
    const q = raw?.trim() ?? "";
    const chrome = pageChrome(request, reply);
    return sendPage(
      reply,
      renderPage({
        ...chrome,
        search: chrome.search ? { ...chrome.search, value: q } : null,
        title: q ? `Recherche « ${q} »` : "Recherche",
        breadcrumbs: [{ href: "/", label: "Accueil" }, { label: "Recherche" }],
        children: (
          <>
            <h1>Rechercher une personne</h1>
            <search>
              <form method="get" action="/recherche" class="inline-form">
                <TextField
                  name="q"
                  label="Nom, date de naissance (jj/mm/aaaa) ou numéro de mesure (aaaa-nnnn)"
                  type="search"
                  value={q}
                  width="long"
                />
                <Button variant="secondary">Rechercher</Button>
              </form>
            </search>
            {query.kind === "empty" ? (
              <p>Saisissez un nom, une date de naissance ou un numéro de mesure.</p>
            ) : (
              <DataTable
                caption={`${plural(hits.length, "personne trouvée", "personnes trouvées")} par ${KIND_LABELS[query.kind]}`}
                head={["Personne", "Date de naissance", "Commune", "Mesures"]}
                empty="Aucune personne ne correspond. Vérifiez l'orthographe ou essayez le numéro de mesure."
                rows={hits.map((h) => [
                  <a href={`/personnes/${h.personId}`}>{personName(h)}</a>,
                  formatDate(h.birthDate),
                  h.city ?? "",
                  <ul class="plain-list">
                    {h.measures.map((m) => (
                      <li key={m.id}>
                        <a href={`/mesures/${m.id}`}>{m.number}</a> {m.typeLabel} (
                        {STATUS_LABELS[m.status as MeasureStatus]})
                      </li>
                    ))}
                  </ul>,
                ])}
              />
            )}
          </>
        ),
      }),
    );
  });
}
