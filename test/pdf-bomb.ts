import { constants, deflateRawSync } from "node:zlib";

/**
 * A zlib stream of `megabytes` Mo of zeros, built without compressing them: the same independent
 * deflate block (1 Mo of zeros, flushed) repeated, then an empty final block and the Adler-32 checksum.
 * 300 Mo take about 300 Ko and a few milliseconds.
 */
export function zerosDeflated(megabytes: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), {
    level: 9,
    finishFlush: constants.Z_FULL_FLUSH,
  });
  const last = deflateRawSync(Buffer.alloc(0));
  const length = megabytes * 1024 * 1024;
  const adler32 = Buffer.alloc(4);
  // Adler-32 of n zero bytes: a = 1, b = n mod 65521.
  adler32.writeUInt32BE((((length % 65521) << 16) | 1) >>> 0);
  return Buffer.concat([Buffer.from([0x78, 0xda]), ...Array<Buffer>(megabytes).fill(block), last, adler32]);
}

/**
 * A "PDF bomb": a small PDF whose object stream (FlateDecode) inflates to `megabytes` Mo, which a PDF
 * library inflates entirely while loading the file.
 */
export function pdfBomb(megabytes = 300): Buffer {
  const stream = zerosDeflated(megabytes);
  const head = [
    "%PDF-1.7\n",
    "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
    "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n",
    `3 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`,
  ].join("");
  const tail = "\nendstream\nendobj\ntrailer\n<< /Root 1 0 R /Size 4 >>\n%%EOF\n";
  return Buffer.concat([Buffer.from(head, "latin1"), stream, Buffer.from(tail, "latin1")]);
}

/** The 8-byte PNG signature and a minimal 1×1 image. */
export const PNG_1X1 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
