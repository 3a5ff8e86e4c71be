import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { users } from "../accounts/tables.ts";
import { planObjectives } from "../action-plans/tables.ts";
import { appointments } from "../appointments/tables.ts";
import { assessments } from "../assessments/tables.ts";
import { closeMeasure } from "../closing/queries.ts";
import { addCalendarDays, type IsoDate } from "../deadlines/rules.ts";
import { findMeasure } from "../measures/queries.ts";
import { measures } from "../measures/tables.ts";
import { obligations } from "../obligations/tables.ts";
import { type Db, type TenantTx, withTenant } from "../platform/db.ts";
import { outer } from "../platform/sql.ts";
import type { ReportKind } from "../reference/data/measure-types.ts";
import { buildReportDraft } from "../reports/draft.ts";
import { loadReportData } from "../reports/fill.ts";
import { createDraft, issueReport } from "../reports/queries.ts";
import { reports } from "../reports/tables.ts";
import type { DemoContext } from "./context.ts";

// Fictitious conclusions, as an intervenant would write them.
const CONCLUSIONS: Record<string, string> = {
  etape1:
    "Depuis le début de la mesure, la personne se présente à la plupart des convocations et s'engage dans les démarches proposées. " +
    "Les difficultés de logement restent au premier plan. Le service propose la poursuite du contrôle judiciaire socio-éducatif dans ses modalités actuelles.",
  etape2:
    "La situation s'est stabilisée depuis le précédent rapport : un hébergement a été trouvé et les justificatifs sont remis plus régulièrement. " +
    "Une absence non justifiée reste à signaler. Le service propose la poursuite de la mesure et un nouveau point dans trois mois.",
  fin:
    "La mesure a été menée à son terme. La personne a respecté l'essentiel de ses obligations et s'est saisie de l'accompagnement proposé. " +
    "Les relais de droit commun (service social, soins) sont en place pour la suite.",
  brouillon: "",
};

function later(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

async function authorOf(tx: TenantTx, userId: string) {
  const [user] = await tx
    .select({ id: users.id, firstName: users.firstName, lastName: users.lastName })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new Error("missing demo author");
  return user;
}

/** A report of a measure filled from its file with a written conclusion; issued on `on` unless a draft. */
async function writeReport(
  tx: TenantTx,
  measureId: string,
  kind: ReportKind,
  author: { id: string; firstName: string; lastName: string },
  options: { conclusion: string; issueOn: IsoDate | null; today: IsoDate },
): Promise<void> {
  const detail = await findMeasure(tx, measureId);
  if (!detail) return;
  const data = await loadReportData(tx, detail, { today: options.today, incidentIds: [] });
  const sections = buildReportDraft(kind, data).map((s) =>
    s.key === "conclusion" ? { ...s, body: options.conclusion } : s,
  );
  const reportId = await createDraft(tx, {
    measureId,
    kind,
    sections,
    incidentIds: [],
    basedOnId: null,
    authorId: author.id,
  });
  if (!options.issueOn) return;
  const [report] = await tx.select().from(reports).where(eq(reports.id, reportId));
  if (!report) return;
  await issueReport(tx, detail, report, sections, author, options.issueOn);
}

/**
 * The open measures of a référent of the given types, those whose file holds the most (assessments,
 * plan objectives, obligations, appointments) first: their reports read best.
 */
async function candidates(tx: TenantTx, referentId: string, typeCodes: string[]) {
  const richness = sql<number>`(
    (select count(*) from ${assessments} a where a.measure_id = ${outer(measures.id)})
    + (select count(*) from ${planObjectives} o where o.measure_id = ${outer(measures.id)})
    + (select count(*) from ${obligations} b where b.measure_id = ${outer(measures.id)})
    + (select count(*) from ${appointments} r where r.measure_id = ${outer(measures.id)})
  )::int`;
  return tx
    .select({
      id: measures.id,
      statusDate: measures.statusDate,
      typeCode: measures.typeCode,
      upcoming: sql<number>`(select count(*) from ${appointments} r where r.measure_id = ${outer(measures.id)} and r.starts_at > now())::int`,
    })
    .from(measures)
    .where(
      and(
        eq(measures.referentId, referentId),
        inArray(measures.status, ["en_cours", "rapport_remis"]),
        inArray(measures.typeCode, typeCodes),
      ),
    )
    .orderBy(desc(richness), desc(measures.number));
}

/**
 * Written reports of the demo: a rapport d'étape issued in versions 1 and 2, a draft, and a measure
 * closed after its end-of-measure report (Gironde); one rapport d'étape in Moselle.
 */
export async function seedDemoReports(db: Db, ctx: DemoContext): Promise<void> {
  const { today } = ctx;
  const gironde = {
    userId: ctx.userId("intervenant@demo.parcours.fr"),
    associationId: ctx.accounts.associationIds.gironde,
  };
  await withTenant(db, gironde, async (tx) => {
    const author = await authorOf(tx, gironde.userId);
    const open = await candidates(tx, gironde.userId, [
      "cjse",
      "arse",
      "sursis_probatoire",
      "placement_exterieur",
    ]);
    // The measure closed has no appointment ahead: the agenda of the demo keeps its open measures.
    const first = open[0];
    const second = open.find((m) => m !== first && m.upcoming === 0);
    const third = open.find((m) => m !== first && m !== second);
    if (first) {
      const v1 = later(first.statusDate, addCalendarDays(today, -2));
      await writeReport(tx, first.id, "rapport_etape", author, {
        conclusion: CONCLUSIONS.etape1 ?? "",
        issueOn: v1,
        today,
      });
      const [current] = await tx
        .select({ statusDate: measures.statusDate })
        .from(measures)
        .where(eq(measures.id, first.id));
      const v2 = later(current?.statusDate ?? v1, today);
      await writeReport(tx, first.id, "rapport_etape", author, {
        conclusion: CONCLUSIONS.etape2 ?? "",
        issueOn: v2,
        today,
      });
    }
    if (second) {
      const issued = later(second.statusDate, addCalendarDays(today, -1));
      await writeReport(tx, second.id, "rapport_fin_mesure", author, {
        conclusion: CONCLUSIONS.fin ?? "",
        issueOn: issued,
        today,
      });
      const [current] = await tx
        .select({ id: measures.id, status: measures.status, statusDate: measures.statusDate })
        .from(measures)
        .where(eq(measures.id, second.id));
      if (current) {
        await closeMeasure(tx, current, {
          outcome: "menee_a_terme",
          on: later(current.statusDate, today),
          note: "Mesure menée à son terme, rapport de fin de mesure remis au magistrat.",
          userId: author.id,
        });
      }
    }
    if (third) {
      await writeReport(tx, third.id, "rapport_etape", author, {
        conclusion: CONCLUSIONS.brouillon ?? "",
        issueOn: null,
        today,
      });
    }
  });

  const moselle = {
    userId: ctx.userId("intervenant2@demo.parcours.fr"),
    associationId: ctx.accounts.associationIds.moselle,
  };
  await withTenant(db, moselle, async (tx) => {
    const author = await authorOf(tx, moselle.userId);
    const [measure] = await candidates(tx, moselle.userId, ["cjse", "sursis_probatoire"]);
    if (measure) {
      const on = later(measure.statusDate, addCalendarDays(today, -1));
      await writeReport(tx, measure.id, "rapport_etape", author, {
        conclusion: CONCLUSIONS.etape1 ?? "",
        issueOn: on,
        today,
      });
    }
  });
}
