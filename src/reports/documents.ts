/**
 * The files of an issued report: a DOCX the magistrate's clerk or the service can open and edit in
 * Word or LibreOffice, and a PDF as sent. Both carry the association, the juridiction and the
 * magistrate in the page header, "Page X/Y" in the footer, the title with its version, the identity
 * block, the sections and the author's signature block.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { Content } from "pdfmake";
import pdfMake from "pdfmake";
import type { IsoDate } from "../deadlines/rules.ts";
import { formatDate } from "../platform/views/display.tsx";
import type { ReportKind } from "../reference/data/measure-types.ts";
import { DOCUMENT_TITLES, magistrateLine, NOT_PROVIDED, type ReportData, reportPersonName } from "./draft.ts";
import { toWinAnsi } from "./rules.ts";
import type { ReportSection } from "./tables.ts";

/** What an issued document shows, ready to lay out. */
export interface ReportDocument {
  title: string;
  associationName: string;
  courtName: string;
  magistrate: string;
  identity: { label: string; value: string }[];
  sections: ReportSection[];
  signature: string[];
  /** For the file's properties. */
  subject: string;
}

export function reportDocument(input: {
  kind: ReportKind;
  version: number;
  issuedOn: IsoDate;
  authorName: string;
  data: ReportData;
  sections: ReportSection[];
}): ReportDocument {
  const { data } = input;
  const m = data.measure;
  const name = reportPersonName(data.person);
  const place = data.association.city ? `Fait à ${data.association.city}, le ` : "Fait le ";
  return {
    title: `${DOCUMENT_TITLES[input.kind]} n° ${input.version}`,
    associationName: data.association.name || NOT_PROVIDED,
    courtName: m.courtName || NOT_PROVIDED,
    magistrate: magistrateLine(m) || NOT_PROVIDED,
    identity: [
      { label: "Personne suivie", value: name },
      {
        label: "Date de naissance",
        value: data.person.birthDate ? formatDate(data.person.birthDate) : NOT_PROVIDED,
      },
      { label: "Mesure", value: `${m.typeLabel} – dossier n° ${m.number}` },
      { label: "Numéro de procédure", value: m.proceedingsNumber || NOT_PROVIDED },
      { label: "Décision du", value: formatDate(m.decisionDate) || NOT_PROVIDED },
      { label: "Rapport émis le", value: `${formatDate(input.issuedOn)} (version ${input.version})` },
    ],
    sections: input.sections,
    signature: [`${place}${formatDate(input.issuedOn)}`, input.authorName, data.association.name].filter(
      (line) => line.trim() !== "",
    ),
    subject: `${DOCUMENT_TITLES[input.kind]} – ${name} – mesure ${m.number}`,
  };
}

/** A line of a section: a paragraph, or an item of a list (lines starting with a dash or a dot). */
interface Line {
  text: string;
  level: 0 | 1 | null;
}

export function splitLines(body: string): Line[] {
  const lines: Line[] = [];
  for (const raw of body.split("\n")) {
    const trimmed = raw.trim();
    if (trimmed === "") continue;
    const bullet = /^([–\-•·])\s+(.*)$/.exec(trimmed);
    if (bullet) {
      const indented = /^\s{2,}/.test(raw) || bullet[1] === "·";
      lines.push({ text: bullet[2] ?? "", level: indented ? 1 : 0 });
    } else lines.push({ text: trimmed, level: null });
  }
  return lines;
}

/* ------------------------------------------------------------------ */
/* DOCX                                                                */
/* ------------------------------------------------------------------ */

// Characters XML 1.0 does not allow (a DOCX is XML).
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters removed
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const xml = (text: string) => text.replace(XML_INVALID, "");

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };

export async function reportDocx(doc: ReportDocument): Promise<Buffer> {
  const identityRows = doc.identity.map(
    (row) =>
      new TableRow({
        children: [
          new TableCell({
            width: { size: 32, type: WidthType.PERCENTAGE },
            children: [new Paragraph({ children: [new TextRun({ text: xml(row.label), bold: true })] })],
          }),
          new TableCell({
            width: { size: 68, type: WidthType.PERCENTAGE },
            children: [new Paragraph(xml(row.value))],
          }),
        ],
      }),
  );
  const body: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, text: xml(doc.title) }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: identityRows,
      borders: {
        top: NO_BORDER,
        bottom: NO_BORDER,
        left: NO_BORDER,
        right: NO_BORDER,
        insideHorizontal: NO_BORDER,
        insideVertical: NO_BORDER,
      },
    }),
  ];
  for (const section of doc.sections) {
    body.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, spacing: { before: 240 }, text: xml(section.title) }),
    );
    for (const line of splitLines(section.body)) {
      body.push(
        new Paragraph({
          text: xml(line.text),
          spacing: { after: 80 },
          ...(line.level === null ? {} : { bullet: { level: line.level } }),
        }),
      );
    }
  }
  body.push(
    ...doc.signature.map(
      (line, index) =>
        new Paragraph({
          alignment: AlignmentType.RIGHT,
          spacing: { before: index === 0 ? 480 : 0 },
          children: [new TextRun({ text: xml(line), bold: index === 1 })],
        }),
    ),
  );
  const document = new Document({
    creator: "Parcours",
    title: xml(doc.title),
    subject: xml(doc.subject),
    styles: { default: { document: { run: { font: "Arial", size: 22, language: { value: "fr-FR" } } } } },
    sections: [
      {
        headers: {
          default: new Header({
            children: [
              new Paragraph({ children: [new TextRun({ text: xml(doc.associationName), bold: true })] }),
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ text: xml(`${doc.courtName} – ${doc.magistrate}`), size: 18 })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ["Page ", PageNumber.CURRENT, "/", PageNumber.TOTAL_PAGES],
                    size: 18,
                  }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}

/* ------------------------------------------------------------------ */
/* PDF                                                                 */
/* ------------------------------------------------------------------ */

type TDocumentDefinitions = Parameters<typeof pdfMake.createPdf>[0];

/** The standard PDF fonts, built into the PDF library: nothing is read from the disk or the network. */
const FONTS = {
  Helvetica: {
    normal: "Helvetica",
    bold: "Helvetica-Bold",
    italics: "Helvetica-Oblique",
    bolditalics: "Helvetica-BoldOblique",
  },
};
const STANDARD_FONT_NAMES = new Set(Object.values(FONTS.Helvetica));

function pdfLines(body: string): Content[] {
  const out: Content[] = [];
  let list: { level: 0 | 1; text: string }[] = [];
  const flush = () => {
    if (list.length === 0) return;
    out.push({
      ul: list.map((item) =>
        item.level === 0 ? toWinAnsi(item.text) : { text: toWinAnsi(item.text), margin: [14, 0, 0, 0] },
      ),
      margin: [0, 0, 0, 6],
    });
    list = [];
  };
  for (const line of splitLines(body)) {
    if (line.level === null) {
      flush();
      out.push({ text: toWinAnsi(line.text), margin: [0, 0, 0, 6] });
    } else list.push({ level: line.level, text: line.text });
  }
  flush();
  return out;
}

export async function reportPdf(doc: ReportDocument): Promise<Buffer> {
  const content: Content[] = [
    { text: toWinAnsi(doc.title), style: "title" },
    {
      table: {
        widths: [140, "*"],
        body: doc.identity.map((row) => [{ text: toWinAnsi(row.label), bold: true }, toWinAnsi(row.value)]),
      },
      layout: "lightHorizontalLines",
      margin: [0, 0, 0, 14],
    },
  ];
  for (const section of doc.sections) {
    content.push({ text: toWinAnsi(section.title), style: "section" }, ...pdfLines(section.body));
  }
  content.push({
    stack: doc.signature.map((line, index) => ({ text: toWinAnsi(line), bold: index === 1 })),
    alignment: "right",
    margin: [0, 28, 0, 0],
    unbreakable: true,
  });
  const definition: TDocumentDefinitions = {
    pageSize: "A4",
    pageMargins: [56, 80, 56, 56],
    info: {
      title: toWinAnsi(doc.title),
      subject: toWinAnsi(doc.subject),
      creator: "Parcours",
    },
    header: () => ({
      margin: [56, 28, 56, 0],
      columns: [
        { text: toWinAnsi(doc.associationName), bold: true, fontSize: 10, width: "*" },
        {
          stack: [toWinAnsi(doc.courtName), toWinAnsi(doc.magistrate)],
          alignment: "right",
          fontSize: 9,
          width: "*",
        },
      ],
    }),
    footer: (currentPage: number, pageCount: number) => ({
      text: `Page ${currentPage}/${pageCount}`,
      alignment: "center",
      fontSize: 9,
      margin: [0, 20, 0, 0],
    }),
    defaultStyle: { font: "Helvetica", fontSize: 10.5, lineHeight: 1.25 },
    styles: {
      title: { fontSize: 18, bold: true, alignment: "center", margin: [0, 0, 0, 16] },
      section: { fontSize: 12.5, bold: true, margin: [0, 12, 0, 6] },
    },
    content,
  };
  // pdfmake is one shared instance: set what this document needs just before making it (synchronous).
  pdfMake.setFonts(FONTS);
  pdfMake.setUrlAccessPolicy(() => false);
  pdfMake.setLocalAccessPolicy((p) => STANDARD_FONT_NAMES.has(p));
  const created = pdfMake.createPdf(definition);
  return Buffer.from(await created.getBuffer());
}
