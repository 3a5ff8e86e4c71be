import { createHash } from "node:crypto";

export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;

export interface Upload {
  filename: string;
  mimeType: string;
  data: Buffer;
  sha256: string;
}

interface MultipartFileField {
  type: "file";
  filename: string;
  mimetype: string;
  toBuffer(): Promise<Buffer>;
}

function isFileField(value: unknown): value is MultipartFileField {
  return Boolean(value && typeof value === "object" && (value as { type?: unknown }).type === "file");
}

/**
 * The file sent in a multipart form field, or null when the field is empty.
 * Forms with files use enctype="multipart/form-data"; their other fields go through normalizeForm as usual.
 */
export async function readUpload(body: unknown, name: string): Promise<Upload | null> {
  const field = (body as Record<string, unknown> | undefined)?.[name];
  const file = Array.isArray(field) ? field[0] : field;
  if (!isFileField(file) || !file.filename) return null;
  const data = await file.toBuffer();
  if (data.length === 0) return null;
  return {
    filename: file.filename.replace(/[\\/]/g, "_").slice(0, 200),
    mimeType: file.mimetype || "application/octet-stream",
    data,
    sha256: createHash("sha256").update(data).digest("hex"),
  };
}

/** Content-Disposition for a download, with the French name kept (RFC 6266 / 5987). */
export function attachmentHeader(filename: string): string {
  const ascii = filename
    .normalize("NFD")
    .replace(/[^\x20-\x7e]/g, "")
    .replace(/"/g, "");
  return `attachment; filename="${ascii || "fichier"}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
