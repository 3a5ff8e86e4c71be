import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { addCalendarDays } from "../../src/deadlines/rules.ts";
import { todayInParis } from "../../src/platform/request-context.ts";
import { type BrowserSession, chromiumMissing, fillDate, startBrowserSession } from "./support.ts";

describe("browser: appointments and the agenda", { skip: chromiumMissing }, () => {
  let s: BrowserSession;
  before(async () => {
    s = await startBrowserSession();
  });
  after(() => s?.close());

  test("an intervenant goes from the agenda to an appointment, plans one and records an absence", async () => {
    const { page } = s;
    await s.login("intervenant@demo.parcours.fr");
    await page
      .getByRole("navigation", { name: "Navigation principale" })
      .getByRole("link", { name: "Agenda" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Mon agenda" }).waitFor();
    await s.expectAccessible("agenda");
    await s.screenshot("rdv-01-agenda");

    await page.getByRole("link", { name: "Semaine suivante" }).click();
    await page.waitForURL(/semaine=/);
    await page.locator("table a").first().waitFor();
    await s.expectAccessible("agenda semaine suivante");
    await page.getByRole("link", { name: "Cette semaine", exact: true }).waitFor();
    await page.locator("table a").first().click();
    await page.getByText("La présence pourra être notée à partir du début du rendez-vous").waitFor();
    await s.expectAccessible("rendez-vous à venir");
    await s.screenshot("rdv-02-rendez-vous-a-venir");

    await page
      .getByRole("navigation", { name: "Sections de la mesure" })
      .getByRole("link", { name: "Rendez-vous" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Rendez-vous" }).waitFor();
    await s.expectAccessible("rendez-vous de la mesure");
    await s.screenshot("rdv-03-rendez-vous-mesure");

    await page.getByRole("link", { name: "Planifier un rendez-vous" }).click();
    await s.expectAccessible("formulaire rendez-vous");
    await page.getByRole("button", { name: "Enregistrer le rendez-vous" }).click();
    await page.getByRole("alert").waitFor();
    assert.match(await page.title(), /^Erreur : /);
    await s.expectAccessible("formulaire rendez-vous en erreur");
    const day = addCalendarDays(todayInParis(), 2);
    await fillDate(page, "Date", day, { exact: true });
    await page.getByLabel("Heure de début").fill("10:15");
    await page.getByLabel("En visioconférence").check();
    await page.getByLabel(/Précision sur le lieu/).fill("Lien envoyé par SMS");
    await s.screenshot("rdv-04-formulaire");
    await page.getByRole("button", { name: "Enregistrer le rendez-vous" }).click();
    await page.getByText(/Le rendez-vous du .* à 10:15 est enregistré/).waitFor();
    assert.match(
      (await page.locator("main").textContent()) ?? "",
      /En visioconférence – Lien envoyé par SMS/,
    );

    await page.getByRole("table", { name: "Rendez-vous passés" }).getByRole("link").first().click();
    await page.getByRole("heading", { name: "Présence" }).waitFor();
    const appointmentId = /\/rendez-vous\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname)?.[1];
    assert.ok(appointmentId, `adresse du rendez-vous : ${page.url()}`);
    // The page's title names the appointment's day and time: « Entretien du 12/03/2025 à 10:00 ».
    const title = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
    const [, dd = "", mm = "", yyyy = "", when = ""] =
      /du (\d{2})\/(\d{2})\/(\d{4}) (à \d{2}:\d{2})/.exec(title) ?? [];
    assert.ok(yyyy, `titre du rendez-vous : ${title}`);
    await s.expectAccessible("rendez-vous passé");
    await page.getByLabel("Absent·e").check();
    await page.getByLabel("Note (facultatif)").fill("Absent sans prévenir.");
    await page.getByRole("button", { name: "Enregistrer la présence" }).click();
    await page.getByText("La personne était absente").waitFor();
    const incident = page.getByRole("link", { name: "Déclarer un incident" });
    assert.match(
      (await incident.getAttribute("href")) ?? "",
      new RegExp(`^/mesures/[0-9a-f-]{36}/incidents/nouveau\\?rendezVous=${appointmentId}$`),
    );
    await s.expectAccessible("rendez-vous absence");
    await s.screenshot("rdv-05-absence");

    await page.getByRole("link", { name: "Modifier le rendez-vous" }).click();
    await page.getByRole("heading", { level: 1, name: "Modifier le rendez-vous" }).waitFor();
    await s.expectAccessible("modifier rendez-vous");
    await page.getByRole("link", { name: "Annuler" }).click();
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Ajouter à mon agenda (.ics)" }).click();
    const file = await download;
    assert.match(file.suggestedFilename(), /^rendez-vous-\d{4}-\d{2}-\d{2}\.ics$/);

    // « Déclarer un incident » opens the form filled from the absence: its day, its nature, the appointment.
    await page.getByRole("link", { name: "Déclarer un incident" }).click();
    await page.getByRole("heading", { level: 1, name: "Déclarer un incident" }).waitFor();
    const occurredOn = page.getByRole("group", { name: "Date de l'incident" });
    assert.equal(await occurredOn.getByLabel("Jour").inputValue(), dd);
    assert.equal(await occurredOn.getByLabel("Mois").inputValue(), mm);
    assert.equal(await occurredOn.getByLabel("Année").inputValue(), yyyy);
    assert.equal(await page.getByLabel("Absence à une convocation").isChecked(), true);
    const linked = page.getByLabel("Rendez-vous concerné (facultatif)");
    assert.equal(await linked.inputValue(), appointmentId);
    assert.match(
      (await linked.locator("option:checked").textContent()) ?? "",
      new RegExp(`du ${dd}/${mm}/${yyyy} ${when} \\(absent`),
    );
    await s.expectAccessible("incident prérempli depuis le rendez-vous");
    await s.screenshot("rdv-06-incident-prerempli");
  });

  test("a chef de service opens an intervenant's agenda", async () => {
    const { page } = s;
    await s.logout();
    await s.login("chef@demo.parcours.fr");
    await page
      .getByRole("navigation", { name: "Navigation principale" })
      .getByRole("link", { name: "Agenda" })
      .click();
    await page.getByLabel("Agenda de").selectOption({ label: "Inès Martin" });
    await page.getByRole("button", { name: "Afficher" }).click();
    await page.getByRole("heading", { level: 1, name: "Agenda d'Inès Martin" }).waitFor();
    await s.expectAccessible("agenda d'une intervenante");
    await s.screenshot("rdv-07-agenda-chef");
  });
});
