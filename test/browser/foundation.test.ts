import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type BrowserSession, chromiumMissing, fillDate, startBrowserSession } from "./support.ts";

describe("browser: an intervenant's first steps", { skip: chromiumMissing }, () => {
  let s: BrowserSession;
  before(async () => {
    s = await startBrowserSession();
  });
  after(() => s?.close());

  test("the login page is accessible and refuses a wrong password in French", async () => {
    await s.page.goto(`${s.baseUrl}/connexion`);
    await s.expectAccessible("connexion");
    await s.page.getByLabel("Adresse e-mail").fill("intervenant@demo.parcours.fr");
    await s.page.getByLabel("Mot de passe").fill("mauvais");
    await s.page.getByRole("button", { name: "Se connecter" }).click();
    await s.page.getByText("Adresse e-mail ou mot de passe incorrect").first().waitFor();
    assert.match(await s.page.title(), /^Erreur : /);
    await s.screenshot("01-connexion-erreur");
  });

  test("an intervenant logs in, creates a person and a measure, and finds it on the caseload", async () => {
    const { page, baseUrl } = s;
    await s.login("intervenant@demo.parcours.fr");
    await page.getByRole("heading", { name: "Mes mesures en cours" }).waitFor();
    await s.expectAccessible("caseload");
    await s.screenshot("02-mesures-en-cours");

    await page
      .getByRole("navigation", { name: "Navigation principale" })
      .getByRole("link", { name: "Personnes suivies" })
      .click();
    await page.getByRole("link", { name: "Ajouter une personne" }).click();
    await s.expectAccessible("formulaire personne");
    await page.getByRole("button", { name: "Enregistrer la personne" }).click();
    await page.getByRole("alert").waitFor();
    await s.expectAccessible("formulaire personne en erreur");
    await page.getByLabel("Nom de naissance").fill("Éluard-Nguyên");
    await page.getByLabel("Prénom(s)").fill("Maëlys");
    await fillDate(page, "Date de naissance (facultatif)", "1994-05-12");
    await page.getByLabel("Commune (facultatif)").fill("Bègles");
    await page.getByRole("button", { name: "Enregistrer la personne" }).click();
    await page.getByRole("heading", { name: "ÉLUARD-NGUYÊN Maëlys" }).waitFor();
    await s.expectAccessible("dossier personne");
    await s.screenshot("03-personne");

    await page.getByRole("link", { name: "Ajouter une mesure" }).click();
    await page.getByLabel("Type de mesure").selectOption("cjse");
    await page.getByLabel("Fonction du magistrat mandant").selectOption("Juge d'instruction");
    await fillDate(page, "Date de la décision", "2026-11-02");
    await fillDate(page, "Date de réception du mandat", "2026-11-03");
    await s.expectAccessible("formulaire mesure");
    await page.getByRole("button", { name: "Enregistrer la mesure" }).click();
    await page.getByText(/La mesure \d{4}-\d{4} a été enregistrée/).waitFor();
    await s.expectAccessible("mesure");
    await s.screenshot("04-mesure");

    await page.goto(`${baseUrl}/?typeCode=cjse`);
    const row = page.getByRole("row").filter({ hasText: "ÉLUARD-NGUYÊN Maëlys" });
    await row.waitFor();
    assert.match((await row.textContent()) ?? "", /Contrôle judiciaire|CJSE/);
    await s.screenshot("05-mesures-filtrees");
  });

  test("the caseload reads on a phone", async () => {
    await s.page.setViewportSize({ width: 390, height: 844 });
    await s.page.goto(`${s.baseUrl}/`);
    await s.expectAccessible("caseload mobile");
    await s.screenshot("06-mobile");
    await s.page.setViewportSize({ width: 1280, height: 900 });
  });
});
