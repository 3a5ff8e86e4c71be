import { asc, eq } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { associations, type Role, sessions, users } from "../accounts/tables.ts";
import { FIELD_ROLES, hashPassword, ROLE_LABELS } from "../platform/auth.ts";
import { NotFoundError } from "../platform/errors.ts";
import { type FormErrors, type FormValues, isUuid, normalizeForm, validateForm } from "../platform/forms.ts";
import { pageChrome, redirectWithFlash, sendPage } from "../platform/page.ts";
import { DataTable, Tag } from "../platform/views/display.tsx";
import { AddressFields, ButtonLink, SelectField, TextField } from "../platform/views/forms.tsx";
import { renderPage } from "../platform/views/layout.tsx";
import { PageHeader } from "../platform/views/page-header.tsx";
import { DEPARTEMENTS } from "../reference/data/departements.ts";
import { courtsOfAppeal } from "../reference/tables.ts";
import { AssociationForm, isValidSiret, UserForm } from "./form.ts";
import { sendAdminForm } from "./form-page.tsx";
import { resetLinkRoutes } from "./reset-link.tsx";
import { userListRoutes } from "./users-list.tsx";

const adminOnly = { roles: ["admin"] as Role[] };
const v = (values: FormValues, k: string) =>
  typeof values[k] === "string" ? (values[k] as string) : undefined;

/** `/admin/associations` and `/admin/utilisateurs`: the platform administrator manages member associations and accounts. */
export async function adminRoutes(app: FastifyInstance) {
  const { db } = app.deps.database;
  await app.register(resetLinkRoutes);
  await app.register(userListRoutes);

  app.get("/admin/associations", { config: adminOnly }, async (request, reply) => {
    const rows = await db.select().from(associations).orderBy(asc(associations.name));
    return sendPage(
      reply,
      renderPage({
        ...pageChrome(request, reply),
        title: "Associations",
        breadcrumbs: [{ href: "/", label: "Accueil" }, { label: "Associations" }],
        children: (
          <>
            <PageHeader
              title="Associations adhérentes"
              actions={<ButtonLink href="/admin/associations/nouvelle">Ajouter une association</ButtonLink>}
            />
            <DataTable
              caption={`${rows.length} associations`}
              head={["Association", "SIRET", "Commune", "Département", "Cour d'appel", "Statut"]}
              rows={rows.map((a) => [
                a.name,
                a.siret ?? "",
                a.city ?? "",
                a.departementCode ?? "",
                a.courtOfAppealId ?? "",
                a.active ? <Tag tone="green">Active</Tag> : <Tag>Inactive</Tag>,
              ])}
            />
          </>
        ),
      }),
    );
  });

  function associationForm(
    request: FastifyRequest,
    reply: FastifyReply,
    values: FormValues,
    errors: FormErrors,
    status = 200,
  ) {
    return sendAdminForm(
      request,
      reply,
      {
        title: "Ajouter une association",
        crumbs: [{ href: "/admin/associations", label: "Associations" }, { label: "Ajouter" }],
        action: "/admin/associations/nouvelle",
        errors,
        submitLabel: "Enregistrer l'association",
        fields: (
          <>
            <TextField name="name" label="Nom" value={v(values, "name")} error={errors.name} width="long" />
            <TextField
              name="siret"
              label="SIRET"
              hint="14 chiffres"
              value={v(values, "siret")}
              error={errors.siret}
              inputmode="numeric"
              width="medium"
            />
            <AddressFields
              values={{
                addressLine: v(values, "addressLine"),
                postalCode: v(values, "postalCode"),
                city: v(values, "city"),
              }}
              errors={errors}
            />
            <SelectField
              name="departementCode"
              label="Département du siège"
              hint="La cour d'appel est déduite du département"
              emptyLabel="Choisir un département"
              options={DEPARTEMENTS.map((d) => ({ value: d.code, label: `${d.code} – ${d.name}` }))}
              value={v(values, "departementCode")}
              error={errors.departementCode}
            />
            <TextField
              name="email"
              label="E-mail de contact (facultatif)"
              type="email"
              value={v(values, "email")}
              error={errors.email}
              width="long"
            />
          </>
        ),
      },
      status,
    );
  }

  app.get("/admin/associations/nouvelle", { config: adminOnly }, async (request, reply) =>
    associationForm(request, reply, {}, {}),
  );

  app.post("/admin/associations/nouvelle", { config: adminOnly }, async (request, reply) => {
    const values = normalizeForm(request.body);
    const form = validateForm(AssociationForm, values);
    const errors: FormErrors = { ...form.errors };
    const siret = v(values, "siret");
    if (siret && !errors.siret && !isValidSiret(siret))
      errors.siret = "Ce SIRET n'est pas valide (clé de contrôle) : vérifiez les 14 chiffres";
    const departement = DEPARTEMENTS.find((d) => d.code === v(values, "departementCode"));
    if (v(values, "departementCode") && !departement)
      errors.departementCode = "Choisissez un département dans la liste";
    if (
      siret &&
      !errors.siret &&
      (await db.select({ id: associations.id }).from(associations).where(eq(associations.siret, siret)))
        .length > 0
    ) {
      errors.siret = "Une association avec ce SIRET existe déjà";
    }
    if (Object.keys(errors).length > 0 || !departement)
      return associationForm(request, reply, values, errors, 422);
    const courts = await db
      .select({ id: courtsOfAppeal.id, departements: courtsOfAppeal.departements })
      .from(courtsOfAppeal);
    await db.transaction(async (tx) => {
      await tx.insert(associations).values({
        name: v(values, "name") ?? "",
        siret,
        addressLine: v(values, "addressLine"),
        postalCode: v(values, "postalCode"),
        city: v(values, "city"),
        departementCode: departement.code,
        courtOfAppealId: courts.find((c) => c.departements.includes(departement.code))?.id ?? null,
        email: v(values, "email"),
      });
    });
    return redirectWithFlash(request, reply, "/admin/associations", "L'association a été ajoutée.");
  });

  async function userForm(
    request: FastifyRequest,
    reply: FastifyReply,
    values: FormValues,
    errors: FormErrors,
    status = 200,
  ) {
    const list = await db
      .select({ id: associations.id, name: associations.name })
      .from(associations)
      .orderBy(asc(associations.name));
    return sendAdminForm(
      request,
      reply,
      {
        title: "Créer un compte",
        crumbs: [{ href: "/admin/utilisateurs", label: "Utilisateurs" }, { label: "Créer un compte" }],
        action: "/admin/utilisateurs/nouveau",
        errors,
        submitLabel: "Créer le compte",
        fields: (
          <>
            <TextField
              name="firstName"
              label="Prénom"
              value={v(values, "firstName")}
              error={errors.firstName}
              width="medium"
            />
            <TextField
              name="lastName"
              label="Nom"
              value={v(values, "lastName")}
              error={errors.lastName}
              width="medium"
            />
            <TextField
              name="email"
              label="Adresse e-mail"
              type="email"
              value={v(values, "email")}
              error={errors.email}
              width="long"
            />
            <SelectField
              name="role"
              label="Rôle"
              emptyLabel="Choisir un rôle"
              options={Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }))}
              value={v(values, "role")}
              error={errors.role}
            />
            <SelectField
              name="associationId"
              label="Association"
              hint="Obligatoire pour les intervenant·es, chef·fes de service et directions ; vide pour la fédération"
              emptyLabel="Aucune (fédération)"
              options={list.map((a) => ({ value: a.id, label: a.name }))}
              value={v(values, "associationId")}
              error={errors.associationId}
            />
            <TextField
              name="password"
              label="Mot de passe provisoire"
              hint="12 caractères au moins, à transmettre à la personne : elle choisira le sien à sa première connexion. Vous pourrez aussi lui envoyer un lien depuis la liste des utilisateurs."
              type="password"
              autocomplete="new-password"
              error={errors.password}
              width="medium"
            />
          </>
        ),
      },
      status,
    );
  }

  app.get("/admin/utilisateurs/nouveau", { config: adminOnly }, async (request, reply) =>
    userForm(request, reply, {}, {}),
  );

  app.post("/admin/utilisateurs/nouveau", { config: adminOnly }, async (request, reply) => {
    const values = normalizeForm(request.body);
    const form = validateForm(UserForm, values);
    const errors: FormErrors = { ...form.errors };
    const role = v(values, "role") as Role | undefined;
    const associationId = v(values, "associationId");
    const email = v(values, "email")?.toLowerCase();
    if (role && FIELD_ROLES.includes(role) && !associationId)
      errors.associationId = "Choisissez l'association de cette personne";
    if (role && !FIELD_ROLES.includes(role) && associationId)
      errors.associationId = "Ce rôle de la fédération n'est rattaché à aucune association";
    // Not a UUID: never sent to SQL (the schema's message may be missing when another field is wrong).
    if (
      associationId &&
      !errors.associationId &&
      (!isUuid(associationId) ||
        !(
          await db
            .select({ id: associations.id })
            .from(associations)
            .where(eq(associations.id, associationId))
        ).length)
    ) {
      errors.associationId = "Choisissez une association dans la liste";
    }
    if (
      email &&
      !errors.email &&
      (await db.select({ id: users.id }).from(users).where(eq(users.email, email))).length > 0
    ) {
      errors.email = "Un compte existe déjà avec cette adresse";
    }
    if (Object.keys(errors).length > 0 || !form.ok || !role || !email)
      return userForm(request, reply, values, errors, 422);
    const passwordHash = await hashPassword(form.data.password);
    await db.transaction(async (tx) => {
      await tx.insert(users).values({
        email,
        passwordHash,
        firstName: form.data.firstName,
        lastName: form.data.lastName,
        role,
        associationId: associationId ?? null,
      });
    });
    return redirectWithFlash(request, reply, "/admin/utilisateurs", "Le compte a été créé.");
  });

  for (const [action, active] of [
    ["desactiver", false],
    ["activer", true],
  ] as const) {
    app.post(`/admin/utilisateurs/:id/${action}`, { config: adminOnly }, async (request, reply) => {
      const { id } = request.params as { id: string };
      const changed = await db
        .transaction(async (tx) => {
          const rows = await tx
            .update(users)
            .set({ active })
            .where(eq(users.id, id))
            .returning({ id: users.id });
          // A disabled account loses its sessions at once.
          if (!active && rows.length > 0) await tx.delete(sessions).where(eq(sessions.userId, id));
          return rows.length > 0;
        })
        .catch(() => false);
      if (!changed) throw new NotFoundError();
      return redirectWithFlash(
        request,
        reply,
        "/admin/utilisateurs",
        active ? "Le compte a été réactivé." : "Le compte a été désactivé et ses sessions fermées.",
      );
    });
  }
}
