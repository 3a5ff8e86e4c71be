import type { FastifyInstance } from "fastify";

export async function closingRoutes(_app: FastifyInstance): Promise<void> {}
