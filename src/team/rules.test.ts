import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { lateAndThisWeek } from "./rules.ts";

describe("late and this week's deadlines", () => {
  const items = ["2026-11-20", "2026-11-23", "2026-11-24", "2026-11-26", "2026-11-29", "2026-11-30"].map(
    (date) => ({ date }),
  );
  test("on a Tuesday: late before today, this week from today to Sunday", () => {
    const { late, thisWeek, weekEnd } = lateAndThisWeek(items, "2026-11-24");
    assert.deepEqual(
      late.map((i) => i.date),
      ["2026-11-20", "2026-11-23"],
    );
    assert.deepEqual(
      thisWeek.map((i) => i.date),
      ["2026-11-24", "2026-11-26", "2026-11-29"],
    );
    assert.equal(weekEnd, "2026-11-29");
  });
  test("on a Sunday the week ends today; across a year end the week is the ISO week", () => {
    assert.deepEqual(
      lateAndThisWeek(items, "2026-11-29").thisWeek.map((i) => i.date),
      ["2026-11-29"],
    );
    assert.equal(lateAndThisWeek([], "2026-12-31").weekEnd, "2027-01-03");
  });
});
