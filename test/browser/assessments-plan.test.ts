import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { addCalendarDays } from "../../src/deadlines/rules.ts";
import { todayInParis } from "../../src/platform/request-context.ts";
import { type BrowserSession, chromiumMissing, fillDate, startBrowserSession } from "./support.ts";

describe("browser: partners, action plan and assessment", { skip: chromiumMissing }, () => {
  let s: BrowserSession;
  const today = todayInParis();
  before(async () => {
    s = await startBrowserSession();
    await s.login("intervenant@demo.parcours.fr");
  });
  after(() => s?.close());

  test("the partners' directory: filter, read, add a magistrate", async () => {
    const { page } = s;
    await page
      .getByRole("navigation", { name: "Navigation principale" })
      .getByRole("link", { name: "Partenaires" })
      .click();
    await page.getByRole("heading", { name: "Partenaires", level: 1 }).waitFor();
    await s.expectAccessible("annuaire des partenaires");
    await s.screenshot("assessments-plan-01-partenaires");

    await page.getByLabel("Type de partenaire").selectOption("soins");
    await page.getByRole("button", { name: "Filtrer" }).click();
    await page.getByText("2 partenaires de type « Soins »").waitFor();
    await page.getByRole("link", { name: "CSAPA Les Tilleuls" }).click();
    await page.getByRole("heading", { name: "CSAPA Les Tilleuls" }).waitFor();
    await s.expectAccessible("fiche partenaire");
    await page.getByRole("link", { name: "Modifier le partenaire" }).click();
    await s.expectAccessible("modifier un partenaire");
    await page.getByRole("link", { name: "Annuler" }).click();

    await page.getByRole("link", { name: "Partenaires" }).first().click();
    await page.getByRole("link", { name: "Ajouter un partenaire" }).click();
    await page.getByLabel("Type de partenaire").selectOption("magistrat");
    await page.getByLabel("Nom", { exact: true }).fill("Cabinet du juge des enfants n° 1");
    await page.getByRole("button", { name: "Enregistrer le partenaire" }).click();
    await page.getByRole("alert").waitFor();
    assert.match(await page.title(), /^Erreur : /);
    await s.expectAccessible("partenaire en erreur");
    await page.getByLabel("Fonction du magistrat").selectOption("Juge des enfants");
    await page.getByLabel("Juridiction").selectOption("tj33063");
    await page.getByLabel("Téléphone (facultatif)").fill("01 99 00 33 44");
    await page.getByRole("button", { name: "Enregistrer le partenaire" }).click();
    await page.getByText("Le partenaire a été ajouté à l'annuaire.").waitFor();
    await page.getByText("Tribunal judiciaire de Bordeaux").waitFor();
  });

  test("from a late action on the caseload to the measure's plan: add an objective and an action, start it", async () => {
    const { page } = s;
    await page
      .getByRole("navigation", { name: "Navigation principale" })
      .getByRole("link", { name: "Mesures en cours" })
      .click();
    await page
      .getByRole("link", { name: /^Action : / })
      .first()
      .click();
    await page.getByRole("heading", { name: "Plan d'action", level: 1 }).waitFor();
    await page
      .getByText(/actions? en retard/)
      .first()
      .waitFor();
    await s.expectAccessible("plan d'action");
    await s.screenshot("assessments-plan-02-plan");

    await page.getByRole("link", { name: "Ajouter un objectif" }).click();
    await page.getByRole("button", { name: "Ajouter l'objectif" }).click();
    await page.getByRole("alert").waitFor();
    await s.expectAccessible("objectif en erreur");
    await page.getByLabel("Domaine").selectOption("famille");
    await page.getByLabel("Objectif", { exact: true }).fill("Renouer avec les enfants");
    await fillDate(page, "Échéance (facultatif)", addCalendarDays(today, 90));
    await page.getByRole("button", { name: "Ajouter l'objectif" }).click();
    await page.getByText("L'objectif a été ajouté au plan d'action.").waitFor();

    await page.getByRole("link", { name: "Ajouter une action : Renouer avec les enfants" }).click();
    await s.expectAccessible("formulaire action");
    await page.getByLabel("Action", { exact: true }).fill("Rencontre avec le service de médiation familiale");
    await page
      .getByLabel("Partenaire (facultatif)")
      .selectOption({ label: "Association Pas à Pas – insertion (Association)" });
    await fillDate(page, "Échéance", addCalendarDays(today, 14), { exact: true });
    await page.getByRole("button", { name: "Ajouter l'action" }).click();
    await page.getByText("L'action a été ajoutée.").waitFor();
    await page
      .getByRole("button", { name: "Commencer : Rencontre avec le service de médiation familiale" })
      .click();
    await page
      .getByText("L'action « Rencontre avec le service de médiation familiale » est en cours.")
      .waitFor();
    await s.expectAccessible("plan après changement de statut");

    await page.getByRole("link", { name: "Modifier l'objectif : Renouer avec les enfants" }).click();
    await page.getByRole("group", { name: "Statut" }).getByLabel("Atteint").check();
    await page.getByRole("button", { name: "Enregistrer l'objectif" }).click();
    await page.getByText("Une action est encore à faire ou en cours").first().waitFor();
    await s.expectAccessible("objectif en erreur de statut");
    await page.getByRole("link", { name: "Annuler" }).click();
    await s.screenshot("assessments-plan-03-plan-modifie");
  });

  test("the assessment tab: the latest situation, a new assessment prefilled from it, one assessment in full", async () => {
    const { page } = s;
    await page
      .getByRole("navigation", { name: "Sections de la mesure" })
      .getByRole("link", { name: "Évaluation" })
      .click();
    await page.getByRole("heading", { name: "Évaluation de la situation" }).waitFor();
    await s.expectAccessible("évaluation");

    await page.getByRole("link", { name: "Nouvelle évaluation" }).click();
    await s.expectAccessible("formulaire évaluation");
    const housing = page.getByRole("group", { name: "Logement", exact: true });
    await housing.getByLabel("Difficulté majeure", { exact: true }).check();
    await housing.getByLabel("Besoins").fill("");
    await page.getByRole("button", { name: "Enregistrer l'évaluation" }).click();
    await page.getByRole("alert").waitFor();
    await page.getByRole("link", { name: /Précisez les besoins pour le domaine « Logement »/ }).waitFor();
    await s.expectAccessible("évaluation en erreur");
    await housing.getByLabel("Besoins").fill("Expulsion annoncée : saisir la commission de prévention.");
    const psychic = page.getByRole("group", { name: "Santé psychique", exact: true });
    await psychic.getByLabel("Pas de difficulté", { exact: true }).check();
    await page.getByRole("button", { name: "Enregistrer l'évaluation" }).click();
    await page.getByText("L'évaluation a été enregistrée.").waitFor();
    const row = page.getByRole("row").filter({ hasText: "Logement" }).first();
    assert.match((await row.textContent()) ?? "", /Difficulté majeure/);
    await s.expectAccessible("évaluation avec évolution");
    await s.screenshot("assessments-plan-04-evaluation");

    await page.getByRole("link", { name: /^Lire l'évaluation complète/ }).click();
    await page.getByRole("heading", { name: /^Évaluation du /, level: 1 }).waitFor();
    await page.getByText("Expulsion annoncée : saisir la commission de prévention.").first().waitFor();
    await s.expectAccessible("une évaluation");
    await s.screenshot("assessments-plan-05-une-evaluation");
  });
});
