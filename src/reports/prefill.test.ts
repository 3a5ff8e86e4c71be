import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { addPersonWithCjse } from "../../test/fixtures.ts";
import { engines, loggedIn, startTestApp, type TestContext } from "../../test/support.ts";
import { appointments } from "../appointments/tables.ts";
import { addCalendarDays } from "../deadlines/rules.ts";
import { incidents } from "../incidents/tables.ts";
import { measures } from "../measures/tables.ts";
import { createObligation } from "../obligations/queries.ts";
import { withTenant } from "../platform/db.ts";
import { todayInParis } from "../platform/request-context.ts";
import { formatDate } from "../platform/views/display.tsx";

const ME = "intervenant@demo.parcours.fr";

/** The text of each section's field in the report form, as the intervenant sees it. */
function formSections(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<textarea[^>]*name="(section_[^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g))
    out[m[1] ?? ""] = cellTextKeepingLines(m[2] ?? "");
  return out;
}
const cellTextKeepingLines = (html: string) =>
  html
    .replaceAll("&#39;", "'")
    .replaceAll("&quot;", '"')
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
const today = todayInParis();
const days = (n: number) => addCalendarDays(today, n);

for (const engine of engines()) {
  describe(`the end-of-measure report is filled with what the file shows (${engine})`, () => {
    let ctx: TestContext;
    let measureId = "";
    // Proofs due 40 and 10 days ago, none received; an unexcused absence 20 days ago, linked to the obligation.
    const firstDue = days(-40);
    const secondDue = days(-10);
    const absentOn = days(-20);

    before(async () => {
      ctx = await startTestApp(engine);
      const userId = ctx.accounts.users[ME]?.id ?? "";
      await withTenant(
        ctx.database.db,
        { userId, associationId: ctx.accounts.associationIds.gironde },
        async (tx) => {
          const created = await addPersonWithCjse(
            tx,
            userId,
            { lastName: "Absente", firstName: "Nina" },
            {
              decisionDate: days(-60),
              receivedDate: days(-59),
              reportDueDate: days(30),
            },
          );
          measureId = created.measureId;
          const { personId } = created;
          await tx.update(measures).set({ status: "en_cours" }).where(eq(measures.id, measureId));
          const obligationId = await createObligation(
            tx,
            measureId,
            {
              statutoryCode: null,
              label: "Répondre aux convocations du service",
              kind: "obligation",
              details: null,
              startDate: days(-60),
              endDate: null,
              proofRequired: true,
              firstProofDue: firstDue,
              proofIntervalDays: 30,
            },
            userId,
          );
          const [missed] = await tx
            .insert(appointments)
            .values({
              measureId,
              personId,
              staffId: userId,
              place: "service",
              kind: "entretien",
              startsAt: new Date(`${absentOn}T09:00:00Z`),
              attendance: "absent",
            })
            .returning({ id: appointments.id });
          await tx.insert(incidents).values({
            measureId,
            occurredOn: absentOn,
            kind: "absence",
            description: "Absente à la convocation sans prévenir.",
            obligationId,
            appointmentId: missed?.id ?? null,
            createdBy: userId,
          });
        },
      );
    });
    after(() => ctx.close());

    test("two missing proofs and an unexcused absence: the report says so, never « respectée »", async () => {
      const client = await loggedIn(ctx.app, ME);
      const page = await client.get(`/mesures/${measureId}/ecrits/nouveau?type=rapport_fin_mesure`);
      assert.equal(page.statusCode, 200);
      const sections = formSections(page.body);
      const obligations = sections.section_obligations ?? "";
      assert.doesNotMatch(obligations, /Aucune obligation n'a été constatée|respectées :/);
      assert.match(
        obligations,
        new RegExp(
          `^   · 2 justificatifs attendus n'ont pas été reçus \\(attendus le ${formatDate(firstDue)} et le ${formatDate(secondDue)}\\), prochain justificatif attendu le ${formatDate(days(20))}\\.$`,
          "m",
        ),
      );
      assert.match(
        obligations,
        new RegExp(`^   · Incidents liés : 1 absence non excusée le ${formatDate(absentOn)}\\.$`, "m"),
      );
      assert.match(obligations, /^ {3}· Aucun constat n'a encore été enregistré pour cette obligation\.$/m);
      assert.equal(
        obligations.split("\n").at(-1),
        `À signaler : 2 justificatifs attendus n'ont pas été reçus (attendus le ${formatDate(firstDue)} et le ${formatDate(secondDue)}) ; 1 absence non excusée le ${formatDate(absentOn)} ; 1 obligation sans constat à ce jour (Répondre aux convocations du service).`,
      );
      assert.match(
        sections.section_rendez_vous ?? "",
        new RegExp(
          `^1 rendez-vous depuis le début de la mesure : 1 absence non excusée\\.\\nAbsence non excusée : le ${formatDate(absentOn)} \\(entretien\\)\\.$`,
        ),
      );
    });
  });
}
