import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  checkCanAddAction,
  checkDueDate,
  checkObjectiveStatus,
  checkStatusReason,
  doneOnAfter,
  isOverdue,
  objectiveStatusAfterActions,
  reasonFor,
} from "./rules.ts";
import type { PlanStatus } from "./tables.ts";

const today = "2026-11-24";

describe("isOverdue: due date before today and still à faire or en cours", () => {
  const cases: [string | null, PlanStatus, boolean][] = [
    ["2026-11-23", "a_faire", true],
    ["2026-11-23", "en_cours", true],
    ["2026-11-24", "a_faire", false],
    ["2026-11-25", "en_cours", false],
    ["2026-11-23", "atteint", false],
    ["2026-11-23", "abandonne", false],
    ["2025-01-01", "a_faire", true],
    [null, "a_faire", false],
  ];
  for (const [dueDate, status, expected] of cases) {
    test(`${dueDate ?? "sans échéance"}, ${status}: ${expected ? "en retard" : "pas en retard"}`, () => {
      assert.equal(isOverdue({ dueDate, status }, today), expected);
    });
  }
});

describe("checkStatusReason: abandonné says why", () => {
  const cases: [PlanStatus | null, string | null, "action" | "objective", string | null][] = [
    ["abandonne", null, "action", "Indiquez pourquoi l'action est abandonnée"],
    ["abandonne", "   ", "action", "Indiquez pourquoi l'action est abandonnée"],
    ["abandonne", null, "objective", "Indiquez pourquoi l'objectif est abandonné"],
    ["abandonne", "A déménagé", "action", null],
    ["atteint", null, "action", null],
    ["a_faire", null, "objective", null],
    [null, null, "action", null],
  ];
  for (const [status, reason, what, message] of cases) {
    test(`${what} ${status ?? "?"} with reason ${JSON.stringify(reason)}`, () => {
      assert.equal(checkStatusReason(status, reason, what).statusReason, message ?? undefined);
    });
  }
});

describe("checkObjectiveStatus: atteint needs one action réalisée and none pending", () => {
  const cases: { why: string; status: PlanStatus; actions: PlanStatus[]; error: RegExp | null }[] = [
    { why: "all done", status: "atteint", actions: ["atteint", "atteint"], error: null },
    { why: "done and abandoned", status: "atteint", actions: ["atteint", "abandonne"], error: null },
    { why: "no action", status: "atteint", actions: [], error: /Ajoutez et réalisez au moins une action/ },
    {
      why: "only abandoned actions",
      status: "atteint",
      actions: ["abandonne"],
      error: /Aucune action de cet objectif n'a été réalisée/,
    },
    {
      why: "one pending",
      status: "atteint",
      actions: ["atteint", "en_cours"],
      error: /^Une action est encore/,
    },
    {
      why: "two pending",
      status: "atteint",
      actions: ["a_faire", "en_cours", "atteint"],
      error: /^2 actions sont encore à faire ou en cours/,
    },
    { why: "other statuses are free", status: "en_cours", actions: [], error: null },
    { why: "abandoning is free", status: "abandonne", actions: ["a_faire"], error: null },
  ];
  for (const c of cases) {
    test(c.why, () => {
      const message = checkObjectiveStatus(c.status, c.actions).status;
      if (c.error) assert.match(message ?? "", c.error);
      else assert.equal(message, undefined);
    });
  }
});

describe("objectiveStatusAfterActions", () => {
  const cases: [PlanStatus, PlanStatus[], PlanStatus][] = [
    ["a_faire", ["a_faire"], "a_faire"],
    ["a_faire", ["a_faire", "en_cours"], "en_cours"],
    ["a_faire", ["atteint"], "en_cours"],
    ["a_faire", ["abandonne"], "a_faire"],
    ["a_faire", [], "a_faire"],
    ["en_cours", ["a_faire"], "en_cours"],
    ["atteint", ["atteint"], "atteint"],
    ["abandonne", ["en_cours"], "abandonne"],
  ];
  for (const [objective, actions, expected] of cases) {
    test(`${objective} with [${actions.join(", ")}] → ${expected}`, () => {
      assert.equal(objectiveStatusAfterActions(objective, actions), expected);
    });
  }
});

describe("doneOnAfter, checkCanAddAction, checkDueDate, reasonFor", () => {
  test("the day an action was done", () => {
    assert.equal(doneOnAfter(null, "atteint", today), today);
    assert.equal(doneOnAfter({ status: "en_cours", doneOn: null }, "atteint", today), today);
    assert.equal(doneOnAfter({ status: "atteint", doneOn: "2026-10-02" }, "atteint", today), "2026-10-02");
    assert.equal(doneOnAfter({ status: "atteint", doneOn: "2026-10-02" }, "en_cours", today), null);
    assert.equal(doneOnAfter(null, "abandonne", today), null);
  });

  test("actions are added to an objective still pursued", () => {
    assert.equal(checkCanAddAction("a_faire"), null);
    assert.equal(checkCanAddAction("en_cours"), null);
    assert.match(checkCanAddAction("atteint") ?? "", /objectif est atteint/);
    assert.match(checkCanAddAction("abandonne") ?? "", /objectif est abandonné/);
  });

  test("a due date is not before the mandate", () => {
    assert.deepEqual(checkDueDate("2026-09-01", "2026-09-01", "action"), {});
    assert.deepEqual(checkDueDate(null, "2026-09-01", "action"), {});
    assert.match(
      checkDueDate("2026-08-31", "2026-09-01", "action").dueDate ?? "",
      /de l'action ne peut pas précéder/,
    );
    assert.match(
      checkDueDate("2026-08-31", "2026-09-01", "objective").dueDate ?? "",
      /de l'objectif ne peut pas précéder/,
    );
  });

  test("the reason is kept only with abandonné", () => {
    assert.equal(reasonFor("abandonne", " Déménagement "), "Déménagement");
    assert.equal(reasonFor("en_cours", "Déménagement"), null);
  });
});
