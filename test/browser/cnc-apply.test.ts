import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type BrowserSession, chromiumMissing, fillDate, startBrowserSession } from "./support.ts";

describe("browser: public CNC application, statistics at 1280 px", { skip: chromiumMissing }, () => {
  let s: BrowserSession;
  before(async () => {
    s = await startBrowserSession();
  });
  after(() => s?.close());

  test("a person reads the conditions, applies with errors then without, and opens their link", async () => {
    const { page } = s;
    await page.goto(`${s.baseUrl}/cnc/candidater`);
    await page.getByRole("heading", { name: "Candidater à un certificat national de compétence" }).waitFor();
    await s.expectAccessible("candidater");
    await page.getByRole("button", { name: "Envoyer ma candidature" }).click();
    await page.getByRole("alert").waitFor();
    assert.match(await page.title(), /^Erreur : /);
    await s.expectAccessible("candidater en erreur");

    await page.getByLabel("Nom", { exact: true }).fill("Navigatrice");
    await page.getByLabel("Prénom(s)").fill("Lise");
    await fillDate(page, "Date de naissance", "1982-06-14");
    await page.getByLabel("E-mail").fill("lise.navigatrice@exemple.fr");
    await page.getByLabel(/^MAJ – /).check();
    await page.getByLabel("Mode d'exercice envisagé pour la mention MAJ").selectOption("salarie_service");
    await page.getByLabel("Diplôme ou titre de niveau 5 (ex-niveau III) inscrit au RNCP").check();
    await page.getByRole("button", { name: "Envoyer ma candidature" }).click();
    await page.getByRole("heading", { name: "Candidature enregistrée" }).waitFor();
    await s.expectAccessible("candidature enregistrée");
    await page.getByRole("link", { name: /\/cnc\/suivi\// }).click();
    await page.getByRole("heading", { name: "Suivi de votre candidature CNC" }).waitFor();
    await s.expectAccessible("suivi après candidature");
  });

  test("the training service's statistics table fits a 1280 px screen; the dossier's new sections are accessible", async () => {
    const { page } = s;
    await s.login("formation@demo.parcours.fr");
    await page.goto(`${s.baseUrl}/formation/statistiques`);
    await page.getByRole("heading", { name: "Statistiques de formation" }).waitFor();
    const widths = await page.evaluate(() => {
      const wrap = document.querySelector(".table-wrap");
      return {
        page: document.documentElement.scrollWidth,
        table: wrap ? wrap.scrollWidth - wrap.clientWidth : -1,
      };
    });
    assert.ok(widths.page <= 1280, `the page is ${widths.page} px wide`);
    assert.equal(widths.table, 0, "the table does not scroll sideways");
    await s.expectAccessible("statistiques");
    await s.screenshot("stats-1280");

    await page.goto(`${s.baseUrl}/cnc?mention=MAJ`);
    await page.getByRole("link", { name: /NAVIGATRICE Lise/ }).click();
    await page.getByRole("heading", { name: "Lien de suivi du candidat" }).waitFor();
    await page.getByRole("button", { name: "Révoquer le lien" }).click();
    await page.getByText("Lien révoqué :").waitFor();
    await s.expectAccessible("lien révoqué");
  });
});
