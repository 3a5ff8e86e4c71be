import type { FastifyInstance } from "fastify";

export async function trainingStatsRoutes(_app: FastifyInstance): Promise<void> {}
