import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { certificatePdf, ISSUER, verificationUrl } from "./pdf.ts";

const dir = mkdtempSync(path.join(tmpdir(), "parcours-certificat-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Words of the page with their box, from poppler's pdftotext. */
function words(file: string): { text: string; yMax: number }[] {
  const html = execFileSync("pdftotext", ["-bbox", file, "-"], { encoding: "utf8" });
  return [
    ...html.matchAll(/<word xMin="[\d.]+" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g),
  ].map((m) => ({ yMax: Number(m[1]), text: m[2] ?? "" }));
}

/** The share of dark pixels in a region of the page rendered in grey (x, y, w, h as fractions). */
function darkShare(file: string, region: { x: number; y: number; w: number; h: number }): number {
  const pgm = execFileSync("pdftoppm", ["-gray", "-r", "40", "-singlefile", file]);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.toString("latin1", 0, 40));
  if (!header) throw new Error("not a PGM image");
  const width = Number(header[1]);
  const height = Number(header[2]);
  const pixels = pgm.subarray(header[0].length);
  let dark = 0;
  let all = 0;
  for (let y = Math.floor(region.y * height); y < (region.y + region.h) * height; y++)
    for (let x = Math.floor(region.x * width); x < (region.x + region.w) * width; x++) {
      all++;
      if ((pixels[y * width + x] ?? 255) < 128) dark++;
    }
  return dark / all;
}

describe("the CISJ certificate in PDF", () => {
  test("one landscape page: issuer, holder, number, signature block, QR code to the public address, no blank half", async () => {
    const url = verificationUrl("https://parcours.example/", "CISJ-2026-00042");
    assert.equal(url, "https://parcours.example/certificats/verifier?numero=CISJ-2026-00042");
    const file = path.join(dir, "certificat.pdf");
    writeFileSync(
      file,
      await certificatePdf({
        holderName: "Inès Martin",
        number: "CISJ-2026-00042",
        issuedOn: "2026-03-12",
        soutenanceDate: "2026-03-01",
        verificationUrl: url,
      }),
    );
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    assert.match(info, /Pages:\s+1\n/);
    assert.match(info, /Page size:\s+841\.89 x 595\.28 pts/);
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    assert.ok(text.includes(ISSUER), "the issuer");
    assert.match(text, /Service Formation/);
    assert.match(text, /Inès Martin/);
    assert.match(text, /Certificat n° CISJ-2026-00042/);
    assert.match(text, /Délivré le 12\/03\/2026/);
    assert.match(text, /soutenu son mémoire devant un jury de professionnels le 01\/03\/2026/);
    assert.match(text, /Pour la fédération, le ou la responsable/);
    assert.match(text, /Signature et cachet/);
    assert.match(
      text.replace(/\s+/g, ""),
      /https:\/\/parcours\.example\/certificats\/verifier\?numero=CISJ-2026-00042/,
    );
    // The lowest line is in the last quarter of the page: no blank half page.
    const lowest = Math.max(...words(file).map((w) => w.yMax));
    assert.ok(lowest > 595.28 * 0.75, `the last line ends at ${lowest} pt`);
    // The QR code: a dense black and white square at the bottom right, nothing at the top right.
    const qr = darkShare(file, { x: 0.8, y: 0.66, w: 0.13, h: 0.2 });
    assert.ok(qr > 0.3 && qr < 0.7, `QR region ${qr}`);
    assert.ok(darkShare(file, { x: 0.8, y: 0.3, w: 0.13, h: 0.2 }) < 0.02);
  });
});
