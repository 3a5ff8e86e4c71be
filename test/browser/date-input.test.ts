import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type BrowserSession, chromiumMissing, fillDate, startBrowserSession } from "./support.ts";

describe("browser: a date typed freely as day, month and year", { skip: chromiumMissing }, () => {
  let s: BrowserSession;
  before(async () => {
    s = await startBrowserSession();
  });
  after(() => s?.close());

  test("29/02/1990 is refused at the field with the typed parts kept; 29/02/1992 is saved", async () => {
    const { page, baseUrl } = s;
    await s.login("intervenant@demo.parcours.fr");
    await page.goto(`${baseUrl}/personnes/nouvelle`);
    await page.getByLabel("Nom de naissance").fill("Bissextile");
    await page.getByLabel("Prénom(s)").fill("Février");
    const birth = page.getByRole("group", { name: "Date de naissance (facultatif)" });
    assert.equal(await birth.getByLabel("Jour").getAttribute("inputmode"), "numeric");
    await fillDate(page, "Date de naissance (facultatif)", "29/2/1990");
    await page.getByRole("button", { name: "Enregistrer la personne" }).click();

    await page.getByRole("alert").waitFor();
    assert.match(await page.title(), /^Erreur : /);
    const message = "La date de naissance doit être une vraie date";
    assert.match((await page.getByRole("alert").textContent()) ?? "", new RegExp(message));
    assert.match((await birth.textContent()) ?? "", new RegExp(message));
    assert.equal(await birth.getByLabel("Jour").inputValue(), "29");
    assert.equal(await birth.getByLabel("Mois").inputValue(), "2");
    assert.equal(await birth.getByLabel("Année").inputValue(), "1990");
    assert.equal(await page.getByLabel("Nom de naissance").inputValue(), "Bissextile");
    await s.expectAccessible("date de naissance impossible");
    await s.screenshot("date-29-fevrier-1990");

    // The link of the error summary leads to the day of the date field.
    await page.getByRole("alert").getByRole("link", { name: message }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("name")), "birthDate-jour");

    await birth.getByLabel("Année").fill("1992");
    await page.getByRole("button", { name: "Enregistrer la personne" }).click();
    await page.getByRole("heading", { name: "BISSEXTILE Février" }).waitFor();
    assert.match((await page.locator("main").textContent()) ?? "", /29\/02\/1992/);
    assert.match((await page.locator("main").textContent()) ?? "", /La personne a été enregistrée/);
  });
});
