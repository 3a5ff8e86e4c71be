import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { obligationByCode, STATUTORY_OBLIGATIONS } from "../reference/data/statutory-obligations.ts";
import {
  checkCompliancePeriod,
  checkObligationDates,
  checkProofReceipt,
  dueStateLabel,
  latestFinding,
  nextFindingPeriod,
  type ProofSchedule,
  proofDueDates,
  proofStatus,
  statutoryArticlesFor,
  statutoryOptionLabel,
  statutoryReference,
  suggestCompliance,
  summarizeObligations,
} from "./rules.ts";

const monthly: ProofSchedule = {
  proofRequired: true,
  firstProofDue: "2026-01-31",
  proofIntervalDays: 30,
  endDate: "2026-05-31",
};
const received = (...dates: string[]) => dates.map((receivedOn) => ({ receivedOn }));

describe("statutory lists by measure type", () => {
  const cases: [string, string, string[]][] = [
    ["cjse", "pre_sentence", ["138"]],
    ["arse", "pre_sentence", ["138"]],
    ["sursis_probatoire", "post_sentence", ["132-44", "132-45"]],
    ["placement_exterieur", "post_sentence", ["132-44", "132-45"]],
    ["tig", "post_sentence", ["132-44", "132-45"]],
    ["esr", "pre_sentence", []],
    ["enquete_personnalite", "pre_sentence", []],
    ["mjie", "pre_sentence", []],
    ["composition_penale", "alternative", []],
    ["stage_citoyennete", "alternative", []],
    ["aide_victimes", "victims", []],
  ];
  for (const [code, phase, expected] of cases) {
    test(`${code} → ${expected.join(", ") || "free obligations only"}`, () => {
      assert.deepEqual(statutoryArticlesFor({ code, phase }), expected);
    });
  }

  test("every item of the lists reads as article, number and label", () => {
    const item = obligationByCode("cpp138-12bis");
    assert.ok(item);
    assert.equal(statutoryReference(item), "art. 138 CPP, 12° bis");
    assert.equal(
      statutoryOptionLabel(item),
      "art. 138 CPP, 12° bis – Ne pas exercer d'activité au contact habituel de mineurs",
    );
    const soins = obligationByCode("cp132-45-3");
    assert.ok(soins);
    assert.equal(statutoryReference(soins), "art. 132-45 CP, 3°");
    for (const o of STATUTORY_OBLIGATIONS) assert.match(statutoryReference(o), /^art\. 13\d(-4[45])? CP/);
  });
});

describe("proof due dates", () => {
  const cases: [string, ProofSchedule, string, string[]][] = [
    [
      "monthly up to the end date (included)",
      monthly,
      "2026-12-31",
      ["2026-01-31", "2026-03-02", "2026-04-01", "2026-05-01", "2026-05-31"],
    ],
    ["up to `until` included", monthly, "2026-04-01", ["2026-01-31", "2026-03-02", "2026-04-01"]],
    ["a day before the first one", monthly, "2026-01-30", []],
    [
      "one proof only without interval",
      { ...monthly, proofIntervalDays: null },
      "2027-01-01",
      ["2026-01-31"],
    ],
    ["no end date: up to `until`", { ...monthly, endDate: null }, "2026-03-02", ["2026-01-31", "2026-03-02"]],
    ["no proof required", { ...monthly, proofRequired: false }, "2027-01-01", []],
    ["no first due date", { ...monthly, firstProofDue: null }, "2027-01-01", []],
    ["first due after the end", { ...monthly, endDate: "2026-01-30" }, "2027-01-01", []],
    ["first due on the end date", { ...monthly, endDate: "2026-01-31" }, "2027-01-01", ["2026-01-31"]],
    [
      "across a leap day",
      { ...monthly, firstProofDue: "2028-02-28", proofIntervalDays: 1, endDate: null },
      "2028-03-01",
      ["2028-02-28", "2028-02-29", "2028-03-01"],
    ],
  ];
  for (const [name, schedule, until, expected] of cases) {
    test(name, () => assert.deepEqual(proofDueDates(schedule, until), expected));
  }
});

describe("missing proofs: each due date is answered by the earliest proof received once its period began", () => {
  const cases: {
    name: string;
    proofs: string[];
    findings?: { periodStart: string; periodEnd: string }[];
    today: string;
    overdue: string[];
    nextDue: string | null;
  }[] = [
    { name: "nothing due yet", proofs: [], today: "2026-01-15", overdue: [], nextDue: "2026-01-31" },
    {
      name: "due today: not yet missing",
      proofs: [],
      today: "2026-01-31",
      overdue: [],
      nextDue: "2026-01-31",
    },
    {
      name: "the day after the due date: missing",
      proofs: [],
      today: "2026-02-01",
      overdue: ["2026-01-31"],
      nextDue: "2026-03-02",
    },
    {
      name: "a proof before the first due date counts",
      proofs: ["2026-01-05"],
      today: "2026-02-01",
      overdue: [],
      nextDue: "2026-03-02",
    },
    {
      name: "a proof on the due date counts for it",
      proofs: ["2026-01-31"],
      today: "2026-02-01",
      overdue: [],
      nextDue: "2026-03-02",
    },
    {
      name: "a proof the day after the due date answers it late: no alert, the next due date does not jump",
      proofs: ["2026-02-01"],
      today: "2026-02-02",
      overdue: [],
      nextDue: "2026-03-02",
    },
    {
      name: "a late proof answers the earliest missing due date, the later one stays missing",
      proofs: ["2026-03-10"],
      today: "2026-03-10",
      overdue: ["2026-03-02"],
      nextDue: "2026-04-01",
    },
    {
      name: "two late proofs answer the two missing due dates in order",
      proofs: ["2026-03-10", "2026-03-12"],
      today: "2026-03-12",
      overdue: [],
      nextDue: "2026-04-01",
    },
    {
      name: "a proof received early for the current period answers it: the next due date is the following one",
      proofs: ["2026-01-31", "2026-02-15"],
      today: "2026-02-20",
      overdue: [],
      nextDue: "2026-04-01",
    },
    {
      name: "two proofs in one period do not cover the next one",
      proofs: ["2026-01-10", "2026-01-20"],
      today: "2026-03-03",
      overdue: ["2026-03-02"],
      nextDue: "2026-04-01",
    },
    {
      name: "the current period already met: the next due date is the following one",
      proofs: ["2026-01-20", "2026-02-10"],
      today: "2026-02-15",
      overdue: [],
      nextDue: "2026-04-01",
    },
    {
      name: "a finding covering the due date clears its alert",
      proofs: [],
      findings: [{ periodStart: "2026-01-01", periodEnd: "2026-01-31" }],
      today: "2026-02-05",
      overdue: [],
      nextDue: "2026-03-02",
    },
    {
      name: "a finding ending the day before the due date does not",
      proofs: [],
      findings: [{ periodStart: "2026-01-01", periodEnd: "2026-01-30" }],
      today: "2026-02-05",
      overdue: ["2026-01-31"],
      nextDue: "2026-03-02",
    },
    {
      name: "after the end date: every missing due date, nothing next",
      proofs: ["2026-03-01"],
      today: "2026-07-01",
      overdue: ["2026-03-02", "2026-04-01", "2026-05-01", "2026-05-31"],
      nextDue: null,
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const status = proofStatus(monthly, received(...c.proofs), c.findings ?? [], c.today);
      assert.deepEqual(status.overdue, c.overdue);
      assert.equal(status.nextDue, c.nextDue);
    });
  }

  test("the periods run from the day after the previous due date, with their proof, delay and state", () => {
    const status = proofStatus(
      monthly,
      received("2026-01-20", "2026-02-10", "2026-04-15"),
      [{ periodStart: "2026-03-03", periodEnd: "2026-04-01" }],
      "2026-05-10",
    );
    assert.deepEqual(
      status.periods.map((p) => [p.from, p.due, p.receivedOn, p.daysLate, p.state, dueStateLabel(p)]),
      [
        [null, "2026-01-31", "2026-01-20", 0, "recu", "Reçu"],
        ["2026-02-01", "2026-03-02", "2026-02-10", 0, "recu", "Reçu"],
        ["2026-03-03", "2026-04-01", "2026-04-15", 14, "recu", "Reçu en retard de 14 j"],
        ["2026-04-02", "2026-05-01", null, null, "manquant", "Manquant"],
        ["2026-05-02", "2026-05-31", null, null, "a_venir", "À venir"],
      ],
    );
  });

  test("a finding covers a due date left without proof", () => {
    const status = proofStatus(
      monthly,
      received("2026-01-20"),
      [{ periodStart: "2026-02-01", periodEnd: "2026-03-02" }],
      "2026-03-10",
    );
    assert.deepEqual(
      status.periods.map((p) => [p.due, p.state, dueStateLabel(p)]),
      [
        ["2026-01-31", "recu", "Reçu"],
        ["2026-03-02", "constate", "Constat enregistré"],
        ["2026-04-01", "a_venir", "À venir"],
      ],
    );
  });

  test("every proof answered early: the next due date is the first one without proof", () => {
    const daily: ProofSchedule = {
      proofRequired: true,
      firstProofDue: "2026-01-10",
      proofIntervalDays: 1,
      endDate: null,
    };
    const status = proofStatus(daily, received("2026-01-09", "2026-01-10", "2026-01-11"), [], "2026-01-10");
    assert.deepEqual(status.overdue, []);
    assert.equal(status.nextDue, "2026-01-12");
  });

  test("no schedule, no alert", () => {
    const status = proofStatus({ ...monthly, proofRequired: false }, [], [], "2027-01-01");
    assert.deepEqual(status, { periods: [], overdue: [], nextDue: null });
  });
});

describe("suggested compliance for a period", () => {
  const cases: [
    string,
    string[],
    { start: string; end: string },
    string,
    ReturnType<typeof suggestCompliance>,
  ][] = [
    [
      "all due proofs in: respectée",
      ["2026-01-10", "2026-02-20"],
      { start: "2026-01-01", end: "2026-03-31" },
      "2026-04-10",
      {
        status: "respectee",
        due: 2,
        received: 2,
        late: 0,
      },
    ],
    [
      "some: partielle",
      ["2026-01-10"],
      { start: "2026-01-01", end: "2026-03-31" },
      "2026-04-10",
      {
        status: "partielle",
        due: 2,
        received: 1,
        late: 0,
      },
    ],
    [
      "none: non justifiée",
      [],
      { start: "2026-01-01", end: "2026-03-31" },
      "2026-04-10",
      {
        status: "non_justifiee",
        due: 2,
        received: 0,
        late: 0,
      },
    ],
    [
      "no due date in the period: nothing to suggest",
      [],
      { start: "2026-02-01", end: "2026-03-01" },
      "2026-04-10",
      null,
    ],
    [
      "a due date not yet passed and not met is not counted",
      ["2026-01-10"],
      { start: "2026-01-01", end: "2026-03-02" },
      "2026-03-02",
      {
        status: "respectee",
        due: 1,
        received: 1,
        late: 0,
      },
    ],
    [
      "a due date not yet passed but already met is counted",
      ["2026-01-10", "2026-02-10"],
      { start: "2026-01-01", end: "2026-03-02" },
      "2026-02-15",
      {
        status: "respectee",
        due: 2,
        received: 2,
        late: 0,
      },
    ],
    [
      "a proof received late answers its due date: respectée, one late",
      ["2026-02-01", "2026-02-20"],
      { start: "2026-01-01", end: "2026-03-31" },
      "2026-04-10",
      { status: "respectee", due: 2, received: 2, late: 1 },
    ],
    [
      "a late proof answers the earlier due date and leaves the later one missing: partielle",
      ["2026-03-05"],
      { start: "2026-01-01", end: "2026-03-31" },
      "2026-04-10",
      { status: "partielle", due: 2, received: 1, late: 1 },
    ],
    [
      "bounds included",
      [],
      { start: "2026-01-31", end: "2026-01-31" },
      "2026-02-01",
      {
        status: "non_justifiee",
        due: 1,
        received: 0,
        late: 0,
      },
    ],
  ];
  for (const [name, proofs, period, today, expected] of cases) {
    test(name, () =>
      assert.deepEqual(suggestCompliance(monthly, received(...proofs), period, today), expected),
    );
  }
});

describe("latest finding and next period to assess", () => {
  test("the latest finding is the one whose period ends last", () => {
    const findings = [
      { periodStart: "2026-01-01", periodEnd: "2026-01-31", status: "respectee" },
      { periodStart: "2026-03-01", periodEnd: "2026-03-31", status: "non_justifiee" },
      { periodStart: "2026-02-01", periodEnd: "2026-02-28", status: "partielle" },
    ];
    assert.equal(latestFinding(findings)?.status, "non_justifiee");
    assert.equal(latestFinding([]), null);
  });

  test("same period twice: the last recorded wins", () => {
    const findings = [
      {
        periodStart: "2026-01-01",
        periodEnd: "2026-01-31",
        status: "partielle",
        createdAt: new Date("2026-02-01T10:00:00Z"),
      },
      {
        periodStart: "2026-01-01",
        periodEnd: "2026-01-31",
        status: "respectee",
        createdAt: new Date("2026-02-03T10:00:00Z"),
      },
    ];
    assert.equal(latestFinding(findings)?.status, "respectee");
  });

  const obligation = { startDate: "2026-01-01", endDate: "2026-06-30" };
  const cases: [
    string,
    { periodStart: string; periodEnd: string }[],
    string,
    { start: string; end: string } | null,
  ][] = [
    ["first finding: from the start to today", [], "2026-02-10", { start: "2026-01-01", end: "2026-02-10" }],
    [
      "after a finding: from the next day",
      [{ periodStart: "2026-01-01", periodEnd: "2026-01-31" }],
      "2026-02-10",
      {
        start: "2026-02-01",
        end: "2026-02-10",
      },
    ],
    [
      "assessed up to today: nothing",
      [{ periodStart: "2026-01-01", periodEnd: "2026-02-10" }],
      "2026-02-10",
      null,
    ],
    ["ended obligation: up to its end", [], "2026-09-01", { start: "2026-01-01", end: "2026-06-30" }],
  ];
  for (const [name, findings, today, expected] of cases) {
    test(name, () => assert.deepEqual(nextFindingPeriod(obligation, findings, today), expected));
  }
});

describe("measure summary", () => {
  test("counts by latest status, findings missing, alerts and the earliest next due date", () => {
    const summary = summarizeObligations([
      { latestStatus: "respectee", overdue: [], nextDue: "2026-05-01" },
      { latestStatus: "partielle", overdue: ["2026-03-01", "2026-04-01"], nextDue: "2026-04-20" },
      { latestStatus: null, overdue: ["2026-04-01"], nextDue: null },
      { latestStatus: "respectee", overdue: [], nextDue: null },
    ]);
    assert.deepEqual(summary, {
      total: 4,
      byStatus: { respectee: 2, partielle: 1, non_respectee: 0, non_justifiee: 0 },
      withoutFinding: 1,
      alerts: 3,
      obligationsWithAlerts: 2,
      nextDue: "2026-04-20",
    });
  });

  test("no obligation", () => {
    const summary = summarizeObligations([]);
    assert.equal(summary.total, 0);
    assert.equal(summary.alerts, 0);
    assert.equal(summary.nextDue, null);
  });
});

describe("form rules", () => {
  const measure = { decisionDate: "2026-01-10" };
  interface DatesInput {
    startDate: string;
    endDate: string | null;
    proofRequired: boolean;
    firstProofDue: string | null;
    proofIntervalDays: number | null;
  }
  const base: DatesInput = {
    startDate: "2026-01-10",
    endDate: "2026-12-31",
    proofRequired: true,
    firstProofDue: "2026-02-10",
    proofIntervalDays: 30,
  };
  const cases: [string, Partial<DatesInput>, Record<string, string>][] = [
    ["valid", {}, {}],
    ["starts on the decision date", { startDate: "2026-01-10", firstProofDue: "2026-01-10" }, {}],
    [
      "starts the day before the decision",
      { startDate: "2026-01-09" },
      {
        startDate: "L'obligation ne peut pas commencer avant la décision du magistrat",
      },
    ],
    ["ends the day it starts", { endDate: "2026-01-10", firstProofDue: "2026-01-10" }, {}],
    [
      "ends before it starts",
      { endDate: "2026-01-09", firstProofDue: null, proofRequired: false },
      {
        endDate: "La fin de l'obligation doit être postérieure ou égale à son début",
      },
    ],
    [
      "proofs without first due date",
      { firstProofDue: null },
      {
        firstProofDue:
          "Saisissez la date du premier justificatif attendu, ou décochez « justificatifs attendus »",
      },
    ],
    [
      "no proofs: no due date needed",
      { proofRequired: false, firstProofDue: null, proofIntervalDays: null },
      {},
    ],
    [
      "first proof due before the start",
      { firstProofDue: "2026-01-09" },
      {
        firstProofDue: "Le premier justificatif ne peut pas être attendu avant le début de l'obligation",
      },
    ],
    ["first proof due on the end date", { firstProofDue: "2026-12-31" }, {}],
    [
      "first proof due after the end",
      { firstProofDue: "2027-01-01" },
      {
        firstProofDue: "Le premier justificatif doit être attendu avant la fin de l'obligation",
      },
    ],
    ["interval 1 day", { proofIntervalDays: 1 }, {}],
    ["interval 366 days", { proofIntervalDays: 366 }, {}],
    [
      "interval 0",
      { proofIntervalDays: 0 },
      {
        proofIntervalDays:
          "Saisissez un intervalle entre 1 et 366 jours, ou laissez vide pour un seul justificatif",
      },
    ],
    [
      "interval 367",
      { proofIntervalDays: 367 },
      {
        proofIntervalDays:
          "Saisissez un intervalle entre 1 et 366 jours, ou laissez vide pour un seul justificatif",
      },
    ],
    ["no interval: one proof", { proofIntervalDays: null }, {}],
  ];
  for (const [name, change, expected] of cases) {
    test(`obligation dates: ${name}`, () => {
      assert.deepEqual(checkObligationDates({ ...base, ...change }, measure), expected);
    });
  }

  const proofCases: [string, string | undefined, Record<string, string>][] = [
    ["today", "2026-03-01", {}],
    ["the start date", "2026-01-10", {}],
    ["tomorrow", "2026-03-02", { receivedOn: "La date de réception ne peut pas être dans le futur" }],
    [
      "before the start",
      "2026-01-09",
      {
        receivedOn: "Le justificatif ne peut pas avoir été reçu avant le début de l'obligation",
      },
    ],
    ["missing (reported by the schema)", undefined, {}],
  ];
  for (const [name, receivedOn, expected] of proofCases) {
    test(`proof received: ${name}`, () => {
      assert.deepEqual(checkProofReceipt(receivedOn, { startDate: "2026-01-10" }, "2026-03-01"), expected);
    });
  }

  const obligation = { startDate: "2026-01-10", endDate: "2026-06-30" };
  const periodCases: [string, { periodStart?: string; periodEnd?: string }, Record<string, string>][] = [
    ["within the dates", { periodStart: "2026-01-10", periodEnd: "2026-06-30" }, {}],
    ["one day", { periodStart: "2026-02-01", periodEnd: "2026-02-01" }, {}],
    [
      "end before start",
      { periodStart: "2026-02-02", periodEnd: "2026-02-01" },
      {
        periodEnd: "La fin de la période doit être postérieure ou égale à son début",
      },
    ],
    [
      "starts before the obligation",
      { periodStart: "2026-01-09", periodEnd: "2026-02-01" },
      {
        periodStart: "La période ne peut pas commencer avant le début de l'obligation",
      },
    ],
    [
      "ends after the obligation",
      { periodStart: "2026-02-01", periodEnd: "2026-07-01" },
      {
        periodEnd: "La période ne peut pas se terminer après la fin de l'obligation",
      },
    ],
    [
      "starts in the future",
      { periodStart: "2026-03-02", periodEnd: "2026-03-31" },
      {
        periodStart: "La période ne peut pas commencer dans le futur",
      },
    ],
    ["starts today", { periodStart: "2026-03-01", periodEnd: "2026-03-31" }, {}],
  ];
  for (const [name, period, expected] of periodCases) {
    test(`finding period: ${name}`, () => {
      assert.deepEqual(checkCompliancePeriod(period, obligation, "2026-03-01"), expected);
    });
  }

  test("finding period of an obligation without end date", () => {
    assert.deepEqual(
      checkCompliancePeriod(
        { periodStart: "2026-01-10", periodEnd: "2027-12-31" },
        { ...obligation, endDate: null },
        "2026-03-01",
      ),
      {},
    );
  });
});
