import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { engines, loggedIn, startTestApp, type TestContext } from "../../test/support.ts";
import { issueCertificate } from "../cisj/queries.ts";
import { cisjDossiers } from "../cisj/tables.ts";
import { cncCandidacies, cncCandidates, cncCommissions, cncDecisions } from "../cnc/tables.ts";
import { ensureCisjCatalogue, followPastTrainings, type PastTraining } from "../demo/cisj.ts";
import { trainingSessions } from "../training/tables.ts";

function text(html: string): string {
  return html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
}

/** The cells of the table row of a year, as text. */
function yearRow(html: string, year: number): string[] {
  const row = new RegExp(`<tr><th scope="row"[^>]*>${year}</th>([\\s\\S]*?)</tr>`).exec(html)?.[1] ?? "";
  return [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) =>
    (m[1] ?? "").replace(/\u202f|\u00a0/g, " "),
  );
}

for (const engine of engines()) {
  describe(`training statistics (${engine})`, () => {
    let ctx: TestContext;

    before(async () => {
      ctx = await startTestApp(engine);
      const db = ctx.database.db;
      const catalogue = await ensureCisjCatalogue(db);
      const training = catalogue.TC[0]?.id ?? "";
      const trainee = (email: string) => ({
        id: ctx.accounts.users[email]?.id ?? "",
        associationId: ctx.accounts.users[email]?.associationId ?? null,
      });
      // 2021: 9 trainees at the end of a CISJ training: 2 refuse the test, 7 take it, 5 pass (50 passes, 49.5 fails).
      const outcomes2021: Omit<PastTraining, "trainingId" | "startsOn">[] = [
        { score: 80 },
        { score: 50 },
        { score: 65 },
        { score: 90 },
        { score: 72 },
        { score: 49.5 },
        { score: 30 },
        { score: null, refused: true },
        { score: null, refused: true },
      ];
      const emails = [
        "intervenant@demo.parcours.fr",
        "intervenant.adultes@demo.parcours.fr",
        "intervenant.mineurs@demo.parcours.fr",
      ];
      for (const [i, o] of outcomes2021.entries()) {
        await followPastTrainings(db, trainee(emails[i % 3] ?? ""), [
          { trainingId: training, startsOn: `2021-0${(i % 9) + 1}-06`, ...o },
        ]);
      }
      // 2018: 10 trainees, 3 refusals (30 %).
      for (let i = 0; i < 10; i += 1) {
        await followPastTrainings(db, trainee(emails[i % 3] ?? ""), [
          {
            trainingId: training,
            startsOn: "2018-03-05",
            ...(i < 3 ? { score: null, refused: true } : { score: 70 }),
          },
        ]);
      }
      // A cancelled session and a session still to come do not count.
      await followPastTrainings(db, trainee("chef@demo.parcours.fr"), [
        { trainingId: training, startsOn: "2021-05-03", score: null, refused: true },
        { trainingId: training, startsOn: "2999-05-03", score: 90 },
      ]);
      // The chef's 2021 session is the only one starting on 3 May 2021.
      await db
        .update(trainingSessions)
        .set({ status: "annulee" })
        .where(eq(trainingSessions.startsOn, "2021-05-03"));
      // Two certificates issued in 2021.
      const dossiers = await db
        .insert(cisjDossiers)
        .values(emails.slice(0, 2).map((e) => ({ traineeId: trainee(e).id, status: "certifie" as const })))
        .returning({ id: cisjDossiers.id, traineeId: cisjDossiers.traineeId });
      for (const d of dossiers) {
        await db.transaction((tx) =>
          issueCertificate(tx, {
            dossierId: d.id,
            traineeId: d.traineeId,
            holderName: "Test",
            issuedOn: "2021-11-30",
          }),
        );
      }
      // CNC: one candidacy refused then admitted after an interview (the latest decision counts), one positioned.
      const [candidate] = await db
        .insert(cncCandidates)
        .values({ lastName: "Fictif", firstName: "Candidat", birthDate: "1990-01-01" })
        .returning({ id: cncCandidates.id });
      const [commission] = await db
        .insert(cncCommissions)
        .values({ meetsOn: "2021-06-01" })
        .returning({ id: cncCommissions.id });
      const candidacies = await db
        .insert(cncCandidacies)
        .values([
          {
            candidateId: candidate?.id ?? "",
            mention: "MJPM",
            mode: "salarie_service",
            feeCents: 18700,
            trackingToken: "a".repeat(32),
          },
          {
            candidateId: candidate?.id ?? "",
            mention: "MAJ",
            mode: "salarie_service",
            feeCents: 18700,
            trackingToken: "b".repeat(32),
          },
        ])
        .returning({ id: cncCandidacies.id });
      await db.insert(cncDecisions).values([
        {
          candidacyId: candidacies[0]?.id ?? "",
          commissionId: commission?.id ?? "",
          outcome: "refuse",
          decidedAt: new Date("2021-06-01T10:00:00Z"),
        },
        {
          candidacyId: candidacies[0]?.id ?? "",
          commissionId: commission?.id ?? "",
          outcome: "admis",
          decidedAt: new Date("2021-09-15T10:00:00Z"),
        },
        {
          candidacyId: candidacies[1]?.id ?? "",
          commissionId: commission?.id ?? "",
          outcome: "positionne",
          decidedAt: new Date("2021-06-01T10:00:00Z"),
        },
      ]);
    });
    after(() => ctx.close());

    test("per year: trainees, tests, pass rate over the tests, refusal rate over the trainees, certificates, CNC", async () => {
      const client = await loggedIn(ctx.app, "formation@demo.parcours.fr");
      const res = await client.get("/formation/statistiques");
      assert.equal(res.statusCode, 200);
      // trainees, tests taken, passed, pass rate, refused, refusal rate, certificates, CNC admis, positionnés, refusés
      assert.deepEqual(yearRow(res.body, 2021), ["9", "7", "5", "71 %", "2", "22 %", "2", "1", "1", "0"]);
      assert.deepEqual(yearRow(res.body, 2018), ["10", "7", "7", "100 %", "3", "30 %", "0", "0", "0", "0"]);
      assert.doesNotMatch(res.body, /<th scope="row"[^>]*>2999</);
      assert.match(res.body, /<caption class="table__caption">Statistiques par année<\/caption>/);
    });

    test("the chart is an inline SVG image with a text alternative, without script", async () => {
      const client = await loggedIn(ctx.app, "federation@demo.parcours.fr");
      const res = await client.get("/formation/statistiques");
      assert.equal(res.statusCode, 200);
      const svg = /<svg[^>]*>/.exec(res.body)?.[0] ?? "";
      assert.match(svg, /role="img"/);
      assert.match(svg, /aria-label="Graphique : taux de réussite et taux de refus/);
      assert.doesNotMatch(svg, / width="/, "the chart scales to the page");
      assert.doesNotMatch(res.body, /<script(?! src="\/static\/js\/enhance\.(?:[0-9a-f]+\.)?js")/);
      // The axis and the legend say what each rate measures: tests taken, or all trainees.
      assert.match(text(res.body), /En % des tests passés \(réussite\)/);
      assert.match(text(res.body), /ou des stagiaires \(refus\)/);
      assert.match(text(res.body), /Taux de réussite : part des tests passés qui sont réussis/);
      assert.match(text(res.body), /Taux de refus : part des stagiaires qui refusent le test/);
      assert.doesNotMatch(text(res.body), /Part des stagiaires \(en %\)/);
    });

    test("the XLSX export has French headers and percentage cells", async () => {
      const client = await loggedIn(ctx.app, "formation@demo.parcours.fr");
      const res = await client.get("/formation/statistiques.xlsx");
      assert.equal(res.statusCode, 200);
      assert.equal(
        res.headers["content-type"],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      );
      assert.match(
        String(res.headers["content-disposition"]),
        /statistiques-formation-\d{4}-\d{2}-\d{2}\.xlsx/,
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      assert.ok(sheet);
      assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), [
        "Année",
        "Stagiaires",
        "Tests passés",
        "Tests réussis",
        "Taux de réussite",
        "Refus du test",
        "Taux de refus",
        "Certificats CISJ délivrés",
        "CNC admis",
        "CNC positionnés",
        "CNC refusés",
      ]);
      const row2021 = sheet.getRows(2, sheet.rowCount - 1)?.find((r) => r.getCell(1).value === 2021);
      assert.ok(row2021);
      assert.equal(row2021.getCell(2).value, 9);
      assert.ok(Math.abs(Number(row2021.getCell(5).value) - 5 / 7) < 1e-9);
      assert.match(row2021.getCell(5).numFmt, /%/);
      assert.ok(Math.abs(Number(row2021.getCell(7).value) - 2 / 9) < 1e-9);
      assert.match(row2021.getCell(7).numFmt, /%/);
      assert.equal(row2021.getCell(8).value, 2);
    });

    test("only the training service and the federation see the statistics", async () => {
      const intervenant = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      assert.equal((await intervenant.get("/formation/statistiques")).statusCode, 403);
      assert.equal((await intervenant.get("/formation/statistiques.xlsx")).statusCode, 403);
      const direction = await loggedIn(ctx.app, "direction@demo.parcours.fr");
      assert.equal((await direction.get("/formation/statistiques")).statusCode, 403);
    });
  });
}
