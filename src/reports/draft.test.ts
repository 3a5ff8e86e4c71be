import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { ReportKind } from "../reference/data/measure-types.ts";
import {
  breachedObligations,
  buildReportDraft,
  countAttendance,
  NOT_PROVIDED,
  REPORT_TEMPLATES,
  type ReportData,
  type ReportSection,
} from "./draft.ts";
import { emptyReportDataFixture, reportDataFixture } from "./test-fixtures.ts";

const KINDS: ReportKind[] = [
  "rapport_enquete",
  "rapport_etape",
  "rapport_fin_mesure",
  "rapport_incident",
  "proposition_amenagement",
];

function body(sections: ReportSection[], key: string): string {
  const found = sections.find((s) => s.key === key);
  assert.ok(found, `section ${key} missing`);
  return found.body;
}

describe("buildReportDraft: every kind", () => {
  for (const kind of KINDS) {
    test(`${kind}: the template's sections in order, identity and mandate filled, conclusion left to write`, () => {
      const sections = buildReportDraft(kind, reportDataFixture());
      assert.deepEqual(
        sections.map((s) => s.title),
        REPORT_TEMPLATES[kind].map((t) => t.title),
      );
      assert.equal(sections[0]?.key, "identite");
      assert.match(body(sections, "identite"), /Nom et prénom : ÉLUARD-NGUYÊN Maëlys/);
      assert.match(body(sections, "identite"), /Date et lieu de naissance : 12\/05\/1994 à Ville-Exemple/);
      assert.match(body(sections, "mandat"), /Magistrat mandant : Juge d'instruction – Mme Exemple/);
      assert.match(body(sections, "mandat"), /Juridiction : Tribunal judiciaire de Bordeaux/);
      assert.match(body(sections, "mandat"), /Base légale : art\. 138 CPP/);
      assert.match(
        body(sections, "mandat"),
        /Décision du 01\/09\/2026, mandat reçu par le service le 03\/09\/2026/,
      );
      assert.equal(sections.at(-1)?.key, "conclusion");
      assert.equal(sections.at(-1)?.body, "");
      for (const s of sections.slice(0, -1)) assert.notEqual(s.body.trim(), "", `${kind}/${s.key} is empty`);
    });

    test(`${kind}: an empty file gives « Non renseigné » instead of breaking`, () => {
      const sections = buildReportDraft(kind, emptyReportDataFixture());
      assert.match(body(sections, "identite"), /^Date et lieu de naissance : Non renseignée$/m);
      assert.match(body(sections, "identite"), /^Situation familiale : Non renseignée$/m);
      assert.match(body(sections, "identite"), /^Adresse : Non renseignée$/m);
      assert.match(body(sections, "mandat"), new RegExp(`Numéro de procédure : ${NOT_PROVIDED}`));
      assert.match(body(sections, "mandat"), /Magistrat mandant : Juge d'instruction$/m);
      for (const s of sections) assert.doesNotMatch(s.body, /undefined|null|NaN/, `${kind}/${s.key}`);
    });
  }
});

describe("buildReportDraft: the assessment", () => {
  test("each domain with its level, needs and notes, and the date of the assessment", () => {
    const text = body(buildReportDraft("rapport_etape", reportDataFixture()), "situation");
    assert.match(text, /Évaluation du 20\/09\/2026\./);
    assert.match(
      text,
      /– Logement : difficulté majeure\. Besoins : Hébergement stable\. Hébergée chez un tiers/,
    );
    assert.match(text, /– Emploi et formation : difficulté$/m);
    assert.match(text, /– Addictions : pas de difficulté/);
  });

  test("without assessment the section says so", () => {
    const data = { ...reportDataFixture(), assessment: null };
    for (const kind of [
      "rapport_etape",
      "rapport_fin_mesure",
      "proposition_amenagement",
      "rapport_enquete",
    ] as const) {
      const text = body(buildReportDraft(kind, data), "situation");
      assert.equal(
        text,
        "Non renseigné : aucune évaluation de la situation n'a été enregistrée dans le dossier.",
      );
    }
  });
});

describe("buildReportDraft: appointments", () => {
  test("kept, excused and missed appointments are counted and the missed ones dated", () => {
    const text = body(buildReportDraft("rapport_etape", reportDataFixture()), "rendez_vous");
    assert.match(
      text,
      /^6 rendez-vous depuis le début de la mesure : 2 honorés, 1 absence excusée, 2 absences non excusées, 1 sans présence renseignée\.$/m,
    );
    assert.match(
      text,
      /^Absences non excusées : le 08\/10\/2026 \(entretien\), le 05\/11\/2026 \(entretien avec un partenaire\)\.$/m,
    );
    assert.match(text, /^Absence excusée : le 22\/10\/2026 \(entretien\)\.$/m);
    assert.match(text, /^Présence à renseigner : le 19\/11\/2026 \(entretien\)\.$/m);
  });

  test("the enquiry report details every meeting", () => {
    const text = body(buildReportDraft("rapport_enquete", reportDataFixture()), "deroulement");
    assert.match(text, /– 24\/09\/2026 : Visite à domicile – présent·e/);
    assert.match(text, /– 05\/11\/2026 : Entretien avec un partenaire, avec CSAPA Exemple – absent·e/);
    assert.match(text, /– 19\/11\/2026 : Entretien – présence non renseignée/);
  });

  test("countAttendance over edge cases", () => {
    const cases: [Parameters<typeof countAttendance>[0], ReturnType<typeof countAttendance>][] = [
      [[], { total: 0, present: 0, excuse: 0, absent: 0, unknown: 0 }],
      [[{ attendance: null }], { total: 1, present: 0, excuse: 0, absent: 0, unknown: 1 }],
      [
        [{ attendance: "absent" }, { attendance: "absent" }, { attendance: "present" }],
        { total: 3, present: 1, excuse: 0, absent: 2, unknown: 0 },
      ],
      [[{ attendance: "excuse" }], { total: 1, present: 0, excuse: 1, absent: 0, unknown: 0 }],
    ];
    for (const [input, expected] of cases) assert.deepEqual(countAttendance(input), expected);
  });

  test("with no appointment the section reads « Non renseigné »", () => {
    const data = { ...reportDataFixture(), appointments: [] };
    assert.match(body(buildReportDraft("rapport_fin_mesure", data), "rendez_vous"), /^Non renseigné/);
  });
});

describe("buildReportDraft: obligations", () => {
  test("each obligation with its proofs and findings, and the ones not respected listed", () => {
    const text = body(buildReportDraft("rapport_fin_mesure", reportDataFixture()), "obligations");
    assert.match(text, /– Obligation : Exercer une activité professionnelle, depuis le 01\/09\/2026\./);
    assert.match(text, /· 2 justificatifs reçus à temps, prochain justificatif attendu le 04\/12\/2026\./);
    assert.match(text, /· Aucun justificatif n'est attendu pour cette obligation\./);
    assert.match(text, /· Incidents liés : 1 manquement signalé le 06\/11\/2026\./);
    assert.match(text, /du 01\/10\/2026 au 31\/10\/2026 : non respectée \(Aucun rendez-vous au CSAPA\)/);
    assert.match(
      text,
      /^À signaler : 1 manquement signalé le 06\/11\/2026 ; 1 obligation constatée comme non respectée \(Se soumettre à des soins\)\.$/m,
    );
  });

  test("when every finding is respected and nothing else is on file, the report says so with its figures", () => {
    const data = reportDataFixture();
    const respected = {
      ...data,
      incidents: [],
      obligations: data.obligations.map((o) => ({
        ...o,
        findings: o.findings.map((f) => ({ ...f, status: "respectee" as const })),
      })),
    };
    assert.deepEqual(breachedObligations(respected.obligations), []);
    const text = body(buildReportDraft("rapport_etape", respected), "obligations");
    assert.match(
      text,
      /^Toutes les obligations ont été constatées comme respectées : 2 justificatifs attendus reçus à temps, aucun incident lié à une obligation\.$/m,
    );
  });

  test("a file with two missing proofs and an absence linked to an obligation never reads as respected", () => {
    const data = reportDataFixture();
    const [work] = data.obligations;
    assert.ok(work);
    const file: ReportData = {
      ...data,
      today: "2026-12-10",
      obligations: [{ ...work, proofs: [], findings: [] }],
      incidents: [
        {
          ...(data.incidents[0] as ReportData["incidents"][number]),
          obligationId: work.id,
          occurredOn: "2026-10-08",
        },
      ],
    };
    const text = body(buildReportDraft("rapport_fin_mesure", file), "obligations");
    assert.doesNotMatch(text, /respectées :|Aucune obligation n'a été constatée/);
    assert.match(
      text,
      /^À signaler : 3 justificatifs attendus n'ont pas été reçus \(attendus le 05\/10\/2026, le 04\/11\/2026 et le 04\/12\/2026\) ; 1 absence non excusée le 08\/10\/2026 ; 1 obligation sans constat à ce jour \(Exercer une activité professionnelle\)\.$/m,
    );
  });

  test("a partial or unjustified finding is not a breach; one « non respectée » period is", () => {
    const base = reportDataFixture().obligations[0];
    assert.ok(base);
    const cases: [("respectee" | "partielle" | "non_respectee" | "non_justifiee")[], number][] = [
      [[], 0],
      [["partielle"], 0],
      [["non_justifiee"], 0],
      [["respectee", "non_respectee"], 1],
      [["non_respectee", "respectee"], 1],
    ];
    for (const [statuses, expected] of cases) {
      const obligation: ReportData["obligations"][number] = {
        ...base,
        findings: statuses.map((status) => ({
          periodStart: "2026-09-01",
          periodEnd: "2026-09-30",
          status,
          note: null,
        })),
      };
      assert.equal(breachedObligations([obligation]).length, expected, statuses.join(","));
    }
  });
});

describe("buildReportDraft: plan, incidents, partners", () => {
  test("the action plan with the status of each objective and action", () => {
    const text = body(buildReportDraft("rapport_etape", reportDataFixture()), "accompagnement");
    assert.match(text, /^2 objectifs : 1 atteint, 1 en cours\.$/m);
    assert.match(text, /^2 actions : 1 réalisée, 1 à faire\.$/m);
    assert.match(text, /– Logement : Accéder à un logement autonome – En cours, échéance 31\/01\/2027/);
    assert.match(text, /· Demande au SIAO \(avec SIAO Exemple\) : réalisée le 10\/10\/2026/);
    assert.match(text, /· Dossier de logement social : à faire, prévue avant le 15\/12\/2026/);
    assert.match(text, /– Emploi : Reprendre une activité – Atteint \(Contrat à durée déterminée signé\)/);
  });

  test("incidents are listed with the date they were reported", () => {
    const text = body(buildReportDraft("rapport_etape", reportDataFixture()), "incidents");
    assert.match(text, /^2 incidents enregistrés :$/m);
    assert.match(
      text,
      /08\/10\/2026 – Absence à une convocation : .* \(signalé au magistrat le 09\/10\/2026\)/,
    );
    const none = body(
      buildReportDraft("rapport_etape", { ...reportDataFixture(), incidents: [] }),
      "incidents",
    );
    assert.equal(none, "Aucun incident n'a été enregistré pendant la mesure.");
  });

  test("the incident report tells the chosen incident, its obligation, and the other incidents", () => {
    const sections = buildReportDraft("rapport_incident", reportDataFixture());
    const facts = body(sections, "faits");
    assert.match(facts, /^Le 06\/11\/2026 – Non-respect d'une obligation\.$/m);
    assert.match(facts, /Aucun justificatif de soins depuis deux mois\./);
    assert.match(facts, /Obligation concernée : Se soumettre à des soins\./);
    assert.match(facts, /Autres incidents enregistrés pendant la mesure : 1\./);
    const obligations = body(sections, "obligations");
    assert.match(obligations, /Se soumettre à des soins/);
    assert.doesNotMatch(obligations, /Exercer une activité professionnelle/);
  });

  test("an incident report without a chosen incident asks for the facts", () => {
    const sections = buildReportDraft("rapport_incident", { ...reportDataFixture(), incidentIds: [] });
    assert.equal(body(sections, "faits"), "Non renseigné : décrivez les faits à signaler au magistrat.");
  });

  test("partners come from the actions and the appointments, once each, in order", () => {
    const text = body(buildReportDraft("rapport_fin_mesure", reportDataFixture()), "partenaires");
    assert.equal(text, "– CSAPA Exemple\n– SIAO Exemple");
  });

  test("the proposal of a sentence adjustment lists the housing, employment and training objectives", () => {
    const text = body(buildReportDraft("proposition_amenagement", reportDataFixture()), "projet");
    assert.match(text, /– Logement : Accéder à un logement autonome – En cours/);
    assert.match(text, /– Emploi : Reprendre une activité – Atteint/);
    const none = body(
      buildReportDraft("proposition_amenagement", { ...reportDataFixture(), plan: [] }),
      "projet",
    );
    assert.match(none, /^Non renseigné/);
  });
});
