import ExcelJS from "exceljs";
import { CNC_OUTCOME_LABELS, CNC_OUTCOMES, type StatisticsRow } from "./rules.ts";

/** The statistics as a workbook: French headers, rates as percentages (the cells hold fractions). */
export async function statisticsWorkbook(rows: readonly StatisticsRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Parcours";
  const sheet = workbook.addWorksheet("Statistiques de formation");
  sheet.columns = [
    { header: "Année", key: "year", width: 10 },
    { header: "Stagiaires", key: "trainees", width: 12 },
    { header: "Tests passés", key: "testsTaken", width: 14 },
    { header: "Tests réussis", key: "passed", width: 14 },
    { header: "Taux de réussite", key: "passRate", width: 17, style: { numFmt: "0%" } },
    { header: "Refus du test", key: "refused", width: 14 },
    { header: "Taux de refus", key: "refusalRate", width: 15, style: { numFmt: "0%" } },
    { header: "Certificats CISJ délivrés", key: "certificates", width: 24 },
    ...CNC_OUTCOMES.map((o) => ({ header: CNC_OUTCOME_LABELS[o], key: `cnc_${o}`, width: 16 })),
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  for (const r of rows) {
    sheet.addRow({
      year: r.year,
      trainees: r.trainees,
      testsTaken: r.testsTaken,
      passed: r.passed,
      passRate: r.passRate,
      refused: r.refused,
      refusalRate: r.refusalRate,
      certificates: r.certificates,
      ...Object.fromEntries(CNC_OUTCOMES.map((o) => [`cnc_${o}`, r.cnc[o]])),
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
