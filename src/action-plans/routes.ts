import type { FastifyInstance } from "fastify";

export async function actionPlanRoutes(_app: FastifyInstance): Promise<void> {}
