import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  countOutOf,
  elide,
  genderOf,
  notProvided,
  plural,
  pluralWord,
  startsWithVowelSound,
} from "./french.ts";

describe("plural: 0 and 1 are singular in French", () => {
  const cases: [number, string, string | undefined, string][] = [
    [0, "jour", undefined, "0 jour"],
    [1, "jour", undefined, "1 jour"],
    [2, "jour", undefined, "2 jours"],
    [0, "accès enregistré", "accès enregistrés", "0 accès enregistré"],
    [1, "accès enregistré", "accès enregistrés", "1 accès enregistré"],
    [2, "accès enregistré", "accès enregistrés", "2 accès enregistrés"],
    [0, "bonne réponse", "bonnes réponses", "0 bonne réponse"],
    [1, "bonne réponse", "bonnes réponses", "1 bonne réponse"],
    [2, "bonne réponse", "bonnes réponses", "2 bonnes réponses"],
    [12, "cheval", "chevaux", "12 chevaux"],
  ];
  for (const [n, one, many, expected] of cases) {
    test(`${n} ${one} → ${expected}`, () => {
      assert.equal(plural(n, one, many), expected);
    });
  }

  test("a phrase for zero replaces the count", () => {
    assert.equal(plural(0, "dossier", "dossiers", { zero: "Aucun dossier" }), "Aucun dossier");
    assert.equal(plural(1, "dossier", "dossiers", { zero: "Aucun dossier" }), "1 dossier");
  });

  test("the word alone", () => {
    assert.deepEqual(
      [0, 1, 2].map((n) => pluralWord(n, "place libre", "places libres")),
      ["place libre", "place libre", "places libres"],
    );
  });

  test("a count out of a total agrees with the count", () => {
    assert.deepEqual(
      [0, 1, 2].map((n) => countOutOf(n, 16, "inscrit·e", "inscrit·es")),
      ["0 inscrit·e sur 16", "1 inscrit·e sur 16", "2 inscrit·es sur 16"],
    );
  });
});

describe("elision", () => {
  const cases: [string, string, string][] = [
    ["de", "Inès", "d'Inès"],
    ["de", "Paul", "de Paul"],
    ["de", "Émilie", "d'Émilie"],
    ["de", "Yann", "d'Yann"],
    ["De", "Océane", "D'Océane"],
    ["de", "Hélène", "d'Hélène"],
    ["de", "hébergement", "d'hébergement"],
    ["de", "Hollande", "de Hollande"],
    ["de", "Hamid", "de Hamid"],
    ["le", "incident", "l'incident"],
    ["que", "il", "qu'il"],
    ["pour", "Inès", "pour Inès"],
  ];
  for (const [article, word, expected] of cases) {
    test(`${article} + ${word} → ${expected}`, () => {
      assert.equal(elide(article, word), expected);
    });
  }

  test("silent h only from the short list, with its derived forms", () => {
    assert.equal(startsWithVowelSound("heures"), true);
    assert.equal(startsWithVowelSound("Hugo"), true);
    assert.equal(startsWithVowelSound("hibou"), false);
    assert.equal(startsWithVowelSound(""), false);
  });
});

describe("« Non renseigné » agrees with its label", () => {
  const cases: [string, string][] = [
    ["Situation familiale", "Non renseignée"],
    ["Date de naissance", "Non renseignée"],
    ["Adresse", "Non renseignée"],
    ["Nom d'usage", "Non renseigné"],
    ["Téléphone", "Non renseigné"],
    ["Lieu de naissance", "Non renseigné"],
    ["Dispenses demandées", "Non renseignées"],
    ["Allègements demandés", "Non renseignés"],
  ];
  for (const [label, expected] of cases) {
    test(`${label} : ${expected}`, () => {
      assert.equal(notProvided(label), expected);
    });
  }

  test("a label can state its gender when its first word does not tell", () => {
    assert.equal(genderOf("E-mail"), "m");
    assert.equal(notProvided("Personne à prévenir", "f"), "Non renseignée");
  });
});
