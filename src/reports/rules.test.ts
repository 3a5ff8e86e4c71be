import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { MeasureStatus } from "../measures/rules.ts";
import type { ReportKind } from "../reference/data/measure-types.ts";
import {
  finalReportKind,
  MAX_SECTION_LENGTH,
  nextVersion,
  readSections,
  reportFilename,
  sectionField,
  statusAfterSubmission,
  submitsMeasureReport,
  toWinAnsi,
} from "./rules.ts";

describe("nextVersion", () => {
  const cases: [(number | null)[], number][] = [
    [[], 1],
    [[null], 1],
    [[1], 2],
    [[1, 2, 3], 4],
    [[3, 1, null], 4],
    [[0], 1],
  ];
  for (const [versions, expected] of cases) {
    test(`[${versions.join(", ")}] → ${expected}`, () => assert.equal(nextVersion(versions), expected));
  }
});

describe("finalReportKind", () => {
  const cases: [string[], ReportKind | null][] = [
    [["rapport_etape", "rapport_incident", "rapport_fin_mesure"], "rapport_fin_mesure"],
    [["rapport_enquete"], "rapport_enquete"],
    [["rapport_enquete", "rapport_etape", "rapport_incident"], "rapport_enquete"],
    // Aide aux victimes: an enquiry report first, the end-of-measure report closes it.
    [["rapport_enquete", "rapport_fin_mesure"], "rapport_fin_mesure"],
    [["rapport_incident"], null],
    [[], null],
  ];
  for (const [kinds, expected] of cases) {
    test(`${kinds.join(", ") || "(aucun)"} → ${expected}`, () =>
      assert.equal(finalReportKind(kinds), expected));
  }
});

describe("issuing hands in the measure's report", () => {
  test("every kind but the incident report hands it in", () => {
    const cases: [ReportKind, boolean][] = [
      ["rapport_enquete", true],
      ["rapport_etape", true],
      ["rapport_fin_mesure", true],
      ["proposition_amenagement", true],
      ["rapport_incident", false],
    ];
    for (const [kind, expected] of cases) assert.equal(submitsMeasureReport(kind), expected, kind);
  });

  test("only « en cours » moves to « rapport remis »", () => {
    const cases: [MeasureStatus, MeasureStatus | null][] = [
      ["recue", null],
      ["en_cours", "rapport_remis"],
      ["rapport_remis", null],
      ["cloturee", null],
    ];
    for (const [from, expected] of cases) assert.equal(statusAfterSubmission(from), expected, from);
  });
});

describe("readSections", () => {
  const draft = [
    { key: "identite", title: "Identité", body: "ancien texte" },
    { key: "conclusion", title: "Analyse et perspectives", body: "" },
  ];

  test("takes the typed text, keeps the template's titles and order, ignores unknown fields", () => {
    const { sections, errors } = readSections(
      draft,
      {
        [sectionField("conclusion")]: "  Avis favorable.  ",
        [sectionField("identite")]: "Nouveau",
        section_autre: "x",
        title: "changé",
      },
      { issuing: false },
    );
    assert.deepEqual(errors, {});
    assert.deepEqual(sections, [
      { key: "identite", title: "Identité", body: "Nouveau" },
      { key: "conclusion", title: "Analyse et perspectives", body: "Avis favorable." },
    ]);
  });

  test("a draft may keep empty sections; issuing requires each of them", () => {
    const values = { [sectionField("identite")]: "Texte" };
    assert.deepEqual(readSections(draft, values, { issuing: false }).errors, {});
    assert.deepEqual(readSections(draft, values, { issuing: true }).errors, {
      section_conclusion: "Rédigez la partie « Analyse et perspectives » avant d'émettre le rapport",
    });
  });

  test("a section is limited in length, at the edge", () => {
    const at = readSections(draft, { section_identite: "a".repeat(MAX_SECTION_LENGTH) }, { issuing: false });
    assert.deepEqual(at.errors, {});
    const over = readSections(
      draft,
      { section_identite: "a".repeat(MAX_SECTION_LENGTH + 1) },
      { issuing: false },
    );
    assert.match(over.errors.section_identite ?? "", /20 000 caractères au plus/);
  });
});

describe("reportFilename", () => {
  test("kind, measure number and version", () => {
    assert.equal(reportFilename("rapport_etape", "2026-0004", 2, "pdf"), "rapport-etape-2026-0004-v2.pdf");
    assert.equal(
      reportFilename("rapport_fin_mesure", "2026/0004 ", 1, "docx"),
      "rapport-fin-de-mesure-20260004-v1.docx",
    );
  });
});

describe("toWinAnsi", () => {
  const cases: [string, string][] = [
    ["Maëlys Éluard-Nguyên, né·e à Bègles", "Maëlys Éluard-Nguyên, né·e à Bègles"],
    ["« œuvre » – l’été… 10 €", "« œuvre » – l’été… 10 €"],
    ["a\u202f:", "a\u00a0:"],
    ["≥ 3", ">= 3"],
    ["Łukasz Nguyễn", "Lukasz Nguyen"],
    ["café 😀 漢", "café ? ?"],
    ["ligne 1\nligne 2", "ligne 1\nligne 2"],
  ];
  for (const [input, expected] of cases) {
    test(JSON.stringify(input), () => assert.equal(toWinAnsi(input), expected));
  }
});
