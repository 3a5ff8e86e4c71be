import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { DEMO_TEST_TC04 } from "../../src/demo/training.ts";
import { type BrowserSession, chromiumMissing, startBrowserSession } from "./support.ts";

describe("browser: training, enrolment and knowledge test", { skip: chromiumMissing }, () => {
  let s: BrowserSession;
  before(async () => {
    s = await startBrowserSession();
  });
  after(() => s?.close());

  const nav = () => s.page.getByRole("navigation", { name: "Navigation principale" });

  test("an intervenant takes the test of an ended session and sees the training validated and their CISJ path move on", async () => {
    const { page } = s;
    await s.login("intervenant@demo.parcours.fr");
    await nav().getByRole("link", { name: "Mon parcours CISJ" }).click();
    assert.match((await page.locator("main").textContent()) ?? "", /6 sur 9 formations validées/);
    await s.screenshot("training-00-parcours-avant");
    await nav().getByRole("link", { name: "Formations" }).click();
    await page.getByRole("heading", { name: "Formations", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "Tronc commun (TC)" }).waitFor();
    await s.expectAccessible("catalogue");
    await s.screenshot("training-01-catalogue");

    await page.getByRole("link", { name: "Mes inscriptions" }).click();
    await page.getByRole("heading", { name: "Mes inscriptions" }).waitFor();
    await s.expectAccessible("mes inscriptions");
    await s.screenshot("training-02-mes-inscriptions");

    await page.getByRole("link", { name: /Passer le test de la formation TC04/ }).click();
    await page.getByRole("heading", { name: "Test d'évaluation des connaissances" }).waitFor();
    await s.expectAccessible("test");

    // Send it incomplete first: the errors are listed and the page stays accessible.
    await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
    await page.getByRole("alert").waitFor();
    assert.match(await page.title(), /^Erreur : /);
    await s.expectAccessible("test en erreur");

    for (const [index, question] of DEMO_TEST_TC04.entries()) {
      const group = page.getByRole("group", { name: `Question ${index + 1} : ${question.prompt}` });
      for (const right of question.correct) {
        await group.getByLabel(question.choices[right] ?? "", { exact: true }).check();
      }
    }
    await s.screenshot("training-03-test");
    await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
    await page
      .getByText(/Test enregistré : 5 bonnes réponses sur 5, soit 100 %. La formation est validée./)
      .waitFor();
    await page.getByText("Validée (test ≥ 50 %)").first().waitFor();
    await s.expectAccessible("inscription validée");
    await s.screenshot("training-04-inscription-validee");

    await page.getByRole("link", { name: "Mes inscriptions" }).click();
    const row = page.getByRole("row").filter({ hasText: "TC04" });
    assert.match((await row.textContent()) ?? "", /Validée \(test ≥ 50 %\)/);

    await nav().getByRole("link", { name: "Mon parcours CISJ" }).click();
    const path = (await page.locator("main").textContent()) ?? "";
    assert.match(path, /7 sur 9 formations validées/);
    assert.match(path, /TC04/);
    await s.screenshot("training-05-parcours-apres");
  });

  test("an intervenant enrols in an upcoming session and lands on the waiting list of a full one", async () => {
    const { page } = s;
    await nav().getByRole("link", { name: "Formations" }).click();
    await page
      .getByRole("table", { name: "Formations Formation transversale" })
      .getByRole("link", { name: /TR05 – Laïcité et prévention de la radicalisation/ })
      .click();
    await page.getByRole("heading", { name: /TR05 – Laïcité/ }).waitFor();
    await s.expectAccessible("formation");
    await page.getByRole("link", { name: /^du / }).first().click();
    await page.getByRole("heading", { name: "Mon inscription" }).waitFor();
    await s.expectAccessible("session");
    await page.getByLabel("Compte personnel de formation (CPF)").check();
    await page.getByRole("button", { name: "M'inscrire" }).click();
    await page.getByRole("alert").waitFor();
    await page.getByText("n'est pas finançable par le CPF").first().waitFor();
    await s.expectAccessible("session en erreur");
    await page.getByLabel("Plan de développement des compétences de l'employeur").check();
    await page.getByRole("button", { name: "M'inscrire" }).click();
    await page.getByText("Votre inscription est enregistrée.").waitFor();
    await s.screenshot("training-05-session-inscrite");

    await nav().getByRole("link", { name: "Formations" }).click();
    await page
      .getByRole("table", { name: "Prochaines sessions" })
      .getByRole("link", { name: /MSJ06 – L'enquête sociale rapide/ })
      .click();
    await page.getByText("La session est complète").first().waitFor();
    await page.getByLabel("Fonds personnels").check();
    await page.getByRole("button", { name: "M'inscrire" }).click();
    await page
      .getByText(/liste d'attente, en position 3/)
      .first()
      .waitFor();
    await s.logout();
  });

  test("the training service writes a test, enters results and sees the waiting list", async () => {
    const { page } = s;
    await page.context().clearCookies();
    await s.login("formation@demo.parcours.fr");
    await nav().getByRole("link", { name: "Formations" }).click();
    await s.expectAccessible("catalogue (service formation)");
    await page.getByRole("link", { name: "Ajouter une formation" }).click();
    await page.getByRole("button", { name: "Enregistrer la formation" }).click();
    await page.getByRole("alert").waitFor();
    await s.expectAccessible("formulaire formation en erreur");

    await nav().getByRole("link", { name: "Formations" }).click();
    await page
      .getByRole("table", { name: "Formations Tronc commun" })
      .getByRole("link", { name: /TC05 – Approches criminologiques/ })
      .click();
    await page.getByRole("link", { name: "Rédiger le test" }).click();
    await page.getByLabel("Énoncé").fill("Que désigne la désistance ?");
    await page
      .getByRole("textbox", { name: "Réponse 1", exact: true })
      .fill("Le processus de sortie de la délinquance");
    await page
      .getByRole("textbox", { name: "Réponse 2", exact: true })
      .fill("Le refus de se présenter à une convocation");
    await page.getByRole("group", { name: "Bonnes réponses" }).getByLabel("Réponse 1").check();
    await page.getByRole("button", { name: "Ajouter la question" }).click();
    await page.getByText("La question a été ajoutée au test.").waitFor();
    await s.expectAccessible("rédaction du test");
    await s.screenshot("training-06-redaction-test");

    await page.getByRole("link", { name: "Retour à la formation" }).click();
    await page.getByRole("link", { name: "Programmer une session" }).click();
    await s.expectAccessible("formulaire session");

    await nav().getByRole("link", { name: "Formations" }).click();
    await page
      .getByRole("table", { name: "Prochaines sessions" })
      .getByRole("link", { name: /MSJ06 – L'enquête sociale rapide/ })
      .click();
    await page.getByRole("heading", { name: "Liste d'attente" }).waitFor();
    const waiting = page.getByRole("table", { name: "Liste d'attente" });
    assert.match((await waiting.textContent()) ?? "", /Karim Benali/);
    await s.expectAccessible("session (service formation)");
    await s.screenshot("training-07-session-liste-attente");

    await nav().getByRole("link", { name: "Formations" }).click();
    await page
      .getByRole("table", { name: "Formations Tronc commun" })
      .getByRole("link", { name: /TC04 – Posture professionnelle/ })
      .click();
    await page.getByRole("link", { name: /^du / }).first().click();
    await page.getByRole("link", { name: "Saisir les résultats" }).click();
    await page.getByRole("heading", { name: "Résultats" }).waitFor();
    await s.expectAccessible("résultats");
    await page.getByLabel("Score de Bruno Garnier au test (%)").fill("49,9");
    await page.getByRole("button", { name: "Enregistrer les résultats" }).click();
    await page.getByText("Les résultats ont été enregistrés").waitFor();
    await page.getByText("Non validée (test < 50 %)").first().waitFor();
    await s.screenshot("training-08-resultats");
    await s.logout();
  });

  test("a direction follows the enrolments of its staff", async () => {
    const { page } = s;
    await page.context().clearCookies();
    await s.login("direction@demo.parcours.fr");
    await nav().getByRole("link", { name: "Formations" }).click();
    await page.getByRole("link", { name: "Inscriptions de l'équipe" }).click();
    await page.getByRole("heading", { name: "Inscriptions de l'équipe" }).waitFor();
    await s.expectAccessible("inscriptions de l'équipe");
    const text = (await page.getByRole("main").textContent()) ?? "";
    assert.match(text, /Inès Martin/);
    assert.doesNotMatch(text, /Thomas Schmitt/);
    await s.logout();
  });
});
