import type { FastifyInstance } from "fastify";
import { pageChrome, sendPage } from "../platform/page.ts";
import { todayInParis } from "../platform/request-context.ts";
import { attachmentHeader } from "../platform/uploads.ts";
import { ratesChartSvg } from "./chart.ts";
import { statistics } from "./queries.ts";
import { CHART_LABEL, statisticsPage } from "./views.tsx";
import { statisticsWorkbook } from "./xlsx.ts";

const READERS = { roles: ["formation", "federation"] as const };

/**
 * Statistics of the training service.
 *
 *   GET /formation/statistiques        per year: trainees, tests, pass and refusal rates, certificates, CNC
 *   GET /formation/statistiques.xlsx   the same table as a workbook
 */
export async function trainingStatsRoutes(app: FastifyInstance): Promise<void> {
  app.get("/formation/statistiques", { config: READERS }, async (request, reply) => {
    const rows = await statistics(request.server.deps.database.db, todayInParis());
    const chartSvg = await ratesChartSvg(rows, CHART_LABEL);
    return sendPage(reply, statisticsPage({ chrome: pageChrome(request, reply), rows, chartSvg }));
  });

  app.get("/formation/statistiques.xlsx", { config: READERS }, async (request, reply) => {
    const today = todayInParis();
    const rows = await statistics(request.server.deps.database.db, today);
    const file = await statisticsWorkbook(rows);
    return reply
      .header("content-disposition", attachmentHeader(`statistiques-formation-${today}.xlsx`))
      .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
      .send(file);
  });
}
