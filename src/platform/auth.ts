import { hash, verify } from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import { associations, type Role, users } from "../accounts/tables.ts";
import type { Db } from "./db.ts";

export interface CurrentUser {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  associationId: string | null;
  associationName: string | null;
  serviceId: string | null;
}

declare module "fastify" {
  interface Session {
    userId?: string;
  }
  interface FastifyRequest {
    user: CurrentUser | null;
  }
  interface FastifyContextConfig {
    /** Reachable without logging in. */
    public?: boolean;
    /** Roles allowed on the route; any logged-in user when absent. */
    roles?: readonly Role[];
  }
}

export const ROLE_LABELS: Record<Role, string> = {
  intervenant: "Intervenant·e socio-judiciaire",
  chef_service: "Chef·fe de service",
  direction: "Direction",
  formation: "Service formation",
  federation: "Fédération",
  admin: "Administrateur·rice",
};

/** Roles that work on the people followed by their association. */
export const FIELD_ROLES: readonly Role[] = ["intervenant", "chef_service", "direction"];

// algorithm 2 is Argon2id in @node-rs/argon2.
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

// A real hash of a random password, verified when the e-mail is unknown so that timing does not tell.
let decoyHash: Promise<string> | null = null;

export async function checkPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    decoyHash ??= hashPassword(`decoy-${Math.random()}`);
    await verify(await decoyHash, password);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

export async function findUserForLogin(db: Db, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
  return row ?? null;
}

export async function loadCurrentUser(db: Db, id: string): Promise<CurrentUser | null> {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      firstName: users.firstName,
      lastName: users.lastName,
      role: users.role,
      associationId: users.associationId,
      associationName: associations.name,
      serviceId: users.serviceId,
      active: users.active,
    })
    .from(users)
    .leftJoin(associations, eq(associations.id, users.associationId))
    .where(eq(users.id, id));
  if (!row?.active) return null;
  const { active: _active, ...user } = row;
  return user;
}
