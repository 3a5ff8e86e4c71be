import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { checkPartner, type PartnerInput, partnerLabel, partnerValues } from "./rules.ts";

const base: PartnerInput = {
  kind: "magistrat",
  name: "Service de l'application des peines",
  magistrateFunction: "Juge de l'application des peines",
  courtId: "tj33063",
  contactName: null,
  phone: null,
  email: null,
  address: null,
  notes: null,
  active: true,
};

describe("checkPartner", () => {
  const cases: { why: string; input: Partial<PartnerInput>; errors: string[] }[] = [
    { why: "a magistrate with function and juridiction", input: {}, errors: [] },
    {
      why: "a magistrate without function",
      input: { magistrateFunction: null },
      errors: ["magistrateFunction"],
    },
    { why: "a magistrate without juridiction", input: { courtId: null }, errors: ["courtId"] },
    {
      why: "a magistrate with neither",
      input: { magistrateFunction: null, courtId: null },
      errors: ["courtId", "magistrateFunction"],
    },
    {
      why: "a function that is not in the list",
      input: { magistrateFunction: "Président de la République" },
      errors: ["magistrateFunction"],
    },
    {
      why: "a SPIP needs no function",
      input: { kind: "spip", magistrateFunction: null, courtId: null },
      errors: [],
    },
    { why: "a kind not yet chosen is left to the schema", input: { kind: null, courtId: null }, errors: [] },
  ];
  for (const c of cases) {
    test(c.why, () => {
      assert.deepEqual(Object.keys(checkPartner({ ...base, ...c.input })).sort(), c.errors);
    });
  }

  test("the messages are in French", () => {
    const errors = checkPartner({ ...base, magistrateFunction: null, courtId: null });
    assert.equal(errors.magistrateFunction, "Choisissez la fonction du magistrat");
    assert.equal(errors.courtId, "Choisissez la juridiction du magistrat");
  });
});

describe("partnerValues and partnerLabel", () => {
  test("only a magistrate keeps a function and a juridiction", () => {
    assert.equal(partnerValues({ ...base, kind: "magistrat" }).courtId, "tj33063");
    const spip = partnerValues({ ...base, kind: "spip" });
    assert.equal(spip.courtId, null);
    assert.equal(spip.magistrateFunction, null);
  });

  test("labels", () => {
    assert.equal(partnerLabel({ name: "CSAPA Les Tilleuls", kind: "soins" }), "CSAPA Les Tilleuls (Soins)");
    assert.equal(
      partnerLabel({
        name: "Cabinet n° 4",
        kind: "magistrat",
        magistrateFunction: "Juge d'instruction",
        courtSeat: "Bordeaux",
      }),
      "Cabinet n° 4 (Juge d'instruction, Bordeaux)",
    );
    assert.equal(partnerLabel({ name: "Parquet", kind: "magistrat" }), "Parquet (Magistrat)");
  });
});
