import { asc, eq } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Type } from "typebox";
import type { Role } from "../accounts/tables.ts";
import { statutoryObligations } from "../obligations/tables.ts";
import { NotFoundError } from "../platform/errors.ts";
import {
  ChoiceInput,
  type FormErrors,
  type FormValues,
  normalizeForm,
  TextInput,
  validateForm,
} from "../platform/forms.ts";
import { pageChrome, redirectWithFlash, sendPage } from "../platform/page.ts";
import { DataTable, Tag } from "../platform/views/display.tsx";
import { Checkbox, SelectField, TextField } from "../platform/views/forms.tsx";
import { renderPage } from "../platform/views/layout.tsx";
import { type DeadlineRule, measureTypes } from "../reference/tables.ts";
import { sendAdminForm } from "./form-page.tsx";

const adminOnly = { roles: ["admin"] as Role[] };
const UNITS = { calendar_days: "jours calendaires", working_days: "jours ouvrés", months: "mois" } as const;

export const MeasureTypeForm = Type.Object({
  label: TextInput({ maxLength: 200, requiredMessage: "Saisissez l'intitulé de la mesure" }),
  shortLabel: TextInput({ maxLength: 40, requiredMessage: "Saisissez l'intitulé court" }),
  legalBasis: TextInput({ maxLength: 500, requiredMessage: "Saisissez la base légale" }),
  deadlineAmount: TextInput({
    pattern: "^\\d{1,3}$",
    requiredMessage: "Saisissez le délai du rapport",
    errorMessage: "Le délai est un nombre entier de 0 à 999",
  }),
  deadlineUnit: ChoiceInput(["calendar_days", "working_days", "months"] as const, {
    requiredMessage: "Choisissez l'unité du délai",
    errorMessage: "Choisissez une unité dans la liste",
  }),
});

export const ObligationForm = Type.Object({
  label: TextInput({ maxLength: 120, requiredMessage: "Saisissez l'intitulé court de l'obligation" }),
});

const v = (values: FormValues, k: string) =>
  typeof values[k] === "string" ? (values[k] as string) : undefined;

/**
 * `/admin/referentiels`: the administrator adapts the reference data when the law or the practice
 * changes: measure types (labels, legal basis, default report deadline, in use or not) and the short
 * labels of the statutory obligations. Start-up never overwrites these edits.
 */
export async function adminReferenceRoutes(app: FastifyInstance) {
  const { db } = app.deps.database;

  app.get("/admin/referentiels", { config: adminOnly }, async (request, reply) => {
    const [types, obligations] = await Promise.all([
      db.select().from(measureTypes).orderBy(asc(measureTypes.sortOrder)),
      db
        .select()
        .from(statutoryObligations)
        .orderBy(asc(statutoryObligations.article), asc(statutoryObligations.order)),
    ]);
    return sendPage(
      reply,
      renderPage({
        ...pageChrome(request, reply),
        title: "Référentiels à modifier",
        wide: true,
        breadcrumbs: [{ href: "/", label: "Accueil" }, { label: "Référentiels à modifier" }],
        children: (
          <>
            <h1>Référentiels à modifier</h1>
            <p>
              Les modifications s'appliquent aux nouvelles mesures ; les mesures existantes gardent leurs
              échéances.
            </p>
            <DataTable
              caption="Types de mesures"
              head={["Mesure", "Délai du rapport par défaut", "Base légale", "Statut", "Action"]}
              rows={types.map((t) => [
                t.label,
                `${t.defaultReportDeadline.amount} ${UNITS[t.defaultReportDeadline.unit]}`,
                t.legalBasis,
                t.active ? <Tag tone="green">Proposée</Tag> : <Tag>Retirée</Tag>,
                <a href={`/admin/referentiels/mesures/${t.code}`}>
                  Modifier<span class="visually-hidden"> : {t.label}</span>
                </a>,
              ])}
            />
            <DataTable
              caption="Obligations et interdictions légales"
              head={["Article", "Intitulé court", "Statut", "Action"]}
              rows={obligations.map((o) => [
                `art. ${o.article} ${o.legalCode}, ${o.number}`,
                o.label,
                o.active ? <Tag tone="green">Proposée</Tag> : <Tag>Retirée</Tag>,
                <a href={`/admin/referentiels/obligations/${o.code}`}>
                  Modifier<span class="visually-hidden"> : {o.label}</span>
                </a>,
              ])}
            />
          </>
        ),
      }),
    );
  });

  async function measureTypeForm(
    request: FastifyRequest,
    reply: FastifyReply,
    code: string,
    values: FormValues | null,
    errors: FormErrors,
    status = 200,
  ) {
    const [type] = await db.select().from(measureTypes).where(eq(measureTypes.code, code));
    if (!type) throw new NotFoundError();
    const shown: FormValues = values ?? {
      label: type.label,
      shortLabel: type.shortLabel,
      legalBasis: type.legalBasis,
      deadlineAmount: String(type.defaultReportDeadline.amount),
      deadlineUnit: type.defaultReportDeadline.unit,
      ...(type.active ? { active: "1" } : {}),
    };
    return sendAdminForm(
      request,
      reply,
      {
        title: `Modifier « ${type.label} »`,
        heading: type.label,
        crumbs: [{ href: "/admin/referentiels", label: "Référentiels à modifier" }, { label: type.label }],
        action: `/admin/referentiels/mesures/${type.code}`,
        errors,
        submitLabel: "Enregistrer",
        cancelHref: "/admin/referentiels",
        fields: (
          <>
            <TextField
              name="label"
              label="Intitulé"
              value={v(shown, "label")}
              error={errors.label}
              width="long"
            />
            <TextField
              name="shortLabel"
              label="Intitulé court"
              value={v(shown, "shortLabel")}
              error={errors.shortLabel}
              width="medium"
            />
            <TextField
              name="legalBasis"
              label="Base légale"
              value={v(shown, "legalBasis")}
              error={errors.legalBasis}
              width="long"
            />
            <TextField
              name="deadlineAmount"
              label="Délai du rapport par défaut"
              hint="Compté à partir de la réception du mandat ; l'échéance reste modifiable sur chaque mesure"
              value={v(shown, "deadlineAmount")}
              error={errors.deadlineAmount}
              width="short"
              inputmode="numeric"
            />
            <SelectField
              name="deadlineUnit"
              label="Unité du délai"
              options={Object.entries(UNITS).map(([value, label]) => ({ value, label }))}
              value={v(shown, "deadlineUnit")}
              error={errors.deadlineUnit}
            />
            <Checkbox
              name="active"
              label="Proposer ce type pour les nouvelles mesures"
              checked={shown.active !== undefined}
            />
          </>
        ),
      },
      status,
    );
  }

  app.get("/admin/referentiels/mesures/:code", { config: adminOnly }, async (request, reply) =>
    measureTypeForm(request, reply, (request.params as { code: string }).code, null, {}),
  );

  app.post("/admin/referentiels/mesures/:code", { config: adminOnly }, async (request, reply) => {
    const { code } = request.params as { code: string };
    const values = normalizeForm(request.body);
    const form = validateForm(MeasureTypeForm, values);
    if (!form.ok) return measureTypeForm(request, reply, code, values, form.errors, 422);
    const deadline: DeadlineRule = {
      amount: Number(form.data.deadlineAmount),
      unit: form.data.deadlineUnit as DeadlineRule["unit"],
    };
    const updated = await db.transaction((tx) =>
      tx
        .update(measureTypes)
        .set({
          label: form.data.label,
          shortLabel: form.data.shortLabel,
          legalBasis: form.data.legalBasis,
          defaultReportDeadline: deadline,
          active: values.active !== undefined,
        })
        .where(eq(measureTypes.code, code))
        .returning({ code: measureTypes.code }),
    );
    if (updated.length === 0) throw new NotFoundError();
    return redirectWithFlash(request, reply, "/admin/referentiels", "Le type de mesure a été modifié.");
  });

  async function obligationForm(
    request: FastifyRequest,
    reply: FastifyReply,
    code: string,
    values: FormValues | null,
    errors: FormErrors,
    status = 200,
  ) {
    const [item] = await db.select().from(statutoryObligations).where(eq(statutoryObligations.code, code));
    if (!item) throw new NotFoundError();
    const shown: FormValues = values ?? { label: item.label, ...(item.active ? { active: "1" } : {}) };
    const reference = `art. ${item.article} ${item.legalCode}, ${item.number}`;
    return sendAdminForm(
      request,
      reply,
      {
        title: `Modifier ${reference}`,
        heading: reference,
        crumbs: [{ href: "/admin/referentiels", label: "Référentiels à modifier" }, { label: reference }],
        action: `/admin/referentiels/obligations/${item.code}`,
        errors,
        submitLabel: "Enregistrer",
        cancelHref: "/admin/referentiels",
        intro: <p>{item.text}</p>,
        fields: (
          <>
            <TextField
              name="label"
              label="Intitulé court affiché"
              value={v(shown, "label")}
              error={errors.label}
              width="long"
            />
            <Checkbox
              name="active"
              label="Proposer cette obligation pour les nouvelles mesures"
              checked={shown.active !== undefined}
            />
          </>
        ),
      },
      status,
    );
  }

  app.get("/admin/referentiels/obligations/:code", { config: adminOnly }, async (request, reply) =>
    obligationForm(request, reply, (request.params as { code: string }).code, null, {}),
  );

  app.post("/admin/referentiels/obligations/:code", { config: adminOnly }, async (request, reply) => {
    const { code } = request.params as { code: string };
    const values = normalizeForm(request.body);
    const form = validateForm(ObligationForm, values);
    if (!form.ok) return obligationForm(request, reply, code, values, form.errors, 422);
    const updated = await db.transaction((tx) =>
      tx
        .update(statutoryObligations)
        .set({ label: form.data.label, active: values.active !== undefined })
        .where(eq(statutoryObligations.code, code))
        .returning({ code: statutoryObligations.code }),
    );
    if (updated.length === 0) throw new NotFoundError();
    return redirectWithFlash(request, reply, "/admin/referentiels", "L'obligation a été modifiée.");
  });
}
