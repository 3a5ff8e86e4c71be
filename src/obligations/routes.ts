import type { FastifyInstance } from "fastify";

export async function obligationRoutes(_app: FastifyInstance): Promise<void> {}
