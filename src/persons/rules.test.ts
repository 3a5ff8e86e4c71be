import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  DUPLICATE_NAME_THRESHOLD,
  duplicateConfirmed,
  type IdentityForMatch,
  isLikelySamePerson,
  nameKey,
  normalizeName,
  trigramSimilarity,
} from "./rules.ts";

describe("a name as compared", () => {
  const cases: [string, string][] = [
    ["Éloïse Lefèvre", "eloise lefevre"],
    ["Jean-Pierre", "jean pierre"],
    ["N'Diaye", "n diaye"],
    ["N’Diaye", "n diaye"],
    ["  Le   Goff-Éluard ", "le goff eluard"],
    ["Cœur Lætitia", "coeur laetitia"],
    ["ZOË", "zoe"],
    ["Nguyên", "nguyen"],
  ];
  for (const [input, expected] of cases) {
    test(`« ${input} » → « ${expected} »`, () => assert.equal(normalizeName(input), expected));
  }

  test("the words of a compound name are compared in any order", () => {
    assert.equal(nameKey("Martin Dupont-Durand"), nameKey("Dupont Durand Martin"));
    assert.notEqual(nameKey("Martin Dupont"), nameKey("Martin Durand"));
  });
});

describe("trigram similarity of full names", () => {
  const cases: [string, string, number][] = [
    ["Lefèvre Éloïse", "Lefevre Eloise", 1],
    ["Dupont Marie", "Marie Dupont", 1],
    ["Lefèvre Éloïse", "Lefebvre Éloïse", 13 / 18],
    ["Martin Lucas", "Martin Léa", 0.5],
    ["Durand Paul", "Lefèvre Agnès", 0],
    ["", "Durand Paul", 0],
  ];
  for (const [a, b, expected] of cases) {
    test(`« ${a} » / « ${b} » = ${expected.toFixed(2)}`, () =>
      assert.ok(Math.abs(trigramSimilarity(a, b) - expected) < 1e-9, String(trigramSimilarity(a, b))));
  }
});

const person = (lastName: string, firstName: string, birthDate: string | null, usedName?: string) => ({
  lastName,
  firstName,
  birthDate,
  usedName: usedName ?? null,
});

describe("is the person entered likely one already recorded?", () => {
  const cases: [string, IdentityForMatch, IdentityForMatch, boolean][] = [
    ["accents", person("Lefèvre", "Éloïse", "1990-03-12"), person("Lefevre", "Eloise", "1990-03-12"), true],
    [
      "hyphen or space in a given name",
      person("Bernard", "Jean-Pierre", "1985-06-01"),
      person("Bernard", "Jean Pierre", "1985-06-01"),
      true,
    ],
    [
      "swapped compound names",
      person("Martin", "Dupont-Durand", "1979-11-30"),
      person("Dupont Durand", "Martin", "1979-11-30"),
      true,
    ],
    [
      "given and family names swapped",
      person("Kevin", "Morel", "2001-02-03"),
      person("Morel", "Kévin", "2001-02-03"),
      true,
    ],
    ["apostrophe", person("N'Diaye", "Awa", "1995-08-15"), person("Ndiaye", "Awa", "1995-08-15"), true],
    [
      "a typo in the family name",
      person("Lefebvre", "Agnès", "1970-01-20"),
      person("Lefèvre", "Agnès", "1970-01-20"),
      true,
    ],
    [
      "entered under the used name of the record",
      person("Moreau", "Sophie", "1982-04-04"),
      person("Leroy", "Sophie", "1982-04-04", "Moreau"),
      true,
    ],
    [
      "different people born the same day",
      person("Durand", "Paul", "1990-03-12"),
      person("Lefèvre", "Agnès", "1990-03-12"),
      false,
    ],
    [
      "twins: same family name, other given name",
      person("Martin", "Lucas", "2004-09-09"),
      person("Martin", "Léa", "2004-09-09"),
      false,
    ],
    [
      "same name, another birth date",
      person("Lefèvre", "Éloïse", "1990-03-12"),
      person("Lefèvre", "Éloïse", "1991-03-12"),
      false,
    ],
    [
      "no birth date entered: the same words of the name",
      person("Dupont-Durand", "Martin", null),
      person("Dupont Durand", "Martin", "1979-11-30"),
      true,
    ],
    [
      "no birth date recorded: the same words of the name",
      person("Lefevre", "Eloise", "1990-03-12"),
      person("Lefèvre", "Éloïse", null),
      true,
    ],
    [
      "no birth date: a close name is not enough",
      person("Lefebvre", "Agnès", null),
      person("Lefèvre", "Agnès", null),
      false,
    ],
  ];
  for (const [label, entered, recorded, expected] of cases) {
    test(`${label}: ${expected ? "likely the same" : "not the same"}`, () =>
      assert.equal(isLikelySamePerson(entered, recorded), expected));
  }

  test("the threshold sits between twins (0.5) and a typo (0.72)", () => {
    assert.ok(DUPLICATE_NAME_THRESHOLD > 0.5 && DUPLICATE_NAME_THRESHOLD <= 0.72);
  });
});

describe("« Créer quand même »", () => {
  const cases: [Record<string, unknown>, boolean][] = [
    [{ confirmDuplicate: "1" }, true],
    [{}, false],
    [{ confirmDuplicate: "0" }, false],
    [{ confirmDuplicate: ["1", "1"] }, false],
  ];
  for (const [values, expected] of cases) {
    test(`${JSON.stringify(values)} → ${expected}`, () => assert.equal(duplicateConfirmed(values), expected));
  }
});
