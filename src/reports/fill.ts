/**
 * Reads, inside the tenant transaction, what a report says of a measure's file: the person, the
 * mandate, the latest assessment, the action plan, the obligations with their proofs and findings,
 * the appointments that took place (cancelled ones left out) and the incidents. `buildReportDraft` (draft.ts) turns it into text.
 */
import { and, asc, desc, eq, inArray, isNull, lte } from "drizzle-orm";
import { associations } from "../accounts/tables.ts";
import { planActions, planObjectives } from "../action-plans/tables.ts";
import { instantToParis } from "../appointments/rules.ts";
import { appointments } from "../appointments/tables.ts";
import { ASSESSMENT_DOMAINS, assessmentDomains, assessments } from "../assessments/tables.ts";
import type { IsoDate } from "../deadlines/rules.ts";
import { incidents } from "../incidents/tables.ts";
import type { MeasureDetail } from "../measures/queries.ts";
import { obligationCompliance, obligationProofs, obligations } from "../obligations/tables.ts";
import { partners } from "../partners/tables.ts";
import { persons } from "../persons/tables.ts";
import type { TenantTx } from "../platform/db.ts";
import type { ReportData } from "./draft.ts";

export interface LoadOptions {
  today: IsoDate;
  now?: Date;
  /** For an incident report: the incidents it is about (null: those not yet reported). */
  incidentIds?: string[] | null;
}

export async function loadReportData(
  tx: TenantTx,
  detail: MeasureDetail,
  options: LoadOptions,
): Promise<ReportData> {
  const { measure, type, court, referent } = detail;
  const measureId = measure.id;
  const now = options.now ?? new Date();

  const [person] = await tx.select().from(persons).where(eq(persons.id, detail.person.id));
  const [association] = await tx
    .select({ name: associations.name, city: associations.city })
    .from(associations)
    .where(eq(associations.id, measure.associationId));

  // The latest assessment and its domains.
  const [latest] = await tx
    .select()
    .from(assessments)
    .where(eq(assessments.measureId, measureId))
    .orderBy(desc(assessments.assessedOn), desc(assessments.createdAt))
    .limit(1);
  const domains = latest
    ? await tx.select().from(assessmentDomains).where(eq(assessmentDomains.assessmentId, latest.id))
    : [];

  // The action plan: objectives, then their actions with the partner's name.
  const objectives = await tx
    .select()
    .from(planObjectives)
    .where(eq(planObjectives.measureId, measureId))
    .orderBy(asc(planObjectives.createdAt), asc(planObjectives.id));
  const actions =
    objectives.length > 0
      ? await tx
          .select({ action: planActions, partnerName: partners.name })
          .from(planActions)
          .leftJoin(partners, eq(partners.id, planActions.partnerId))
          .where(
            inArray(
              planActions.objectiveId,
              objectives.map((o) => o.id),
            ),
          )
          .orderBy(asc(planActions.createdAt), asc(planActions.id))
      : [];

  // Obligations with their proofs and compliance findings.
  const obligationRows = await tx
    .select()
    .from(obligations)
    .where(eq(obligations.measureId, measureId))
    .orderBy(asc(obligations.startDate), asc(obligations.createdAt));
  const obligationIds = obligationRows.map((o) => o.id);
  const proofs =
    obligationIds.length > 0
      ? await tx
          .select()
          .from(obligationProofs)
          .where(inArray(obligationProofs.obligationId, obligationIds))
          .orderBy(asc(obligationProofs.receivedOn))
      : [];
  const findings =
    obligationIds.length > 0
      ? await tx
          .select()
          .from(obligationCompliance)
          .where(inArray(obligationCompliance.obligationId, obligationIds))
          .orderBy(asc(obligationCompliance.periodStart))
      : [];

  // Appointments that have taken place, with the partner met.
  const past = await tx
    .select({
      startsAt: appointments.startsAt,
      kind: appointments.kind,
      attendance: appointments.attendance,
      partnerName: partners.name,
    })
    .from(appointments)
    .leftJoin(partners, eq(partners.id, appointments.partnerId))
    .where(
      and(
        eq(appointments.measureId, measureId),
        lte(appointments.startsAt, now),
        isNull(appointments.cancelledOn),
      ),
    )
    .orderBy(asc(appointments.startsAt));

  const incidentRows = await tx
    .select({
      incident: incidents,
      obligationLabel: obligations.label,
      appointmentStartsAt: appointments.startsAt,
    })
    .from(incidents)
    .leftJoin(obligations, eq(obligations.id, incidents.obligationId))
    .leftJoin(appointments, eq(appointments.id, incidents.appointmentId))
    .where(eq(incidents.measureId, measureId))
    .orderBy(asc(incidents.occurredOn), asc(incidents.createdAt));

  const incidentIds =
    options.incidentIds ??
    incidentRows.filter((r) => r.incident.reportedOn === null).map((r) => r.incident.id);

  return {
    today: options.today,
    association: { name: association?.name ?? "", city: association?.city ?? null },
    person: {
      lastName: person?.lastName ?? detail.person.lastName,
      firstName: person?.firstName ?? detail.person.firstName,
      usedName: person?.usedName ?? null,
      birthDate: person?.birthDate ?? null,
      birthPlace: person?.birthPlace ?? null,
      sex: person?.sex ?? null,
      addressLine: person?.addressLine ?? null,
      postalCode: person?.postalCode ?? null,
      city: person?.city ?? null,
      familySituation: person?.familySituation ?? null,
    },
    measure: {
      number: measure.number,
      typeLabel: type.label,
      phase: type.phase,
      legalBasis: type.legalBasis,
      magistrateFunction: measure.magistrateFunction,
      magistrateName: measure.magistrateName,
      courtName: court.name,
      proceedingsNumber: measure.proceedingsNumber,
      decisionDate: measure.decisionDate,
      receivedDate: measure.receivedDate,
      reportDueDate: measure.reportDueDate,
      endDate: measure.endDate,
      referentName: `${referent.firstName} ${referent.lastName}`,
    },
    assessment: latest
      ? {
          assessedOn: latest.assessedOn,
          summary: latest.summary,
          domains: domains
            .sort((a, b) => ASSESSMENT_DOMAINS.indexOf(a.domain) - ASSESSMENT_DOMAINS.indexOf(b.domain))
            .map((d) => ({ domain: d.domain, level: d.level, needs: d.needs, notes: d.notes })),
        }
      : null,
    plan: objectives.map((o) => ({
      domain: o.domain,
      title: o.title,
      status: o.status,
      statusReason: o.statusReason,
      dueDate: o.dueDate,
      actions: actions
        .filter((a) => a.action.objectiveId === o.id)
        .map((a) => ({
          description: a.action.description,
          status: a.action.status,
          dueDate: a.action.dueDate,
          doneOn: a.action.doneOn,
          partnerName: a.partnerName ?? null,
        })),
    })),
    obligations: obligationRows.map((o) => ({
      id: o.id,
      label: o.label,
      kind: o.kind,
      details: o.details,
      startDate: o.startDate,
      endDate: o.endDate,
      proofRequired: o.proofRequired,
      firstProofDue: o.firstProofDue,
      proofIntervalDays: o.proofIntervalDays,
      proofs: proofs
        .filter((p) => p.obligationId === o.id)
        .map((p) => ({ receivedOn: p.receivedOn, kind: p.kind, description: p.description })),
      findings: findings
        .filter((f) => f.obligationId === o.id)
        .map((f) => ({ periodStart: f.periodStart, periodEnd: f.periodEnd, status: f.status, note: f.note })),
    })),
    appointments: past.map((a) => ({
      date: instantToParis(a.startsAt).date,
      kind: a.kind,
      attendance: a.attendance,
      partnerName: a.partnerName ?? null,
    })),
    incidents: incidentRows.map((r) => ({
      id: r.incident.id,
      occurredOn: r.incident.occurredOn,
      kind: r.incident.kind,
      description: r.incident.description,
      reportedOn: r.incident.reportedOn,
      obligationId: r.incident.obligationId,
      obligationLabel: r.obligationLabel ?? null,
      appointmentDate: r.appointmentStartsAt ? instantToParis(r.appointmentStartsAt).date : null,
    })),
    incidentIds,
  };
}
