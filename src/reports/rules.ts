/** Pure rules of the written reports: versions, what issuing requires and changes, file names. */

import type { MeasureStatus } from "../measures/rules.ts";
import type { FormErrors, FormValues } from "../platform/forms.ts";
import type { ReportKind } from "../reference/data/measure-types.ts";
import type { ReportSection, ReportStatus } from "./tables.ts";

export const REPORT_STATUS_LABELS: Readonly<Record<ReportStatus, string>> = {
  brouillon: "Brouillon",
  emis: "Émis",
};

export const MAX_SECTION_LENGTH = 20_000;

/** The form field of a section. */
export function sectionField(key: string): string {
  return `section_${key}`;
}

/** The version an issued report takes: one more than the last issued report of its kind. */
export function nextVersion(issuedVersions: readonly (number | null)[]): number {
  return issuedVersions.reduce<number>((max, v) => (v !== null && v > max ? v : max), 0) + 1;
}

/**
 * The report that ends a measure of a type: the end-of-measure report when the type has one, otherwise
 * the enquiry report (enquêtes, MJIE); null for a type with neither.
 */
export function finalReportKind(reportKinds: readonly string[]): ReportKind | null {
  if (reportKinds.includes("rapport_fin_mesure")) return "rapport_fin_mesure";
  if (reportKinds.includes("rapport_enquete")) return "rapport_enquete";
  return null;
}

/** Whether issuing a report of this kind hands in the measure's report (an incident report does not). */
export function submitsMeasureReport(kind: ReportKind): boolean {
  return kind !== "rapport_incident";
}

/** The status a measure moves to when a report is handed in: « en cours » becomes « rapport remis ». */
export function statusAfterSubmission(status: MeasureStatus): MeasureStatus | null {
  return status === "en_cours" ? "rapport_remis" : null;
}

/**
 * The sections as typed in the form, in the order and with the titles of the draft (titles are not
 * editable). Saving a draft accepts empty sections; issuing requires every section to be written.
 */
export function readSections(
  draft: readonly ReportSection[],
  values: FormValues,
  options: { issuing: boolean },
): { sections: ReportSection[]; errors: FormErrors } {
  const errors: FormErrors = {};
  const sections = draft.map((s) => {
    const raw = values[sectionField(s.key)];
    const body = (Array.isArray(raw) ? raw.join("\n") : (raw ?? "")).trim();
    if (body.length > MAX_SECTION_LENGTH) {
      errors[sectionField(s.key)] = `La partie « ${s.title} » doit faire 20 000 caractères au plus`;
    } else if (options.issuing && body === "") {
      errors[sectionField(s.key)] = `Rédigez la partie « ${s.title} » avant d'émettre le rapport`;
    }
    return { key: s.key, title: s.title, body };
  });
  return { sections, errors };
}

const FILE_SLUGS: Readonly<Record<ReportKind, string>> = {
  rapport_enquete: "rapport-enquete",
  rapport_etape: "rapport-etape",
  rapport_fin_mesure: "rapport-fin-de-mesure",
  rapport_incident: "rapport-incident",
  proposition_amenagement: "proposition-amenagement",
};

/** "rapport-etape-2026-0004-v2.pdf": the kind, the measure's number and the version. */
export function reportFilename(
  kind: ReportKind,
  measureNumber: string,
  version: number,
  format: "docx" | "pdf",
): string {
  const number = measureNumber.replace(/[^0-9A-Za-z-]/g, "");
  return `${FILE_SLUGS[kind]}-${number}-v${version}.${format}`;
}

/* ------------------------------------------------------------------ */
/* Text for the standard PDF fonts                                     */
/* ------------------------------------------------------------------ */

/** Characters of Windows-1252 above 0x7f outside Latin-1, which the standard PDF fonts can draw. */
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
const REPLACEMENTS: Readonly<Record<string, string>> = {
  "\u202f": "\u00a0", // narrow no-break space (French typography) → no-break space
  "\u2009": " ",
  "\u2011": "-",
  "\u2010": "-",
  "\u2212": "-",
  "\u2032": "'",
  "\u2264": "<=",
  "\u2265": ">=",
  "\u2192": "->",
  "\u2713": "x",
  Ł: "L",
  ł: "l",
  Đ: "D",
  đ: "d",
  ı: "i",
};

/**
 * Text the standard 14 PDF fonts can draw (they use the Windows-1252 encoding): typographic French
 * characters are kept, a few others are replaced, accents outside the encoding are dropped and
 * anything else becomes "?".
 */
export function toWinAnsi(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === "\n" || ch === "\t" || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) {
      out += ch;
    } else if (WIN_ANSI_EXTRA.has(ch)) {
      out += ch;
    } else if (REPLACEMENTS[ch] !== undefined) {
      out += REPLACEMENTS[ch];
    } else {
      const base = ch.normalize("NFD").replace(/\p{M}/gu, "");
      out += base && base !== ch && [...base].every((c) => (c.codePointAt(0) ?? 0) <= 0xff) ? base : "?";
    }
  }
  return out;
}
