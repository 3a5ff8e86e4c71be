/**
 * Reading an uploaded PDF (its page count), run in a worker thread by pdf-check.ts so that a hostile
 * file cannot stall the server. This file only uses erasable TypeScript: Node runs it in the worker
 * without tsx.
 *
 * pdf-lib inflates the object and cross-reference streams while loading a file, through one buffer
 * method shared by every filter (Flate, LZW, RunLength…). That method is capped here: a "PDF bomb"
 * whose 1 Mo of compressed objects inflates to 1 Go is stopped after 16 Mo (real object streams hold a few Mo). The worker's own time and
 * memory limits (pdf-check.ts) catch the rest (loops, deep nesting).
 */
import { createRequire } from "node:module";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { PDFDocument } from "pdf-lib";

export type PdfReading = { kind: "pdf"; pages: number } | { kind: "unreadable" } | { kind: "too-complex" };

/** The most pdf-lib may inflate while loading one file, all streams together. */
export const MAX_INFLATED_BYTES = 16 * 1024 * 1024;

class InflateLimitError extends Error {}

interface DecodeStreamClass {
  prototype: { buffer: Uint8Array; ensureBuffer(requested: number): Uint8Array };
}
const require = createRequire(import.meta.url);
// The class pdf-lib's own index (its CommonJS build, the one `import "pdf-lib"` loads) decodes with.
const DecodeStream = (require("pdf-lib/cjs/core/streams/DecodeStream.js") as { default: DecodeStreamClass })
  .default;
let inflated = 0;
/** pdf-lib skips an object it cannot read and goes on: the limit is remembered for the whole file. */
let overLimit = false;
const ensureBuffer = DecodeStream.prototype.ensureBuffer;
DecodeStream.prototype.ensureBuffer = function capped(requested: number): Uint8Array {
  const before = this.buffer.byteLength;
  if (requested <= before) return this.buffer;
  if (overLimit || inflated + requested - before > MAX_INFLATED_BYTES) {
    overLimit = true;
    throw new InflateLimitError();
  }
  const buffer = ensureBuffer.call(this, requested);
  inflated += buffer.byteLength - before;
  return buffer;
};

/** The page count of a PDF, or why it cannot be given. Runs in the worker; also callable directly in tests. */
export async function readPdf(data: Uint8Array): Promise<PdfReading> {
  if (Buffer.from(data.subarray(0, 1024)).indexOf("%PDF-") < 0) return { kind: "unreadable" };
  inflated = 0;
  overLimit = false;
  try {
    const doc = await PDFDocument.load(data, { ignoreEncryption: true, updateMetadata: false });
    if (overLimit) return { kind: "too-complex" };
    const pages = doc.getPageCount();
    return pages > 0 ? { kind: "pdf", pages } : { kind: "unreadable" };
  } catch (err) {
    // A stack overflow (deeply nested objects) is a RangeError.
    return overLimit || err instanceof InflateLimitError || err instanceof RangeError
      ? { kind: "too-complex" }
      : { kind: "unreadable" };
  }
}

if (!isMainThread && parentPort && (workerData as { task?: string } | null)?.task === "read-pdf") {
  const port = parentPort;
  // pdf-lib is loaded: the time limit starts now (loading it may take long on a busy machine).
  port.postMessage({ kind: "started" });
  readPdf((workerData as { data: Uint8Array }).data).then(
    (reading) => port.postMessage(reading),
    () => port.postMessage({ kind: "unreadable" } satisfies PdfReading),
  );
}
