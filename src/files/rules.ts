/**
 * Which files a person's file accepts as proofs: PDF, JPEG or PNG, 15 Mo at most. The type is read from
 * the file's first bytes, not from the name or the type the browser announces, so that a renamed file
 * is refused and the type served on download is the real one.
 */

export const ACCEPTED_FILE_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;
export type AcceptedFileType = (typeof ACCEPTED_FILE_TYPES)[number];

/** For the file input's `accept` attribute. */
export const ACCEPT_ATTRIBUTE = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";

const SIGNATURES: { type: AcceptedFileType; bytes: number[] }[] = [
  { type: "application/pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: "image/jpeg", bytes: [0xff, 0xd8, 0xff] },
  { type: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The type of a file from its first bytes, or null when it is none of the accepted ones. */
export function sniffFileType(bytes: Uint8Array): AcceptedFileType | null {
  for (const { type, bytes: signature } of SIGNATURES) {
    if (bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b)) return type;
  }
  return null;
}

/** "120 Ko", "3,4 Mo". */
export function formatFileSize(size: number): string {
  if (size < 1024) return `${size} o`;
  if (size < 1024 * 1024) return `${Math.max(1, Math.round(size / 1024))} Ko`;
  const mo = size / (1024 * 1024);
  return `${mo.toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Mo`;
}

export type FileCheck = { ok: true; mimeType: AcceptedFileType } | { ok: false; error: string };

/** A proof file: not larger than `maxBytes`, and a PDF, a JPEG or a PNG. */
export function checkProofFile(file: { data: Uint8Array }, maxBytes: number): FileCheck {
  if (file.data.length > maxBytes)
    return {
      ok: false,
      error: `Le fichier dépasse ${formatFileSize(maxBytes)} : choisissez un fichier plus léger`,
    };
  const mimeType = sniffFileType(file.data);
  if (!mimeType) return { ok: false, error: "Le fichier doit être un PDF, une image JPEG ou une image PNG" };
  return { ok: true, mimeType };
}
