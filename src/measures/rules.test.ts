import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  allowedTransitions,
  checkMandateDates,
  checkTransition,
  type MeasureStatus,
  nextMeasureNumber,
} from "./rules.ts";

describe("measure status transitions", () => {
  const cases: [MeasureStatus, MeasureStatus, boolean][] = [
    ["recue", "en_cours", true],
    ["recue", "cloturee", true],
    ["recue", "rapport_remis", false],
    ["en_cours", "rapport_remis", true],
    ["en_cours", "cloturee", true],
    ["en_cours", "recue", false],
    ["rapport_remis", "en_cours", true],
    ["rapport_remis", "cloturee", true],
    ["cloturee", "en_cours", false],
    ["cloturee", "recue", false],
  ];
  for (const [from, to, ok] of cases) {
    test(`${from} → ${to} is ${ok ? "allowed" : "refused"}`, () => {
      assert.equal(allowedTransitions(from).includes(to), ok);
      const errors = checkTransition({
        from,
        to,
        on: "2026-11-10",
        previousOn: "2026-11-01",
        today: "2026-11-24",
      });
      assert.equal(errors.to === undefined, ok);
    });
  }

  test("the date of a change is neither in the future nor before the previous change; the same day is fine", () => {
    const base = {
      from: "recue" as const,
      to: "en_cours" as const,
      previousOn: "2026-11-01",
      today: "2026-11-24",
    };
    assert.match(checkTransition({ ...base, on: "2026-11-25" }).on ?? "", /futur/);
    assert.match(checkTransition({ ...base, on: "2026-10-31" }).on ?? "", /postérieure ou égale/);
    assert.deepEqual(checkTransition({ ...base, on: "2026-11-01" }), {});
    assert.deepEqual(checkTransition({ ...base, on: "2026-11-24" }), {});
  });

  test("a closed measure says so", () => {
    assert.equal(
      checkTransition({
        from: "cloturee",
        to: "en_cours",
        on: "2026-11-02",
        previousOn: "2026-11-01",
        today: "2026-11-24",
      }).to,
      "Une mesure clôturée ne change plus de statut",
    );
  });
});

describe("mandate dates", () => {
  const today = "2026-11-24";
  const cases: [string, Parameters<typeof checkMandateDates>[0], string[]][] = [
    [
      "consistent dates",
      { decisionDate: "2026-11-01", receivedDate: "2026-11-03", reportDueDate: "2027-01-03", today },
      [],
    ],
    [
      "received the day of the decision",
      { decisionDate: "2026-11-01", receivedDate: "2026-11-01", today },
      [],
    ],
    [
      "received before the decision",
      { decisionDate: "2026-11-05", receivedDate: "2026-11-01", today },
      ["receivedDate"],
    ],
    [
      "decision in the future",
      { decisionDate: "2026-11-25", receivedDate: "2026-11-25", today },
      ["decisionDate", "receivedDate"],
    ],
    [
      "report due before the decision",
      { decisionDate: "2026-11-05", receivedDate: "2026-11-06", reportDueDate: "2026-11-04", today },
      ["reportDueDate"],
    ],
    ["decision today", { decisionDate: today, receivedDate: today, today }, []],
  ];
  for (const [name, input, fields] of cases) {
    test(name, () => assert.deepEqual(Object.keys(checkMandateDates(input)).sort(), fields.sort()));
  }
});

describe("measure numbers", () => {
  test("start at 0001 each year and follow the last one", () => {
    assert.equal(nextMeasureNumber(2026, null), "2026-0001");
    assert.equal(nextMeasureNumber(2026, "2026-0041"), "2026-0042");
    assert.equal(nextMeasureNumber(2027, "2027-9999"), "2027-10000");
  });
});
