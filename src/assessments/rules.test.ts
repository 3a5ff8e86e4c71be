import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type AssessmentInput, assessmentTrends, checkAssessment, levelCounts, levelTrend } from "./rules.ts";
import { ASSESSMENT_DOMAINS, type AssessmentDomain, type AssessmentLevel } from "./tables.ts";

describe("levelTrend: how a domain changed between two assessments", () => {
  const cases: [AssessmentLevel | null, AssessmentLevel, ReturnType<typeof levelTrend>][] = [
    ["majeure", "difficulte", "amelioration"],
    ["majeure", "aucune", "amelioration"],
    ["difficulte", "aucune", "amelioration"],
    ["aucune", "difficulte", "degradation"],
    ["aucune", "majeure", "degradation"],
    ["difficulte", "majeure", "degradation"],
    ["aucune", "aucune", "stable"],
    ["difficulte", "difficulte", "stable"],
    ["majeure", "majeure", "stable"],
    // "Non évalué" is not a level of difficulty: nothing to compare.
    ["non_evaluee", "majeure", null],
    ["aucune", "non_evaluee", null],
    ["non_evaluee", "non_evaluee", null],
    // First assessment.
    [null, "difficulte", null],
  ];
  for (const [before, now, expected] of cases) {
    test(`${before ?? "(aucune évaluation)"} → ${now}: ${expected ?? "non comparable"}`, () => {
      assert.equal(levelTrend(before, now), expected);
    });
  }
});

describe("assessmentTrends and levelCounts", () => {
  test("every domain gets its trend; a domain missing on one side counts as non évalué", () => {
    const trends = assessmentTrends(
      { logement: "majeure", emploi_formation: "aucune", addictions: "difficulte" },
      { logement: "difficulte", emploi_formation: "difficulte", addictions: "difficulte", justice: "aucune" },
    );
    assert.equal(trends.logement, "amelioration");
    assert.equal(trends.emploi_formation, "degradation");
    assert.equal(trends.addictions, "stable");
    assert.equal(trends.justice, null);
    assert.equal(trends.sante_physique, null);
    assert.deepEqual(Object.keys(trends).sort(), [...ASSESSMENT_DOMAINS].sort());
  });

  test("without a previous assessment nothing is comparable", () => {
    const trends = assessmentTrends(null, { logement: "majeure" });
    assert.ok(Object.values(trends).every((t) => t === null));
  });

  test("counts cover the nine domains", () => {
    assert.deepEqual(levelCounts({ logement: "majeure", justice: "difficulte", addictions: "aucune" }), {
      majeure: 1,
      difficulte: 1,
      aucune: 1,
      non_evaluee: 6,
    });
  });
});

describe("checkAssessment", () => {
  const today = "2026-11-24";
  const receivedDate = "2026-09-01";
  function input(
    date: string,
    levels: Partial<Record<AssessmentDomain, AssessmentLevel>> = { logement: "difficulte" },
    needs: Partial<Record<AssessmentDomain, string>> = {},
  ): AssessmentInput {
    const domains = {} as AssessmentInput["domains"];
    for (const d of ASSESSMENT_DOMAINS)
      domains[d] = { level: levels[d] ?? "non_evaluee", needs: needs[d] ?? null, notes: null };
    return { assessedOn: date, summary: null, domains };
  }
  const cases: { why: string; value: AssessmentInput; errors: Record<string, RegExp> }[] = [
    { why: "today is accepted", value: input(today), errors: {} },
    { why: "the day the mandate was received is accepted", value: input(receivedDate), errors: {} },
    {
      why: "tomorrow is in the future",
      value: input("2026-11-25"),
      errors: { assessedOn: /ne peut pas être dans le futur/ },
    },
    {
      why: "the day before the mandate is refused",
      value: input("2026-08-31"),
      errors: { assessedOn: /ne peut pas précéder la réception du mandat/ },
    },
    {
      why: "nothing evaluated",
      value: input(today, {}),
      errors: { level_logement: /Évaluez au moins un domaine/ },
    },
    {
      why: "a single domain without difficulty is an evaluation",
      value: input(today, { justice: "aucune" }),
      errors: {},
    },
    {
      why: "a major difficulty without needs",
      value: input(today, { addictions: "majeure" }),
      errors: { needs_addictions: /Précisez les besoins pour le domaine « Addictions »/ },
    },
    {
      why: "a major difficulty with its needs",
      value: input(today, { addictions: "majeure" }, { addictions: "Suivi en CSAPA" }),
      errors: {},
    },
  ];
  for (const c of cases) {
    test(c.why, () => {
      const errors = checkAssessment(c.value, { receivedDate, today });
      assert.deepEqual(Object.keys(errors).sort(), Object.keys(c.errors).sort());
      for (const [field, message] of Object.entries(c.errors)) assert.match(errors[field] ?? "", message);
    });
  }
});
