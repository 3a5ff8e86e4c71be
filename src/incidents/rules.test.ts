import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { checkIncidentDate, incidentReportUrl, reportState } from "./rules.ts";

describe("incident date", () => {
  const measure = { decisionDate: "2026-01-10" };
  const cases: [string, string | undefined, Record<string, string>][] = [
    ["today", "2026-03-01", {}],
    ["the decision date", "2026-01-10", {}],
    ["tomorrow", "2026-03-02", { occurredOn: "La date de l'incident ne peut pas être dans le futur" }],
    [
      "the day before the decision",
      "2026-01-09",
      {
        occurredOn: "L'incident ne peut pas précéder la décision du magistrat",
      },
    ],
    ["missing (reported by the schema)", undefined, {}],
  ];
  for (const [name, date, expected] of cases)
    test(name, () => assert.deepEqual(checkIncidentDate(date, measure, "2026-03-01"), expected));
});

describe("report to the magistrate", () => {
  test("an incident waits for its report until it is issued", () => {
    assert.equal(reportState({ reportedOn: null }), "a_signaler");
    assert.equal(reportState({ reportedOn: "2026-03-02" }), "signale");
  });
  test("the report is written on the reports page with the incident", () => {
    assert.equal(
      incidentReportUrl("m1", "i1"),
      "/mesures/m1/ecrits/nouveau?type=rapport_incident&incident=i1",
    );
  });
});
