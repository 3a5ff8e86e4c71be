import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  type CandidateForMatch,
  type CandidateMatchReason,
  candidateMatchReason,
  mentionsAppliedAgain,
} from "./duplicate-rules.ts";
import type { Mention } from "./reference.ts";

const c = (lastName: string, firstName: string, birthDate: string, email: string | null = null) => ({
  lastName,
  firstName,
  birthDate,
  email,
});

describe("is the candidate entered likely one already recorded?", () => {
  const cases: [string, CandidateForMatch, CandidateForMatch, CandidateMatchReason | null][] = [
    ["accents", c("Lagarde", "Éloïse", "1985-04-12"), c("LAGARDE", "Eloise", "1985-04-12"), "identite"],
    [
      "hyphens and swapped compound names",
      c("Martin", "Dupont-Durand", "1979-11-30"),
      c("Dupont Durand", "Martin", "1979-11-30"),
      "identite",
    ],
    [
      "the same e-mail, another spelling and a wrong birth date",
      c("Ngo", "Maelle", "1988-02-14", "maelle.duval@exemple.fr"),
      c("Duval-Ngô", "Maëlle", "1988-12-14", "Maelle.Duval@exemple.fr"),
      "email",
    ],
    [
      "same name, another birth date, no e-mail",
      c("Lagarde", "Éloïse", "1985-04-12"),
      c("Lagarde", "Éloïse", "1986-04-12"),
      null,
    ],
    [
      "different people born the same day",
      c("Tps", "Éloïse", "1985-04-12"),
      c("Tmp", "Éloïse", "1985-04-12"),
      null,
    ],
    [
      "no e-mail on either side is not the same e-mail",
      c("Colin", "Paul", "1990-01-01", null),
      c("Morel", "Anne", "1970-01-01", null),
      null,
    ],
  ];
  for (const [label, entered, recorded, expected] of cases) {
    test(`${label}: ${expected ?? "another person"}`, () =>
      assert.equal(candidateMatchReason(entered, recorded), expected));
  }
});

describe("the certificates applied for again", () => {
  const cases: [Mention[], Mention[], Mention[]][] = [
    [["MJPM"], ["MJPM"], ["MJPM"]],
    [["MJPM", "MAJ"], ["MAJ", "MJAGBF"], ["MAJ"]],
    [["MJAGBF"], ["MJPM", "MAJ"], []],
    [["MJPM"], [], []],
  ];
  for (const [requested, recorded, expected] of cases) {
    test(`${requested.join("+")} after ${recorded.join("+") || "nothing"} → ${expected.join("+") || "none"}`, () =>
      assert.deepEqual(mentionsAppliedAgain(requested, recorded), expected));
  }
});
