import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { PDFDocument } from "pdf-lib";
import { pdfBomb } from "../../test/pdf-bomb.ts";
import { PDF_LIMITS, readPdfOffThread } from "./pdf-check.ts";
import { readPdf } from "./pdf-worker.ts";

async function pdfOf(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage();
  return Buffer.from(await doc.save());
}

/** A PDF with one array of `count` numbers: reading it builds that many objects in memory. */
function pdfWithHugeArray(count: number): Buffer {
  const numbers = "0 ".repeat(count);
  return Buffer.from(
    `%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 /X [${numbers}] >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`,
    "latin1",
  );
}

describe("reading an uploaded PDF off the main thread", () => {
  test("the pages of a PDF are counted in the worker", async () => {
    assert.deepEqual(await readPdfOffThread(await pdfOf(20)), { kind: "pdf", pages: 20 });
  });

  test("what is not a PDF is unreadable", async () => {
    assert.deepEqual(await readPdfOffThread(Buffer.from("%PDF-1.4\n%%EOF\n00")), { kind: "unreadable" });
    assert.deepEqual(await readPdf(Buffer.from("Bonjour")), { kind: "unreadable" });
  });

  test("a PDF bomb is stopped by the inflation cap, and the event loop keeps turning", async () => {
    const bomb = pdfBomb(300);
    assert.ok(bomb.length < 400 * 1024, "the bomb is small");
    let longestPause = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longestPause = Math.max(longestPause, now - last);
      last = now;
    }, 20);
    try {
      assert.deepEqual(await readPdfOffThread(bomb), { kind: "too-complex" });
    } finally {
      clearInterval(ticker);
    }
    assert.ok(longestPause < 1000, `the main thread paused ${Math.round(longestPause)} ms`);
  });

  test("a file needing more memory than the worker may use is too complex", async () => {
    const heavy = pdfWithHugeArray(2_000_000);
    // A long time limit: the memory limit is what stops it (ERR_WORKER_OUT_OF_MEMORY).
    const limits = { timeoutMs: 60_000, maxHeapMb: 16 };
    assert.deepEqual(await readPdfOffThread(heavy, limits), { kind: "too-complex" });
  });

  test("a file read too slowly is too complex", async () => {
    assert.deepEqual(await readPdfOffThread(await pdfOf(200), { ...PDF_LIMITS, timeoutMs: 1 }), {
      kind: "too-complex",
    });
  });
});
