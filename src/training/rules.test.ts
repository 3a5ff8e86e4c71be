import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { CISJ_REQUIREMENTS, MEMOIRE_PARTS, type TrainingCategory } from "./reference.ts";
import {
  type CisjTrainingItem,
  canOpenCisjDossier,
  certificateNumber,
  checkMemoirePages,
  checkSession,
  checkTrainingDuration,
  cisjProgress,
  type EnrolmentResultInput,
  enrolmentDateError,
  enrolmentResult,
  fundingRefusal,
  isFundingAllowed,
  memoireChecklistComplete,
  parsePercent,
  placementFor,
  promotions,
  sessionUsesTest,
  storedScore,
  type TraineeTestRow,
  testScore,
  trainingDaysToHours,
  trainingStatistics,
  validateTraining,
} from "./rules.ts";

describe("validateTraining", () => {
  const base = { attendanceRate: 100, testScore: null, testRefused: false };

  test("from 2012, the knowledge test decides at 50 % inclusive", () => {
    const cases: [number, boolean][] = [
      [0, false],
      [49.9, false],
      [50, true],
      [50.1, true],
      [100, true],
    ];
    for (const [score, validated] of cases) {
      const r = validateTraining({ ...base, sessionStart: "2012-01-01", testScore: score });
      assert.equal(r.validated, validated, `score ${score}`);
      assert.equal(r.basis, validated ? "test" : null, `score ${score}`);
    }
  });

  test("the French explanation gives the score and the threshold", () => {
    const r = validateTraining({ ...base, sessionStart: "2024-03-11", testScore: 49.9 });
    assert.equal(r.reason, "Score au test insuffisant : 49,9 % pour un minimum de 50 %");
  });

  test("from 2012, full attendance without a test does not validate", () => {
    const r = validateTraining({ ...base, sessionStart: "2012-01-01", attendanceRate: 100, testScore: null });
    assert.equal(r.validated, false);
    assert.match(r.reason, /présence seule ne valide pas/);
  });

  test("a refused test does not validate, even with full attendance", () => {
    const r = validateTraining({ ...base, sessionStart: "2021-05-10", testRefused: true, testScore: null });
    assert.equal(r.validated, false);
    assert.match(r.reason, /refusé/);
  });

  test("before 2012, attendance decides at 75 % inclusive", () => {
    const cases: [number, boolean][] = [
      [74, false],
      [74.9, false],
      [75, true],
      [100, true],
    ];
    for (const [attendanceRate, validated] of cases) {
      const r = validateTraining({ ...base, sessionStart: "2011-12-31", attendanceRate });
      assert.equal(r.validated, validated, `attendance ${attendanceRate}`);
      assert.equal(r.basis, validated ? "attendance" : null);
    }
  });

  test("a 2011 session and a 2012 session with the same results differ", () => {
    const results = { attendanceRate: 80, testScore: 40, testRefused: false };
    assert.equal(validateTraining({ ...results, sessionStart: "2011-11-14" }).validated, true);
    assert.equal(validateTraining({ ...results, sessionStart: "2012-01-16" }).validated, false);
  });

  test("an équivalence granted by the training service validates, with its reason", () => {
    const r = validateTraining({
      sessionStart: "2019-06-03",
      attendanceRate: null,
      testScore: null,
      testRefused: false,
      equivalence: { reason: "DU de criminologie" },
    });
    assert.equal(r.validated, true);
    assert.equal(r.basis, "equivalence");
    assert.match(r.reason, /DU de criminologie/);
  });

  test("an équivalence without a reason does not validate", () => {
    const r = validateTraining({ ...base, sessionStart: "2019-06-03", equivalence: { reason: "  " } });
    assert.equal(r.validated, false);
  });

  test("out-of-range values are refused", () => {
    assert.equal(validateTraining({ ...base, sessionStart: "2015-01-01", testScore: 120 }).validated, false);
    assert.equal(
      validateTraining({ ...base, sessionStart: "2010-01-01", attendanceRate: -1 }).validated,
      false,
    );
    assert.equal(validateTraining({ ...base, sessionStart: "hier", testScore: 90 }).validated, false);
  });
});

describe("cisjProgress", () => {
  let n = 0;
  function item(category: TrainingCategory, over: Partial<CisjTrainingItem> = {}): CisjTrainingItem {
    n += 1;
    return {
      trainingId: `t${n}`,
      code: `${category}-${String(n).padStart(2, "0")}`,
      title: `Formation ${n}`,
      category,
      hours: 21,
      validated: true,
      validatedOn: `2020-01-${String(n).padStart(2, "0")}`,
      countsForCisj: true,
      ...over,
    };
  }
  function fullPath(): CisjTrainingItem[] {
    return [...Array.from({ length: 5 }, () => item("TC")), item("MSJ"), item("MSJ"), item("TR"), item("TR")];
  }

  test("nine trainings in the right categories complete the path", () => {
    const p = cisjProgress(fullPath());
    assert.equal(p.countedTotal, 9);
    assert.equal(p.requiredTotal, 9);
    assert.equal(p.complete, true);
    assert.equal(canOpenCisjDossier(p), true);
    assert.equal(p.hoursDone, 9 * 21);
    assert.equal(p.remaining.length, 2);
  });

  test("a tenth validated training is listed as extra and does not count", () => {
    const path = fullPath();
    const tenth = item("TR", { validatedOn: "2023-09-01", hours: 14 });
    const p = cisjProgress([...path, tenth]);
    assert.equal(p.countedTotal, 9);
    assert.deepEqual(
      p.byCategory.TR.extra.map((t) => t.trainingId),
      [tenth.trainingId],
    );
    assert.equal(p.byCategory.TR.counted.length, 2);
    assert.equal(p.hoursDone, 9 * 21);
    assert.equal(p.extraHours, 14);
  });

  test("extra trainings in a category do not fill another category", () => {
    const trainings = [...Array.from({ length: 7 }, () => item("TC")), item("MSJ"), item("TR")];
    const p = cisjProgress(trainings);
    assert.equal(p.countedTotal, 7);
    assert.equal(p.byCategory.TC.extra.length, 2);
    assert.equal(p.byCategory.MSJ.missing, 1);
    assert.equal(p.byCategory.TR.missing, 1);
    assert.equal(p.complete, false);
    assert.equal(canOpenCisjDossier(p), false);
    assert.deepEqual(p.remaining, [
      "Il reste 1 formation Mesure socio-judiciaire à valider (1 sur 2)",
      "Il reste 1 formation transversale à valider (1 sur 2)",
    ]);
  });

  test("the same training validated twice counts once, at its first validation", () => {
    const first = item("TC", { trainingId: "proc-penale", validatedOn: "2014-03-01" });
    const again = { ...first, validatedOn: "2018-03-01" };
    const p = cisjProgress([again, first]);
    assert.equal(p.byCategory.TC.counted.length, 1);
    assert.equal(p.byCategory.TC.counted[0]?.validatedOn, "2014-03-01");
    assert.equal(p.byCategory.TC.missing, 4);
    assert.deepEqual(p.remaining, [
      "Il reste 4 formations Tronc commun à valider (1 sur 5)",
      "Il reste 2 formations Mesure socio-judiciaire à valider (0 sur 2)",
      "Il reste 2 formations transversales à valider (0 sur 2)",
    ]);
  });

  test("trainings outside the CISJ and trainings not validated are ignored", () => {
    const p = cisjProgress([item("TC", { countsForCisj: false }), item("TC", { validated: false })]);
    assert.equal(p.countedTotal, 0);
    assert.equal(p.byCategory.TC.extra.length, 0);
  });

  test("there is no time limit: a training validated in 2009 still counts", () => {
    const old = item("TC", { validatedOn: "2009-05-12" });
    const p = cisjProgress([old]);
    assert.equal(p.byCategory.TC.counted[0]?.trainingId, old.trainingId);
  });

  test("the earliest validations are the ones counted", () => {
    const late = item("MSJ", { validatedOn: "2022-01-01" });
    const early1 = item("MSJ", { validatedOn: "2015-01-01" });
    const early2 = item("MSJ", { validatedOn: "2016-01-01" });
    const p = cisjProgress([late, early2, early1]);
    assert.deepEqual(
      p.byCategory.MSJ.counted.map((t) => t.trainingId),
      [early1.trainingId, early2.trainingId],
    );
    assert.deepEqual(
      p.byCategory.MSJ.extra.map((t) => t.trainingId),
      [late.trainingId],
    );
  });

  test("the requirement is 5 TC, 2 MSJ, 2 TR", () => {
    assert.deepEqual(CISJ_REQUIREMENTS, { TC: 5, MSJ: 2, TR: 2, total: 9 });
  });
});

describe("mémoire", () => {
  test("15 to 30 pages, both included", () => {
    const cases: [number, boolean][] = [
      [14, false],
      [15, true],
      [30, true],
      [31, false],
    ];
    for (const [pages, ok] of cases) assert.equal(checkMemoirePages(pages).ok, ok, `${pages} pages`);
    assert.equal(checkMemoirePages(14).message, "Le mémoire doit compter au moins 15 pages (14 indiquées)");
    assert.equal(checkMemoirePages(31).message, "Le mémoire doit compter au plus 30 pages (31 indiquées)");
    assert.equal(checkMemoirePages(20.5).ok, false);
  });

  test("the checklist is complete only with every part, annex included", () => {
    const all = MEMOIRE_PARTS.map((p) => p.code);
    assert.deepEqual(memoireChecklistComplete(all), { complete: true, missing: [] });
    const r = memoireChecklistComplete(all.filter((c) => c !== "annex_report"));
    assert.equal(r.complete, false);
    assert.deepEqual(
      r.missing.map((p) => p.code),
      ["annex_report"],
    );
    assert.equal(MEMOIRE_PARTS.length, 9);
  });
});

describe("funding", () => {
  test("employer's plan, France Travail and personal funds are allowed; the CPF is not", () => {
    assert.equal(isFundingAllowed("plan_competences"), true);
    assert.equal(isFundingAllowed("france_travail"), true);
    assert.equal(isFundingAllowed("fonds_personnels"), true);
    assert.equal(isFundingAllowed("cpf"), false);
    assert.match(fundingRefusal("cpf") ?? "", /CPF/);
    assert.equal(fundingRefusal("france_travail"), null);
  });
});

describe("training length", () => {
  test("2 to 6 days, converted at 7 hours a day", () => {
    assert.equal(checkTrainingDuration(1).ok, false);
    assert.equal(checkTrainingDuration(2).ok, true);
    assert.equal(checkTrainingDuration(6).ok, true);
    assert.equal(checkTrainingDuration(7).ok, false);
    assert.equal(trainingDaysToHours(3), 21);
  });
});

describe("testScore", () => {
  const questions = [{ correct: [0] }, { correct: [1, 3] }, { correct: [2] }, { correct: [0, 1] }];

  test("a multiple-choice question is right only with exactly the right set", () => {
    const r = testScore(questions, [[0], [3, 1], [2, 0], [0]]);
    assert.equal(r.correct, 2);
    assert.equal(r.total, 4);
    assert.equal(r.percent, 50);
  });

  test("unanswered questions are wrong; repeated choices do not matter", () => {
    const r = testScore(questions, [[0, 0]]);
    assert.deepEqual(r, { correct: 1, total: 4, percent: 25 });
  });

  test("the score feeds the 50 % rule without rounding", () => {
    const six = Array.from({ length: 6 }, () => ({ correct: [0] }));
    const twoOfSix = testScore(six, [[0], [0], [1], [1], [1], [1]]);
    assert.ok(twoOfSix.percent < 50);
    const threeOfSix = testScore(six, [[0], [0], [0], [1], [1], [1]]);
    assert.equal(
      validateTraining({
        sessionStart: "2025-01-01",
        attendanceRate: 100,
        testScore: threeOfSix.percent,
        testRefused: false,
      }).validated,
      true,
    );
  });
});

describe("certificateNumber", () => {
  test("CISJ-year-sequence on five digits", () => {
    assert.equal(certificateNumber(2026, 42), "CISJ-2026-00042");
    assert.equal(certificateNumber(2026, 1), "CISJ-2026-00001");
    assert.throws(() => certificateNumber(2026, 0), RangeError);
    assert.throws(() => certificateNumber(26, 5), RangeError);
  });
});

describe("trainingStatistics", () => {
  function rows(year: number, counts: { passed: number; failed: number; refused: number }): TraineeTestRow[] {
    return [
      ...Array.from({ length: counts.passed }, () => ({
        year,
        tookTest: true,
        refusedTest: false,
        passed: true,
      })),
      ...Array.from({ length: counts.failed }, () => ({
        year,
        tookTest: true,
        refusedTest: false,
        passed: false,
      })),
      ...Array.from({ length: counts.refused }, () => ({
        year,
        tookTest: false,
        refusedTest: true,
        passed: false,
      })),
    ];
  }
  const table = [
    ...rows(2018, { passed: 50, failed: 19, refused: 31 }),
    ...rows(2019, { passed: 55, failed: 20, refused: 25 }),
    ...rows(2020, { passed: 30, failed: 11, refused: 9 }),
    ...rows(2021, { passed: 60, failed: 18, refused: 22 }),
  ];
  const pct = (x: number | null) => (x === null ? null : Math.round(x * 100));

  test("reproduces the published refusal rates 31 %, 25 %, 18 %, 22 %", () => {
    const stats = trainingStatistics(table);
    assert.deepEqual(
      stats.map((s) => [s.year, pct(s.refusalRate)]),
      [
        [2018, 31],
        [2019, 25],
        [2020, 18],
        [2021, 22],
      ],
    );
  });

  test("reproduces the published 77 % pass rate of 2021, over the tests taken", () => {
    const s2021 = trainingStatistics(table).find((s) => s.year === 2021);
    assert.deepEqual(
      {
        trainees: s2021?.trainees,
        testsTaken: s2021?.testsTaken,
        passed: s2021?.passed,
        refused: s2021?.refused,
      },
      { trainees: 100, testsTaken: 78, passed: 60, refused: 22 },
    );
    assert.equal(pct(s2021?.passRate ?? null), 77);
  });

  test("rates are null when nothing to divide", () => {
    const [s] = trainingStatistics(rows(2022, { passed: 0, failed: 0, refused: 3 }));
    assert.equal(s?.passRate, null);
    assert.equal(s?.refusalRate, 1);
    assert.deepEqual(trainingStatistics([]), []);
  });
});

describe("placementFor and promotions", () => {
  test("a place while the session has one, else the waiting list", () => {
    const cases: [number, number, "inscrit" | "liste_attente"][] = [
      [2, 0, "inscrit"],
      [2, 1, "inscrit"],
      [2, 2, "liste_attente"],
      [2, 3, "liste_attente"],
      [1, 0, "inscrit"],
    ];
    for (const [capacity, enrolled, expected] of cases) {
      assert.equal(placementFor(capacity, enrolled), expected, `${enrolled}/${capacity}`);
    }
  });

  test("free places go to the waiting list in order, never more than free", () => {
    const waiting = ["premier", "deuxième", "troisième"];
    assert.deepEqual(promotions(10, 9, waiting), ["premier"]);
    assert.deepEqual(promotions(10, 8, waiting), ["premier", "deuxième"]);
    assert.deepEqual(promotions(10, 5, waiting), waiting);
    assert.deepEqual(promotions(10, 10, waiting), []);
    assert.deepEqual(promotions(10, 12, waiting), [], "over capacity after a change: nobody promoted");
    assert.deepEqual(promotions(10, 9, []), []);
  });
});

describe("checkSession", () => {
  const base = { startsOn: "2027-03-10", endsOn: "2027-03-12", place: "Lyon", distance: false, capacity: 12 };

  test("a one-day session ends the day it starts; ending before it starts is refused", () => {
    assert.deepEqual(checkSession({ ...base, endsOn: "2027-03-10" }), {});
    assert.equal(
      checkSession({ ...base, endsOn: "2027-03-09" }).endsOn,
      "La date de fin doit être postérieure ou égale à la date de début",
    );
  });

  test("a place is needed unless the session is remote", () => {
    assert.match(checkSession({ ...base, place: null }).place ?? "", /À distance/);
    assert.match(checkSession({ ...base, place: "   " }).place ?? "", /lieu/);
    assert.deepEqual(checkSession({ ...base, place: null, distance: true }), {});
  });

  test("at least one place", () => {
    assert.equal(checkSession({ ...base, capacity: 1 }).capacity, undefined);
    assert.match(checkSession({ ...base, capacity: 0 }).capacity ?? "", /au moins 1 place/);
    assert.match(checkSession({ ...base, capacity: 2.5 }).capacity ?? "", /nombre entier/);
  });
});

describe("parsePercent", () => {
  test("reads French and English decimals, and refuses what is not a percentage", () => {
    const cases: [string | null | undefined, number | null | "invalid"][] = [
      [undefined, null],
      [null, null],
      ["", null],
      ["49,9", 49.9],
      ["49.9", 49.9],
      ["50", 50],
      ["75 %", 75],
      ["0", 0],
      ["100", 100],
      ["100,01", "invalid"],
      ["120", "invalid"],
      ["-1", "invalid"],
      ["49,999", "invalid"],
      ["abc", "invalid"],
      ["5O", "invalid"],
    ];
    for (const [text, expected] of cases) assert.equal(parsePercent(text), expected, String(text));
  });
});

describe("storedScore", () => {
  test("is truncated to two decimals, never rounded up to the threshold", () => {
    const cases: [number, number, number][] = [
      [1, 2, 50],
      [1, 3, 33.33],
      [2, 3, 66.66],
      [29, 100, 29],
      [7, 10, 70],
      [999, 2000, 49.95],
      [9999, 20000, 49.99],
      [0, 5, 0],
      [5, 5, 100],
      [0, 0, 0],
    ];
    for (const [correct, total, expected] of cases) {
      assert.equal(storedScore(correct, total), expected, `${correct}/${total}`);
    }
  });

  test("agrees with testScore on the 50 % threshold", () => {
    for (let total = 1; total <= 40; total += 1) {
      for (let correct = 0; correct <= total; correct += 1) {
        const percent = testScore(
          Array.from({ length: total }, () => ({ correct: [0] })),
          Array.from({ length: total }, (_, i) => (i < correct ? [0] : [1])),
        ).percent;
        assert.equal(storedScore(correct, total) >= 50, percent >= 50, `${correct}/${total}`);
      }
    }
  });
});

describe("enrolmentResult", () => {
  const base: EnrolmentResultInput = {
    status: "inscrit",
    sessionCancelled: false,
    sessionStart: "2026-03-02",
    sessionEnd: "2026-03-04",
    today: "2026-03-10",
    attendanceRate: null,
    testScore: null,
    testRefused: false,
    validated: false,
    validationBasis: null,
  };

  test("labels every state of an enrolment", () => {
    const cases: [Partial<EnrolmentResultInput>, string][] = [
      [{ status: "annule" }, "Inscription annulée"],
      [{ sessionCancelled: true }, "Session annulée"],
      [{ status: "liste_attente" }, "Liste d'attente"],
      [{ today: "2026-03-03" }, "Session à venir ou en cours"],
      [{ today: "2026-03-04" }, "Test à passer"],
      [{ validated: true, validationBasis: "test", testScore: 50 }, "Validée (test ≥ 50 %)"],
      [{ validated: true, validationBasis: "attendance" }, "Validée (présence ≥ 75 %)"],
      [{ validated: true, validationBasis: "equivalence" }, "Validée (équivalence)"],
      [{ testRefused: true }, "Non validée (refus du test)"],
      [{ testScore: 49.9 }, "Non validée (test < 50 %)"],
      [{ sessionStart: "2011-03-02", sessionEnd: "2011-03-04" }, "Résultat à saisir"],
      [
        { sessionStart: "2011-03-02", sessionEnd: "2011-03-04", attendanceRate: 74.9 },
        "Non validée (présence < 75 %)",
      ],
    ];
    for (const [change, label] of cases) {
      assert.equal(enrolmentResult({ ...base, ...change }).label, label, JSON.stringify(change));
    }
  });

  test("a validation by équivalence shows even before the session ends", () => {
    const r = enrolmentResult({
      ...base,
      today: "2026-01-01",
      validated: true,
      validationBasis: "equivalence",
    });
    assert.equal(r.code, "validated_equivalence");
  });
});

describe("sessionUsesTest", () => {
  test("from the first day of 2012", () => {
    assert.equal(sessionUsesTest("2011-12-31"), false);
    assert.equal(sessionUsesTest("2012-01-01"), true);
    assert.equal(sessionUsesTest("2026-05-04"), true);
  });
});

describe("enrolmentDateError", () => {
  const session = { endsOn: "2024-03-15" };
  const cases = [
    { on: "2024-01-10", error: null },
    { on: "2024-03-15", error: null },
    {
      on: "2024-03-16",
      error: "La date d'inscription ne peut pas suivre la fin de la session (le 15/03/2024)",
    },
    { on: "2026-06-02", error: "La date d'inscription ne peut pas être dans le futur" },
  ];
  for (const c of cases) {
    test(`${c.on}: ${c.error ?? "accepted"}`, () => {
      assert.equal(enrolmentDateError(c.on, session, "2026-06-01"), c.error);
    });
  }
});
