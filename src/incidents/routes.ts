import type { FastifyInstance } from "fastify";

export async function incidentRoutes(_app: FastifyInstance): Promise<void> {}
