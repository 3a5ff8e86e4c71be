import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type BrowserSession, chromiumMissing, fillDate, startBrowserSession } from "./support.ts";

describe("browser: the CISJ path, dossier, certificate and statistics", { skip: chromiumMissing }, () => {
  let s: BrowserSession;
  before(async () => {
    s = await startBrowserSession();
  });
  after(() => s?.close());

  const nav = (name: string) =>
    s.page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name });

  test("an intervenant follows their path and their dossier", async () => {
    const { page } = s;
    await s.login("intervenant.adultes@demo.parcours.fr");
    await nav("Mon parcours CISJ").click();
    await page.getByRole("heading", { name: "Mon parcours CISJ", level: 1 }).waitFor();
    assert.match((await page.locator("main").textContent()) ?? "", /9 sur 9 formations validées/);
    assert.match((await page.locator("main").textContent()) ?? "", /en plus \(ne compte pas deux fois\)/);
    await s.expectAccessible("mon parcours CISJ");
    await s.screenshot("cisj-01-mon-parcours");
    // A mémoire that is not a PDF is refused, in French, next to the field.
    await page.getByLabel("Remplacer le mémoire (PDF)").setInputFiles({
      name: "memoire.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("pas un PDF"),
    });
    await page.getByRole("button", { name: "Remplacer le mémoire", exact: true }).click();
    await page.getByRole("alert").waitFor();
    assert.match(await page.title(), /^Erreur : /);
    await s.expectAccessible("mon parcours, mémoire refusé");
    await s.logout();
  });

  test("a certified intervenant finds their certificate", async () => {
    const { page } = s;
    await s.login("intervenant.mineurs@demo.parcours.fr");
    await nav("Mon parcours CISJ").click();
    await page.getByText("CISJ-2025-00001").first().waitFor();
    await s.expectAccessible("parcours certifié");
    await s.logout();
  });

  test("the direction follows the staff's paths", async () => {
    const { page } = s;
    await s.login("direction@demo.parcours.fr");
    await nav("Formation de l'équipe").click();
    await page.getByRole("heading", { name: "Formation de l'équipe" }).waitFor();
    await s.expectAccessible("formation de l'équipe");
    await s.screenshot("cisj-02-equipe");
    await page.getByRole("link", { name: "Sophie NGUYEN" }).click();
    await page.getByRole("heading", { name: "Parcours CISJ de Sophie NGUYEN" }).waitFor();
    await s.expectAccessible("parcours d'un membre de l'équipe");
    await s.logout();
  });

  test("the training service works on a dossier and reads the statistics", async () => {
    const { page } = s;
    await s.login("formation@demo.parcours.fr");
    await nav("Dossiers CISJ").click();
    await page.getByRole("heading", { name: "Dossiers CISJ", level: 1 }).waitFor();
    await s.expectAccessible("dossiers CISJ");
    await s.screenshot("cisj-03-dossiers");
    await page.getByRole("link", { name: "Sophie NGUYEN" }).first().click();
    await page.getByRole("heading", { name: "Dossier CISJ de Sophie NGUYEN" }).waitFor();
    await s.expectAccessible("dossier CISJ");
    await s.screenshot("cisj-04-dossier");
    // Planning the soutenance with parts missing and a single jury member is refused.
    await fillDate(page, "Date de la soutenance", "2026-06-12");
    await page.getByLabel("Nom du membre 1").fill("Mme Odile Marchand");
    await page.getByLabel("Fonction du membre 1").fill("Juge de l'application des peines");
    await page.getByRole("button", { name: "Planifier la soutenance" }).click();
    await page.getByRole("alert").waitFor();
    const alert = (await page.getByRole("alert").textContent()) ?? "";
    assert.match(alert, /il manque/);
    assert.match(alert, /au moins 2 professionnels/);
    await s.expectAccessible("dossier CISJ en erreur");
    // An équivalence with its reason.
    await page.getByLabel("Formation remplacée").selectOption({ index: 1 });
    await page.getByLabel("Motif de l'équivalence").fill("Formation suivie auprès d'un autre organisme");
    await page.getByRole("button", { name: "Enregistrer l'équivalence" }).click();
    await page.getByText("L'équivalence a été enregistrée.").waitFor();

    await nav("Statistiques de formation").click();
    await page.getByRole("heading", { name: "Statistiques de formation" }).waitFor();
    await page.getByRole("img", { name: /Graphique : taux de réussite/ }).waitFor();
    await s.expectAccessible("statistiques de formation");
    await s.screenshot("cisj-05-statistiques");
    await s.logout();
  });

  test("anyone verifies a certificate by its number, without logging in", async () => {
    const { page, baseUrl } = s;
    await page.goto(`${baseUrl}/certificats/verifier`);
    await s.expectAccessible("vérification (formulaire)");
    await page.getByLabel("Numéro de certificat").fill("CISJ-2025-00001");
    await page.getByRole("button", { name: "Vérifier" }).click();
    await page.getByRole("heading", { name: "Certificat n° CISJ-2025-00001" }).waitFor();
    const main = (await page.locator("main").textContent()) ?? "";
    assert.match(main, /Karim BENALI/);
    assert.match(main, /12\/06\/2025/);
    assert.match(main, /Valide/);
    assert.doesNotMatch(main, /Association|jury|mémoire/i);
    await s.expectAccessible("vérification (résultat)");
    await s.screenshot("cisj-06-verification");
    await page.getByLabel("Numéro de certificat").fill("CISJ-2025-09999");
    await page.getByRole("button", { name: "Vérifier" }).click();
    await page.getByText("Aucun certificat ne porte le numéro CISJ-2025-09999").waitFor();
    await s.expectAccessible("vérification (inconnu)");
    await page.getByLabel("Numéro de certificat").fill("n'importe quoi");
    await page.getByRole("button", { name: "Vérifier" }).click();
    await page.getByRole("alert").waitFor();
    await s.expectAccessible("vérification (numéro mal formé)");
  });
});
