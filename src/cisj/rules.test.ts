import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { MEMOIRE_PARTS, type TrainingCategory } from "../training/reference.ts";
import { cisjProgress } from "../training/rules.ts";
import {
  canEditParts,
  cleanParts,
  depositMemoire,
  type EquivalenceInput,
  equivalenceItem,
  nextSteps,
  normalizeCertificateNumber,
  type PathItem,
  pathProgress,
  planSoutenance,
  publicVerification,
  recordDecision,
  type SoutenanceInput,
  traineeMayDeposit,
} from "./rules.ts";
import type { DossierStatus } from "./tables.ts";

let n = 0;
function followed(category: TrainingCategory, validatedOn = "2022-05-01", id?: string): PathItem {
  n += 1;
  return {
    trainingId: id ?? `t${n}`,
    code: `${category}${n}`,
    title: `Formation ${n}`,
    category,
    hours: 21,
    validated: true,
    validatedOn,
    countsForCisj: true,
    source: "formation",
    basis: "test",
  };
}

function path(tc: number, msj: number, tr: number): PathItem[] {
  return [
    ...Array.from({ length: tc }, () => followed("TC")),
    ...Array.from({ length: msj }, () => followed("MSJ")),
    ...Array.from({ length: tr }, () => followed("TR")),
  ];
}

function categoryEquivalence(
  category: TrainingCategory,
  id = "e1",
  reason = "Diplôme reconnu",
): EquivalenceInput {
  return { id, reason, grantedOn: "2025-01-10", training: null, category };
}

const ALL_PARTS = MEMOIRE_PARTS.map((p) => p.code);

describe("équivalences on the path", () => {
  test("a category équivalence fills a missing training of that category", () => {
    const without = pathProgress(path(5, 2, 1), []);
    assert.equal(without.countedTotal, 8);
    assert.equal(without.complete, false);
    const withIt = pathProgress(path(5, 2, 1), [categoryEquivalence("TR")]);
    assert.equal(withIt.countedTotal, 9);
    assert.equal(withIt.complete, true);
    const counted = withIt.byCategory.TR.counted.find((i) => i.source === "equivalence");
    assert.equal(counted?.reason, "Diplôme reconnu");
    assert.equal(counted?.hours, 0, "a category équivalence brings no hours");
  });

  test("an équivalence beyond the requirement is listed as extra, never counted in another category", () => {
    const p = pathProgress(path(5, 2, 1), [categoryEquivalence("TC")]);
    assert.equal(p.countedTotal, 8);
    assert.equal(p.byCategory.TC.extra.length, 1);
    assert.equal(p.byCategory.TR.missing, 1);
  });

  test("a training both followed and granted by équivalence counts once", () => {
    const tr = followed("TR", "2023-03-01", "tr-x");
    const eq: EquivalenceInput = {
      id: "e2",
      reason: "Formation suivie ailleurs",
      grantedOn: "2024-02-02",
      training: { id: "tr-x", code: "TRX", title: "Transversale X", category: "TR", hours: 14 },
      category: null,
    };
    const p = pathProgress([...path(5, 2, 0), tr], [eq]);
    assert.equal(p.byCategory.TR.counted.length, 1);
    assert.equal(p.countedTotal, 8);
    // The earliest validation is kept: the session of 2023, not the équivalence of 2024.
    assert.equal(p.byCategory.TR.counted[0]?.source, "formation");
  });

  test("two category équivalences are two trainings; an équivalence without a reason counts for nothing", () => {
    const p = pathProgress(path(5, 2, 0), [categoryEquivalence("TR", "a"), categoryEquivalence("TR", "b")]);
    assert.equal(p.byCategory.TR.counted.length, 2);
    assert.equal(equivalenceItem(categoryEquivalence("TR", "c", "   ")), null);
    assert.equal(pathProgress(path(5, 2, 1), [categoryEquivalence("TR", "d", "")]).countedTotal, 8);
  });

  test("pathProgress agrees with cisjProgress when there is no équivalence", () => {
    const items = path(4, 3, 2);
    const a = pathProgress(items, []);
    const b = cisjProgress(items);
    assert.deepEqual(
      { total: a.countedTotal, hours: a.hoursDone, extra: a.extraHours },
      { total: b.countedTotal, hours: b.hoursDone, extra: b.extraHours },
    );
  });
});

describe("depositing the mémoire", () => {
  test("15 and 30 pages are accepted, 14 and 31 refused with the count of the file", () => {
    const cases: [number, boolean, RegExp | null][] = [
      [14, false, /au moins 15 pages : ce fichier PDF en compte 14 pages/],
      [15, true, null],
      [30, true, null],
      [31, false, /au plus 30 pages : ce fichier PDF en compte 31 pages/],
      [1, false, /en compte 1 page$/],
    ];
    for (const [pages, ok, message] of cases) {
      const r = depositMemoire("ouvert", pages);
      assert.equal(r.ok, ok, `${pages} pages`);
      if (!r.ok && message) assert.match(r.message, message);
      if (r.ok) assert.equal(r.status, "memoire_depose");
    }
  });

  test("possible while open, deposited or ajourné; refused once the soutenance is planned or certified", () => {
    const table: [DossierStatus, boolean][] = [
      ["ouvert", true],
      ["memoire_depose", true],
      ["ajourne", true],
      ["soutenance_planifiee", false],
      ["certifie", false],
    ];
    for (const [status, ok] of table) {
      assert.equal(depositMemoire(status, 20).ok, ok, status);
      assert.equal(traineeMayDeposit(status), ok, status);
    }
  });
});

describe("parts of the mémoire", () => {
  test("ticked on a deposited mémoire, not before, not once the soutenance is planned", () => {
    assert.equal(canEditParts("ouvert", false).ok, false);
    assert.equal(canEditParts("memoire_depose", true).ok, true);
    assert.equal(canEditParts("ajourne", true).ok, true);
    assert.equal(canEditParts("soutenance_planifiee", true).ok, false);
    assert.equal(canEditParts("certifie", true).ok, false);
  });

  test("unknown codes are dropped and the order is the list's", () => {
    assert.deepEqual(cleanParts(["results", "bogus", "context", "context"]), ["context", "results"]);
  });
});

describe("planning the soutenance", () => {
  const ready: SoutenanceInput = {
    status: "memoire_depose",
    hasMemoire: true,
    checkedParts: ALL_PARTS,
    pathComplete: true,
    date: "2026-06-12",
    jury: [
      { name: "Mme A", role: "Juge de l'application des peines" },
      { name: "M. B", role: "Directeur de service" },
    ],
  };

  test("with the nine trainings, the mémoire, every part, a date and two professionals", () => {
    assert.deepEqual(planSoutenance(ready), { ok: true, status: "soutenance_planifiee" });
    assert.equal(planSoutenance({ ...ready, status: "ajourne" }).ok, true, "a new soutenance after ajourné");
    assert.equal(planSoutenance({ ...ready, status: "soutenance_planifiee" }).ok, true, "moving it");
  });

  test("a missing part is named; the annex too", () => {
    const r = planSoutenance({ ...ready, checkedParts: ALL_PARTS.filter((c) => c !== "annex_report") });
    assert.equal(r.ok, false);
    if (!r.ok)
      assert.match(
        r.errors.soutenance ?? "",
        /il manque : en annexe, l'écrit professionnel destiné au magistrat/,
      );
  });

  test("one member is not a jury; a name without a role is refused", () => {
    const one = planSoutenance({
      ...ready,
      jury: [
        { name: "Mme A", role: "Juge" },
        { name: "", role: "" },
      ],
    });
    assert.equal(one.ok, false);
    if (!one.ok) assert.match(one.errors.juryName1 ?? "", /au moins 2 professionnels/);
    const noRole = planSoutenance({ ...ready, jury: [...ready.jury, { name: "Mme C", role: "" }] });
    assert.equal(noRole.ok, false);
    if (!noRole.ok) assert.match(noRole.errors.juryRole3 ?? "", /fonction du membre 3/);
  });

  test("no date, no mémoire, an incomplete path or a closed dossier are refused", () => {
    const noDate = planSoutenance({ ...ready, date: null });
    assert.equal(noDate.ok, false);
    if (!noDate.ok) assert.ok(noDate.errors.soutenanceDate);
    const noMemoire = planSoutenance({ ...ready, hasMemoire: false, status: "ouvert" });
    if (!noMemoire.ok) assert.match(noMemoire.errors.soutenance ?? "", /mémoire doit être déposé/);
    else assert.fail("accepted without a mémoire");
    const incomplete = planSoutenance({ ...ready, pathComplete: false });
    if (!incomplete.ok) assert.match(incomplete.errors.soutenance ?? "", /9 formations/);
    else assert.fail("accepted with an incomplete path");
    assert.equal(planSoutenance({ ...ready, status: "certifie" }).ok, false);
  });
});

describe("the jury's decision", () => {
  const planned = {
    status: "soutenance_planifiee" as DossierStatus,
    soutenanceDate: "2026-06-12",
    today: "2026-06-12",
    decision: "admis" as const,
    comment: "",
    pathComplete: true,
  };

  test("admis certifies, ajourné with a comment adjourns", () => {
    assert.deepEqual(recordDecision(planned), { ok: true, status: "certifie" });
    assert.deepEqual(
      recordDecision({ ...planned, decision: "ajourne", comment: "Reprendre l'analyse critique" }),
      {
        ok: true,
        status: "ajourne",
      },
    );
  });

  test("not before the day of the soutenance (the day itself is fine)", () => {
    assert.equal(recordDecision({ ...planned, today: "2026-06-11" }).ok, false);
    assert.equal(recordDecision({ ...planned, today: "2026-06-12" }).ok, true);
  });

  test("ajourné needs a comment; admis needs the nine trainings; a soutenance must be planned", () => {
    const noComment = recordDecision({ ...planned, decision: "ajourne", comment: " " });
    assert.equal(noComment.ok, false);
    if (!noComment.ok) assert.ok(noComment.errors.decisionComment);
    assert.equal(recordDecision({ ...planned, pathComplete: false }).ok, false);
    assert.equal(recordDecision({ ...planned, status: "memoire_depose" }).ok, false);
    assert.equal(recordDecision({ ...planned, status: "certifie" }).ok, false);
    assert.equal(recordDecision({ ...planned, decision: null }).ok, false);
  });
});

describe("next steps", () => {
  test("the missing trainings first, then the step of the dossier", () => {
    const incomplete = pathProgress(path(3, 1, 0), []);
    assert.deepEqual(nextSteps(incomplete, { status: "ouvert", soutenanceDate: null }), incomplete.remaining);
    const complete = pathProgress(path(5, 2, 2), []);
    assert.deepEqual(nextSteps(complete, null), complete.remaining);
    assert.match(
      nextSteps(complete, { status: "ouvert", soutenanceDate: null })[0] ?? "",
      /Déposer le mémoire/,
    );
    assert.match(
      nextSteps(complete, { status: "soutenance_planifiee", soutenanceDate: "2026-06-12" })[0] ?? "",
      /le 12\/06\/2026/,
    );
    assert.match(
      nextSteps(complete, { status: "certifie", soutenanceDate: null })[0] ?? "",
      /certificat est délivré/,
    );
  });
});

describe("public verification", () => {
  test("numbers are tidied; anything else is refused", () => {
    const table: [string, string | null][] = [
      ["CISJ-2026-00042", "CISJ-2026-00042"],
      [" cisj-2026-00042 ", "CISJ-2026-00042"],
      ["CISJ 2026 00042", "CISJ-2026-00042"],
      ["CISJ–2026–00042", "CISJ-2026-00042"],
      ["CISJ-2026-42", null],
      ["CISJ-26-00042", null],
      ["' or 1=1 --", null],
      ["", null],
    ];
    for (const [input, expected] of table) assert.equal(normalizeCertificateNumber(input), expected, input);
  });

  test("shows name, date and validity, nothing else", () => {
    const shown = publicVerification({
      number: "CISJ-2026-00001",
      holderName: "Inès MARTIN",
      issuedOn: "2026-03-02",
      revoked: false,
      ...({ email: "ines@example.org", associationName: "Association" } as object),
    });
    assert.deepEqual(Object.keys(shown).sort(), ["holderName", "issuedOn", "number", "validity"]);
    assert.equal(shown.validity, "valide");
    assert.equal(
      publicVerification({ number: "x", holderName: "y", issuedOn: "2026-01-01", revoked: true }).validity,
      "révoqué",
    );
  });
});
