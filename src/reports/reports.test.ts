import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { and, count, eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import {
  type Client,
  confirmOn,
  engines,
  location,
  loggedIn,
  startTestApp,
  type TestContext,
} from "../../test/support.ts";
import { appointments } from "../appointments/tables.ts";
import { assessmentDomains, assessments } from "../assessments/tables.ts";
import { auditLog } from "../audit/tables.ts";
import { addCalendarDays } from "../deadlines/rules.ts";
import { incidents } from "../incidents/tables.ts";
import { measureStatusChanges, measures } from "../measures/tables.ts";
import { obligationCompliance, obligations } from "../obligations/tables.ts";
import { withTenant } from "../platform/db.ts";
import { todayInParis } from "../platform/request-context.ts";
import { formatDate } from "../platform/views/display.tsx";
import { reports } from "./tables.ts";
import { docxDocumentXml, inkRatio, pdftoppmMissing, renderPdfPages, wordText } from "./test-documents.ts";

const ME = "intervenant@demo.parcours.fr";
const OTHER = "intervenant2@demo.parcours.fr";

function unescapeHtml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The sections' text areas of a report form, as the browser would send them. */
export function formSections(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<textarea[^>]*name="(section_[^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) {
    out[m[1] ?? ""] = unescapeHtml(m[2] ?? "");
  }
  return out;
}

for (const engine of engines()) {
  describe(`written reports to the magistrate (${engine})`, () => {
    let ctx: TestContext;
    let client: Client;
    const today = todayInParis();
    const days = (n: number) => addCalendarDays(today, n);

    async function newMeasure(typeCode: string, lastName: string): Promise<string> {
      const me = ctx.accounts.users[ME]?.id ?? "";
      const person = location(
        await client.post("/personnes/nouvelle", { lastName, firstName: "Maëlys", birthDate: "1994-05-12" }),
      );
      const measure = location(
        await client.post(`${person}/mesures/nouvelle`, {
          typeCode,
          magistrateFunction: "Juge d'instruction",
          magistrateName: "Mme Exemple",
          courtId: "tj33063",
          decisionDate: days(-60),
          receivedDate: days(-59),
          referentId: me,
        }),
      );
      const moved = await client.post(`${measure}/statut`, { to: "en_cours", on: days(-58) });
      assert.equal(moved.statusCode, 303);
      return measure.split("/").pop() ?? "";
    }

    /** An assessment, an obligation not respected, three past appointments and an incident. */
    async function fillFile(measureId: string): Promise<{ incidentId: string }> {
      const userId = ctx.accounts.users[ME]?.id ?? "";
      const associationId = ctx.accounts.associationIds.gironde;
      return withTenant(ctx.database.db, { userId, associationId }, async (tx) => {
        const [measure] = await tx.select().from(measures).where(eq(measures.id, measureId));
        assert.ok(measure);
        const [assessment] = await tx
          .insert(assessments)
          .values({ measureId, assessedOn: days(-50), authorId: userId, summary: "Personne mobilisée." })
          .returning({ id: assessments.id });
        assert.ok(assessment);
        await tx.insert(assessmentDomains).values([
          { assessmentId: assessment.id, domain: "logement", level: "majeure", needs: "Hébergement stable" },
          { assessmentId: assessment.id, domain: "addictions", level: "difficulte" },
        ]);
        const [obligation] = await tx
          .insert(obligations)
          .values({ measureId, label: "Se soumettre à des soins", kind: "obligation", startDate: days(-60) })
          .returning({ id: obligations.id });
        assert.ok(obligation);
        await tx.insert(obligationCompliance).values({
          obligationId: obligation.id,
          periodStart: days(-60),
          periodEnd: days(-30),
          status: "non_respectee",
          note: "Aucun justificatif",
        });
        const at = (d: number) => new Date(`${days(d)}T09:00:00Z`);
        const base = {
          measureId,
          personId: measure.personId,
          staffId: userId,
          place: "service" as const,
          kind: "entretien" as const,
        };
        const rows = await tx
          .insert(appointments)
          .values([
            { ...base, startsAt: at(-45), attendance: "present" as const },
            { ...base, startsAt: at(-30), attendance: "absent" as const },
            { ...base, startsAt: at(-15), attendance: "excuse" as const },
            { ...base, startsAt: at(10) },
          ])
          .returning({ id: appointments.id });
        const [incident] = await tx
          .insert(incidents)
          .values({
            measureId,
            occurredOn: days(-30),
            kind: "absence",
            description: "Absente à l'entretien sans prévenir.",
            appointmentId: rows[1]?.id ?? null,
            createdBy: userId,
          })
          .returning({ id: incidents.id });
        assert.ok(incident);
        return { incidentId: incident.id };
      });
    }

    async function reportCount(): Promise<number> {
      const [row] = await ctx.database.db.select({ n: count() }).from(reports);
      return row?.n ?? 0;
    }

    let measureId = "";
    let incidentId = "";
    before(async () => {
      ctx = await startTestApp(engine);
      client = await loggedIn(ctx.app, ME);
      measureId = await newMeasure("cjse", "Éluard-Nguyên");
      ({ incidentId } = await fillFile(measureId));
    });
    after(() => ctx.close());

    test("the list offers the kinds of the measure's type only and starts empty", async () => {
      const res = await client.get(`/mesures/${measureId}/ecrits`);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Écrits au magistrat/);
      assert.match(res.body, /Rédiger un rapport d&#39;étape|Rédiger un rapport d'étape/);
      assert.match(res.body, /Rédiger un rapport d&#39;incident|Rédiger un rapport d'incident/);
      assert.match(res.body, /Rédiger le rapport de fin de mesure/);
      assert.doesNotMatch(res.body, /Rédiger le rapport d&#39;enquête|Rédiger le rapport d'enquête/);
      assert.match(res.body, /Aucun écrit pour cette mesure\./);
      const wrongKind = await client.get(`/mesures/${measureId}/ecrits/nouveau?type=rapport_enquete`);
      assert.equal(wrongKind.statusCode, 404);
      const noKind = await client.get(`/mesures/${measureId}/ecrits/nouveau`);
      assert.equal(noKind.statusCode, 303);
      assert.equal(location(noKind), `/mesures/${measureId}/ecrits`);
    });

    test("a new draft is filled from the file", async () => {
      const res = await client.get(`/mesures/${measureId}/ecrits/nouveau?type=rapport_etape`);
      assert.equal(res.statusCode, 200);
      const sections = formSections(res.body);
      assert.match(sections.section_identite ?? "", /Nom et prénom : ÉLUARD-NGUYÊN Maëlys/);
      assert.match(sections.section_mandat ?? "", /Magistrat mandant : Juge d'instruction – Mme Exemple/);
      assert.match(
        sections.section_situation ?? "",
        /– Logement : difficulté majeure\. Besoins : Hébergement stable/,
      );
      assert.match(
        sections.section_obligations ?? "",
        /^À signaler : 1 obligation constatée comme non respectée \(Se soumettre à des soins\)\.$/m,
      );
      assert.match(
        sections.section_rendez_vous ?? "",
        /^3 rendez-vous depuis le début de la mesure : 1 honoré, 1 absence excusée, 1 absence non excusée\.$/m,
      );
      assert.match(
        sections.section_rendez_vous ?? "",
        new RegExp(`^Absence non excusée : le ${formatDate(days(-30))} \\(entretien\\)\\.$`, "m"),
      );
      assert.match(sections.section_incidents ?? "", /Absente à l'entretien sans prévenir\./);
      assert.equal(sections.section_conclusion, "");
      assert.match(res.body, /Analyse et perspectives/);
      assert.match(res.body, /version n°\s*1/);
    });

    let reportId = "";
    test("a draft is saved; issuing needs every part and gives version 1, the files and « rapport remis »", async () => {
      const form = formSections(
        (await client.get(`/mesures/${measureId}/ecrits/nouveau?type=rapport_etape`)).body,
      );
      const saved = await client.post(`/mesures/${measureId}/ecrits/nouveau`, {
        ...form,
        type: "rapport_etape",
        action: "enregistrer",
      });
      assert.equal(saved.statusCode, 303, saved.body.slice(0, 500));
      reportId = location(saved).split("/").pop() ?? "";
      const draft = await client.get(location(saved));
      assert.match(draft.body, /Le brouillon est enregistré\./);
      assert.match(draft.body, /Rapport d&#39;étape – brouillon|Rapport d'étape – brouillon/);
      const list = await client.get(`/mesures/${measureId}/ecrits`);
      assert.match(list.body, /Brouillon/);

      const refused = await client.post(`/mesures/${measureId}/ecrits/${reportId}`, {
        ...form,
        section_incidents: "Un incident d'absence, signalé.",
        action: "emettre",
      });
      assert.equal(refused.statusCode, 422);
      assert.match(
        refused.body,
        /Rédigez la partie « Analyse et perspectives » avant d&#39;émettre le rapport|Rédigez la partie « Analyse et perspectives » avant d'émettre le rapport/,
      );
      assert.match(refused.body, /Un incident d&#39;absence, signalé\.|Un incident d'absence, signalé\./);
      const stillDraft = await ctx.database.db.select().from(reports).where(eq(reports.id, reportId));
      assert.equal(stillDraft[0]?.status, "brouillon");

      const ready = {
        ...form,
        section_conclusion: "Avis favorable à la poursuite du contrôle judiciaire.",
        action: "emettre",
      };
      // A complete report is not issued yet: the server asks for a confirmation, repeating the facts.
      const confirm = await client.post(`/mesures/${measureId}/ecrits/${reportId}`, ready);
      assert.equal(confirm.statusCode, 200);
      assert.match(confirm.body, /<h1[^>]*>Émettre le rapport d(&#39;|')étape n° 1 \?<\/h1>/);
      assert.match(confirm.body, /Version<\/dt><dd class="summary-list__value">1</);
      assert.match(confirm.body, /Avis favorable à la poursuite du contrôle judiciaire\./);
      assert.match(confirm.body, /Confirmer l(&#39;|')émission/);
      assert.equal(
        (await ctx.database.db.select().from(reports).where(eq(reports.id, reportId)))[0]?.status,
        "brouillon",
      );
      // « Modifier le texte » brings the form back with the text as typed.
      const back = await client.post(`/mesures/${measureId}/ecrits/${reportId}`, { ...ready, modifier: "1" });
      assert.equal(back.statusCode, 200);
      assert.match(
        back.body,
        /<textarea[^>]*>Avis favorable à la poursuite du contrôle judiciaire\.<\/textarea>/,
      );
      // The confirmation is checked again: an emptied section is refused at its field.
      const emptied = await client.post(`/mesures/${measureId}/ecrits/${reportId}`, {
        ...ready,
        section_conclusion: "",
        confirme: "1",
      });
      assert.equal(emptied.statusCode, 422);
      assert.match(emptied.body, /Rédigez la partie « Analyse et perspectives »/);
      const issued = await confirmOn(client, confirm.body);
      assert.equal(issued.statusCode, 303);
      const page = await client.get(location(issued));
      assert.match(page.body, /Rapport d&#39;étape n° 1 est émis|Rapport d'étape n° 1 est émis/);
      assert.match(page.body, /Télécharger le PDF/);
      assert.doesNotMatch(page.body, /<textarea/);
      assert.match(page.body, /Avis favorable à la poursuite du contrôle judiciaire\./);

      const [measure] = await ctx.database.db.select().from(measures).where(eq(measures.id, measureId));
      assert.equal(measure?.status, "rapport_remis");
      assert.equal(measure?.reportSubmittedOn, today);
      const changes = await ctx.database.db
        .select()
        .from(measureStatusChanges)
        .where(
          and(
            eq(measureStatusChanges.measureId, measureId),
            eq(measureStatusChanges.toStatus, "rapport_remis"),
          ),
        );
      assert.equal(changes.length, 1);
      assert.equal(changes[0]?.note, "Rapport d'étape n° 1 émis");

      const again = await client.post(`/mesures/${measureId}/ecrits/${reportId}`, {
        ...form,
        action: "enregistrer",
      });
      assert.equal(again.statusCode, 409);
    });

    test("the PDF and the DOCX download, read back, and each download is in the access log", async () => {
      const pdf = await client.get(`/mesures/${measureId}/ecrits/${reportId}.pdf`);
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers["content-type"], "application/pdf");
      assert.match(String(pdf.headers["content-disposition"]), /rapport-etape-\d{4}-\d{4}-v1\.pdf/);
      const pdfBytes = pdf.rawPayload;
      assert.equal(pdfBytes.subarray(0, 5).toString("latin1"), "%PDF-");
      const pages = (await PDFDocument.load(pdfBytes)).getPageCount();
      assert.ok(pages >= 1);
      if (pdftoppmMissing) console.log(`PDF rendering not checked: ${pdftoppmMissing}`);
      else {
        const pngs = await renderPdfPages(pdfBytes);
        assert.equal(pngs.length, pages);
        assert.ok(
          pngs.every((png) => inkRatio(png) > 0.005),
          "a page of the PDF is blank",
        );
      }

      const docx = await client.get(`/mesures/${measureId}/ecrits/${reportId}.docx`);
      assert.equal(docx.statusCode, 200);
      assert.match(String(docx.headers["content-type"]), /wordprocessingml/);
      const text = wordText(await docxDocumentXml(docx.rawPayload));
      assert.match(text, /ÉLUARD-NGUYÊN Maëlys/);
      assert.match(text, /Rapport d'étape n° 1/);
      assert.match(text, /Respect des obligations/);
      assert.match(text, /Avis favorable à la poursuite du contrôle judiciaire\./);

      const exports = await ctx.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "export"), eq(auditLog.entityId, reportId)));
      assert.deepEqual(exports.map((e) => (e.detail as { format: string }).format).sort(), ["docx", "pdf"]);
    });

    test("a new version starts from the last one and takes version 2", async () => {
      const res = await client.post(`/mesures/${measureId}/ecrits/${reportId}/nouvelle-version`, {});
      assert.equal(res.statusCode, 303);
      const draftUrl = location(res);
      const draft = await client.get(draftUrl);
      const form = formSections(draft.body);
      assert.equal(form.section_conclusion, "Avis favorable à la poursuite du contrôle judiciaire.");
      assert.match(draft.body, /version n°\s*2/);
      const confirm = await client.post(draftUrl, {
        ...form,
        section_conclusion: "Avis favorable, avec un point sur les soins dans un mois.",
        action: "emettre",
      });
      assert.match(confirm.body, /Émettre le rapport d(&#39;|')étape n° 2 \?/);
      const issued = await confirmOn(client, confirm.body);
      assert.equal(issued.statusCode, 303);
      assert.match((await client.get(draftUrl)).body, /Rapport d&#39;étape n° 2|Rapport d'étape n° 2/);
      const list = await client.get(`/mesures/${measureId}/ecrits`);
      assert.equal((list.body.match(/Émis le/g) ?? []).length, 2);
      const rows = await ctx.database.db.select().from(reports).where(eq(reports.measureId, measureId));
      assert.deepEqual(rows.map((r) => r.version).sort(), [1, 2]);
    });

    test("an incident report is filled with the incident and records it as reported, without handing in the report", async () => {
      const other = await newMeasure("cjse", "Fontaine");
      const { incidentId: otherIncident } = await fillFile(other);
      const bad = await client.get(
        `/mesures/${other}/ecrits/nouveau?type=rapport_incident&incident=${incidentId}`,
      );
      assert.equal(bad.statusCode, 404, "an incident of another measure");
      const res = await client.get(
        `/mesures/${other}/ecrits/nouveau?type=rapport_incident&incident=${otherIncident}`,
      );
      assert.equal(res.statusCode, 200);
      const form = formSections(res.body);
      assert.match(
        form.section_faits ?? "",
        /Absence à une convocation\.\nAbsente à l'entretien sans prévenir\./,
      );
      assert.match(form.section_obligations ?? "", /Se soumettre à des soins/);
      assert.match(res.body, new RegExp(`name="incident" value="${otherIncident}"`));
      const confirm = await client.post(`/mesures/${other}/ecrits/nouveau`, {
        ...form,
        type: "rapport_incident",
        incident: otherIncident,
        section_conclusion: "Le service propose un rappel des obligations par le magistrat.",
        action: "emettre",
      });
      assert.equal(confirm.statusCode, 200);
      assert.match(confirm.body, new RegExp(`name="incident" value="${otherIncident}"`));
      const issued = await confirmOn(client, confirm.body);
      assert.equal(issued.statusCode, 303);
      const newId = location(issued).split("/").pop();
      const [incident] = await ctx.database.db
        .select()
        .from(incidents)
        .where(eq(incidents.id, otherIncident));
      assert.equal(incident?.reportedOn, today);
      assert.equal(incident?.reportId, newId);
      const [measure] = await ctx.database.db.select().from(measures).where(eq(measures.id, other));
      assert.equal(measure?.status, "en_cours");
      assert.equal(measure?.reportSubmittedOn, null);
    });

    test("a draft can be deleted, an issued report cannot", async () => {
      const form = formSections(
        (await client.get(`/mesures/${measureId}/ecrits/nouveau?type=rapport_fin_mesure`)).body,
      );
      const saved = await client.post(`/mesures/${measureId}/ecrits/nouveau`, {
        ...form,
        type: "rapport_fin_mesure",
      });
      const url = location(saved);
      const before = await reportCount();
      const deleted = await client.post(`${url}/supprimer`, {});
      assert.equal(deleted.statusCode, 303);
      assert.equal(await reportCount(), before - 1);
      const refused = await client.post(`/mesures/${measureId}/ecrits/${reportId}/supprimer`, {});
      assert.equal(refused.statusCode, 409);
    });

    test("another association gets 404 on every report page and writes nothing", async () => {
      const outsider = await loggedIn(ctx.app, OTHER);
      const before = await reportCount();
      const base = `/mesures/${measureId}/ecrits`;
      for (const url of [
        base,
        `${base}/nouveau?type=rapport_etape`,
        `${base}/${reportId}`,
        `${base}/${reportId}.pdf`,
        `${base}/${reportId}.docx`,
      ]) {
        assert.equal((await outsider.get(url)).statusCode, 404, url);
      }
      const posts: [string, Record<string, string>][] = [
        [`${base}/nouveau`, { type: "rapport_etape", section_identite: "x", action: "emettre" }],
        [`${base}/${reportId}`, { section_identite: "x", action: "emettre" }],
        [`${base}/${reportId}/nouvelle-version`, {}],
        [`${base}/${reportId}/supprimer`, {}],
      ];
      for (const [url, form] of posts) assert.equal((await outsider.post(url, form)).statusCode, 404, url);
      assert.equal(await reportCount(), before);
      const training = await loggedIn(ctx.app, "formation@demo.parcours.fr");
      assert.equal((await training.get(base)).statusCode, 403);
    });
  });
}
