import type { FastifyInstance } from "fastify";
import { recordAudit } from "../platform/audit.ts";
import { FIELD_ROLES } from "../platform/auth.ts";
import { NotFoundError } from "../platform/errors.ts";
import { inTenant } from "../platform/request-context.ts";
import { attachmentHeader } from "../platform/uploads.ts";
import { fileOwner, findStoredFile } from "./queries.ts";

/**
 * Downloads of the files kept for a person's file:
 *   GET /fichiers/:id   the file, as an attachment with its type; a file of another association is a 404.
 * Every download is recorded in the access log ("export").
 */
export async function fileRoutes(app: FastifyInstance): Promise<void> {
  app.get("/fichiers/:id", { config: { roles: FIELD_ROLES } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const file = await inTenant(request, async (tx, user) => {
      const found = await findStoredFile(tx, id);
      if (!found) throw new NotFoundError();
      const owner = await fileOwner(tx, found.id);
      await recordAudit(tx, {
        userId: user.id,
        action: "export",
        entity: "file",
        entityId: found.id,
        personId: owner?.personId ?? null,
        ...(owner ? { detail: { measureId: owner.measureId } } : {}),
      });
      return found;
    });
    return reply
      .type(file.mimeType)
      .header("content-disposition", attachmentHeader(file.filename))
      .header("content-length", String(file.content.length))
      .header("cache-control", "private, no-store")
      .send(file.content);
  });
}
