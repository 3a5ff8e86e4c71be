import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { chosenProposals, NEEDS_FIELD, objectiveTitle, proposalsFromNeeds } from "./to-plan.ts";

describe("objectiveTitle", () => {
  const cases: [string, string, number, string][] = [
    ["a short need is kept", "Hébergement d'urgence via le SIAO", 200, "Hébergement d'urgence via le SIAO"],
    [
      "lines and spaces are joined",
      "  Ouvrir ses droits\n- RSA\n\n- CSS ",
      200,
      "Ouvrir ses droits - RSA - CSS",
    ],
    [
      "a long need is cut at a word",
      "Trouver un logement stable proche du travail",
      20,
      "Trouver un logement…",
    ],
    ["a single long word is cut inside", "Anticonstitutionnellement", 10, "Anticonst…"],
  ];
  for (const [label, needs, max, expected] of cases) {
    test(label, () => {
      const title = objectiveTitle(needs, max);
      assert.equal(title, expected);
      assert.ok(title.length <= max);
    });
  }
});

describe("proposalsFromNeeds", () => {
  const domains = [
    { domain: "logement" as const, needs: "Hébergement d'urgence via le SIAO" },
    { domain: "emploi_formation" as const, needs: null },
    { domain: "addictions" as const, needs: "Suivi au CSAPA" },
    { domain: "justice" as const, needs: "   " },
  ];
  test("one per domain with needs, in the plan's domain; those already in the plan are marked", () => {
    const plan = [
      { domain: "soins", title: "suivi au csapa" },
      { domain: "hebergement", title: "Hébergement d'urgence via le SIAO" },
    ];
    assert.deepEqual(proposalsFromNeeds(domains, plan), [
      {
        domain: "logement",
        planDomain: "logement",
        title: "Hébergement d'urgence via le SIAO",
        inPlan: false,
      },
      { domain: "addictions", planDomain: "soins", title: "Suivi au CSAPA", inPlan: true },
    ]);
  });
});

describe("chosenProposals", () => {
  const proposals = proposalsFromNeeds(
    [
      { domain: "logement", needs: "Hébergement" },
      { domain: "addictions", needs: "CSAPA" },
      { domain: "famille_enfants", needs: "Droit de visite" },
    ],
    [{ domain: "famille", title: "Droit de visite" }],
  );
  const cases: [string, string[], string[], Record<string, string>][] = [
    ["two chosen", ["logement", "addictions"], ["logement", "addictions"], {}],
    ["one already in the plan is skipped", ["logement", "famille_enfants"], ["logement"], {}],
    ["nothing chosen", [], [], { [NEEDS_FIELD]: "Cochez au moins un besoin à ajouter au plan d'action" }],
    [
      "only one already in the plan",
      ["famille_enfants"],
      [],
      { [NEEDS_FIELD]: "Cochez au moins un besoin à ajouter au plan d'action" },
    ],
    [
      "a domain without needs",
      ["justice"],
      [],
      { [NEEDS_FIELD]: "Choisissez des besoins de cette évaluation" },
    ],
  ];
  for (const [label, chosen, expected, errors] of cases) {
    test(label, () => {
      const result = chosenProposals(chosen, proposals);
      assert.deepEqual(result.errors, errors);
      assert.deepEqual(
        result.chosen.map((p) => p.domain),
        expected,
      );
    });
  }
});
