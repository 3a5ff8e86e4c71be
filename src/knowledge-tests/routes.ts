import type { FastifyInstance } from "fastify";

export async function knowledgeTestRoutes(_app: FastifyInstance): Promise<void> {}
