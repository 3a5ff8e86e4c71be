import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { PDFDocument } from "pdf-lib";
import { reportDocument, reportDocx, reportPdf, splitLines } from "./documents.ts";
import { buildReportDraft } from "./draft.ts";
import { docxDocumentXml, inkRatio, pdftoppmMissing, renderPdfPages, wordText } from "./test-documents.ts";
import { emptyReportDataFixture, reportDataFixture } from "./test-fixtures.ts";

function issued(data = reportDataFixture(), conclusion = "Avis favorable à la poursuite de la mesure.") {
  const sections = buildReportDraft("rapport_etape", data).map((s) =>
    s.key === "conclusion" ? { ...s, body: conclusion } : s,
  );
  return reportDocument({
    kind: "rapport_etape",
    version: 2,
    issuedOn: "2026-11-20",
    authorName: "Claire Intervenante",
    data,
    sections,
  });
}

describe("the issued report's document", () => {
  test("title with version, header facts, identity block and signature", () => {
    const doc = issued();
    assert.equal(doc.title, "Rapport d'étape n° 2");
    assert.equal(doc.associationName, "Association Exemple de Gironde");
    assert.equal(doc.courtName, "Tribunal judiciaire de Bordeaux");
    assert.equal(doc.magistrate, "Juge d'instruction – Mme Exemple");
    assert.deepEqual(doc.identity[0], { label: "Personne suivie", value: "ÉLUARD-NGUYÊN Maëlys" });
    assert.deepEqual(doc.signature, [
      "Fait à Bordeaux, le 20/11/2026",
      "Claire Intervenante",
      "Association Exemple de Gironde",
    ]);
    const empty = reportDocument({
      kind: "rapport_fin_mesure",
      version: 1,
      issuedOn: "2026-11-20",
      authorName: "Claire Intervenante",
      data: { ...emptyReportDataFixture(), association: { name: "", city: null } },
      sections: [],
    });
    assert.equal(empty.associationName, "Non renseigné");
    assert.equal(empty.identity.find((r) => r.label === "Numéro de procédure")?.value, "Non renseigné");
    assert.equal(empty.signature[0], "Fait le 20/11/2026");
  });

  test("lines become paragraphs and list items, with the sub-items one level down", () => {
    assert.deepEqual(splitLines("Intro\n\n– un\n   · sous\n- deux\n"), [
      { text: "Intro", level: null },
      { text: "un", level: 0 },
      { text: "sous", level: 1 },
      { text: "deux", level: 0 },
    ]);
  });

  test("the DOCX reads back with the person's name, the section titles and the text", async () => {
    const docx = await reportDocx(issued());
    assert.equal(docx.subarray(0, 2).toString("latin1"), "PK");
    const xml = await docxDocumentXml(docx);
    const text = wordText(xml);
    assert.match(text, /ÉLUARD-NGUYÊN Maëlys/);
    assert.match(text, /Rapport d'étape n° 2/);
    assert.match(text, /Respect des obligations/);
    assert.match(text, /1 obligation constatée comme non respectée \(Se soumettre à des soins\)\./);
    assert.match(text, /Avis favorable à la poursuite de la mesure\./);
  });

  test("the PDF has its pages counted and rendered, none blank", async (t) => {
    const pdf = await reportPdf(issued());
    assert.equal(pdf.subarray(0, 5).toString("latin1"), "%PDF-");
    const pages = (await PDFDocument.load(pdf)).getPageCount();
    assert.ok(pages >= 1);
    if (pdftoppmMissing) {
      t.diagnostic(`rendu non vérifié : ${pdftoppmMissing}`);
      console.log(`PDF rendering not checked: ${pdftoppmMissing}`);
      return;
    }
    const pngs = await renderPdfPages(pdf);
    assert.equal(pngs.length, pages);
    for (const png of pngs) assert.ok(inkRatio(png) > 0.005, "a rendered page is blank");
  });

  test("a long report runs over several pages; characters outside the PDF fonts do not break it", async () => {
    const long = Array.from(
      { length: 120 },
      (_, i) => `Paragraphe ${i + 1} : Łukasz a dit « d’accord » 😀.`,
    ).join("\n");
    const pdf = await reportPdf(issued(reportDataFixture(), long));
    const pages = (await PDFDocument.load(pdf)).getPageCount();
    assert.ok(pages >= 3, `only ${pages} pages`);
    const docx = await reportDocx(issued(reportDataFixture(), `${long}\u0001`));
    assert.match(wordText(await docxDocumentXml(docx)), /Paragraphe 120 : Łukasz a dit « d’accord » 😀\./);
  });
});
