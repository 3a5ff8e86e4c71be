/** The CISJ certificate in PDF (the mémoire's pages are counted off the main thread: platform/uploads.ts). */

import pdfMake from "pdfmake";
import { formatDate } from "../platform/views/display.tsx";
import { CISJ_REQUIREMENTS, TRAINING_CATEGORIES } from "../training/reference.ts";

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

/** Who issues the certificate. */
export const ISSUER = "Fédération Citoyens & Justice";

export interface CertificatePdfInput {
  holderName: string;
  number: string;
  issuedOn: string;
  soutenanceDate: string | null;
  verificationUrl: string;
}

export function verificationUrl(publicUrl: string, number: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/certificats/verifier?numero=${encodeURIComponent(number)}`;
}

/** The certificate, an A4 landscape page with its number, date and verification address (and QR code). */
export async function certificatePdf(input: CertificatePdfInput): Promise<Buffer> {
  const path = TRAINING_CATEGORIES.map((c) => `${CISJ_REQUIREMENTS[c.code]} ${c.plural}`).join(", ");
  const doc: TDocumentDefinitions = {
    pageSize: "A4",
    pageOrientation: "landscape",
    pageMargins: [60, 50, 60, 50],
    info: {
      title: `Certificat d'intervenant socio-judiciaire ${input.number}`,
      subject: "Certificat d'intervenant socio-judiciaire",
      creator: "Parcours",
    },
    defaultStyle: { font: "Helvetica", fontSize: 12, lineHeight: 1.3 },
    // A double frame around the page, drawn behind the text.
    background: () => ({
      canvas: [
        { type: "rect", x: 20, y: 20, w: 801.89, h: 555.28, lineWidth: 2, lineColor: "#1d3f6e" },
        { type: "rect", x: 27, y: 27, w: 787.89, h: 541.28, lineWidth: 0.75, lineColor: "#1d3f6e" },
      ],
    }),
    content: [
      { text: ISSUER, alignment: "center", bold: true, fontSize: 13, color: "#1d3f6e" },
      { text: "Service Formation", alignment: "center", fontSize: 11, margin: [0, 2, 0, 0] },
      {
        text: "Certificat d'Intervenant Socio-Judiciaire",
        alignment: "center",
        bold: true,
        fontSize: 28,
        color: "#1d3f6e",
        margin: [0, 42, 0, 18],
      },
      { text: "est décerné à", alignment: "center", margin: [0, 0, 0, 8] },
      { text: input.holderName, alignment: "center", bold: true, fontSize: 24, margin: [0, 0, 0, 20] },
      {
        text: [
          `qui a validé les ${CISJ_REQUIREMENTS.total} formations du parcours (${path}) `,
          input.soutenanceDate
            ? `et soutenu son mémoire devant un jury de professionnels le ${formatDate(input.soutenanceDate)}.`
            : "et soutenu son mémoire devant un jury de professionnels.",
        ],
        alignment: "center",
        margin: [50, 0, 50, 0],
      },
      {
        // The block of number, signature and QR code sits at the foot of the page.
        absolutePosition: { x: 60, y: 395 },
        columns: [
          {
            width: 250,
            stack: [
              { text: [{ text: "Certificat n° ", bold: true }, input.number] },
              { text: [{ text: "Délivré le ", bold: true }, formatDate(input.issuedOn)] },
              { text: "Authenticité vérifiable à l'adresse :", fontSize: 10, margin: [0, 14, 0, 0] },
              { text: input.verificationUrl, fontSize: 9, color: "#1d3f6e" },
              { text: "ou en lisant le code ci-contre.", fontSize: 10 },
            ],
          },
          {
            width: "*",
            stack: [
              { text: "Pour la fédération, le ou la responsable", alignment: "center", fontSize: 11 },
              { text: "du service Formation", alignment: "center", fontSize: 11 },
              {
                canvas: [{ type: "line", x1: 56, y1: 70, x2: 256, y2: 70, lineWidth: 0.75 }],
                margin: [0, 0, 0, 4],
              },
              { text: "Signature et cachet", alignment: "center", fontSize: 9, italics: true },
            ],
          },
          { width: 120, qr: input.verificationUrl, fit: 120, alignment: "right" },
        ],
        columnGap: 20,
      },
    ],
  };
  // pdfmake is one shared instance: set what this document needs just before making it (synchronous).
  pdfMake.setFonts(FONTS);
  pdfMake.setUrlAccessPolicy(() => false);
  pdfMake.setLocalAccessPolicy((p) => STANDARD_FONT_NAMES.has(p));
  const created = pdfMake.createPdf(doc);
  return Buffer.from(await created.getBuffer());
}
