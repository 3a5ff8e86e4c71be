import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import { and, eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { measures } from "../../src/measures/tables.ts";
import { todayInParis } from "../../src/platform/request-context.ts";
import { formatDate } from "../../src/platform/views/display.tsx";
import { reports } from "../../src/reports/tables.ts";
import { docxDocumentXml, wordText } from "../../src/reports/test-documents.ts";
import { type BrowserSession, chromiumMissing, startBrowserSession } from "./support.ts";

/** Clicks a link that downloads a file and returns the file's bytes and suggested name. */
async function download(page: Page, name: RegExp | string): Promise<{ bytes: Buffer; filename: string }> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page
      .getByRole("link", { name, exact: typeof name === "string" })
      .first()
      .click(),
  ]);
  const path = await file.path();
  return { bytes: await readFile(path), filename: file.suggestedFilename() };
}

describe("browser: written reports to the magistrate and closing", { skip: chromiumMissing }, () => {
  let s: BrowserSession;
  before(async () => {
    s = await startBrowserSession();
    s.page.on("dialog", (dialog) => void dialog.accept());
  });
  after(() => s?.close());

  async function measureNumber(where: { kind: "rapport_etape"; version: number } | { draft: true }) {
    const rows = await s.database.db
      .select({ number: measures.number })
      .from(reports)
      .innerJoin(measures, eq(measures.id, reports.measureId))
      .where(
        "draft" in where
          ? eq(reports.status, "brouillon")
          : and(eq(reports.kind, where.kind), eq(reports.version, where.version)),
      );
    const number = rows[0]?.number;
    assert.ok(number, "the demo has this report");
    return number;
  }

  const tab = (name: string) =>
    s.page
      .getByRole("navigation", { name: "Sections de la mesure" })
      .getByRole("link", { name, exact: true });

  test("an intervenant reads the issued reports, downloads them, and issues a new version", async () => {
    const { page } = s;
    const number = await measureNumber({ kind: "rapport_etape", version: 2 });
    await s.login("intervenant@demo.parcours.fr");
    await page.getByRole("link", { name: new RegExp(`mesure ${number}`) }).click();
    await tab("Écrits au magistrat").click();
    await page.getByRole("heading", { level: 1, name: "Écrits au magistrat" }).waitFor();
    await s.expectAccessible("liste des écrits");
    await s.screenshot("ecrits-01-liste");

    const pdf = await download(page, "PDF – Rapport d'étape n° 2");
    assert.equal(pdf.bytes.subarray(0, 5).toString("latin1"), "%PDF-");
    assert.match(pdf.filename, /^rapport-etape-\d{4}-\d{4}-v2\.pdf$/);
    const docx = await download(page, "DOCX – Rapport d'étape n° 2");
    assert.match(docx.filename, /^rapport-etape-\d{4}-\d{4}-v2\.docx$/);
    assert.match(wordText(await docxDocumentXml(docx.bytes)), /Rapport d'étape n° 2/);

    await page.getByRole("link", { name: "Rapport d'étape n° 2", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Rapport d'étape n° 2" }).waitFor();
    await s.expectAccessible("écrit émis");
    await s.screenshot("ecrits-02-emis");
    const fromPage = await download(page, "Télécharger le PDF");
    assert.equal(fromPage.bytes.subarray(0, 5).toString("latin1"), "%PDF-");

    await page.getByRole("button", { name: "Rédiger une nouvelle version" }).click();
    await page.getByText("Un nouveau brouillon reprend le texte de la version émise").waitFor();
    await s.expectAccessible("brouillon");
    const conclusion = page.getByLabel("Analyse et perspectives");
    await conclusion.fill("");
    await page.getByRole("button", { name: "Émettre" }).click();
    await page.getByRole("alert").waitFor();
    assert.match(await page.title(), /^Erreur : /);
    await s.expectAccessible("brouillon en erreur");
    await s.screenshot("ecrits-03-brouillon-erreur");
    await page.getByLabel("Analyse et perspectives").fill("Avis favorable à la poursuite de la mesure.");
    await page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
    await page.getByText("Le brouillon est enregistré.").waitFor();
    await page.getByRole("button", { name: "Émettre" }).click();
    await page.getByRole("heading", { level: 1, name: /^Émettre / }).waitFor();
    await page.getByRole("button", { name: "Confirmer l'émission" }).click();
    await page.getByRole("heading", { level: 1, name: "Rapport d'étape n° 3" }).waitFor();
    await page.getByText(/Rapport d'étape n° 3 est émis/).waitFor();
  });

  test("an intervenant writes the end-of-measure report, then closes the measure", async () => {
    const { page, baseUrl } = s;
    const number = await measureNumber({ draft: true });
    const today = formatDate(todayInParis());
    await page.goto(`${baseUrl}/`);
    await page.getByRole("link", { name: new RegExp(`mesure ${number}`) }).click();
    await tab("Clôture").click();
    await page.getByRole("heading", { level: 1, name: "Clôture de la mesure" }).waitFor();
    await s.expectAccessible("clôture sans rapport final");
    await page.getByLabel("Mesure menée à terme", { exact: false }).first().check();
    await page.getByRole("button", { name: "Clôturer la mesure" }).click();
    await page.getByRole("alert").waitFor();
    await page.getByText("Émettez le rapport de fin de mesure avant de clôturer la mesure").first().waitFor();
    await s.expectAccessible("clôture refusée");
    await s.screenshot("ecrits-04-cloture-refusee");

    await page.getByRole("link", { name: "Rédiger le rapport de fin de mesure" }).click();
    await page.getByRole("heading", { level: 1, name: "Nouveau rapport de fin de mesure" }).waitFor();
    await s.expectAccessible("nouveau rapport de fin de mesure");
    await s.screenshot("ecrits-05-nouveau-rapport");
    await page
      .getByLabel("Bilan et avis")
      .fill("La mesure a atteint ses objectifs ; avis favorable à sa fin.");
    await page.getByRole("button", { name: "Émettre" }).click();
    await page.getByRole("heading", { level: 1, name: /^Émettre / }).waitFor();
    await page.getByRole("button", { name: "Confirmer l'émission" }).click();
    await page.getByRole("heading", { level: 1, name: "Rapport de fin de mesure n° 1" }).waitFor();

    await tab("Clôture").click();
    await page.getByText("Rapport final :").waitFor();
    await page.getByLabel("Mesure menée à terme", { exact: false }).first().check();
    await page.getByLabel("Note de clôture (facultatif)").fill("Fin de la mesure après jugement.");
    await page.getByRole("button", { name: "Clôturer la mesure" }).click();

    // The server's confirmation page: the facts, what is still open and what closing will do to it.
    await page.getByRole("heading", { level: 1, name: "Confirmer la clôture de la mesure" }).waitFor();
    const main = page.locator("main");
    /** The value a summary list of the page shows for `key`. */
    const summaryValue = async (key: string) =>
      (
        (await main
          .locator("dt")
          .filter({ hasText: new RegExp(`^\\s*${key}\\s*$`) })
          .locator("xpath=following-sibling::dd[1]")
          .textContent()) ?? ""
      ).trim();
    await main.getByText("une mesure clôturée ne se rouvre pas").waitFor();
    assert.equal(await summaryValue("Mesure"), `Contrôle judiciaire socio-éducatif n° ${number}`);
    assert.equal(await summaryValue("Issue"), "Mesure menée à terme (jugement ou non-lieu)");
    assert.equal(await summaryValue("Date de clôture"), today);
    assert.equal(await summaryValue("Note de clôture"), "Fin de la mesure après jugement.");
    const open = main.getByRole("region", { name: "Ce qui reste ouvert" });
    // The demo measure still has its three obligations running: closing ends them on the closing date.
    await open.getByText(`3 obligations en cours prendront fin le ${today}.`).waitFor();
    await open.getByRole("heading", { level: 3, name: "Obligations en cours (3)" }).waitFor();
    assert.equal(await open.getByRole("link", { name: /Se soumettre à des mesures d'examen/ }).count(), 1);
    await main.getByRole("button", { name: "Modifier" }).waitFor();
    await s.expectAccessible("confirmation de la clôture");
    await s.screenshot("ecrits-06-confirmer-cloture");
    // Nothing is closed until the confirmation.
    const [before] = await s.database.db
      .select({ status: measures.status })
      .from(measures)
      .where(eq(measures.number, number));
    assert.notEqual(before?.status, "cloturee");

    await page.getByRole("button", { name: "Confirmer la clôture" }).click();
    await page
      .getByText(
        `La mesure est clôturée : 3 obligations terminées le ${today}. Elle reste consultable et ne figure plus parmi les mesures en cours.`,
      )
      .waitFor();
    await main.getByText("La mesure est clôturée : son dossier reste consultable").waitFor();
    assert.equal(await summaryValue("Clôturée le"), today);
    assert.equal(await summaryValue("Effets de la clôture"), `3 obligations terminées le ${today}`);
    await s.expectAccessible("mesure clôturée");
    await s.screenshot("ecrits-07-cloturee");

    await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link").first().click();
    await page.getByRole("heading", { name: "Mes mesures en cours" }).waitFor();
    assert.equal(await page.getByRole("link", { name: new RegExp(`mesure ${number}`) }).count(), 0);
  });
});
