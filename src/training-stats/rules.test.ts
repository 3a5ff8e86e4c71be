import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { trainingStatistics } from "../training/rules.ts";
import { formatRate, statisticsRows } from "./rules.ts";

describe("statisticsRows", () => {
  const tests = trainingStatistics([
    { year: 2021, tookTest: true, refusedTest: false, passed: true },
    { year: 2021, tookTest: false, refusedTest: true, passed: false },
    { year: 2023, tookTest: true, refusedTest: false, passed: false },
  ]);

  test("one row per year having trainees, certificates or CNC decisions, oldest first", () => {
    const rows = statisticsRows(tests, new Map([[2022, 3]]), new Map([[2024, { admis: 2 }]]));
    assert.deepEqual(
      rows.map((r) => r.year),
      [2021, 2022, 2023, 2024],
    );
    const y2021 = rows[0];
    assert.equal(y2021?.trainees, 2);
    assert.equal(y2021?.passRate, 1);
    assert.equal(y2021?.refusalRate, 0.5);
    assert.equal(y2021?.certificates, 0);
    assert.deepEqual(y2021?.cnc, { admis: 0, positionne: 0, refuse: 0 });
  });

  test("a year without trainee has no rates rather than 0 %", () => {
    const [y2022] = statisticsRows([], new Map([[2022, 3]]), new Map());
    assert.equal(y2022?.trainees, 0);
    assert.equal(y2022?.passRate, null);
    assert.equal(y2022?.refusalRate, null);
    assert.equal(y2022?.certificates, 3);
  });

  test("before 2012 there was no knowledge test: trainees are counted, rates are not", () => {
    const old = trainingStatistics([
      { year: 2011, tookTest: false, refusedTest: false, passed: false },
      { year: 2012, tookTest: false, refusedTest: false, passed: false },
    ]);
    const [y2011, y2012] = statisticsRows(old, new Map(), new Map());
    assert.equal(y2011?.trainees, 1);
    assert.equal(y2011?.refusalRate, null);
    assert.equal(y2012?.refusalRate, 0);
  });

  test("CNC counts missing for an outcome are zero", () => {
    const [row] = statisticsRows([], new Map(), new Map([[2024, { refuse: 1 }]]));
    assert.deepEqual(row?.cnc, { admis: 0, positionne: 0, refuse: 1 });
  });

  test("nothing at all gives no row", () => {
    assert.deepEqual(statisticsRows([], new Map(), new Map()), []);
  });
});

describe("formatRate", () => {
  test("French percentages, rounded to the unit; a dash when there is nothing to divide", () => {
    const table: [number | null, string][] = [
      [0.77, "77 %"],
      [0.2222, "22 %"],
      [0.765, "77 %"],
      [0, "0 %"],
      [1, "100 %"],
      [null, "—"],
    ];
    for (const [rate, expected] of table)
      assert.equal(formatRate(rate).replace(/\u202f|\u00a0/g, " "), expected);
  });
});
