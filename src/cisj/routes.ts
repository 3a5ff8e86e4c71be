import type { FastifyInstance } from "fastify";

export async function cisjRoutes(_app: FastifyInstance): Promise<void> {}
