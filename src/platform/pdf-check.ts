/**
 * Reads an uploaded PDF off the main thread: each file in its own worker thread (pdf-worker.ts) with a
 * memory limit and a time limit, at most two at a time. The server keeps answering other requests
 * while a file is read, and a file that goes over a limit is refused ("too-complex").
 */
import { Worker } from "node:worker_threads";
import type { PdfReading } from "./pdf-worker.ts";

export type { PdfReading };

export interface PdfLimits {
  /** Time allowed to read one file (neither waiting for a free worker nor starting it counted). */
  timeoutMs: number;
  /** The worker's JavaScript heap. */
  maxHeapMb: number;
}

export const PDF_LIMITS: PdfLimits = { timeoutMs: 5000, maxHeapMb: 128 };

const WORKER_URL = new URL("./pdf-worker.ts", import.meta.url);
const MAX_WORKERS = 2;
const STARTUP_TIMEOUT_MS = 30_000;
let running = 0;
const waiting: (() => void)[] = [];

async function slot(): Promise<() => void> {
  if (running >= MAX_WORKERS) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  return () => {
    running -= 1;
    waiting.shift()?.();
  };
}

/** The page count of an uploaded PDF, read in a worker thread within `limits`. */
export async function readPdfOffThread(
  data: Uint8Array,
  limits: PdfLimits = PDF_LIMITS,
): Promise<PdfReading> {
  const release = await slot();
  try {
    return await new Promise<PdfReading>((resolve) => {
      const worker = new Worker(WORKER_URL, {
        // Node strips the worker's types itself: no loader (tsx) is needed in the worker.
        execArgv: [],
        workerData: { task: "read-pdf", data },
        resourceLimits: {
          maxOldGenerationSizeMb: limits.maxHeapMb,
          maxYoungGenerationSizeMb: 16,
          stackSizeMb: 4,
        },
        // pdf-lib writes its parse warnings to the console: they stay in the worker.
        stdout: true,
        stderr: true,
      });
      worker.stdout.resume();
      worker.stderr.resume();
      let settled = false;
      // Starting the worker (loading pdf-lib) is not the file's fault: the time limit starts after.
      let timer = setTimeout(() => finish({ kind: "too-complex" }), STARTUP_TIMEOUT_MS);
      const finish = (reading: PdfReading) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        resolve(reading);
      };
      worker.on("message", (message: PdfReading | { kind: "started" }) => {
        if (message.kind !== "started") return finish(message);
        clearTimeout(timer);
        timer = setTimeout(() => finish({ kind: "too-complex" }), limits.timeoutMs);
      });
      // ERR_WORKER_OUT_OF_MEMORY when the file needs more memory than allowed.
      worker.once("error", () => finish({ kind: "too-complex" }));
      worker.once("exit", () => finish({ kind: "too-complex" }));
    });
  } finally {
    release();
  }
}
