import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type AttemptContext, attemptRefusal, canRefuseTest, checkQuestion } from "./rules.ts";

describe("checkQuestion", () => {
  test("drops the empty choice fields and renumbers the right answers", () => {
    const r = checkQuestion({
      prompt: "  Quelles attitudes conviennent ?  ",
      choices: ["Écouter", null, "  ", "Distinguer les faits", "Juger", null],
      correct: [0, 3],
    });
    assert.deepEqual(r, {
      ok: true,
      question: {
        prompt: "Quelles attitudes conviennent ?",
        choices: ["Écouter", "Distinguer les faits", "Juger"],
        correct: [0, 1],
      },
    });
  });

  test("from 2 to 6 choices", () => {
    const six = ["a", "b", "c", "d", "e", "f"];
    assert.equal(checkQuestion({ prompt: "Q", choices: six, correct: [5] }).ok, true);
    assert.equal(checkQuestion({ prompt: "Q", choices: ["a", "b"], correct: [1] }).ok, true);
    const one = checkQuestion({ prompt: "Q", choices: ["a"], correct: [0] });
    assert.deepEqual(one.ok ? null : one.errors, { choices: "Saisissez au moins 2 réponses possibles" });
    const seven = checkQuestion({ prompt: "Q", choices: [...six, "g"], correct: [0] });
    assert.deepEqual(seven.ok ? null : seven.errors, { choices: "Une question propose au plus 6 réponses" });
  });

  test("one or more right answers, none on an empty field, no duplicate choice, a prompt", () => {
    const cases: [Parameters<typeof checkQuestion>[0], Record<string, string>][] = [
      [{ prompt: "Q", choices: ["a", "b"], correct: [] }, { correct: "Cochez au moins une bonne réponse" }],
      [
        { prompt: "Q", choices: ["a", "b", null], correct: [2] },
        { correct: "Une réponse cochée comme bonne est vide" },
      ],
      [
        { prompt: "Q", choices: ["Oui", "oui"], correct: [0] },
        { choices: "Deux réponses proposées sont identiques" },
      ],
      [{ prompt: " ", choices: ["a", "b"], correct: [0] }, { prompt: "Saisissez l'énoncé de la question" }],
    ];
    for (const [draft, errors] of cases) {
      const r = checkQuestion(draft);
      assert.deepEqual(r.ok ? null : r.errors, errors, JSON.stringify(draft));
    }
    assert.equal(checkQuestion({ prompt: "Q", choices: ["a", "b", "c"], correct: [0, 1, 2] }).ok, true);
  });
});

describe("attemptRefusal", () => {
  const open: AttemptContext = {
    enrolled: true,
    sessionCancelled: false,
    sessionStart: "2026-03-02",
    sessionEnd: "2026-03-04",
    today: "2026-03-04",
    questionCount: 5,
    testRefused: false,
    attempts: 0,
    retakeAllowed: false,
  };

  test("opens on the last day of the session, for an enrolled trainee, once", () => {
    assert.equal(attemptRefusal(open), null);
    const cases: [Partial<AttemptContext>, RegExp][] = [
      [{ today: "2026-03-03" }, /ouvert à la fin de la session, le 04\/03\/2026/],
      [{ enrolled: false }, /Seuls les stagiaires inscrits/],
      [{ sessionCancelled: true }, /annulée/],
      [
        { sessionStart: "2011-12-30", sessionEnd: "2011-12-31" },
        /antérieures à 2012 sont validées par la présence/,
      ],
      [{ questionCount: 0 }, /pas encore disponible/],
      [{ testRefused: true }, /refusé/],
      [{ attempts: 1 }, /Un nouvel essai n'est possible que si le service Formation l'autorise/],
      [{ attempts: 2 }, /déjà passé/],
    ];
    for (const [change, message] of cases) {
      assert.match(attemptRefusal({ ...open, ...change }) ?? "", message, JSON.stringify(change));
    }
  });

  test("a retake allowed by the training service opens one more attempt", () => {
    assert.equal(attemptRefusal({ ...open, attempts: 1, retakeAllowed: true }), null);
    assert.equal(attemptRefusal({ ...open, attempts: 3, retakeAllowed: true }), null);
  });
});

describe("canRefuseTest", () => {
  const base: AttemptContext = {
    enrolled: true,
    sessionCancelled: false,
    sessionStart: "2026-03-02",
    sessionEnd: "2026-03-04",
    today: "2026-03-05",
    questionCount: 0,
    testRefused: false,
    attempts: 0,
    retakeAllowed: false,
  };

  test("before any attempt, once the session is over, even when the test is not written yet", () => {
    assert.equal(canRefuseTest(base), true);
    assert.equal(canRefuseTest({ ...base, attempts: 1 }), false);
    assert.equal(canRefuseTest({ ...base, attempts: 1, retakeAllowed: true }), false);
    assert.equal(canRefuseTest({ ...base, testRefused: true }), false);
    assert.equal(canRefuseTest({ ...base, today: "2026-03-03" }), false);
    assert.equal(canRefuseTest({ ...base, enrolled: false }), false);
  });
});
