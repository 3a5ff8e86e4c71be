/**
 * Test helpers for the issued files: read a DOCX's text back, render a PDF's pages to PNG with
 * pdftoppm and tell whether a PNG page is blank. Used by the tests only.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { inflateRawSync, inflateSync } from "node:zlib";

const run = promisify(execFile);
export const PDFTOPPM = "/usr/bin/pdftoppm";

/** The text of word/document.xml in a DOCX (a zip): with jszip when it resolves, otherwise by hand. */
export async function docxDocumentXml(docx: Buffer): Promise<string> {
  try {
    const { default: JSZip } = await import("jszip");
    const zip = await JSZip.loadAsync(docx);
    const file = zip.file("word/document.xml");
    if (!file) throw new Error("no word/document.xml in the DOCX");
    return file.async("string");
  } catch (error) {
    if ((error as { code?: string }).code !== "ERR_MODULE_NOT_FOUND") throw error;
    return zipEntry(docx, "word/document.xml").toString("utf8");
  }
}

/** One entry of a zip file, read from its central directory (stored or deflated). */
export function zipEntry(zip: Buffer, name: string): Buffer {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error("not a zip file");
  const entries = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localHeader = zip.readUInt32LE(offset + 42);
    const entryName = zip.toString("utf8", offset + 46, offset + 46 + nameLength);
    if (entryName === name) {
      const localNameLength = zip.readUInt16LE(localHeader + 26);
      const localExtraLength = zip.readUInt16LE(localHeader + 28);
      const start = localHeader + 30 + localNameLength + localExtraLength;
      const data = zip.subarray(start, start + compressedSize);
      return method === 0 ? Buffer.from(data) : inflateRawSync(data);
    }
    offset += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`no ${name} in the zip`);
}

/** The visible text of a WordprocessingML document (the runs' text, joined). */
export function wordText(documentXml: string): string {
  return [...documentXml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1] ?? "")
    .join("")
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** Why the PDF rendering cannot be checked here, or false when pdftoppm is installed. */
export const pdftoppmMissing = existsSync(PDFTOPPM)
  ? false
  : `${PDFTOPPM} introuvable (paquet poppler-utils)`;

/** Renders every page of a PDF to PNG (pdftoppm -png -r 50) and returns the PNG files' contents. */
export async function renderPdfPages(pdf: Buffer): Promise<Buffer[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "parcours-pdf-"));
  try {
    const input = path.join(dir, "document.pdf");
    writeFileSync(input, pdf);
    await run(PDFTOPPM, ["-png", "-r", "50", input, path.join(dir, "page")]);
    return readdirSync(dir)
      .filter((f) => f.endsWith(".png"))
      .sort()
      .map((f) => readFileSync(path.join(dir, f)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The share of pixels that are not white in an 8-bit PNG (grey, RGB or RGBA, not interlaced). */
export function inkRatio(png: Buffer): number {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error("not a PNG");
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString("ascii", offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const bitDepth = data[8];
      const colorType = data[9];
      if (bitDepth !== 8 || data[12] !== 0) throw new Error("unsupported PNG");
      channels = colorType === 0 ? 1 : colorType === 2 ? 3 : colorType === 6 ? 4 : colorType === 4 ? 2 : 0;
      if (channels === 0) throw new Error("unsupported PNG colour type");
    } else if (type === "IDAT") idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const previous = Buffer.alloc(stride);
  const line = Buffer.alloc(stride);
  let ink = 0;
  for (let y = 0; y < height; y++) {
    const start = y * (stride + 1);
    const filter = raw[start] ?? 0;
    for (let x = 0; x < stride; x++) {
      const value = raw[start + 1 + x] ?? 0;
      const left = x >= channels ? (line[x - channels] ?? 0) : 0;
      const up = previous[x] ?? 0;
      const upLeft = x >= channels ? (previous[x - channels] ?? 0) : 0;
      let predictor = 0;
      if (filter === 1) predictor = left;
      else if (filter === 2) predictor = up;
      else if (filter === 3) predictor = Math.floor((left + up) / 2);
      else if (filter === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        predictor = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      line[x] = (value + predictor) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      const colour = Math.min(channels, 3);
      let dark = false;
      for (let c = 0; c < colour; c++) if ((line[x * channels + c] ?? 255) < 200) dark = true;
      if (dark) ink++;
    }
    line.copy(previous);
  }
  return ink / (width * height);
}
