/**
 * Files sent with forms (multipart/form-data), read safely:
 * - who is asking is checked before the body is read (an anonymous upload to a staff page is refused
 *   unread), and a request larger than MAX_REQUEST_BYTES is refused before it is read;
 * - each file is read up to MAX_UPLOAD_BYTES and the rest is dropped: the route re-renders its form with
 *   "Le fichier dépasse 15 Mo" at the field, with everything else typed kept;
 * - the type comes from the content (magic bytes, `file-type`), never from the name or the browser;
 * - a PDF is read (page count) in a worker thread with time and memory limits (pdf-check.ts);
 * - the file's name is cleaned (cleanFilename).
 * Routes call receiveFile(request.body, "field", ["pdf", "png"]) and put its error at the field.
 */
import { createHash } from "node:crypto";
import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { fileTypeFromBuffer } from "file-type";
import { DomainError } from "./errors.ts";
import { type PdfLimits, readPdfOffThread } from "./pdf-check.ts";

export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;
/** A multipart request announcing more than this is refused before any byte is read. */
export const MAX_REQUEST_BYTES = 4 * MAX_UPLOAD_BYTES;

/** The kinds of files a form may accept, decided from the file's content. */
export const FILE_KINDS = {
  pdf: { mime: "application/pdf", label: "un PDF", extensions: ["pdf"] },
  jpeg: { mime: "image/jpeg", label: "une image JPEG", extensions: ["jpg", "jpeg"] },
  png: { mime: "image/png", label: "une image PNG", extensions: ["png"] },
  docx: {
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    label: "un document Word (DOCX)",
    extensions: ["docx"],
  },
  odt: {
    mime: "application/vnd.oasis.opendocument.text",
    label: "un document OpenDocument (ODT)",
    extensions: ["odt"],
  },
} as const;
export type FileKind = keyof typeof FILE_KINDS;

export interface Upload {
  filename: string;
  /** The type read from the content, not the one the browser announced. */
  mimeType: string;
  kind: FileKind;
  data: Buffer;
  sha256: string;
  /** Pages of a PDF; null for another kind. */
  pages: number | null;
}

/** No file chosen, a file that passed every check, or the French message to show at the field. */
export type FileOutcome =
  | { status: "none" }
  | { status: "ok"; upload: Upload }
  | { status: "refused"; error: string };

export const UPLOAD_MESSAGES = {
  empty: "Le fichier est vide",
  tooLarge: "Le fichier dépasse 15 Mo : choisissez un fichier plus léger",
  unreadablePdf: "Ce fichier n'est pas un PDF lisible",
  tooComplexPdf:
    "Ce PDF est trop complexe pour être lu ; enregistrez-le à nouveau (par exemple avec « Imprimer » puis « Enregistrer au format PDF ») et déposez cette nouvelle version",
} as const;

/** "Le fichier doit être un PDF, une image JPEG ou une image PNG". */
export function acceptedKindsMessage(accept: readonly FileKind[]): string {
  const labels = accept.map((kind) => FILE_KINDS[kind].label);
  const list = labels.length > 1 ? `${labels.slice(0, -1).join(", ")} ou ${labels.at(-1)}` : labels[0];
  return `Le fichier doit être ${list}`;
}

/** A file part of a multipart body as registerUploads leaves it in request.body. */
export interface ReceivedFile {
  type: "file";
  filename: string;
  /** Null when the file went over MAX_UPLOAD_BYTES (its bytes were dropped while reading). */
  data: Buffer | null;
  tooLarge: boolean;
}

function isReceivedFile(value: unknown): value is ReceivedFile {
  return Boolean(value && typeof value === "object" && (value as { type?: unknown }).type === "file");
}

const MAX_NAME_LENGTH = 120;
/** Control characters (Cc) and invisible format characters (Cf: direction overrides, zero widths). */
const CONTROL_CHARACTERS = /[\p{Cc}\p{Cf}]/gu;

/**
 * A file name safe to store and to offer for download: the last part of a path only, without control
 * or direction characters, without characters Windows refuses, at most 120 characters with its
 * extension kept when it is shortened. "fichier" when nothing is left.
 */
export function cleanFilename(raw: string): string {
  const base = raw.normalize("NFC").split(/[\\/]/).at(-1) ?? "";
  const cleaned = base
    .replace(CONTROL_CHARACTERS, "")
    .replace(/[<>:"|?*]/g, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s]+/, "")
    .replace(/[.\s]+$/, "");
  const chars = Array.from(cleaned);
  if (chars.length === 0) return "fichier";
  if (chars.length <= MAX_NAME_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const extension = dot > 0 && /^\.[\p{L}\p{N}]{1,10}$/u.test(cleaned.slice(dot)) ? cleaned.slice(dot) : "";
  const stem = Array.from(extension ? cleaned.slice(0, dot) : cleaned);
  return `${stem
    .slice(0, MAX_NAME_LENGTH - extension.length)
    .join("")
    .trimEnd()}${extension}`;
}

/** The name with the extension of its real kind: "scan.pdf" that is a PNG becomes "scan.png". */
export function filenameForKind(filename: string, kind: FileKind): string {
  const { extensions } = FILE_KINDS[kind];
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(filename);
  const extension = match?.[1]?.toLowerCase();
  if (extension && (extensions as readonly string[]).includes(extension)) return filename;
  const known = Object.values(FILE_KINDS).some((k) =>
    (k.extensions as readonly string[]).includes(extension ?? ""),
  );
  const stem = known && match ? filename.slice(0, match.index) : filename;
  return `${stem}.${extensions[0]}`;
}

/** The kind of a file from its first bytes, or null when it is none of FILE_KINDS. */
export async function detectFileKind(data: Uint8Array): Promise<FileKind | null> {
  const found = await fileTypeFromBuffer(data);
  if (found) {
    const kind = (Object.keys(FILE_KINDS) as FileKind[]).find((k) => FILE_KINDS[k].mime === found.mime);
    if (kind) return kind;
  }
  // A PDF may start with a few bytes of garbage before its header (allowed in the first 1024 bytes).
  if (Buffer.from(data.subarray(0, 1024)).indexOf("%PDF-") >= 0) return "pdf";
  return null;
}

/**
 * The file of a multipart form field, checked: chosen, not empty, not too large, of an accepted kind
 * (from its content), and for a PDF readable within the limits (its pages counted off the main thread).
 */
export async function receiveFile(
  body: unknown,
  name: string,
  accept: readonly FileKind[],
  pdfLimits?: PdfLimits,
): Promise<FileOutcome> {
  const field = (body as Record<string, unknown> | undefined)?.[name];
  const file = Array.isArray(field) ? field[0] : field;
  if (!isReceivedFile(file)) return { status: "none" };
  // A file input left empty is sent with no name and no content.
  if (!file.filename && !file.tooLarge && (file.data?.length ?? 0) === 0) return { status: "none" };
  if (file.tooLarge || !file.data) return { status: "refused", error: UPLOAD_MESSAGES.tooLarge };
  if (file.data.length === 0) return { status: "refused", error: UPLOAD_MESSAGES.empty };
  const kind = await detectFileKind(file.data);
  if (!kind || !accept.includes(kind)) return { status: "refused", error: acceptedKindsMessage(accept) };
  let pages: number | null = null;
  if (kind === "pdf") {
    const reading = await readPdfOffThread(file.data, pdfLimits);
    if (reading.kind === "unreadable") return { status: "refused", error: UPLOAD_MESSAGES.unreadablePdf };
    if (reading.kind === "too-complex") return { status: "refused", error: UPLOAD_MESSAGES.tooComplexPdf };
    pages = reading.pages;
  }
  return {
    status: "ok",
    upload: {
      filename: filenameForKind(cleanFilename(file.filename), kind),
      mimeType: FILE_KINDS[kind].mime,
      kind,
      data: file.data,
      sha256: createHash("sha256").update(file.data).digest("hex"),
      pages,
    },
  };
}

/** A multipart request refused as a whole (too large, too many files, malformed), in French. */
export class UploadRefusedError extends DomainError {
  constructor(message: string, status = 400) {
    super(message, status, status === 413 ? "Envoi trop volumineux" : "Envoi refusé");
  }
}

const LIMIT_MESSAGES: Record<string, [string, number]> = {
  FST_FILES_LIMIT: ["Un seul fichier peut être envoyé à la fois.", 413],
  FST_PARTS_LIMIT: ["Le formulaire envoyé contient trop de champs.", 413],
  FST_FIELDS_LIMIT: ["Le formulaire envoyé contient trop de champs.", 413],
};

/** Reads a multipart body into { field: { type: "field", value } | ReceivedFile }, each file capped. */
async function readMultipartBody(request: FastifyRequest): Promise<Record<string, unknown>> {
  const body: Record<string, unknown> = {};
  const add = (name: string, entry: unknown) => {
    const existing = body[name];
    if (existing === undefined) body[name] = entry;
    else if (Array.isArray(existing)) existing.push(entry);
    else body[name] = [existing, entry];
  };
  try {
    for await (const part of request.parts()) {
      if (part.type === "field") {
        add(part.fieldname, { type: "field", value: part.value });
        continue;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      // Busboy stops handing bytes over one byte after the limit and drops the rest of the file.
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size <= MAX_UPLOAD_BYTES) chunks.push(chunk);
        else chunks.length = 0;
      }
      const tooLarge = size > MAX_UPLOAD_BYTES || part.file.truncated;
      const received: ReceivedFile = {
        type: "file",
        filename: part.filename,
        data: tooLarge ? null : Buffer.concat(chunks),
        tooLarge,
      };
      add(part.fieldname, received);
    }
  } catch (err) {
    if (err instanceof DomainError) throw err;
    const [message, status] = LIMIT_MESSAGES[(err as { code?: string }).code ?? ""] ?? [
      "Le formulaire n'a pas été reçu en entier. Revenez à la page précédente et envoyez-le à nouveau.",
      400,
    ];
    throw new UploadRefusedError(message, status);
  }
  return body;
}

/**
 * Registers multipart forms. `authorize` (who is asking, may they) runs before the body is read; the
 * body is then read into request.body, as the CSRF check and normalizeForm expect it.
 */
export async function registerUploads(
  app: FastifyInstance,
  authorize: (request: FastifyRequest) => Promise<void>,
): Promise<void> {
  await app.register(fastifyMultipart, {
    limits: { fileSize: MAX_UPLOAD_BYTES + 1, files: 1, fields: 200, parts: 201, fieldSize: 200_000 },
    throwFileSizeLimit: false,
  });
  app.addHook("preValidation", async (request) => {
    if (!request.isMultipart()) return;
    await authorize(request);
    if (Number(request.headers["content-length"] ?? 0) > MAX_REQUEST_BYTES) {
      throw new UploadRefusedError(
        "L'envoi dépasse 60 Mo : il n'a pas été lu. Revenez à la page précédente et choisissez un fichier de 15 Mo au plus.",
        413,
      );
    }
    request.body = await readMultipartBody(request);
  });
}

/** Content-Disposition for a download, with the French name kept (RFC 6266 / 5987). */
export function attachmentHeader(filename: string): string {
  const ascii = filename
    .normalize("NFD")
    .replace(/[^\x20-\x7e]/g, "")
    .replace(/"/g, "");
  return `attachment; filename="${ascii || "fichier"}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
