/**
 * Which files a person's file accepts as proofs: PDF, JPEG or PNG, 15 Mo at most. The type is read from
 * the file's content by platform/uploads.ts (receiveFile), not from the name or the type the browser
 * announces, so that a renamed file is stored and served with its real type.
 */

/** For the file input's `accept` attribute (a hint to the browser; the server decides from the content). */
export const ACCEPT_ATTRIBUTE = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";

/** "120 Ko", "3,4 Mo". */
export function formatFileSize(size: number): string {
  if (size < 1024) return `${size} o`;
  if (size < 1024 * 1024) return `${Math.max(1, Math.round(size / 1024))} Ko`;
  const mo = size / (1024 * 1024);
  return `${mo.toLocaleString("fr-FR", { maximumFractionDigits: 1 })} Mo`;
}
