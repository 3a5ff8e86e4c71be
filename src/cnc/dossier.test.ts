import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { buildDossier, courseOf, type DossierCandidacy, type DossierCandidate } from "./dossier.ts";
import { CANDIDACY_PIECES } from "./reference.ts";

const candidate: DossierCandidate = {
  birthDate: "1980-05-10",
  oldCertificate: null,
  heldMentions: [],
  hasSocialWorkDiploma: false,
  hasLevel5Diploma: true,
  level5JobMonths: 0,
};
const candidacy: DossierCandidacy = {
  mention: "MJPM",
  mode: "salarie_service",
  status: "brouillon",
  feeCents: 18_700,
  feePaidOn: null,
  requestedDispenses: [],
  requestedAllegements: [],
};
const piece = (code: string) => ({
  code,
  provided: true,
  filename: null,
  mimeType: null,
  size: null,
  providedBy: "service" as const,
  providedAt: new Date("2026-01-10T10:00:00Z"),
});
const allPieces = CANDIDACY_PIECES.filter((p) => p.code !== "fee_payment").map((p) => piece(p.code));

describe("buildDossier", () => {
  test("a draft, then incomplete, then complete once the fee is paid", () => {
    const base = { candidate, candidacy, experiences: [], decision: null, today: "2026-02-01" };
    const draft = buildDossier({ ...base, pieces: [] });
    assert.equal(draft.openStatus, "brouillon");
    assert.equal(draft.complete, false);
    const partial = buildDossier({ ...base, pieces: [piece("cv")] });
    assert.equal(partial.openStatus, "incomplet");
    assert.ok(partial.reasons.includes("Frais de dossier non réglés : 187,00 €"));
    const unpaid = buildDossier({ ...base, pieces: allPieces });
    assert.deepEqual(unpaid.reasons, ["Frais de dossier non réglés : 187,00 €"]);
    const paid = buildDossier({
      ...base,
      candidacy: { ...candidacy, feePaidOn: "2026-01-15" },
      pieces: allPieces,
    });
    assert.equal(paid.complete, true);
    assert.equal(paid.openStatus, "complet");
    assert.equal(paid.feeLabel, "187,00 €");
  });

  test("a current tutelary job makes the job descriptions and work certificates required", () => {
    const d = buildDossier({
      candidate,
      candidacy,
      experiences: [{ fromDate: "2025-01-15", toDate: null, tutelary: true, field: null }],
      pieces: [],
      decision: null,
      today: "2026-02-01",
    });
    assert.equal(d.context.exercisingTutelary, true);
    assert.equal(d.checklist.find((p) => p.code === "job_descriptions")?.required, true);
    const ended = buildDossier({
      candidate,
      candidacy,
      experiences: [{ fromDate: "2024-01-15", toDate: "2025-01-31", tutelary: true, field: null }],
      pieces: [],
      decision: null,
      today: "2026-02-01",
    });
    assert.equal(ended.checklist.find((p) => p.code === "job_descriptions")?.required, false);
    assert.equal(
      ended.checklist.find((p) => p.code === "work_certificates")?.required,
      true,
      "past tutelary activity is proven by the work certificates",
    );
    const none = buildDossier({
      candidate,
      candidacy,
      experiences: [{ fromDate: "2024-01-15", toDate: null, tutelary: false, field: "juridique" }],
      pieces: [],
      decision: null,
      today: "2026-02-01",
    });
    assert.equal(none.checklist.find((p) => p.code === "work_certificates")?.required, false);
  });

  test("only the jobs in a field required for the CNC count toward the required experience", () => {
    const prive = { ...candidacy, mode: "mandataire_prive" as const };
    const fourYears = { fromDate: "2020-01-01", toDate: "2023-12-31", tutelary: false };
    const cases = [
      { field: "juridique" as const, eligible: true },
      { field: "gestion" as const, eligible: true },
      { field: "social" as const, eligible: true },
      { field: "autre" as const, eligible: false },
      { field: null, eligible: false },
    ];
    for (const c of cases) {
      const d = buildDossier({
        candidate,
        candidacy: prive,
        experiences: [{ ...fourYears, field: c.field }],
        pieces: [],
        decision: null,
        today: "2026-02-01",
      });
      const check = d.eligibility.checks.find((x) => x.code === "experience");
      assert.equal(check?.ok, c.eligible, String(c.field));
      assert.equal(check?.actual, c.eligible ? "4 ans" : "0 mois", String(c.field));
    }
  });

  test("eligibility is checked on the entry into training once decided", () => {
    const young = { ...candidate, birthDate: "2005-03-01" };
    const before = buildDossier({
      candidate: young,
      candidacy,
      experiences: [],
      pieces: [],
      decision: null,
      today: "2026-02-28",
    });
    assert.equal(before.eligibility.eligible, false);
    const decided = buildDossier({
      candidate: young,
      candidacy,
      experiences: [],
      pieces: [],
      decision: { outcome: "admis", dispensedModules: [], allegedModules: [], entryDate: "2026-03-01" },
      today: "2026-02-28",
    });
    assert.equal(decided.on, "2026-03-01");
    assert.equal(decided.eligibility.eligible, true);
    assert.equal(decided.course?.theoryHoursDue, 300);
  });
});

describe("courseOf", () => {
  const tutelary = [{ fromDate: "2025-01-15", toDate: null, tutelary: true, field: null }];

  test("the internship: 5 months and 29 days do not dispense, 6 months do", () => {
    const short = courseOf("MJPM", tutelary, [], [], [], "2025-07-14", true);
    assert.equal(short.internship.dispensed, false);
    assert.deepEqual(short.tutelaryAtEntry, { months: 5, days: 29 });
    const enough = courseOf("MJPM", tutelary, [], [], [], "2025-07-15", true);
    assert.equal(enough.internship.dispensed, true);
    assert.deepEqual(enough.tutelaryAtEntry, { months: 6, days: 0 });
  });

  test("six months of tutelary activity dispense of the internship only with the work certificates", () => {
    const cases = [
      { entry: "2025-07-15", certificates: true, dispensed: true, awaiting: false },
      { entry: "2025-07-15", certificates: false, dispensed: false, awaiting: true },
      { entry: "2025-07-14", certificates: true, dispensed: false, awaiting: false },
      { entry: "2025-07-14", certificates: false, dispensed: false, awaiting: false },
    ];
    for (const c of cases) {
      const plan = courseOf("MJAGBF", tutelary, [], [], [], c.entry, c.certificates);
      assert.equal(plan.internship.dispensed, c.dispensed, JSON.stringify(c));
      assert.equal(plan.internship.awaitingWorkCertificates, c.awaiting, JSON.stringify(c));
    }
  });

  test("non-tutelary experience does not count for the internship", () => {
    const plan = courseOf(
      "MAJ",
      [{ fromDate: "2020-01-01", toDate: null, tutelary: false, field: null }],
      [],
      [],
      [],
      "2026-01-01",
      true,
    );
    assert.equal(plan.internship.dispensed, false);
  });

  test("the holder of the former TMP is dispensed of the mandatory MJPM modules", () => {
    const plan = courseOf("MJPM", [], ["TMP"], ["4.1", "4.2", "4.3"], [], "2026-01-05", false);
    assert.deepEqual(plan.errors, []);
    assert.equal(plan.theoryHoursDue, 300 - 66);
  });
});
