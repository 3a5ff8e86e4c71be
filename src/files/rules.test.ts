import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { checkProofFile, formatFileSize, sniffFileType } from "./rules.ts";

const bytes = (...b: number[]) => Uint8Array.from(b);
const PDF = Buffer.from("%PDF-1.4\n%âãÏÓ\n", "latin1");
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00);

describe("file type from the first bytes", () => {
  const cases: [string, Uint8Array, string | null][] = [
    ["PDF", PDF, "application/pdf"],
    ["JPEG", JPEG, "image/jpeg"],
    ["PNG", PNG, "image/png"],
    ["text renamed .pdf", Buffer.from("Bonjour, ceci n'est pas un PDF"), null],
    ["%PDF without the dash", Buffer.from("%PDF1.4"), null],
    ["truncated PNG signature", PNG.slice(0, 7), null],
    ["two bytes of a JPEG", JPEG.slice(0, 2), null],
    ["GIF", Buffer.from("GIF89a"), null],
    ["ZIP (docx)", bytes(0x50, 0x4b, 0x03, 0x04), null],
    ["empty", bytes(), null],
  ];
  for (const [name, data, expected] of cases) test(name, () => assert.equal(sniffFileType(data), expected));
});

describe("proof file check", () => {
  const max = 15 * 1024 * 1024;
  test("a PDF of exactly the maximum size is accepted, with its real type", () => {
    const data = new Uint8Array(max);
    data.set(PDF);
    assert.deepEqual(checkProofFile({ data }, max), { ok: true, mimeType: "application/pdf" });
  });
  test("one byte over the maximum is refused in French", () => {
    const data = new Uint8Array(max + 1);
    data.set(PDF);
    assert.deepEqual(checkProofFile({ data }, max), {
      ok: false,
      error: "Le fichier dépasse 15 Mo : choisissez un fichier plus léger",
    });
  });
  test("another type is refused in French", () => {
    assert.deepEqual(checkProofFile({ data: Buffer.from("texte") }, max), {
      ok: false,
      error: "Le fichier doit être un PDF, une image JPEG ou une image PNG",
    });
  });
});

describe("file sizes in French", () => {
  const cases: [number, string][] = [
    [0, "0 o"],
    [1023, "1023 o"],
    [1024, "1 Ko"],
    [1500, "1 Ko"],
    [120 * 1024, "120 Ko"],
    [1024 * 1024, "1 Mo"],
    [3.45 * 1024 * 1024, "3,5 Mo"],
    [15 * 1024 * 1024, "15 Mo"],
  ];
  for (const [size, expected] of cases)
    test(`${size} → ${expected}`, () => assert.equal(formatFileSize(size), expected));
});
