import type { FastifyInstance } from "fastify";

export async function cncRoutes(_app: FastifyInstance): Promise<void> {}
