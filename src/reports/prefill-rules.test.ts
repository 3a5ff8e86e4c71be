import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  type AppointmentFacts,
  assessmentSentence,
  attendanceSentences,
  complianceSummary,
  dateList,
  findingsSentence,
  type IncidentFacts,
  incidentPhrases,
  type ObligationFacts,
  type PlanFacts,
  planSentences,
  proofFacts,
  proofSentence,
} from "./prefill-rules.ts";

/** Proofs due on the 30th of September, October and November 2026 (every 30 or 31 days). */
function monthly(change: Partial<ObligationFacts> = {}): ObligationFacts {
  return {
    id: "o1",
    label: "Exercer une activité professionnelle",
    proofRequired: true,
    firstProofDue: "2026-09-30",
    proofIntervalDays: 31,
    endDate: "2026-11-30",
    proofs: [],
    findings: [],
    ...change,
  };
}
// Due dates: 30/09/2026, 31/10/2026, 01/12/2026 > end date: so 30/09 and 31/10 only.
const received = (...dates: string[]) => dates.map((receivedOn) => ({ receivedOn }));
const respected = (periodStart: string, periodEnd: string) => ({
  periodStart,
  periodEnd,
  status: "respectee" as const,
  note: null,
});
const absence = (occurredOn: string, obligationId: string | null = "o1"): IncidentFacts => ({
  occurredOn,
  kind: "absence",
  obligationId,
});

describe("report filling: what the file shows of one obligation's proofs", () => {
  const cases: { name: string; obligation: ObligationFacts; today: string; expected: string }[] = [
    {
      name: "everything received on time",
      obligation: monthly({ proofs: received("2026-09-28", "2026-10-30") }),
      today: "2026-12-10",
      expected: "2 justificatifs reçus à temps.",
    },
    {
      name: "a missing proof",
      obligation: monthly({ proofs: received("2026-09-28") }),
      today: "2026-12-10",
      expected:
        "1 justificatif reçu à temps, 1 justificatif attendu n'a pas été reçu (attendu le 31/10/2026).",
    },
    {
      name: "two missing proofs",
      obligation: monthly(),
      today: "2026-12-10",
      expected: "2 justificatifs attendus n'ont pas été reçus (attendus le 30/09/2026 et le 31/10/2026).",
    },
    {
      name: "a proof received late answers its due date",
      obligation: monthly({ proofs: received("2026-10-01", "2026-10-31") }),
      today: "2026-12-10",
      expected:
        "1 justificatif reçu à temps, 1 justificatif reçu en retard (attendu le 30/09/2026, reçu le 01/10/2026 : 1 j de retard).",
    },
    {
      name: "nothing due yet",
      obligation: monthly(),
      today: "2026-09-15",
      expected: "Aucun justificatif n'était encore attendu, prochain justificatif attendu le 30/09/2026.",
    },
    {
      name: "a due date without proof covered by a finding",
      obligation: monthly({ findings: [respected("2026-09-01", "2026-09-30")] }),
      today: "2026-10-05",
      expected:
        "1 échéance sans justificatif couverte par un constat (30/09/2026), prochain justificatif attendu le 31/10/2026.",
    },
    {
      name: "no proof required",
      obligation: monthly({ proofRequired: false, firstProofDue: null }),
      today: "2026-12-10",
      expected: "Aucun justificatif n'est attendu pour cette obligation.",
    },
  ];
  for (const c of cases) test(c.name, () => assert.equal(proofSentence(c.obligation, c.today), c.expected));

  test("the facts behind the sentence", () => {
    assert.deepEqual(proofFacts(monthly({ proofs: received("2026-10-03") }), "2026-12-10"), {
      missing: ["2026-10-31"],
      late: [{ due: "2026-09-30", receivedOn: "2026-10-03", daysLate: 3 }],
      onTime: 0,
      covered: [],
      nextDue: null,
    });
  });
});

describe("report filling: the compliance summary never says more than the file", () => {
  const allFound = [respected("2026-09-01", "2026-11-30")];
  const cases: {
    name: string;
    obligations: ObligationFacts[];
    incidents?: IncidentFacts[];
    expected: string;
  }[] = [
    {
      name: "everything respected",
      obligations: [monthly({ proofs: received("2026-09-28", "2026-10-30"), findings: allFound })],
      expected:
        "Toutes les obligations ont été constatées comme respectées : 2 justificatifs attendus reçus à temps, aucun incident lié à une obligation.",
    },
    {
      name: "a missing proof",
      obligations: [
        monthly({ proofs: received("2026-09-28"), findings: [respected("2026-09-01", "2026-09-30")] }),
      ],
      expected: "À signaler : 1 justificatif attendu n'a pas été reçu (attendu le 31/10/2026).",
    },
    {
      name: "a due date without proof covered by a « respectée » finding is said",
      obligations: [monthly({ proofs: received("2026-09-28"), findings: allFound })],
      expected:
        "Toutes les obligations ont été constatées comme respectées : 1 justificatif attendu reçu à temps, 1 échéance sans justificatif couverte par un constat (31/10/2026), aucun incident lié à une obligation.",
    },
    {
      name: "a proof received late",
      obligations: [monthly({ proofs: received("2026-09-28", "2026-11-04"), findings: allFound })],
      expected:
        "À signaler : 1 justificatif reçu en retard (attendu le 31/10/2026, reçu le 04/11/2026 : 4 j de retard).",
    },
    {
      name: "an unexcused absence linked to an obligation",
      obligations: [monthly({ proofs: received("2026-09-28", "2026-10-30"), findings: allFound })],
      incidents: [absence("2026-10-08")],
      expected: "À signaler : 1 absence non excusée le 08/10/2026.",
    },
    {
      name: "an incident linked to no obligation is not a compliance fact",
      obligations: [monthly({ proofs: received("2026-09-28", "2026-10-30"), findings: allFound })],
      incidents: [absence("2026-10-08", null)],
      expected:
        "Toutes les obligations ont été constatées comme respectées : 2 justificatifs attendus reçus à temps, aucun incident lié à une obligation.",
    },
    {
      name: "an obligation with no finding yet",
      obligations: [monthly({ proofs: received("2026-09-28", "2026-10-30") })],
      expected: "À signaler : 1 obligation sans constat à ce jour (Exercer une activité professionnelle).",
    },
    {
      name: "the issue's file: two missing proofs and an unexcused absence on an obligation",
      obligations: [monthly()],
      incidents: [absence("2026-10-08"), absence("2026-11-05")],
      expected:
        "À signaler : 2 justificatifs attendus n'ont pas été reçus (attendus le 30/09/2026 et le 31/10/2026) ; 2 absences non excusées le 08/10/2026 et le 05/11/2026 ; 1 obligation sans constat à ce jour (Exercer une activité professionnelle).",
    },
    {
      name: "findings other than « respectée » are named",
      obligations: [
        monthly({
          proofs: received("2026-09-28", "2026-10-30"),
          findings: [
            { ...allFound[0], status: "non_respectee", note: null } as ObligationFacts["findings"][number],
          ],
        }),
        monthly({
          id: "o2",
          label: "Se soumettre à des soins",
          proofRequired: false,
          firstProofDue: null,
          findings: [
            { ...allFound[0], status: "partielle", note: null } as ObligationFacts["findings"][number],
          ],
        }),
      ],
      expected:
        "À signaler : 1 obligation constatée comme non respectée (Exercer une activité professionnelle) ; 1 obligation constatée comme partiellement respectée (Se soumettre à des soins).",
    },
    {
      name: "no obligation",
      obligations: [],
      expected: "Aucune obligation ni interdiction n'est enregistrée pour cette mesure.",
    },
  ];
  for (const c of cases)
    test(c.name, () =>
      assert.equal(complianceSummary(c.obligations, c.incidents ?? [], "2026-12-10"), c.expected),
    );
});

describe("report filling: findings and incidents of an obligation", () => {
  const cases: [string, ObligationFacts["findings"], string][] = [
    ["no finding yet", [], "Aucun constat n'a encore été enregistré pour cette obligation."],
    [
      "one finding",
      [respected("2026-09-01", "2026-09-30")],
      "Constat du 01/09/2026 au 30/09/2026 : respectée.",
    ],
    [
      "two findings, oldest first, with the note",
      [
        {
          periodStart: "2026-10-01",
          periodEnd: "2026-10-31",
          status: "non_respectee",
          note: "Aucun rendez-vous. ",
        },
        respected("2026-09-01", "2026-09-30"),
      ],
      "2 constats : du 01/09/2026 au 30/09/2026 : respectée ; du 01/10/2026 au 31/10/2026 : non respectée (Aucun rendez-vous).",
    ],
  ];
  for (const [name, findings, expected] of cases)
    test(name, () => assert.equal(findingsSentence(findings), expected));

  test("incidents grouped by kind with their dates", () => {
    assert.deepEqual(
      incidentPhrases([
        absence("2026-11-05"),
        { occurredOn: "2026-11-06", kind: "obligation_non_respectee", obligationId: "o1" },
        absence("2026-10-08"),
      ]),
      ["2 absences non excusées le 08/10/2026 et le 05/11/2026", "1 manquement signalé le 06/11/2026"],
    );
  });

  test("dates in a list", () => {
    assert.equal(dateList([]), "");
    assert.equal(dateList(["2026-11-30"]), "le 30/11/2026");
    assert.equal(
      dateList(["2026-10-01", "2026-10-02", "2026-10-03"]),
      "le 01/10/2026, le 02/10/2026 et le 03/10/2026",
    );
  });
});

describe("report filling: attendance", () => {
  const a = (date: string, attendance: AppointmentFacts["attendance"]): AppointmentFacts => ({
    date,
    kind: "entretien",
    attendance,
  });
  const cases: [string, AppointmentFacts[], string[]][] = [
    ["no appointment", [], []],
    ["one kept", [a("2026-09-10", "present")], ["1 rendez-vous depuis le début de la mesure, honoré."]],
    [
      "all kept",
      [a("2026-09-10", "present"), a("2026-09-24", "present")],
      ["2 rendez-vous depuis le début de la mesure, tous honorés."],
    ],
    [
      "an unexcused absence",
      [a("2026-09-10", "present"), a("2026-10-08", "absent")],
      [
        "2 rendez-vous depuis le début de la mesure : 1 honoré, 1 absence non excusée.",
        "Absence non excusée : le 08/10/2026 (entretien).",
      ],
    ],
    [
      "excused, unexcused and not recorded",
      [
        a("2026-10-08", "absent"),
        a("2026-10-22", "excuse"),
        a("2026-11-05", "absent"),
        a("2026-11-19", null),
      ],
      [
        "4 rendez-vous depuis le début de la mesure : 1 absence excusée, 2 absences non excusées, 1 sans présence renseignée.",
        "Absences non excusées : le 08/10/2026 (entretien), le 05/11/2026 (entretien).",
        "Absence excusée : le 22/10/2026 (entretien).",
        "Présence à renseigner : le 19/11/2026 (entretien).",
      ],
    ],
  ];
  for (const [name, appointments, expected] of cases)
    test(name, () => assert.deepEqual(attendanceSentences(appointments), expected));
});

describe("report filling: the action plan", () => {
  const objective = (status: PlanFacts["status"], actions: PlanFacts["actions"] = []): PlanFacts => ({
    title: "Objectif",
    status,
    actions,
  });
  const cases: [string, PlanFacts[], string[]][] = [
    ["no objective", [], []],
    ["one objective in progress", [objective("en_cours")], ["1 objectif : 1 en cours."]],
    [
      "objectives and actions by status, zero left out",
      [
        objective("atteint", [{ description: "Demande au SIAO", status: "atteint", dueDate: "2026-10-15" }]),
        objective("atteint"),
        objective("abandonne", [{ description: "Inscription", status: "abandonne", dueDate: null }]),
      ],
      ["3 objectifs : 2 atteints, 1 abandonné.", "2 actions : 1 réalisée, 1 abandonnée."],
    ],
    [
      "an action whose date has passed is late; a done one is not",
      [
        objective("en_cours", [
          { description: "Dossier de logement social", status: "a_faire", dueDate: "2026-11-15" },
          { description: "Rendez-vous CAF", status: "en_cours", dueDate: "2026-12-31" },
          { description: "Demande au SIAO", status: "atteint", dueDate: "2026-10-01" },
        ]),
      ],
      [
        "1 objectif : 1 en cours.",
        "3 actions : 1 réalisée, 1 en cours, 1 à faire.",
        "1 action en retard : Dossier de logement social (prévue avant le 15/11/2026).",
      ],
    ],
  ];
  for (const [name, plan, expected] of cases)
    test(name, () => assert.deepEqual(planSentences(plan, "2026-12-10"), expected));
});

describe("report filling: the assessment in figures", () => {
  const cases: [string, Parameters<typeof assessmentSentence>[0], string | null][] = [
    ["no domain", [], null],
    [
      "difficulties named by domain",
      [
        { domain: "logement", level: "majeure" },
        { domain: "emploi_formation", level: "difficulte" },
        { domain: "addictions", level: "aucune" },
      ],
      "3 domaines évalués : 1 en difficulté majeure (logement), 1 en difficulté (emploi et formation), 1 sans difficulté.",
    ],
    [
      "a domain not assessed is counted apart",
      [
        { domain: "sante_physique", level: "aucune" },
        { domain: "logement", level: "non_evaluee" },
      ],
      "1 domaine évalué sur 2 : 1 sans difficulté, 1 non évalué.",
    ],
  ];
  for (const [name, domains, expected] of cases)
    test(name, () => assert.equal(assessmentSentence(domains), expected));
});
