import type { FastifyInstance } from "fastify";
import { daysRemaining } from "../deadlines/rules.ts";
import { referentsOf } from "../measures/queries.ts";
import { personName } from "../persons/views.tsx";
import { plural } from "../platform/french.ts";
import { pageChrome, sendPage } from "../platform/page.ts";
import { currentUser, inTenant, todayInParis } from "../platform/request-context.ts";
import { DataTable, DeadlineTag, formatDate } from "../platform/views/display.tsx";
import { Button, SelectField } from "../platform/views/forms.tsx";
import { renderPage } from "../platform/views/layout.tsx";
import { type DeadlineItem, deadlinesUntil } from "./queries.ts";
import { lateAndThisWeek } from "./rules.ts";

function DeadlineTable({
  caption,
  items,
  today,
  empty,
}: {
  caption: string;
  items: DeadlineItem[];
  today: string;
  empty: string;
}) {
  return (
    <DataTable
      caption={caption}
      head={["Échéance", "Personne", "Mesure", "À faire", "Référent·e", "Délai"]}
      empty={empty}
      rows={items.map((i) => [
        formatDate(i.date),
        <a href={`/personnes/${i.personId}`}>{personName(i)}</a>,
        <a href={`/mesures/${i.measureId}`}>
          {i.typeLabel} {i.measureNumber}
        </a>,
        <a href={i.href}>{i.label}</a>,
        i.referentName,
        <DeadlineTag daysRemaining={daysRemaining(today, i.date)} />,
      ])}
    />
  );
}

/** `/equipe`: what falls due this week and what is late, for a chef de service's team or a direction's association. */
export async function teamRoutes(app: FastifyInstance) {
  const { db } = app.deps.database;
  app.get("/equipe", { config: { roles: ["chef_service", "direction"] } }, async (request, reply) => {
    const user = currentUser(request);
    const today = todayInParis();
    const staff = (await referentsOf(db, user.associationId ?? "")).filter(
      (r) => user.role === "direction" || !user.serviceId || r.serviceId === user.serviceId,
    );
    const wanted = (request.query as { referentId?: string }).referentId;
    const referentIds = wanted && staff.some((s) => s.id === wanted) ? [wanted] : staff.map((s) => s.id);
    const { late, thisWeek, weekEnd } = lateAndThisWeek(
      await inTenant(request, (tx) => deadlinesUntil(tx, { until: "9999-12-31", today, referentIds })),
      today,
    );
    return sendPage(
      reply,
      renderPage({
        ...pageChrome(request, reply),
        title: "Échéances de l'équipe",
        wide: true,
        breadcrumbs: [{ href: "/", label: "Accueil" }, { label: "Échéances de l'équipe" }],
        children: (
          <>
            <h1>Échéances de l'équipe</h1>
            <p>
              {plural(late.length, "échéance")} en retard, {thisWeek.length} d'ici au dimanche{" "}
              {formatDate(weekEnd)}.
            </p>
            <form method="get" action="/equipe" class="filters" aria-label="Filtrer par référent·e">
              <SelectField
                name="referentId"
                label="Référent·e"
                emptyLabel={user.role === "direction" ? "Toute l'association" : "Toute l'équipe"}
                options={staff.map((s) => ({ value: s.id, label: `${s.firstName} ${s.lastName}` }))}
                value={wanted}
              />
              <Button variant="secondary">Filtrer</Button>
            </form>
            <h2>En retard</h2>
            <DeadlineTable
              caption="Échéances dépassées, de la plus ancienne à la plus récente"
              items={late}
              today={today}
              empty="Aucune échéance en retard."
            />
            <h2>Cette semaine</h2>
            <DeadlineTable
              caption={`Échéances jusqu'au ${formatDate(weekEnd)}`}
              items={thisWeek}
              today={today}
              empty="Aucune échéance cette semaine."
            />
          </>
        ),
      }),
    );
  });
}
