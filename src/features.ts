import type { FastifyInstance } from "fastify";
import { accountRoutes } from "./accounts/routes.ts";
import { actionPlanRoutes } from "./action-plans/routes.ts";
import { adminReferenceRoutes } from "./admin/reference-routes.tsx";
import { adminRoutes } from "./admin/routes.tsx";
import { apiRoutes } from "./api/routes.ts";
import { appointmentRoutes } from "./appointments/routes.ts";
import { assessmentRoutes } from "./assessments/routes.ts";
import { auditRoutes } from "./audit/routes.tsx";
import { caseloadRoutes } from "./caseload/routes.ts";
import { cisjRoutes } from "./cisj/routes.ts";
import { closingRoutes } from "./closing/routes.ts";
import { cncApplyRoutes } from "./cnc/apply-routes.ts";
import { cncLinkRoutes } from "./cnc/link-routes.ts";
import { cncRoutes } from "./cnc/routes.ts";
import { fileRoutes } from "./files/routes.ts";
import { incidentRoutes } from "./incidents/routes.ts";
import { knowledgeTestRoutes } from "./knowledge-tests/routes.ts";
import { legalRoutes } from "./legal/routes.tsx";
import { measureRoutes } from "./measures/routes.ts";
import { obligationRoutes } from "./obligations/routes.ts";
import { partnerRoutes } from "./partners/routes.ts";
import { personRoutes } from "./persons/routes.ts";
import { referenceRoutes } from "./reference/routes.tsx";
import { reportRoutes } from "./reports/routes.ts";
import { searchRoutes } from "./search/routes.tsx";
import { teamRoutes } from "./team/routes.tsx";
import { trainingRoutes } from "./training/routes.ts";
import { trainingStatsRoutes } from "./training-stats/routes.ts";

/** Every feature of Parcours registers its pages and API routes here. */
export async function registerFeatures(app: FastifyInstance): Promise<void> {
  // Accounts and the intervenant's daily work (suivi des mesures).
  await app.register(accountRoutes);
  await app.register(caseloadRoutes);
  await app.register(teamRoutes);
  await app.register(searchRoutes);
  await app.register(personRoutes);
  await app.register(measureRoutes);
  await app.register(assessmentRoutes);
  await app.register(actionPlanRoutes);
  await app.register(obligationRoutes);
  await app.register(appointmentRoutes);
  await app.register(incidentRoutes);
  await app.register(reportRoutes);
  await app.register(closingRoutes);
  await app.register(partnerRoutes);
  await app.register(fileRoutes);
  await app.register(auditRoutes);
  // Formation et certification.
  await app.register(trainingRoutes);
  await app.register(knowledgeTestRoutes);
  await app.register(cisjRoutes);
  await app.register(trainingStatsRoutes);
  await app.register(cncRoutes);
  await app.register(cncLinkRoutes);
  await app.register(cncApplyRoutes);
  // Reference data, legal notice and the JSON API.
  await app.register(legalRoutes);
  await app.register(adminRoutes);
  await app.register(adminReferenceRoutes);
  await app.register(referenceRoutes);
  await app.register(apiRoutes, { prefix: "/api/v1" });
}
