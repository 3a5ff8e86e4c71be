import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type ClosingRequest, checkClosing, FINAL_REPORT_FIELD } from "./rules.ts";

const base: ClosingRequest = {
  outcome: "menee_a_terme",
  outcomes: [{ code: "menee_a_terme" }, { code: "mainlevee" }, { code: "revocation" }],
  closedOn: "2026-11-20",
  lastStatusOn: "2026-11-10",
  today: "2026-11-24",
  finalReport: { kind: "rapport_fin_mesure", issuedOn: "2026-11-15" },
};

describe("checkClosing", () => {
  const cases: [string, Partial<ClosingRequest>, Record<string, string>][] = [
    ["a valid closing", {}, {}],
    ["closing today", { closedOn: "2026-11-24" }, {}],
    [
      "closing on the day of the last status change",
      { closedOn: "2026-11-15", lastStatusOn: "2026-11-15" },
      {},
    ],
    ["closing the day the final report was issued", { closedOn: "2026-11-15" }, {}],
    [
      "tomorrow",
      { closedOn: "2026-11-25" },
      { closedOn: "La date de clôture ne peut pas être dans le futur" },
    ],
    [
      "the day before the last status change",
      { closedOn: "2026-11-09" },
      {
        closedOn:
          "La date de clôture doit être postérieure ou égale au dernier changement de statut (10/11/2026)",
      },
    ],
    [
      "before the final report",
      { closedOn: "2026-11-14" },
      {
        closedOn:
          "La date de clôture doit être postérieure ou égale à l'émission du rapport final (15/11/2026)",
      },
    ],
    [
      "an outcome of another type",
      { outcome: "mediation_reussie" },
      { outcome: "Choisissez une issue de la liste" },
    ],
    [
      "the end-of-measure report not issued",
      { finalReport: { kind: "rapport_fin_mesure", issuedOn: null } },
      { [FINAL_REPORT_FIELD]: "Émettez le rapport de fin de mesure avant de clôturer la mesure" },
    ],
    [
      "the enquiry report not issued",
      { finalReport: { kind: "rapport_enquete", issuedOn: null } },
      { [FINAL_REPORT_FIELD]: "Émettez le rapport d'enquête avant de clôturer la mesure" },
    ],
    ["a type without final report", { finalReport: null }, {}],
    ["missing values are left to the form's schema", { outcome: undefined, closedOn: undefined }, {}],
  ];
  for (const [label, change, expected] of cases) {
    test(label, () => assert.deepEqual(checkClosing({ ...base, ...change }), expected));
  }
});
