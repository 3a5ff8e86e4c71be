import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { demoPdf } from "../../src/demo/obligations.ts";
import { todayInParis } from "../../src/platform/request-context.ts";
import { type BrowserSession, chromiumMissing, fillDate, startBrowserSession } from "./support.ts";

describe("browser: the training service handles a CNC candidacy", { skip: chromiumMissing }, () => {
  let s: BrowserSession;
  before(async () => {
    s = await startBrowserSession();
  });
  after(() => s?.close());

  test("create a candidate, upload a piece, present the dossier to a commission, decide, follow the private link", async () => {
    const { page } = s;
    const today = todayInParis();
    const nav = () => page.getByRole("navigation", { name: "Navigation principale" });
    await s.login("formation@demo.parcours.fr");

    await nav().getByRole("link", { name: "Candidatures CNC" }).click();
    await page.getByRole("heading", { name: "Candidatures CNC" }).waitFor();
    // The demo is populated: the TMP holder, the cumulated mentions, the contested refusal…
    await page.getByRole("link", { name: /MARCHAL Élodie/ }).waitFor();
    await page.getByRole("link", { name: /COLIN Bernard/ }).waitFor();
    await s.expectAccessible("liste des candidatures CNC");
    await s.screenshot("cnc-01-liste");

    await page.getByLabel("Mention").selectOption("MJAGBF");
    await page.getByRole("button", { name: "Filtrer" }).click();
    await page.getByRole("link", { name: /FERHAT Nadia/ }).waitFor();
    assert.equal(await page.getByRole("link", { name: /MARCHAL Élodie/ }).count(), 0);

    // A demo dossier already decided: eligibility, course and contest.
    await page.getByRole("link", { name: /FERHAT Nadia/ }).click();
    await page.getByRole("heading", { name: "FERHAT Nadia – MJAGBF" }).waitFor();
    await page.getByText("Allégé (épreuves maintenues)").first().waitFor();
    await s.expectAccessible("dossier décidé (démo)");

    await nav().getByRole("link", { name: "Candidatures CNC" }).click();
    await page.getByRole("link", { name: "Nouveau candidat" }).click();
    await page.getByRole("heading", { name: "Nouveau candidat" }).waitFor();
    await s.expectAccessible("formulaire candidat");
    await page.getByRole("button", { name: "Enregistrer le candidat" }).click();
    await page.getByRole("alert").waitFor();
    assert.match(await page.title(), /^Erreur : /);
    await s.expectAccessible("formulaire candidat en erreur");
    await page.getByLabel("Nom", { exact: true }).fill("Duval-Ngô");
    await page.getByLabel("Prénom(s)").fill("Maëlle");
    await fillDate(page, "Date de naissance", "1988-02-14");
    await page.getByLabel("Autre diplôme ou titre de niveau 5 (ex-niveau III) inscrit au RNCP").check();
    await fillDate(page, "Début de la période 1", "2024-03-01");
    await page.getByLabel("Domaine de l'emploi de la période 1").selectOption("tutelaire");
    await page
      .getByLabel("Employeur ou structure de la période 1")
      .fill("Service mandataire fictif de Gironde");
    await page.getByLabel("Activité tutélaire pendant la période 1").check();
    await page.getByLabel("MJPM – Mesure judiciaire à la protection des majeurs").check();
    await page.getByLabel("Mode d'exercice pour la mention MJPM").selectOption("salarie_service");
    await page.getByRole("button", { name: "Enregistrer le candidat" }).click();
    await page.getByRole("heading", { name: "DUVAL-NGÔ Maëlle – MJPM" }).waitFor();
    await page.getByText("Dossier incomplet : il ne peut pas être présenté en commission").waitFor();
    await s.expectAccessible("dossier de candidature");
    await s.screenshot("cnc-02-dossier-incomplet");

    // Upload the CV, then record the other pieces received on paper and the fee.
    await page.getByLabel("Pièce", { exact: true }).selectOption("cv");
    await page.getByLabel("Fichier").setInputFiles({
      name: "cv-maelle.pdf",
      mimeType: "application/pdf",
      // A real PDF: a file that only starts with "%PDF" is refused.
      buffer: demoPdf("CV fictif", ["Maelle Duval-Ngo"]),
    });
    await page.getByRole("button", { name: "Déposer la pièce" }).click();
    await page.getByText("Pièce déposée : Curriculum vitae détaillé.").waitFor();
    await page.getByRole("link", { name: /cv-maelle\.pdf/ }).waitFor();
    for (let i = 0; i < 15; i++) {
      const select = page.getByLabel("Pièce reçue");
      if ((await select.count()) === 0) break;
      const value = await select.locator("option").nth(1).getAttribute("value");
      if (!value) break;
      await select.selectOption(value);
      await page.getByRole("button", { name: "Marquer comme reçue" }).click();
      await page.getByText(/Pièce reçue sur papier :/).waitFor();
    }
    await page.getByRole("button", { name: "Enregistrer le règlement" }).click();
    await page.getByText(/Le règlement des frais de dossier/).waitFor();
    await page.getByText("Le dossier est complet, mais aucune commission n'est prévue.").waitFor();

    // No upcoming commission in the demo: create one.
    await page.getByRole("link", { name: "Créer une commission" }).click();
    await page.getByRole("heading", { name: "Nouvelle commission" }).waitFor();
    await s.expectAccessible("formulaire commission");
    await fillDate(page, "Date de la commission", today);
    await page.getByLabel("Nom du membre 1").fill("Anne-Sophie Delmas");
    await page.getByLabel("Rôle du membre 1").selectOption("training_body");
    await page.getByLabel("Nom du membre 2").fill("Patricia Lemaire");
    await page.getByLabel("Rôle du membre 2").selectOption("professional");
    await page.getByRole("button", { name: "Créer la commission" }).click();
    await page.getByText("Il manque : Responsable des formations « mesures judiciaires »").first().waitFor();
    await s.expectAccessible("formulaire commission en erreur");
    await page.getByLabel("Nom du membre 3").fill("Jean-Marc Olivier");
    await page.getByLabel("Rôle du membre 3").selectOption("head_of_judicial_trainings");
    await page.getByRole("button", { name: "Créer la commission" }).click();
    await page.getByText(/La commission du .* a été créée/).waitFor();
    await s.expectAccessible("commission vide");

    await page.getByRole("link", { name: "Commissions", exact: true }).click();
    await page.getByRole("heading", { name: "Commissions de positionnement" }).waitFor();
    await s.expectAccessible("liste des commissions");

    // Back to the dossier, which now goes to the commission.
    await nav().getByRole("link", { name: "Candidatures CNC" }).click();
    await page.getByRole("link", { name: /DUVAL-NGÔ Maëlle/ }).click();
    await page.getByRole("button", { name: "Présenter en commission" }).click();
    await page.getByText(/Le dossier a été présenté à la commission du/).waitFor();
    await page.getByRole("link", { name: /^commission du/ }).click();

    // The commission decides: a dispense of module 4.1 is refused, then the course is recorded.
    const section = page.getByRole("region", { name: "DUVAL-NGÔ Maëlle – mention MJPM" });
    await section.getByLabel("Positionné sur un parcours individualisé").check();
    const dispensed = section.getByRole("group", { name: "Modules dispensés (validés)" });
    await dispensed.getByLabel(/^4\.1 /).check();
    await fillDate(section, "Date d'entrée en formation", today);
    await s.expectAccessible("commission avec formulaire de décision");
    await section.getByRole("button", { name: /Enregistrer la décision/ }).click();
    await page.getByRole("alert").waitFor();
    await page.getByText("Le module 4.1 n'admet ni dispense ni allègement").first().waitFor();
    await s.expectAccessible("décision en erreur");
    await dispensed.getByLabel(/^4\.1 /).uncheck();
    await dispensed.getByLabel(/^1\.1 /).check();
    await section
      .getByRole("group", { name: "Modules allégés (les épreuves demeurent)" })
      .getByLabel(/^3\.1 /)
      .check();
    await fillDate(section, "Date d'entrée en formation", today);
    await section.getByRole("button", { name: /Enregistrer la décision/ }).click();
    await page.getByText(/Décision enregistrée pour DUVAL-NGÔ Maëlle/).waitFor();
    await page.getByText("252 h sur 300 h", { exact: false }).first().waitFor();
    await s.expectAccessible("commission avec décision");
    await s.screenshot("cnc-03-commission-decision");

    // The dossier shows the decision and the private link the service sends to the candidate.
    await page.getByRole("link", { name: "Voir le dossier de DUVAL-NGÔ Maëlle" }).click();
    await page.getByText("Positionné sur un parcours individualisé").first().waitFor();
    await page.getByRole("link", { name: /\/cnc\/suivi\// }).click();
    await page.getByRole("heading", { name: "Suivi de votre candidature CNC" }).waitFor();
    await page.getByText("Votre parcours de formation, mention MJPM").waitFor();
    assert.equal(await nav().count(), 0);
    await s.expectAccessible("page de suivi du candidat");
    await s.screenshot("cnc-04-suivi-candidat");
  });

  test("a candidate contests a refusal from the private page", async () => {
    const { page } = s;
    await page.goto(`${s.baseUrl}/cnc`);
    await page.getByRole("link", { name: /FERHAT Nadia/ }).click();
    await page.getByRole("link", { name: /\/cnc\/suivi\// }).click();
    await page.getByRole("heading", { name: "Suivi de votre candidature CNC" }).waitFor();
    await page.getByRole("button", { name: "Contester la décision" }).click();
    await page.getByRole("alert").waitFor();
    await s.expectAccessible("contestation en erreur");
    await page
      .getByLabel("Pourquoi contestez-vous la décision ?")
      .fill("Je demande la dispense du module 1.3.");
    await page.getByRole("button", { name: "Contester la décision" }).click();
    await page.getByText("Votre contestation a été enregistrée.", { exact: false }).waitFor();
    await page.getByText("Contesté", { exact: true }).first().waitFor();
    await s.expectAccessible("suivi après contestation");
  });
});
