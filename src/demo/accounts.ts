import { randomBytes } from "node:crypto";
import { associations, type Role, services, users } from "../accounts/tables.ts";
import { hashPassword } from "../platform/auth.ts";
import type { Db } from "../platform/db.ts";

export interface DemoAccounts {
  password: string;
  associationIds: { gironde: string; moselle: string };
  users: Record<string, { id: string; role: Role; associationId: string | null }>;
}

export const DEMO_ACCOUNTS: {
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  association: "gironde" | "moselle" | null;
  service?: "adultes" | "mineurs";
}[] = [
  {
    email: "intervenant@demo.parcours.fr",
    firstName: "Inès",
    lastName: "Martin",
    role: "intervenant",
    association: "gironde",
    service: "adultes",
  },
  {
    email: "chef@demo.parcours.fr",
    firstName: "Bruno",
    lastName: "Garnier",
    role: "chef_service",
    association: "gironde",
    service: "adultes",
  },
  {
    email: "direction@demo.parcours.fr",
    firstName: "Claire",
    lastName: "Rousseau",
    role: "direction",
    association: "gironde",
  },
  {
    email: "intervenant.mineurs@demo.parcours.fr",
    firstName: "Karim",
    lastName: "Benali",
    role: "intervenant",
    association: "gironde",
    service: "mineurs",
  },
  {
    email: "intervenant.adultes@demo.parcours.fr",
    firstName: "Sophie",
    lastName: "Nguyen",
    role: "intervenant",
    association: "gironde",
    service: "adultes",
  },
  {
    email: "formation@demo.parcours.fr",
    firstName: "Hélène",
    lastName: "Faure",
    role: "formation",
    association: null,
  },
  {
    email: "federation@demo.parcours.fr",
    firstName: "Marc",
    lastName: "Lambert",
    role: "federation",
    association: null,
  },
  {
    email: "admin@demo.parcours.fr",
    firstName: "Nadia",
    lastName: "Perrin",
    role: "admin",
    association: null,
  },
  {
    email: "intervenant2@demo.parcours.fr",
    firstName: "Thomas",
    lastName: "Schmitt",
    role: "intervenant",
    association: "moselle",
  },
  {
    email: "direction2@demo.parcours.fr",
    firstName: "Anne",
    lastName: "Weber",
    role: "direction",
    association: "moselle",
  },
];

export function demoPassword(fromEnv: string | null): string {
  return fromEnv ?? randomBytes(9).toString("base64url");
}

/** Two fictitious associations, their services and one account per role. */
export async function seedDemoAccounts(db: Db, password: string): Promise<DemoAccounts> {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [gironde] = await tx
      .insert(associations)
      .values({
        name: "Association Démo Gironde – Justice et Parcours (fictive)",
        siret: "00000000000018",
        addressLine: "1 rue de l'Exemple",
        postalCode: "33000",
        city: "Bordeaux",
        departementCode: "33",
        courtOfAppealId: "ca-bordeaux",
        fieldsOfIntervention: [
          "esr",
          "enquete_personnalite",
          "cjse",
          "mediation_penale",
          "stage_citoyennete",
          "reparation_penale_mineurs",
          "placement_exterieur",
        ],
        email: "contact@gironde.demo.parcours.fr",
        memberSince: 1998,
      })
      .returning({ id: associations.id });
    const [moselle] = await tx
      .insert(associations)
      .values({
        name: "Association Démo Moselle – Médiation et Contrôle (fictive)",
        siret: "00000000000026",
        addressLine: "2 place de l'Exemple",
        postalCode: "57000",
        city: "Metz",
        departementCode: "57",
        courtOfAppealId: "ca-metz",
        fieldsOfIntervention: ["cjse", "enquete_personnalite", "mediation_penale", "sursis_probatoire"],
        email: "contact@moselle.demo.parcours.fr",
        memberSince: 2011,
      })
      .returning({ id: associations.id });
    if (!gironde || !moselle) throw new Error("demo associations not created");
    const serviceRows = await tx
      .insert(services)
      .values([
        { associationId: gironde.id, name: "Service socio-judiciaire adultes" },
        { associationId: gironde.id, name: "Service mineurs" },
      ])
      .returning({ id: services.id, name: services.name });
    const serviceId = { adultes: serviceRows[0]?.id ?? null, mineurs: serviceRows[1]?.id ?? null };
    const associationIds = { gironde: gironde.id, moselle: moselle.id };
    const created: DemoAccounts["users"] = {};
    for (const a of DEMO_ACCOUNTS) {
      const associationId = a.association ? associationIds[a.association] : null;
      const [row] = await tx
        .insert(users)
        .values({
          email: a.email,
          passwordHash,
          firstName: a.firstName,
          lastName: a.lastName,
          role: a.role,
          associationId,
          serviceId: a.service ? serviceId[a.service] : null,
          // The demo and test accounts log in with the shared password, without a first-login change.
          passwordSetAt: new Date(),
        })
        .returning({ id: users.id });
      if (row) created[a.email] = { id: row.id, role: a.role, associationId };
    }
    return { password, associationIds, users: created };
  });
}
