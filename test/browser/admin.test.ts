import { after, before, describe, test } from "node:test";
import { type BrowserSession, chromiumMissing, startBrowserSession } from "./support.ts";

describe("browser: the administrator's pages", { skip: chromiumMissing }, () => {
  let s: BrowserSession;
  before(async () => {
    s = await startBrowserSession();
  });
  after(() => s?.close());

  test("associations, accounts and reference data, from the navigation, accessible", async () => {
    const { page } = s;
    const nav = () => page.getByRole("navigation", { name: "Navigation principale" });
    await s.login("admin@demo.parcours.fr");
    await nav().getByRole("link", { name: "Associations" }).click();
    await page.getByRole("heading", { name: "Associations adhérentes" }).waitFor();
    await s.expectAccessible("associations");
    await page.getByRole("link", { name: "Ajouter une association" }).click();
    await page.getByRole("button", { name: "Enregistrer l'association" }).click();
    await page.getByRole("alert").waitFor();
    await s.expectAccessible("association en erreur");

    await nav().getByRole("link", { name: "Utilisateurs" }).click();
    await page.getByRole("heading", { name: "Utilisateurs" }).waitFor();
    await s.expectAccessible("utilisateurs");
    await page.getByRole("link", { name: "Créer un compte" }).click();
    await s.expectAccessible("créer un compte");

    await nav().getByRole("link", { name: "Référentiels à modifier" }).click();
    await page.getByRole("heading", { name: "Référentiels à modifier" }).waitFor();
    await s.expectAccessible("référentiels à modifier");
    await page.getByRole("link", { name: "Modifier : Contrôle judiciaire socio-éducatif" }).click();
    await page.getByLabel("Délai du rapport par défaut").fill("3");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByText("Le type de mesure a été modifié.").waitFor();
    await s.expectAccessible("référentiels modifiés");
    await s.screenshot("admin-referentiels");
  });
});
