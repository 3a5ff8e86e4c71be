import type { FastifyInstance } from "fastify";

export async function partnerRoutes(_app: FastifyInstance): Promise<void> {}
