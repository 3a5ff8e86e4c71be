import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Locator } from "playwright-core";
import { addCalendarDays } from "../../src/deadlines/rules.ts";
import { demoPdf } from "../../src/demo/obligations.ts";
import { todayInParis } from "../../src/platform/request-context.ts";
import { type BrowserSession, chromiumMissing, fillDate, startBrowserSession } from "./support.ts";

const textOf = async (locator: Locator) => (await locator.textContent()) ?? "";

describe("browser: obligations, proofs and incidents of a measure", { skip: chromiumMissing }, () => {
  let s: BrowserSession;
  before(async () => {
    s = await startBrowserSession();
  });
  after(() => s?.close());

  test("an intervenant adds an obligation, uploads a proof, records a finding and an incident", async () => {
    const { page } = s;
    const today = todayInParis();
    await s.login("intervenant@demo.parcours.fr");

    // From the caseload to a CJSE measure and its Obligations tab.
    await page.getByLabel("Type de mesure").selectOption("cjse");
    await page.getByRole("button", { name: "Filtrer" }).click();
    await page.waitForURL(/typeCode=cjse/);
    await page.getByRole("table").getByRole("link").first().click();
    const tabs = page.getByRole("navigation", { name: "Sections de la mesure" });
    await tabs.getByRole("link", { name: "Obligations" }).click();
    await page.getByRole("heading", { name: "Obligations et interdictions" }).waitFor();
    assert.match(await textOf(page.getByRole("table")), /art\. 138 CPP/);
    await s.expectAccessible("obligations de la mesure");
    await s.screenshot("obligations-01-liste");

    // A new obligation from the art. 138 CPP list.
    await page.getByRole("link", { name: "Ajouter une obligation" }).click();
    await page.getByRole("heading", { name: "Ajouter une obligation" }).waitFor();
    await s.expectAccessible("nouvelle obligation");
    await page.getByRole("button", { name: "Enregistrer l'obligation" }).click();
    await page.getByRole("alert").waitFor();
    assert.match(await textOf(page.getByRole("alert")), /Choisissez une obligation dans la liste légale/);
    await s.expectAccessible("nouvelle obligation en erreur");
    await page.getByLabel("Obligation de la liste légale").selectOption("cpp138-14");
    await page.getByLabel("Précisions (facultatif)").fill("Remise des armes au greffe sous huit jours");
    await fillDate(page, "Premier justificatif attendu le", addCalendarDays(today, 7));
    await page.getByLabel("Puis un justificatif tous les (jours, facultatif)").fill("");
    await page.getByRole("button", { name: "Enregistrer l'obligation" }).click();
    await page.getByText("L'obligation « Ne pas détenir ou porter une arme » est enregistrée.").waitFor();
    assert.match(await textOf(page.locator(".summary-list")), /art\. 138 CPP, 14°/);
    await s.expectAccessible("obligation");

    // A proof: a wrong file first, then the PDF.
    await page.getByLabel("Nature du justificatif").selectOption("recu_versement");
    await page.getByLabel("Description (facultatif)").fill("Récépissé de remise au greffe");
    await page.getByLabel("Fichier (facultatif)").setInputFiles({
      name: "recepisse.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("pas un PDF"),
    });
    await page.getByRole("button", { name: "Enregistrer le justificatif" }).click();
    await page.getByRole("alert").waitFor();
    assert.match(
      await textOf(page.getByRole("alert")),
      /Le fichier doit être un PDF, une image JPEG ou une image PNG/,
    );
    await s.expectAccessible("justificatif en erreur");
    assert.equal(
      await page.getByLabel("Description (facultatif)").inputValue(),
      "Récépissé de remise au greffe",
    );
    await page.getByLabel("Fichier (facultatif)").setInputFiles({
      name: "récépissé-greffe.pdf",
      mimeType: "application/pdf",
      buffer: demoPdf("Recepisse", ["Greffe du tribunal (fictif)"]),
    });
    await page.getByRole("button", { name: "Enregistrer le justificatif" }).click();
    await page.getByText("Le justificatif et son fichier sont enregistrés.").waitFor();
    const link = page.getByRole("link", { name: /récépissé-greffe\.pdf/ });
    const href = await link.getAttribute("href");
    assert.match(href ?? "", /^\/fichiers\/[0-9a-f-]{36}$/);
    const download = await page.request.get(`${s.baseUrl}${href}`);
    assert.equal(download.status(), 200);
    assert.equal(download.headers()["content-type"], "application/pdf");
    assert.match((await download.body()).subarray(0, 5).toString("latin1"), /^%PDF-/);

    // A finding for the period proposed.
    await page.getByLabel("Respectée", { exact: true }).check();
    await page.getByLabel("Note (facultatif)").fill("Récépissé présenté en entretien.");
    await page.getByRole("button", { name: "Enregistrer le constat" }).click();
    await page.getByText("Le constat est enregistré.").waitFor();
    await s.expectAccessible("obligation avec justificatif et constat");
    await s.screenshot("obligations-02-obligation");

    await page
      .getByRole("navigation", { name: "Fil d'Ariane" })
      .getByRole("link", { name: "Obligations" })
      .click();
    const row = page.getByRole("row").filter({ hasText: "Ne pas détenir ou porter une arme" });
    assert.match(await textOf(row), /Respectée/);

    // An incident, then the prompt to report it to the magistrate.
    await tabs.getByRole("link", { name: "Incidents" }).click();
    await page.getByRole("heading", { name: "Incidents", exact: true }).waitFor();
    await s.expectAccessible("incidents");
    await page.getByRole("link", { name: "Déclarer un incident" }).click();
    await s.expectAccessible("nouvel incident");
    await page.getByLabel("Non-respect d'une obligation").check();
    await page
      .getByLabel("Description", { exact: true })
      .fill("Une arme de chasse a été vue à son domicile lors de la visite.");
    await page
      .getByLabel("Obligation concernée (facultatif)")
      .selectOption({ label: "Ne pas détenir ou porter une arme" });
    await page.getByRole("button", { name: "Enregistrer l'incident" }).click();
    await page.getByText("L'incident est enregistré.").waitFor();
    const report = page.getByRole("link", { name: "Rédiger le rapport d'incident" });
    assert.match(
      (await report.getAttribute("href")) ?? "",
      /\/ecrits\/nouveau\?type=rapport_incident&incident=[0-9a-f-]{36}$/,
    );
    assert.match(await textOf(page.getByRole("table")), /À signaler au magistrat/);
    await s.expectAccessible("incident enregistré");
    await s.screenshot("obligations-03-incident");
  });
});
