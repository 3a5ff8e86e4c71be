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
    content: [
      { text: "Fédération Citoyens & Justice – service Formation", alignment: "center", fontSize: 11 },
      {
        text: "Certificat d'Intervenant Socio-Judiciaire",
        alignment: "center",
        bold: true,
        fontSize: 26,
        margin: [0, 60, 0, 10],
      },
      { text: "est décerné à", alignment: "center", margin: [0, 10, 0, 6] },
      { text: input.holderName, alignment: "center", bold: true, fontSize: 22, margin: [0, 0, 0, 18] },
      {
        text: [
          `qui a validé les ${CISJ_REQUIREMENTS.total} formations du parcours (${path}) `,
          input.soutenanceDate
            ? `et soutenu son mémoire devant un jury de professionnels le ${formatDate(input.soutenanceDate)}.`
            : "et soutenu son mémoire devant un jury de professionnels.",
        ],
        alignment: "center",
        margin: [40, 0, 40, 24],
      },
      {
        columns: [
          {
            width: "*",
            stack: [
              { text: [{ text: "Numéro : ", bold: true }, input.number] },
              { text: [{ text: "Délivré le : ", bold: true }, formatDate(input.issuedOn)] },
              { text: "Vérifier l'authenticité de ce certificat :", margin: [0, 12, 0, 0] },
              { text: input.verificationUrl, fontSize: 10 },
            ],
          },
          { width: "auto", qr: input.verificationUrl, fit: 110 },
        ],
        margin: [0, 20, 0, 0],
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
