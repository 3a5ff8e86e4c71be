import { and, asc, eq, inArray, isNotNull, lt, sql } from "drizzle-orm";
import type { PartnerKind } from "../partners/tables.ts";
import { partners } from "../partners/tables.ts";
import { isUuid } from "../persons/queries.ts";
import type { TenantTx } from "../platform/db.ts";
import { todayInParis } from "../platform/request-context.ts";
import type { ActionInput, ObjectiveInput } from "./form.ts";
import { doneOnAfter, isOpen, objectiveStatusAfterActions, reasonFor } from "./rules.ts";
import { PLAN_DOMAINS, type PlanStatus, planActions, planObjectives } from "./tables.ts";

export type ObjectiveRow = typeof planObjectives.$inferSelect;
export type ActionRow = typeof planActions.$inferSelect;

export interface PlanAction extends ActionRow {
  partnerName: string | null;
  partnerKind: PartnerKind | null;
}

export interface PlanObjective extends ObjectiveRow {
  /** By due date (undated last), then in the order they were added. */
  actions: PlanAction[];
}

/**
 * The action plan of a measure: its objectives in the order of PLAN_DOMAINS, then by due date and
 * creation, each with its actions and their partner. Empty when the measure has no plan (or is not visible).
 */
export async function planOfMeasure(tx: TenantTx, measureId: string): Promise<PlanObjective[]> {
  if (!isUuid(measureId)) return [];
  const objectives = await tx
    .select()
    .from(planObjectives)
    .where(eq(planObjectives.measureId, measureId))
    .orderBy(asc(planObjectives.createdAt), asc(planObjectives.id));
  if (objectives.length === 0) return [];
  const actions = await tx
    .select({ action: planActions, partnerName: partners.name, partnerKind: partners.kind })
    .from(planActions)
    .leftJoin(partners, eq(partners.id, planActions.partnerId))
    .where(
      inArray(
        planActions.objectiveId,
        objectives.map((o) => o.id),
      ),
    )
    .orderBy(sql`${planActions.dueDate} asc nulls last`, asc(planActions.createdAt), asc(planActions.id));
  const domainRank = (d: string) => PLAN_DOMAINS.indexOf(d as (typeof PLAN_DOMAINS)[number]);
  return objectives
    .map((o) => ({
      ...o,
      actions: actions
        .filter((a) => a.action.objectiveId === o.id)
        .map((a) => ({ ...a.action, partnerName: a.partnerName, partnerKind: a.partnerKind })),
    }))
    .sort(
      (a, b) =>
        domainRank(a.domain) - domainRank(b.domain) ||
        (a.dueDate ?? "9999").localeCompare(b.dueDate ?? "9999") ||
        a.createdAt.getTime() - b.createdAt.getTime(),
    );
}

export interface OverdueAction {
  id: string;
  measureId: string;
  objectiveId: string;
  objectiveTitle: string;
  description: string;
  dueDate: string;
  status: PlanStatus;
}

/**
 * The overdue actions of the given measures (due date before today, still à faire or en cours),
 * oldest due date first, grouped by measure. Measures without overdue action are absent from the map.
 */
export async function overdueActionsByMeasure(
  tx: TenantTx,
  measureIds: readonly string[],
  today: string = todayInParis(),
): Promise<Map<string, OverdueAction[]>> {
  const ids = measureIds.filter(isUuid);
  const out = new Map<string, OverdueAction[]>();
  if (ids.length === 0) return out;
  const rows = await tx
    .select({
      id: planActions.id,
      measureId: planObjectives.measureId,
      objectiveId: planObjectives.id,
      objectiveTitle: planObjectives.title,
      description: planActions.description,
      dueDate: planActions.dueDate,
      status: planActions.status,
    })
    .from(planActions)
    .innerJoin(planObjectives, eq(planObjectives.id, planActions.objectiveId))
    .where(
      and(
        inArray(planObjectives.measureId, ids),
        inArray(planActions.status, ["a_faire", "en_cours"]),
        isNotNull(planActions.dueDate),
        lt(planActions.dueDate, today),
      ),
    )
    .orderBy(asc(planActions.dueDate), asc(planActions.createdAt));
  for (const r of rows) {
    if (!r.dueDate) continue;
    const list = out.get(r.measureId) ?? [];
    list.push({ ...r, dueDate: r.dueDate });
    out.set(r.measureId, list);
  }
  return out;
}

/** One objective of the measure with its actions; null when absent or of another measure. */
export async function findObjective(
  tx: TenantTx,
  measureId: string,
  objectiveId: string,
): Promise<PlanObjective | null> {
  if (!isUuid(objectiveId)) return null;
  const plan = await planOfMeasure(tx, measureId);
  return plan.find((o) => o.id === objectiveId) ?? null;
}

/** One action of the measure with its objective; null when absent or of another measure. */
export async function findAction(
  tx: TenantTx,
  measureId: string,
  actionId: string,
): Promise<{ action: PlanAction; objective: PlanObjective } | null> {
  if (!isUuid(actionId)) return null;
  const plan = await planOfMeasure(tx, measureId);
  for (const objective of plan) {
    const action = objective.actions.find((a) => a.id === actionId);
    if (action) return { action, objective };
  }
  return null;
}

export async function createObjective(
  tx: TenantTx,
  measureId: string,
  input: ObjectiveInput,
  userId: string,
): Promise<string> {
  const [row] = await tx
    .insert(planObjectives)
    .values({
      measureId,
      domain: input.domain,
      title: input.title,
      dueDate: input.dueDate,
      status: "a_faire",
      createdBy: userId,
    })
    .returning({ id: planObjectives.id });
  if (!row) throw new Error("insert returned no row");
  return row.id;
}

/**
 * Saves an objective. Abandoning it abandons its actions still à faire or en cours, with the same reason.
 */
export async function updateObjective(
  tx: TenantTx,
  objective: PlanObjective,
  input: ObjectiveInput & { status: PlanStatus },
): Promise<void> {
  const statusReason = reasonFor(input.status, input.statusReason);
  await tx
    .update(planObjectives)
    .set({
      domain: input.domain,
      title: input.title,
      dueDate: input.dueDate,
      status: input.status,
      statusReason,
    })
    .where(eq(planObjectives.id, objective.id));
  if (input.status === "abandonne") {
    const open = objective.actions.filter((a) => isOpen(a.status)).map((a) => a.id);
    if (open.length > 0) {
      await tx
        .update(planActions)
        .set({
          status: "abandonne",
          statusReason: `Objectif abandonné : ${statusReason ?? ""}`.trim(),
          doneOn: null,
        })
        .where(inArray(planActions.id, open));
    }
  }
}

/** Moves an objective still "à faire" to "en cours" once one of its actions has started or been done. */
async function followActions(tx: TenantTx, objective: PlanObjective, actionStatuses: PlanStatus[]) {
  const next = objectiveStatusAfterActions(objective.status, actionStatuses);
  if (next !== objective.status) {
    await tx.update(planObjectives).set({ status: next }).where(eq(planObjectives.id, objective.id));
  }
}

export async function createAction(
  tx: TenantTx,
  objective: PlanObjective,
  input: ActionInput & { status: PlanStatus },
  today: string,
): Promise<string> {
  const [row] = await tx
    .insert(planActions)
    .values({
      objectiveId: objective.id,
      description: input.description,
      partnerId: input.partnerId,
      dueDate: input.dueDate,
      status: input.status,
      statusReason: reasonFor(input.status, input.statusReason),
      doneOn: doneOnAfter(null, input.status, today),
    })
    .returning({ id: planActions.id });
  if (!row) throw new Error("insert returned no row");
  await followActions(tx, objective, [...objective.actions.map((a) => a.status), input.status]);
  return row.id;
}

export async function updateAction(
  tx: TenantTx,
  found: { action: PlanAction; objective: PlanObjective },
  input: Partial<ActionInput> & { status: PlanStatus },
  today: string,
): Promise<void> {
  const { action, objective } = found;
  await tx
    .update(planActions)
    .set({
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.partnerId !== undefined ? { partnerId: input.partnerId } : {}),
      ...(input.dueDate !== undefined ? { dueDate: input.dueDate } : {}),
      status: input.status,
      statusReason: reasonFor(input.status, input.statusReason ?? null),
      doneOn: doneOnAfter(action, input.status, today),
    })
    .where(eq(planActions.id, action.id));
  await followActions(
    tx,
    objective,
    objective.actions.map((a) => (a.id === action.id ? input.status : a.status)),
  );
}
