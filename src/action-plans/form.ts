import { Type } from "typebox";
import { ChoiceInput, DateInput, type FormValues, IdInput, TextInput } from "../platform/forms.ts";
import { PLAN_DOMAINS, PLAN_STATUSES, type PlanDomain, type PlanStatus } from "./tables.ts";

const reason = Type.Optional(
  TextInput({ maxLength: 1000, errorMessage: "La raison doit faire 1 000 caractères au plus" }),
);

export const ObjectiveForm = Type.Object({
  domain: ChoiceInput(PLAN_DOMAINS, {
    requiredMessage: "Choisissez le domaine de l'objectif",
    errorMessage: "Choisissez un domaine dans la liste",
  }),
  title: TextInput({
    maxLength: 200,
    requiredMessage: "Saisissez l'objectif",
    errorMessage: "L'objectif doit faire 200 caractères au plus",
  }),
  dueDate: Type.Optional(
    DateInput({ label: "L'échéance", errorMessage: "Saisissez une échéance réelle, par exemple 31/03/2027" }),
  ),
  status: Type.Optional(ChoiceInput(PLAN_STATUSES, { errorMessage: "Choisissez un statut dans la liste" })),
  statusReason: reason,
});

export const ActionForm = Type.Object({
  description: TextInput({
    maxLength: 300,
    requiredMessage: "Décrivez l'action",
    errorMessage: "La description doit faire 300 caractères au plus",
  }),
  partnerId: Type.Optional(IdInput({ errorMessage: "Choisissez un partenaire dans la liste" })),
  dueDate: DateInput({
    label: "L'échéance",
    requiredMessage: "Saisissez l'échéance de l'action",
    errorMessage: "Saisissez une échéance réelle, par exemple 15/01/2027",
  }),
  status: ChoiceInput(PLAN_STATUSES, {
    requiredMessage: "Choisissez le statut de l'action",
    errorMessage: "Choisissez un statut dans la liste",
  }),
  statusReason: reason,
});

export const QuickStatusForm = Type.Object({
  status: ChoiceInput(PLAN_STATUSES, {
    requiredMessage: "Choisissez le nouveau statut de l'action",
    errorMessage: "Choisissez un statut dans la liste",
  }),
  statusReason: reason,
});

const text = (values: FormValues, k: string) =>
  typeof values[k] === "string" ? (values[k] as string) : null;

function status(values: FormValues): PlanStatus | null {
  const s = text(values, "status");
  return (PLAN_STATUSES as readonly string[]).includes(s ?? "") ? (s as PlanStatus) : null;
}

export interface ObjectiveInput {
  domain: PlanDomain;
  title: string;
  dueDate: string | null;
  status: PlanStatus | null;
  statusReason: string | null;
}

export function toObjectiveInput(values: FormValues): ObjectiveInput {
  return {
    domain: text(values, "domain") as PlanDomain,
    title: text(values, "title") ?? "",
    dueDate: text(values, "dueDate"),
    status: status(values),
    statusReason: text(values, "statusReason"),
  };
}

export interface ActionInput {
  description: string;
  partnerId: string | null;
  dueDate: string | null;
  status: PlanStatus | null;
  statusReason: string | null;
}

export function toActionInput(values: FormValues): ActionInput {
  return {
    description: text(values, "description") ?? "",
    partnerId: text(values, "partnerId"),
    dueDate: text(values, "dueDate"),
    status: status(values),
    statusReason: text(values, "statusReason"),
  };
}
