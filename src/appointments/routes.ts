import type { FastifyInstance } from "fastify";

export async function appointmentRoutes(_app: FastifyInstance): Promise<void> {}
