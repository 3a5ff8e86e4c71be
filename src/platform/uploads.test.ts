import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { Document, Packer, Paragraph } from "docx";
import { PDFDocument } from "pdf-lib";
import { PNG_1X1, pdfBomb } from "../../test/pdf-bomb.ts";
import {
  acceptedKindsMessage,
  cleanFilename,
  detectFileKind,
  type FileKind,
  filenameForKind,
  MAX_UPLOAD_BYTES,
  type ReceivedFile,
  receiveFile,
  UPLOAD_MESSAGES,
} from "./uploads.ts";

async function pdfOf(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage();
  return Buffer.from(await doc.save());
}

/** A ZIP holding one stored entry "mimetype", as an OpenDocument file starts. */
function odtHead(): Buffer {
  const name = Buffer.from("mimetype");
  const content = Buffer.from("application/vnd.oasis.opendocument.text");
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(10, 4);
  header.writeUInt32LE(content.length, 18);
  header.writeUInt32LE(content.length, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name, content]);
}

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);

describe("file names are cleaned", () => {
  const long = `${"é".repeat(150)}.pdf`;
  const cases: [string, string, string][] = [
    ["an ordinary French name", "attestation-soins-été.pdf", "attestation-soins-été.pdf"],
    ["a Windows path keeps its last part", "C:\\Users\\inès\\Documents\\cv.pdf", "cv.pdf"],
    ["a Unix path keeps its last part", "../../etc/passwd", "passwd"],
    ["control characters are removed", "rap\u0000port\u0007\n.pdf", "rapport.pdf"],
    ["a direction override cannot disguise the extension", "facture\u202Efdp.exe", "facturefdp.exe"],
    ["characters Windows refuses become _", 'avis: "urgent"?.pdf', "avis_ _urgent__.pdf"],
    ["spaces are collapsed and trimmed", "  mon   cv .pdf  ", "mon cv .pdf"],
    ["leading dots are removed", "..cache.png", "cache.png"],
    ["nothing left gives a name", "\u0000\u0001", "fichier"],
    ["a long name is shortened, its extension kept", long, `${"é".repeat(116)}.pdf`],
    ["a long name without extension is cut", "x".repeat(200), "x".repeat(120)],
    ["decomposed accents are composed (NFC)", "e\u0301te\u0301.pdf", "été.pdf"],
  ];
  for (const [name, raw, expected] of cases)
    test(name, () => {
      assert.equal(cleanFilename(raw), expected);
      assert.ok(Array.from(cleanFilename(raw)).length <= 120);
    });
});

describe("a file is named after its real kind", () => {
  const cases: [string, FileKind, string][] = [
    ["scan.pdf", "pdf", "scan.pdf"],
    ["scan.PDF", "pdf", "scan.PDF"],
    ["scan.pdf", "png", "scan.png"],
    ["photo.jpeg", "jpeg", "photo.jpeg"],
    ["photo.png", "jpeg", "photo.jpg"],
    ["memoire", "pdf", "memoire.pdf"],
    ["rapport.final", "pdf", "rapport.final.pdf"],
  ];
  for (const [name, kind, expected] of cases)
    test(`${name} (${kind}) → ${expected}`, () => assert.equal(filenameForKind(name, kind), expected));
});

describe("the accepted kinds in one French sentence", () => {
  const cases: [FileKind[], string][] = [
    [["pdf"], "Le fichier doit être un PDF"],
    [["pdf", "png"], "Le fichier doit être un PDF ou une image PNG"],
    [["pdf", "jpeg", "png"], "Le fichier doit être un PDF, une image JPEG ou une image PNG"],
  ];
  for (const [kinds, expected] of cases)
    test(expected, () => assert.equal(acceptedKindsMessage(kinds), expected));
});

describe("the kind of a file comes from its content", () => {
  test("PDF, PNG, JPEG, DOCX, ODT and others", async () => {
    const docx = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph("Bonjour")] }] }),
    );
    const cases: [string, Buffer, FileKind | null][] = [
      ["PDF", await pdfOf(1), "pdf"],
      ["PDF after a few bytes of garbage", Buffer.concat([Buffer.from("\r\n"), await pdfOf(1)]), "pdf"],
      ["PNG", PNG_1X1, "png"],
      ["JPEG", JPEG, "jpeg"],
      ["DOCX", docx, "docx"],
      ["ODT", odtHead(), "odt"],
      ["text", Buffer.from("Bonjour, ceci n'est pas un PDF"), null],
      ["GIF", Buffer.from("GIF89a\x01\x00\x01\x00", "latin1"), null],
      ["empty", Buffer.alloc(0), null],
    ];
    for (const [name, data, expected] of cases) assert.equal(await detectFileKind(data), expected, name);
  });
});

describe("receiving a file of a form", () => {
  const file = (filename: string, data: Buffer | null, tooLarge = false): { f: ReceivedFile } => ({
    f: { type: "file", filename, data, tooLarge },
  });
  const PIECE: FileKind[] = ["pdf", "jpeg", "png"];

  test("no field, or a file input left empty, is no file", async () => {
    assert.deepEqual(await receiveFile({}, "f", PIECE), { status: "none" });
    assert.deepEqual(await receiveFile(file("", Buffer.alloc(0)), "f", PIECE), { status: "none" });
    assert.deepEqual(await receiveFile({ f: { type: "field", value: "x" } }, "f", PIECE), { status: "none" });
  });

  test("an empty file has its own message", async () => {
    assert.deepEqual(await receiveFile(file("cv.pdf", Buffer.alloc(0)), "f", PIECE), {
      status: "refused",
      error: "Le fichier est vide",
    });
  });

  test("a file over the limit is refused in French", async () => {
    assert.equal(MAX_UPLOAD_BYTES, 15 * 1024 * 1024);
    assert.deepEqual(await receiveFile(file("scan.pdf", null, true), "f", PIECE), {
      status: "refused",
      error: "Le fichier dépasse 15 Mo : choisissez un fichier plus léger",
    });
  });

  test("a real PNG named .pdf is accepted as a PNG where images are, and renamed", async () => {
    const outcome = await receiveFile(file("scan.pdf", PNG_1X1), "f", PIECE);
    assert.equal(outcome.status, "ok");
    if (outcome.status !== "ok") return;
    assert.equal(outcome.upload.mimeType, "image/png");
    assert.equal(outcome.upload.filename, "scan.png");
    assert.equal(outcome.upload.pages, null);
    assert.match(outcome.upload.sha256, /^[0-9a-f]{64}$/);
  });

  test("the same PNG is refused where only a PDF is", async () => {
    assert.deepEqual(await receiveFile(file("memoire.pdf", PNG_1X1), "f", ["pdf"]), {
      status: "refused",
      error: "Le fichier doit être un PDF",
    });
  });

  test("17 bytes starting with %PDF are not a readable PDF", async () => {
    const fake = Buffer.from("%PDF-1.4\n%%EOF\n00");
    assert.equal(fake.length, 17);
    assert.deepEqual(await receiveFile(file("cv.pdf", fake), "f", PIECE), {
      status: "refused",
      error: "Ce fichier n'est pas un PDF lisible",
    });
  });

  test("a PDF has its pages counted", async () => {
    const outcome = await receiveFile(file("rapport", await pdfOf(3)), "f", PIECE);
    assert.equal(outcome.status, "ok");
    if (outcome.status !== "ok") return;
    assert.deepEqual(
      { mimeType: outcome.upload.mimeType, filename: outcome.upload.filename, pages: outcome.upload.pages },
      { mimeType: "application/pdf", filename: "rapport.pdf", pages: 3 },
    );
  });

  test("a PDF bomb is refused as too complex", async () => {
    assert.deepEqual(await receiveFile(file("bombe.pdf", pdfBomb(300)), "f", PIECE), {
      status: "refused",
      error: UPLOAD_MESSAGES.tooComplexPdf,
    });
    assert.match(UPLOAD_MESSAGES.tooComplexPdf, /^Ce PDF est trop complexe pour être lu ; enregistrez-le/);
  });
});
