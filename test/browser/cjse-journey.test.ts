import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { PDFDocument } from "pdf-lib";
import type { Page } from "playwright-core";
import { addCalendarDays } from "../../src/deadlines/rules.ts";
import { todayInParis } from "../../src/platform/request-context.ts";
import { type BrowserSession, chromiumMissing, fillDate, startBrowserSession } from "./support.ts";

/** Fills every empty text area of a report form (the parts the file cannot write: analysis, proposal). */
async function completeReport(page: Page, text: string) {
  for (const area of await page.locator("textarea").all()) {
    if (((await area.inputValue()) ?? "").trim() === "") await area.fill(text);
  }
}

async function downloadLink(page: Page, name: RegExp) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name }).first().click(),
  ]);
  const path = await download.path();
  const { readFile } = await import("node:fs/promises");
  return { bytes: await readFile(path), filename: download.suggestedFilename() };
}

describe("browser: one CJSE from the mandate to the closing", { skip: chromiumMissing }, () => {
  let s: BrowserSession;
  const today = todayInParis();
  before(async () => {
    s = await startBrowserSession();
    // Deleting a draft still asks through enhance.js; issuing and closing confirm on a page of their own.
    s.page.on("dialog", (dialog) => void dialog.accept());
  });
  after(() => s?.close());

  test("mandate, assessment, plan, two obligations with proofs, a missed appointment and its incident report, final report as PDF and DOCX, closing", async () => {
    const { page } = s;
    const tabs = () => page.getByRole("navigation", { name: "Sections de la mesure" });
    const pdf = await PDFDocument.create();
    pdf.addPage().drawText("Attestation de suivi");
    const proofPdf = Buffer.from(await pdf.save());

    // The mandate.
    await s.login("intervenant@demo.parcours.fr");
    await page
      .getByRole("navigation", { name: "Navigation principale" })
      .getByRole("link", { name: "Personnes suivies" })
      .click();
    await page.getByRole("link", { name: "Ajouter une personne" }).click();
    await page.getByLabel("Nom de naissance").fill("Parcours-Complet");
    await page.getByLabel("Prénom(s)").fill("Léon");
    await page.getByRole("button", { name: "Enregistrer la personne" }).click();
    await page.getByRole("link", { name: "Ajouter une mesure" }).click();
    await page.getByLabel("Type de mesure").selectOption("cjse");
    await page.getByLabel("Fonction du magistrat mandant").selectOption("Juge d'instruction");
    await page.getByLabel("Nom du magistrat (facultatif)").fill("Mme Exemple");
    await fillDate(page, "Date de la décision", addCalendarDays(today, -60));
    await fillDate(page, "Date de réception du mandat", addCalendarDays(today, -59));
    await page.getByRole("button", { name: "Enregistrer la mesure" }).click();
    await page.getByText(/La mesure \d{4}-\d{4} a été enregistrée/).waitFor();
    await page.getByLabel("Nouveau statut").selectOption("en_cours");
    await fillDate(page, "Date du changement", addCalendarDays(today, -58));
    await page.getByRole("button", { name: "Changer le statut" }).click();
    await page.getByText("Le statut a été mis à jour.").waitFor();

    // The assessment of the situation.
    await tabs().getByRole("link", { name: "Évaluation" }).click();
    await page.getByRole("link", { name: "Nouvelle évaluation" }).click();
    await fillDate(page, "Date de l'évaluation", addCalendarDays(today, -50));
    const housing = page.getByRole("group", { name: "Logement", exact: true });
    await housing.getByLabel("Difficulté majeure", { exact: true }).check();
    await housing.getByLabel("Besoins").fill("Hébergement d'urgence à trouver avant la fin du mois.");
    await page
      .getByRole("group", { name: "Emploi et formation", exact: true })
      .getByLabel("Difficulté", { exact: true })
      .check();
    await page.getByRole("button", { name: "Enregistrer l'évaluation" }).click();
    await page.getByText("L'évaluation a été enregistrée.").waitFor();

    // The action plan.
    await tabs().getByRole("link", { name: "Plan d'action" }).click();
    await page.getByRole("link", { name: "Ajouter un objectif" }).click();
    await page.getByLabel("Domaine").selectOption("hebergement");
    await page.getByLabel("Objectif", { exact: true }).fill("Accéder à un hébergement stable");
    await page.getByRole("button", { name: "Ajouter l'objectif" }).click();
    await page.getByText("L'objectif a été ajouté au plan d'action.").waitFor();
    await page.getByRole("link", { name: "Ajouter une action : Accéder à un hébergement stable" }).click();
    await page.getByLabel("Action", { exact: true }).fill("Demande SIAO déposée avec la personne");
    await fillDate(page, "Échéance", addCalendarDays(today, 10), { exact: true });
    await page.getByRole("button", { name: "Ajouter l'action" }).click();
    await page.getByText("L'action a été ajoutée.").waitFor();

    // Two obligations of art. 138 CPP, each with a proof and its file.
    for (const [code, title] of [
      ["cpp138-5", /Se présenter/],
      ["cpp138-10", /soins|examen|traitement/i],
    ] as const) {
      await tabs().getByRole("link", { name: "Obligations" }).click();
      await page.getByRole("link", { name: "Ajouter une obligation" }).click();
      await page.getByLabel("Obligation de la liste légale").selectOption(code);
      await fillDate(page, "Début", addCalendarDays(today, -58), { exact: true });
      await fillDate(page, "Premier justificatif attendu le", addCalendarDays(today, -20));
      await page.getByLabel("Puis un justificatif tous les (jours, facultatif)").fill("30");
      await page.getByRole("button", { name: "Enregistrer l'obligation" }).click();
      await page.getByText(/L'obligation « .* » est enregistrée\./).waitFor();
      assert.match((await page.locator("main h1").textContent()) ?? "", title);
      await fillDate(page, "Reçu le", addCalendarDays(today, -21));
      await page.getByLabel("Nature du justificatif").selectOption("attestation");
      await page
        .getByLabel("Fichier (facultatif)")
        .setInputFiles({ name: `attestation-${code}.pdf`, mimeType: "application/pdf", buffer: proofPdf });
      await page.getByRole("button", { name: "Enregistrer le justificatif" }).click();
      await page.getByText("Le justificatif et son fichier sont enregistrés.").waitFor();
    }
    await tabs().getByRole("link", { name: "Obligations" }).click();
    assert.equal(await page.getByRole("row").filter({ hasText: "art. 138 CPP" }).count(), 2);
    await s.screenshot("cjse-01-obligations");

    // An appointment, missed, then the incident and its report to the magistrate.
    await tabs().getByRole("link", { name: "Rendez-vous" }).click();
    await page.getByRole("link", { name: "Planifier un rendez-vous" }).click();
    await fillDate(page, "Date", addCalendarDays(today, -3), { exact: true });
    await page.getByLabel("Heure de début").fill("10:00");
    await page.getByLabel("Au service").check();
    await page.getByRole("button", { name: "Enregistrer le rendez-vous" }).click();
    await page.getByText(/Le rendez-vous du .* à 10:00 est enregistré/).waitFor();
    await page.getByRole("table", { name: "Rendez-vous passés" }).getByRole("link").first().click();
    await page.getByLabel("Absent·e").check();
    await page.getByRole("button", { name: "Enregistrer la présence" }).click();
    await page.getByText("La personne était absente").waitFor();
    await page.getByRole("link", { name: "Déclarer un incident" }).click();
    await page.waitForURL(/\/incidents\/nouveau\?rendezVous=[0-9a-f-]{36}$/);
    await page.getByRole("heading", { level: 1, name: "Déclarer un incident" }).waitFor();
    // The form comes filled from the missed appointment: its day, the absence, the appointment and the
    // obligation to report to the service that the absence fails.
    const [year, month, day] = addCalendarDays(today, -3).split("-");
    const incidentDate = page.getByRole("group", { name: "Date de l'incident" });
    assert.equal(await incidentDate.getByLabel("Jour").inputValue(), day);
    assert.equal(await incidentDate.getByLabel("Mois").inputValue(), month);
    assert.equal(await incidentDate.getByLabel("Année").inputValue(), year);
    assert.ok(await page.getByLabel("Absence").isChecked(), "the absence is chosen");
    assert.match(
      (await page.getByLabel("Rendez-vous concerné (facultatif)").locator("option:checked").textContent()) ??
        "",
      new RegExp(`du ${day}/${month}/${year} à 10:00 \\(absent`),
    );
    assert.match(
      (await page.getByLabel("Obligation concernée (facultatif)").locator("option:checked").textContent()) ??
        "",
      /Se présenter périodiquement/,
    );
    await page.getByLabel("Description", { exact: true }).fill("Absent à l'entretien sans prévenir.");
    await page.getByRole("button", { name: "Enregistrer l'incident" }).click();
    await page.getByText("L'incident est enregistré.").waitFor();
    await page.getByRole("link", { name: "Rédiger le rapport d'incident" }).click();
    await completeReport(page, "Un rappel du cadre a été fait ; le magistrat est informé de l'absence.");
    await page.getByRole("button", { name: "Émettre" }).click();
    await page.getByRole("heading", { level: 1, name: /^Émettre / }).waitFor();
    await page.getByRole("button", { name: "Confirmer l'émission" }).click();
    await page.getByRole("heading", { level: 1, name: "Rapport d'incident n° 1" }).waitFor();
    await tabs().getByRole("link", { name: "Incidents" }).click();
    assert.match((await page.getByRole("table").textContent()) ?? "", /Signalé le/);

    // The final report, downloaded in both formats.
    await tabs().getByRole("link", { name: "Écrits au magistrat" }).click();
    await page.getByRole("link", { name: "Rédiger le rapport de fin de mesure" }).click();
    await completeReport(page, "La mesure a atteint ses objectifs ; avis favorable à sa fin.");
    await page.getByRole("button", { name: "Émettre" }).click();
    await page.getByRole("heading", { level: 1, name: /^Émettre / }).waitFor();
    await page.getByRole("button", { name: "Confirmer l'émission" }).click();
    await page.getByRole("heading", { level: 1, name: "Rapport de fin de mesure n° 1" }).waitFor();
    await s.expectAccessible("rapport de fin de mesure émis");
    await s.screenshot("cjse-02-rapport-final");
    const pdfFile = await downloadLink(page, /PDF/);
    assert.equal(pdfFile.bytes.subarray(0, 5).toString("latin1"), "%PDF-");
    const docxFile = await downloadLink(page, /DOCX|Word/);
    assert.equal(docxFile.bytes.subarray(0, 2).toString("latin1"), "PK");
    assert.match(docxFile.filename, /\.docx$/);

    // Closing: the measure leaves the caseload and stays readable.
    await tabs().getByRole("link", { name: "Clôture" }).click();
    await page.getByLabel("Mesure menée à terme", { exact: false }).first().check();
    await page.getByRole("button", { name: "Clôturer la mesure" }).click();
    // A page of confirmation says what closing today will do to what is still open.
    await page.getByRole("heading", { level: 1, name: "Confirmer la clôture de la mesure" }).waitFor();
    const closedOn = today.split("-").reverse().join("/");
    const stillOpen = page.getByRole("region", { name: "Ce qui reste ouvert" });
    await stillOpen.getByText(`2 obligations en cours prendront fin le ${closedOn}.`).waitFor();
    await stillOpen
      .getByText("Le plan d'action sera figé : 1 action non terminée restera en l'état.")
      .waitFor();
    await stillOpen.getByRole("heading", { level: 3, name: "Obligations en cours (2)" }).waitFor();
    await stillOpen.getByText(/Demande SIAO déposée avec la personne/).waitFor();
    await s.expectAccessible("confirmation de la clôture");
    await page.getByRole("button", { name: "Confirmer la clôture" }).click();
    await page
      .getByText(
        `La mesure est clôturée : 2 obligations terminées le ${closedOn}, plan d'action figé (1 action non terminée). Elle reste consultable`,
      )
      .waitFor();
    await s.expectAccessible("mesure clôturée");
    await s.screenshot("cjse-03-cloturee");
    await page
      .getByRole("navigation", { name: "Navigation principale" })
      .getByRole("link", { name: "Mesures en cours" })
      .click();
    await page.getByRole("heading", { name: "Mes mesures en cours" }).waitFor();
    assert.equal(await page.getByRole("link", { name: /PARCOURS-COMPLET Léon/ }).count(), 0);

    // The person's timeline tells the whole story.
    await page
      .getByLabel("Rechercher une personne (nom, date de naissance ou numéro de mesure)")
      .fill("parcours complet");
    await page.getByRole("button", { name: "Rechercher" }).first().click();
    await page.getByRole("link", { name: "PARCOURS-COMPLET Léon" }).click();
    const timeline = (await page.locator(".timeline").textContent()) ?? "";
    for (const event of [
      "Mandat reçu",
      "Évaluation de la situation",
      "Justificatif reçu",
      "Rendez-vous : absent·e",
      "Incident : absence",
      "Rapport d'incident n° 1 émis",
      "Rapport de fin de mesure n° 1 émis",
      "Statut : En cours",
      `Mesure clôturée : 2 obligations terminées le ${closedOn}, plan d'action figé (1 action non terminée)`,
    ]) {
      assert.ok(timeline.includes(event), `the timeline shows « ${event} »`);
    }
    await s.expectAccessible("dossier avec chronologie");
    await s.screenshot("cjse-04-chronologie");
  });
});
