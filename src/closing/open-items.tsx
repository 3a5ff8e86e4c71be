import type { VNode } from "preact";
import { ACTION_STATUS_LABELS } from "../action-plans/rules.ts";
import type { PlanStatus } from "../action-plans/tables.ts";
import { KIND_LABELS } from "../appointments/rules.ts";
import type { AppointmentKind } from "../appointments/tables.ts";
import { formatDate, formatDateTime, Notice } from "../platform/views/display.tsx";
import { closingConsequences, type OpenItems } from "./rules.ts";

/** What still hangs from the measure, by kind with its count, and what closing on `on` will do to it. */
export function OpenItemsSection({
  measureId,
  items,
  on,
}: {
  measureId: string;
  items: OpenItems;
  on: string;
}): VNode {
  const consequences = closingConsequences(items, on);
  const reminders = items.appointments.filter((a) => a.reminderPending).length;
  return (
    <section aria-labelledby="encore-ouvert">
      <h2 id="encore-ouvert">Ce qui reste ouvert</h2>
      {consequences.length === 0 ? (
        <p>
          Rien ne reste ouvert : aucun rendez-vous à venir, aucune obligation en cours, aucune action à mener.
        </p>
      ) : (
        <>
          <Notice tone="warning" title="En clôturant la mesure">
            <ul>
              {consequences.map((c) => (
                <li key={c}>{c}.</li>
              ))}
            </ul>
          </Notice>
          {items.appointments.length > 0 ? (
            <>
              <h3>
                Rendez-vous à venir ({items.appointments.length})
                {reminders > 0 ? ` – rappels par e-mail prévus (${reminders})` : ""}
              </h3>
              <ul>
                {items.appointments.map((a) => (
                  <li key={a.id}>
                    <a href={`/rendez-vous/${a.id}`}>
                      {KIND_LABELS[a.kind as AppointmentKind] ?? a.kind} du {formatDateTime(a.startsAt)}
                    </a>
                    {a.reminderPending ? " – rappel par e-mail prévu la veille" : ""}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {items.obligations.length > 0 ? (
            <>
              <h3>Obligations en cours ({items.obligations.length})</h3>
              <ul>
                {items.obligations.map((o) => (
                  <li key={o.id}>
                    <a href={`/mesures/${measureId}/obligations/${o.id}`}>{o.label}</a>
                    {o.endDate ? ` – jusqu'au ${formatDate(o.endDate)}` : " – sans date de fin"}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {items.actions.length > 0 ? (
            <>
              <h3>Actions du plan non terminées ({items.actions.length})</h3>
              <ul>
                {items.actions.map((a) => (
                  <li key={a.id}>
                    {a.description} ({a.objective}) –{" "}
                    {ACTION_STATUS_LABELS[a.status as PlanStatus].toLowerCase()}
                    {a.dueDate ? `, prévue le ${formatDate(a.dueDate)}` : ""}
                  </li>
                ))}
              </ul>
              <p>
                <a href={`/mesures/${measureId}/plan`}>Mettre à jour le plan d'action</a> avant la clôture si
                des actions sont atteintes ou abandonnées.
              </p>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
