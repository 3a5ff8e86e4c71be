import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { type BrowserSession, chromiumMissing, fillDate, startBrowserSession } from "./support.ts";

describe("browser: duplicates caught at entry", { skip: chromiumMissing }, () => {
  let s: BrowserSession;
  before(async () => {
    s = await startBrowserSession();
  });
  after(() => s?.close());

  async function fillPerson(page: Page, lastName: string, firstName: string) {
    await page.getByLabel("Nom de naissance").fill(lastName);
    await page.getByLabel("Prénom(s)").fill(firstName);
    await fillDate(page, "Date de naissance (facultatif)", "1990-03-12");
  }

  test("a person entered twice: the warning lists the first one, « Créer quand même » creates it", async () => {
    const { page, baseUrl } = s;
    await s.login("intervenant@demo.parcours.fr");
    await page.goto(`${baseUrl}/personnes/nouvelle`);
    await fillPerson(page, "Lefèvre-Dubreuil", "Éloïse");
    await page.getByRole("button", { name: "Enregistrer la personne" }).click();
    await page.getByRole("heading", { name: "LEFÈVRE-DUBREUIL Éloïse" }).waitFor();
    const firstUrl = new URL(page.url()).pathname;

    await page.goto(`${baseUrl}/personnes/nouvelle`);
    await fillPerson(page, "Dubreuil Lefevre", "Eloise");
    await page.getByRole("button", { name: "Enregistrer la personne" }).click();
    await page.getByRole("heading", { name: "Cette personne existe peut-être déjà" }).waitFor();
    assert.match(await page.title(), /^Doublon possible : Ajouter une personne/);
    const open = page.getByRole("link", { name: "Ouvrir la fiche existante de LEFÈVRE-DUBREUIL Éloïse" });
    assert.equal(await open.getAttribute("href"), firstUrl);
    assert.equal(await page.getByLabel("Nom de naissance").inputValue(), "Dubreuil Lefevre");
    await s.expectAccessible("doublon possible d'une personne");
    await s.screenshot("doublon-personne");

    await page.getByRole("button", { name: "Créer quand même" }).click();
    await page.getByText("La personne a été enregistrée.").waitFor();
    await page.getByRole("heading", { name: "DUBREUIL LEFEVRE Eloise" }).waitFor();
    assert.notEqual(new URL(page.url()).pathname, firstUrl);
    await s.logout();
  });

  async function fillCandidate(page: Page) {
    await page.getByLabel("Nom", { exact: true }).fill("Duval-Ngô");
    await page.getByLabel("Prénom(s)").fill("Maëlle");
    await fillDate(page, "Date de naissance", "1988-02-14");
    await page.getByLabel("Autre diplôme ou titre de niveau 5 (ex-niveau III) inscrit au RNCP").check();
    await page.getByLabel("MJPM – Mesure judiciaire à la protection des majeurs").check();
    await page.getByLabel("Mode d'exercice pour la mention MJPM").selectOption("salarie_service");
  }

  test("a CNC candidate registered twice for the same certificate is shown before a second fee", async () => {
    const { page, baseUrl } = s;
    await s.login("formation@demo.parcours.fr");
    await page.goto(`${baseUrl}/cnc/candidats/nouveau`);
    await fillCandidate(page);
    await page.getByRole("button", { name: "Enregistrer le candidat" }).click();
    await page.getByRole("heading", { name: "DUVAL-NGÔ Maëlle – MJPM" }).waitFor();
    const firstUrl = new URL(page.url()).pathname;

    await page.goto(`${baseUrl}/cnc/candidats/nouveau`);
    await fillCandidate(page);
    await page.getByRole("button", { name: "Enregistrer le candidat" }).click();
    await page.getByRole("heading", { name: "Ce candidat existe peut-être déjà" }).waitFor();
    await page.getByText(/mention MJPM : brouillon, frais de 187,00 € non réglés/).waitFor();
    const open = page.getByRole("link", { name: "Ouvrir la fiche existante de DUVAL-NGÔ Maëlle" });
    assert.equal(await open.getAttribute("href"), firstUrl);
    await s.expectAccessible("doublon possible d'un candidat CNC");
    await s.screenshot("doublon-candidat-cnc");

    await open.click();
    await page.getByRole("heading", { name: "DUVAL-NGÔ Maëlle – MJPM" }).waitFor();
    assert.equal(new URL(page.url()).pathname, firstUrl);
  });
});
