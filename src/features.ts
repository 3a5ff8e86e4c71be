import type { FastifyInstance } from "fastify";
import { accountRoutes } from "./accounts/routes.ts";
import { apiRoutes } from "./api/routes.ts";
import { auditRoutes } from "./audit/routes.tsx";
import { caseloadRoutes } from "./caseload/routes.ts";
import { measureRoutes } from "./measures/routes.ts";
import { personRoutes } from "./persons/routes.ts";
import { referenceRoutes } from "./reference/routes.tsx";

/** Every feature of Parcours registers its pages and API routes here. */
export async function registerFeatures(app: FastifyInstance): Promise<void> {
  await app.register(accountRoutes);
  await app.register(caseloadRoutes);
  await app.register(personRoutes);
  await app.register(measureRoutes);
  await app.register(auditRoutes);
  await app.register(referenceRoutes);
  await app.register(apiRoutes, { prefix: "/api/v1" });
}
