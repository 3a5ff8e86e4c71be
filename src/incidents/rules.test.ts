import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { checkIncidentDate, incidentReportUrl, prefillFromAppointment, reportState } from "./rules.ts";

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

describe("prefillFromAppointment", () => {
  const obligations = [
    { id: "o-free", statutoryCode: null },
    { id: "o-presenter", statutoryCode: "cpp138-5" },
    { id: "o-convocations", statutoryCode: "cpp138-6" },
  ];
  const absent = { id: "rdv", day: "2026-11-20", attendance: "absent" };
  const cases: [string, typeof absent, typeof obligations, Record<string, string>][] = [
    [
      "an absence: the day, the link, the nature and the obligation to answer convocations",
      absent,
      obligations,
      { occurredOn: "2026-11-20", appointmentId: "rdv", kind: "absence", obligationId: "o-convocations" },
    ],
    [
      "an absence, only the obligation to report to the service",
      absent,
      obligations.slice(0, 2),
      { occurredOn: "2026-11-20", appointmentId: "rdv", kind: "absence", obligationId: "o-presenter" },
    ],
    [
      "an absence in a probation measure",
      absent,
      [{ id: "o-jap", statutoryCode: "cp132-44-1" }],
      { occurredOn: "2026-11-20", appointmentId: "rdv", kind: "absence", obligationId: "o-jap" },
    ],
    [
      "an absence, no such obligation",
      absent,
      [{ id: "o-free", statutoryCode: null }],
      { occurredOn: "2026-11-20", appointmentId: "rdv", kind: "absence" },
    ],
    [
      "an excused absence: the day and the link only",
      { ...absent, attendance: "excuse" },
      obligations,
      { occurredOn: "2026-11-20", appointmentId: "rdv" },
    ],
    [
      "no attendance recorded",
      { ...absent, attendance: null as unknown as string },
      obligations,
      { occurredOn: "2026-11-20", appointmentId: "rdv" },
    ],
  ];
  for (const [label, appointment, list, expected] of cases) {
    test(label, () => assert.deepEqual(prefillFromAppointment(appointment, list), expected));
  }
});
