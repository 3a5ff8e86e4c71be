import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  COURTS_OF_APPEAL,
  courtOfAppealById,
  JUDICIAL_COURTS,
  judicialCourtById,
  judicialCourtsForDepartement,
  judicialCourtsOfCourtOfAppeal,
} from "./courts.ts";
import { DEPARTEMENTS, departementByCode } from "./departements.ts";
import { MEASURE_TYPES, measureTypeByCode } from "./measure-types.ts";
import { ALSACE_MOSELLE_DEPARTEMENTS, NATIONAL_HOLIDAYS, SLAVERY_ABOLITION_DAYS } from "./public-holidays.ts";
import { obligationByCode, obligationsFor, STATUTORY_OBLIGATIONS } from "./statutory-obligations.ts";

function duplicates(values: readonly string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

describe("départements", () => {
  test("101 départements with unique codes, 5 overseas, 3 in Alsace-Moselle", () => {
    assert.equal(DEPARTEMENTS.length, 101);
    assert.deepEqual(duplicates(DEPARTEMENTS.map((d) => d.code)), []);
    assert.deepEqual(
      DEPARTEMENTS.filter((d) => d.zone === "drom").map((d) => d.code),
      ["971", "972", "973", "974", "976"],
    );
    assert.deepEqual(
      DEPARTEMENTS.filter((d) => d.alsaceMoselle).map((d) => d.code),
      [...ALSACE_MOSELLE_DEPARTEMENTS],
    );
  });

  test("lookup by code", () => {
    assert.equal(departementByCode("2A")?.name, "Corse-du-Sud");
    assert.equal(departementByCode("57")?.regionName, "Grand Est");
    assert.equal(departementByCode("99"), undefined);
  });
});

describe("courts", () => {
  test("36 cours d'appel, 164 tribunaux judiciaires and 4 tribunaux de première instance", () => {
    assert.equal(COURTS_OF_APPEAL.length, 36);
    assert.equal(JUDICIAL_COURTS.filter((c) => c.kind === "tj").length, 164);
    assert.equal(JUDICIAL_COURTS.filter((c) => c.kind === "tpi").length, 4);
    assert.deepEqual(duplicates(COURTS_OF_APPEAL.map((c) => c.id)), []);
    assert.deepEqual(duplicates(JUDICIAL_COURTS.map((c) => c.id)), []);
  });

  test("every tribunal judiciaire belongs to an existing cour d'appel", () => {
    for (const court of JUDICIAL_COURTS.filter((c) => c.kind === "tj")) {
      assert.ok(court.courtOfAppealId && courtOfAppealById(court.courtOfAppealId), court.id);
      for (const code of court.departements) assert.ok(departementByCode(code), `${court.id}: ${code}`);
    }
  });

  test("every département is covered by at least one tribunal judiciaire", () => {
    for (const d of DEPARTEMENTS) {
      assert.ok(judicialCourtsForDepartement(d.code).length > 0, d.code);
    }
  });

  test("the seven Alsace-Moselle courts are those seated in 57, 67 and 68", () => {
    const alsaceMoselle = JUDICIAL_COURTS.filter((c) => c.alsaceMoselle).map((c) => c.departementSeat);
    assert.equal(alsaceMoselle.length, 7);
    assert.ok(alsaceMoselle.every((code) => ALSACE_MOSELLE_DEPARTEMENTS.includes(code)));
    assert.equal(judicialCourtById("tj57463")?.name, "Tribunal judiciaire de Metz");
  });

  test("overseas first-instance courts map to their appeal court when it is a cour d'appel", () => {
    assert.equal(judicialCourtById("tpi98818")?.courtOfAppealId, "ca-noumea");
    assert.equal(judicialCourtById("tpi98613")?.courtOfAppealId, "ca-noumea");
    assert.equal(judicialCourtById("tpi98735")?.courtOfAppealId, "ca-papeete");
    assert.equal(judicialCourtById("tpi97502")?.courtOfAppealId, null);
  });

  test("courts suggested for a département list the courts seated there first", () => {
    const ids = judicialCourtsForDepartement("67").map((c) => c.id);
    assert.deepEqual(ids.slice(0, 2).sort(), ["tj67437", "tj67482"]);
    assert.ok(ids.includes("tj68066"), "Colmar also covers part of Bas-Rhin");
    assert.equal(judicialCourtsOfCourtOfAppeal("ca-colmar").length, 4);
  });
});

describe("statutory obligations", () => {
  test("21 items for art. 138 CPP, 6 for art. 132-44 CP, 27 for art. 132-45 CP", () => {
    assert.equal(obligationsFor("138").length, 21);
    assert.equal(obligationsFor("132-44").length, 6);
    assert.equal(obligationsFor("132-45").length, 27);
    assert.equal(STATUTORY_OBLIGATIONS.length, 54);
    assert.deepEqual(duplicates(STATUTORY_OBLIGATIONS.map((o) => o.code)), []);
  });

  test("items come back in display order, with short labels", () => {
    for (const article of ["138", "132-44", "132-45"] as const) {
      const orders = obligationsFor(article).map((o) => o.order);
      assert.deepEqual(
        orders,
        [...orders].sort((a, b) => a - b),
      );
    }
    for (const o of STATUTORY_OBLIGATIONS) {
      assert.ok(o.label.length <= 72, o.code);
      assert.ok(o.text.length >= o.label.length / 2, o.code);
    }
    assert.equal(obligationByCode("cpp138-12bis")?.number, "12° bis");
    assert.equal(obligationByCode("cp132-45-19")?.kind, "obligation");
  });
});

describe("public holiday data", () => {
  test("11 national holidays and one abolition date per overseas territory", () => {
    assert.equal(NATIONAL_HOLIDAYS.length, 11);
    assert.deepEqual(duplicates(SLAVERY_ABOLITION_DAYS.map((d) => d.code)), []);
    for (const d of DEPARTEMENTS.filter((x) => x.zone === "drom")) {
      assert.ok(
        SLAVERY_ABOLITION_DAYS.some((s) => s.code === d.code),
        d.code,
      );
    }
  });
});

describe("measure types", () => {
  const required = [
    "esr",
    "enquete_personnalite",
    "cjse",
    "arse",
    "mediation_penale",
    "composition_penale",
    "stage_citoyennete",
    "stage_violences_couple",
    "stage_stupefiants",
    "stage_securite_routiere",
    "stage_responsabilite_parentale",
    "placement_exterieur",
    "tig",
    "sursis_probatoire",
    "reparation_penale_mineurs",
    "mjie",
    "aide_victimes",
  ];

  test("the catalogue holds every expected type once", () => {
    assert.deepEqual(duplicates(MEASURE_TYPES.map((m) => m.code)), []);
    for (const code of required) assert.ok(measureTypeByCode(code), code);
    assert.equal(measureTypeByCode("unknown"), undefined);
  });

  test("each type is complete and its outcome codes are unique", () => {
    for (const m of MEASURE_TYPES) {
      assert.ok(m.publics.length > 0 && m.orderedBy.length > 0 && m.reportKinds.length > 0, m.code);
      assert.ok(m.outcomes.length >= 2, m.code);
      assert.deepEqual(duplicates(m.outcomes.map((o) => o.code)), [], m.code);
      assert.ok(
        Number.isInteger(m.defaultReportDeadline.amount) && m.defaultReportDeadline.amount > 0,
        m.code,
      );
    }
  });

  test("deadlines fixed by a text", () => {
    assert.deepEqual(measureTypeByCode("mjie")?.defaultReportDeadline, { amount: 6, unit: "months" });
    assert.deepEqual(measureTypeByCode("stage_citoyennete")?.defaultReportDeadline, {
      amount: 6,
      unit: "months",
    });
    assert.deepEqual(measureTypeByCode("esr")?.defaultReportDeadline, { amount: 1, unit: "calendar_days" });
  });

  test("minors' measures are for minors only", () => {
    assert.deepEqual(measureTypeByCode("mjie")?.publics, ["minor"]);
    assert.deepEqual(measureTypeByCode("reparation_penale_mineurs")?.publics, ["minor"]);
  });
});
