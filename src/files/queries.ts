import { eq } from "drizzle-orm";
import { measures } from "../measures/tables.ts";
import { obligationProofs, obligations } from "../obligations/tables.ts";
import { isUuid } from "../persons/queries.ts";
import type { TenantTx } from "../platform/db.ts";
import type { Upload } from "../platform/uploads.ts";
import { storedFiles } from "./tables.ts";

/** What a page shows of a stored file (never its content). */
export interface StoredFileInfo {
  id: string;
  filename: string;
  mimeType: string;
  size: number;
}

export const storedFileInfo = {
  id: storedFiles.id,
  filename: storedFiles.filename,
  mimeType: storedFiles.mimeType,
  size: storedFiles.size,
};

/**
 * Keeps an uploaded file in the association's space (row-level security) and returns its id.
 * Pass the checked type in `upload.mimeType`: it is the type served on download.
 */
export async function storeFile(
  tx: TenantTx,
  upload: Pick<Upload, "filename" | "mimeType" | "data" | "sha256">,
  userId: string,
): Promise<string> {
  const [row] = await tx
    .insert(storedFiles)
    .values({
      filename: upload.filename,
      mimeType: upload.mimeType,
      size: upload.data.length,
      sha256: upload.sha256,
      content: upload.data,
      uploadedBy: userId,
    })
    .returning({ id: storedFiles.id });
  if (!row) throw new Error("insert returned no row");
  return row.id;
}

/** A file of the user's association with its content, or null (wrong id, or another association's). */
export async function findStoredFile(tx: TenantTx, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await tx.select().from(storedFiles).where(eq(storedFiles.id, id));
  return row ?? null;
}

/** The person and measure a file belongs to (through the proof that holds it), for the access log. */
export async function fileOwner(
  tx: TenantTx,
  fileId: string,
): Promise<{ personId: string; measureId: string } | null> {
  const [row] = await tx
    .select({ personId: measures.personId, measureId: measures.id })
    .from(obligationProofs)
    .innerJoin(obligations, eq(obligations.id, obligationProofs.obligationId))
    .innerJoin(measures, eq(measures.id, obligations.measureId))
    .where(eq(obligationProofs.fileId, fileId))
    .limit(1);
  return row ?? null;
}
