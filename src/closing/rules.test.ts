import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  type ClosingRequest,
  checkClosing,
  closingConsequences,
  closingEffectsText,
  closingTimelineText,
  FINAL_REPORT_FIELD,
  noteFromConclusion,
  type OpenItems,
  reminderPending,
} from "./rules.ts";

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

describe("what closing will do and did", () => {
  const at = new Date("2026-11-25T09:00:00Z");
  const appointment = (reminderPending: boolean, id = "a") => ({
    id,
    startsAt: at,
    kind: "entretien",
    reminderPending,
  });
  const obligation = { id: "o", label: "Soins", endDate: null };
  const action = {
    id: "p",
    description: "Atelier CV",
    dueDate: null,
    status: "a_faire",
    objective: "Emploi",
  };
  const consequences: [string, OpenItems, string[]][] = [
    ["nothing open", { appointments: [], obligations: [], actions: [] }, []],
    [
      "one appointment with its reminder",
      { appointments: [appointment(true)], obligations: [], actions: [] },
      ["1 rendez-vous à venir sera annulé et 1 rappel par e-mail prévu ne partira pas"],
    ],
    [
      "two appointments, one reminder",
      { appointments: [appointment(true), appointment(false, "b")], obligations: [], actions: [] },
      ["2 rendez-vous à venir seront annulés et 1 rappel par e-mail prévu ne partira pas"],
    ],
    [
      "two reminders, two obligations, one action",
      {
        appointments: [appointment(true), appointment(true, "b")],
        obligations: [obligation, { ...obligation, id: "o2" }],
        actions: [action],
      },
      [
        "2 rendez-vous à venir seront annulés et 2 rappels par e-mail prévus ne partiront pas",
        "2 obligations en cours prendront fin le 24/11/2026",
        "Le plan d'action sera figé : 1 action non terminée restera en l'état",
      ],
    ],
    [
      "an appointment without reminder, three actions",
      { appointments: [appointment(false)], obligations: [], actions: [action, action, action] },
      [
        "1 rendez-vous à venir sera annulé",
        "Le plan d'action sera figé : 3 actions non terminées resteront en l'état",
      ],
    ],
  ];
  for (const [label, items, expected] of consequences) {
    test(`closingConsequences: ${label}`, () =>
      assert.deepEqual(closingConsequences(items, "2026-11-24"), expected));
  }

  const timeline: [string, Parameters<typeof closingTimelineText>[0], string][] = [
    [
      "nothing was open",
      { cancelledAppointments: 0, endedObligations: 0, openActions: 0 },
      "Mesure clôturée",
    ],
    [
      "one of each",
      { cancelledAppointments: 1, endedObligations: 1, openActions: 1 },
      "Mesure clôturée : 1 rendez-vous annulé, 1 obligation terminée le 24/11/2026, plan d'action figé (1 action non terminée)",
    ],
    [
      "several appointments only",
      { cancelledAppointments: 3, endedObligations: 0, openActions: 0 },
      "Mesure clôturée : 3 rendez-vous annulés",
    ],
    [
      "obligations and actions",
      { cancelledAppointments: 0, endedObligations: 2, openActions: 4 },
      "Mesure clôturée : 2 obligations terminées le 24/11/2026, plan d'action figé (4 actions non terminées)",
    ],
  ];
  for (const [label, effects, expected] of timeline) {
    test(`closingTimelineText: ${label}`, () =>
      assert.equal(closingTimelineText(effects, "2026-11-24"), expected));
  }
  test("closingEffectsText is null when nothing was open", () =>
    assert.equal(
      closingEffectsText({ cancelledAppointments: 0, endedObligations: 0, openActions: 0 }, "2026-11-24"),
      null,
    ));

  const reminders: [string, Parameters<typeof reminderPending>[0], boolean][] = [
    [
      "consent, address, not sent",
      { reminderConsent: true, email: "a@exemple.invalid", reminderSentAt: null },
      true,
    ],
    ["already sent", { reminderConsent: true, email: "a@exemple.invalid", reminderSentAt: at }, false],
    ["no consent", { reminderConsent: false, email: "a@exemple.invalid", reminderSentAt: null }, false],
    ["blank address", { reminderConsent: true, email: "  ", reminderSentAt: null }, false],
    ["no address", { reminderConsent: true, email: null, reminderSentAt: null }, false],
  ];
  for (const [label, a, expected] of reminders) {
    test(`reminderPending: ${label}`, () => assert.equal(reminderPending(a), expected));
  }
});

describe("noteFromConclusion", () => {
  const cases: [string, string, number, string][] = [
    ["a short conclusion is kept, trimmed", "  Avis favorable.  ", 1000, "Avis favorable."],
    ["a long one is cut at a word", "Avis favorable à la fin de la mesure", 20, "Avis favorable à la…"],
    ["lines are kept", "Bilan positif.\nAvis favorable.", 1000, "Bilan positif.\nAvis favorable."],
  ];
  for (const [label, text, max, expected] of cases) {
    test(label, () => {
      const note = noteFromConclusion(text, max);
      assert.equal(note, expected);
      assert.ok(note.length <= max);
    });
  }
});
