import { and, eq } from "drizzle-orm";
import { planActions, planObjectives } from "../action-plans/tables.ts";
import { appointments } from "../appointments/tables.ts";
import { assessments } from "../assessments/tables.ts";
import { closingEffectsOf } from "../closing/queries.ts";
import { closingTimelineText } from "../closing/rules.ts";
import { incidents } from "../incidents/tables.ts";
import { STATUS_LABELS } from "../measures/rules.ts";
import { measureStatusChanges, measures } from "../measures/tables.ts";
import { obligationCompliance, obligationProofs, obligations } from "../obligations/tables.ts";
import type { TenantTx } from "../platform/db.ts";
import { formatDate } from "../platform/views/display.tsx";
import { REPORT_KIND_LABELS } from "../reference/data/measure-types.ts";
import { measureTypes } from "../reference/tables.ts";
import { reports } from "../reports/tables.ts";
import { sortTimeline, type TimelineEvent } from "./rules.ts";

const ATTENDANCE = { present: "présent·e", excuse: "excusé·e", absent: "absent·e" } as const;
const COMPLIANCE = {
  respectee: "respectée",
  partielle: "partiellement respectée",
  non_respectee: "non respectée",
  non_justifiee: "non justifiée",
} as const;
const INCIDENT = {
  absence: "absence",
  obligation_non_respectee: "obligation non respectée",
  nouvelle_infraction: "nouvelle infraction signalée",
  comportement: "comportement",
  autre: "autre",
} as const;

/** Paris local date of an instant, for events that carry a time. */
function parisDate(at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(at);
}

/** Everything dated that happened across all the measures of a person, newest first. */
export async function personTimeline(tx: TenantTx, personId: string): Promise<TimelineEvent[]> {
  const own = eq(measures.personId, personId);
  const events: TimelineEvent[] = [];
  const ms = await tx
    .select({
      id: measures.id,
      number: measures.number,
      type: measureTypes.shortLabel,
      closedOn: measures.closedOn,
    })
    .from(measures)
    .innerJoin(measureTypes, eq(measureTypes.code, measures.typeCode))
    .where(own);
  const label = new Map(ms.map((m) => [m.id, `${m.type} ${m.number}`]));
  const measureLabel = (id: string) => label.get(id) ?? "";

  for (const s of await tx
    .select()
    .from(measureStatusChanges)
    .innerJoin(measures, eq(measures.id, measureStatusChanges.measureId))
    .where(own)) {
    const c = s.measure_status_changes;
    let text = c.fromStatus ? `Statut : ${STATUS_LABELS[c.toStatus]}` : "Mandat reçu";
    if (c.toStatus === "cloturee") {
      const closedOn = ms.find((m) => m.id === c.measureId)?.closedOn ?? c.changedOn;
      text = closingTimelineText(await closingEffectsOf(tx, c.measureId, closedOn), closedOn);
    }
    events.push({
      date: c.changedOn,
      kind: "status",
      measureId: c.measureId,
      measureLabel: measureLabel(c.measureId),
      text,
      href: `/mesures/${c.measureId}`,
      at: c.at,
    });
  }
  for (const { assessments: a } of await tx
    .select()
    .from(assessments)
    .innerJoin(measures, eq(measures.id, assessments.measureId))
    .where(own)) {
    events.push({
      date: a.assessedOn,
      kind: "assessment",
      measureId: a.measureId,
      measureLabel: measureLabel(a.measureId),
      text: "Évaluation de la situation",
      href: `/mesures/${a.measureId}/evaluation`,
    });
  }
  for (const r of await tx
    .select({ action: planActions, measureId: planObjectives.measureId })
    .from(planActions)
    .innerJoin(planObjectives, eq(planObjectives.id, planActions.objectiveId))
    .innerJoin(measures, eq(measures.id, planObjectives.measureId))
    .where(own)) {
    if (r.action.doneOn) {
      events.push({
        date: r.action.doneOn,
        kind: "action",
        measureId: r.measureId,
        measureLabel: measureLabel(r.measureId),
        text: `Action réalisée : ${r.action.description}`,
        href: `/mesures/${r.measureId}/plan`,
      });
    }
  }
  for (const { obligations: o } of await tx
    .select()
    .from(obligations)
    .innerJoin(measures, eq(measures.id, obligations.measureId))
    .where(own)) {
    events.push({
      date: o.startDate,
      kind: "obligation",
      measureId: o.measureId,
      measureLabel: measureLabel(o.measureId),
      text: `Obligation : ${o.label}`,
      href: `/mesures/${o.measureId}/obligations/${o.id}`,
    });
  }
  for (const r of await tx
    .select({ proof: obligationProofs, obligation: obligations })
    .from(obligationProofs)
    .innerJoin(obligations, eq(obligations.id, obligationProofs.obligationId))
    .innerJoin(measures, eq(measures.id, obligations.measureId))
    .where(own)) {
    events.push({
      date: r.proof.receivedOn,
      kind: "proof",
      measureId: r.obligation.measureId,
      measureLabel: measureLabel(r.obligation.measureId),
      text: `Justificatif reçu : ${r.obligation.label}`,
      href: `/mesures/${r.obligation.measureId}/obligations/${r.obligation.id}`,
    });
  }
  for (const r of await tx
    .select({ compliance: obligationCompliance, obligation: obligations })
    .from(obligationCompliance)
    .innerJoin(obligations, eq(obligations.id, obligationCompliance.obligationId))
    .innerJoin(measures, eq(measures.id, obligations.measureId))
    .where(own)) {
    events.push({
      date: r.compliance.periodEnd,
      kind: "compliance",
      measureId: r.obligation.measureId,
      measureLabel: measureLabel(r.obligation.measureId),
      text: `${r.obligation.label} : ${COMPLIANCE[r.compliance.status]}`,
      href: `/mesures/${r.obligation.measureId}/obligations/${r.obligation.id}`,
    });
  }
  for (const a of await tx.select().from(appointments).where(eq(appointments.personId, personId))) {
    events.push({
      date: parisDate(a.startsAt),
      kind: "appointment",
      measureId: a.measureId,
      measureLabel: measureLabel(a.measureId),
      text: a.cancelledOn
        ? `Rendez-vous annulé le ${formatDate(a.cancelledOn)}${a.cancellationReason ? ` (${a.cancellationReason.toLowerCase()})` : ""}`
        : `Rendez-vous${a.attendance ? ` : ${ATTENDANCE[a.attendance]}` : ""}`,
      href: `/rendez-vous/${a.id}`,
    });
  }
  for (const { incidents: i } of await tx
    .select()
    .from(incidents)
    .innerJoin(measures, eq(measures.id, incidents.measureId))
    .where(own)) {
    events.push({
      date: i.occurredOn,
      kind: "incident",
      measureId: i.measureId,
      measureLabel: measureLabel(i.measureId),
      text: `Incident : ${INCIDENT[i.kind]}`,
      href: `/mesures/${i.measureId}/incidents`,
    });
  }
  for (const { reports: r } of await tx
    .select()
    .from(reports)
    .innerJoin(measures, eq(measures.id, reports.measureId))
    .where(and(own, eq(reports.status, "emis")))) {
    if (!r.issuedOn) continue;
    events.push({
      date: r.issuedOn,
      kind: "report",
      measureId: r.measureId,
      measureLabel: measureLabel(r.measureId),
      text: `${REPORT_KIND_LABELS[r.kind]} n° ${r.version ?? ""} émis`,
      href: `/mesures/${r.measureId}/ecrits/${r.id}`,
    });
  }
  return sortTimeline(events);
}
