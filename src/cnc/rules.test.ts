import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  CANDIDACY_PIECES,
  CNC_TRAININGS,
  EXERCISE_MODE_INFO,
  type ExerciseMode,
  MENTIONS,
  type Mention,
} from "./reference.ts";
import {
  addMonths,
  ageOn,
  applyAllegement,
  applyDispense,
  CANDIDACY_STATUSES,
  type CncEligibilityInput,
  canContest,
  canDecide,
  candidacyFee,
  candidacyFeeCents,
  canGoToCommission,
  checkCommissionComposition,
  cncDeadline,
  cncEligibility,
  courseFieldErrors,
  crossDispensedModules,
  dossierOpen,
  dossierStatus,
  experienceCounts,
  experienceDuration,
  experienceFieldNote,
  formatEuros,
  formatMonths,
  inTutelaryActivity,
  mandatoryHours,
  missingPieces,
  monthsBetween,
  periodsUpTo,
  validateCourse,
} from "./rules.ts";

describe("calendar arithmetic", () => {
  test("ages change on the birthday, not the day before", () => {
    assert.equal(ageOn("2005-03-15", "2026-03-14"), 20);
    assert.equal(ageOn("2005-03-15", "2026-03-15"), 21);
    assert.equal(ageOn("2004-02-29", "2025-02-28"), 20);
    assert.equal(ageOn("2004-02-29", "2025-03-01"), 21);
  });

  test("months are counted on calendar boundaries", () => {
    assert.equal(monthsBetween("2025-01-15", "2025-07-14"), 5);
    assert.equal(monthsBetween("2025-01-15", "2025-07-15"), 6);
    assert.equal(monthsBetween("2025-01-31", "2025-02-28"), 0);
    assert.equal(monthsBetween("2025-01-31", "2025-03-01"), 1);
    assert.equal(monthsBetween("2025-07-15", "2025-01-15"), -6);
    assert.equal(addMonths("2025-01-31", 1), "2025-03-01");
    assert.equal(addMonths("2025-11-30", 3), "2026-03-01");
    assert.equal(addMonths("2025-11-15", 3), "2026-02-15");
    assert.throws(() => monthsBetween("2025-02-30", "2025-03-01"), RangeError);
  });

  test("a period of 5 months and 29 days is not 6 months; both ends count", () => {
    assert.deepEqual(experienceDuration([{ from: "2025-01-15", to: "2025-07-13" }]), { months: 5, days: 29 });
    assert.deepEqual(experienceDuration([{ from: "2025-01-15", to: "2025-07-14" }]), { months: 6, days: 0 });
  });

  test("overlapping periods count once, periods are cut at the limit, remaining days add up", () => {
    assert.deepEqual(
      experienceDuration([
        { from: "2020-01-01", to: "2020-12-31" },
        { from: "2020-06-01", to: "2021-06-30" },
      ]),
      { months: 18, days: 0 },
    );
    assert.deepEqual(experienceDuration([{ from: "2020-01-01", to: "2030-12-31" }], "2021-01-01"), {
      months: 12,
      days: 0,
    });
    assert.deepEqual(
      experienceDuration([
        { from: "2021-01-01", to: "2021-01-20" },
        { from: "2021-03-01", to: "2021-03-10" },
      ]),
      { months: 1, days: 0 },
    );
    assert.throws(() => experienceDuration([{ from: "2021-03-10", to: "2021-03-01" }]), RangeError);
  });

  test("durations read in French", () => {
    assert.equal(formatMonths(35), "2 ans et 11 mois");
    assert.equal(formatMonths(12), "1 an");
    assert.equal(formatMonths(5), "5 mois");
    assert.equal(formatMonths(0), "0 mois");
  });
});

describe("cncEligibility", () => {
  const base: CncEligibilityInput = {
    mention: "MJPM",
    mode: "salarie_service",
    birthDate: "2000-06-10",
    on: "2026-06-10",
    hasLevel5SocialWorkDiploma: false,
    hasLevel5Diploma: true,
    experienceMonths: 0,
    exercisingTutelaryActivity: false,
  };
  const check = (r: ReturnType<typeof cncEligibility>, code: string) => r.checks.find((c) => c.code === code);

  test("age: 25 for a mandataire privé, 21 otherwise, on the birthday", () => {
    const cases: [ExerciseMode, string, boolean][] = [
      ["mandataire_prive", "2025-06-09", false], // 24 the day before the 25th birthday
      ["mandataire_prive", "2025-06-10", true], // 25
      ["prepose_etablissement", "2021-06-09", false], // 20
      ["prepose_etablissement", "2021-06-10", true], // 21
      ["salarie_service", "2021-06-09", false], // 20
      ["salarie_service", "2021-06-10", true], // 21
      ["salarie_service", "2025-06-09", true], // 24
    ];
    for (const [mode, on, ok] of cases) {
      const r = cncEligibility({ ...base, mode, on, experienceMonths: 36 });
      assert.equal(check(r, "age")?.ok, ok, `${mode} on ${on}`);
    }
    const young = cncEligibility({
      ...base,
      mode: "mandataire_prive",
      on: "2025-06-09",
      experienceMonths: 36,
    });
    assert.equal(check(young, "age")?.actual, "24 ans");
    assert.equal(
      check(young, "age")?.explanation,
      "Le candidat a 24 ans ; l'âge minimum pour un mandataire privé est de 25 ans",
    );
    assert.equal(young.eligible, false);
  });

  test("experience: 3 years for a mandataire privé, 1 year for a préposé, none for a salarié", () => {
    const cases: [Mention, ExerciseMode, number, boolean][] = [
      ["MJPM", "mandataire_prive", 35, false],
      ["MJPM", "mandataire_prive", 36, true],
      ["MJPM", "prepose_etablissement", 11, false],
      ["MJPM", "prepose_etablissement", 12, true],
      ["MJPM", "salarie_service", 0, true],
      ["MAJ", "mandataire_prive", 35, false],
      ["MAJ", "prepose_etablissement", 12, true],
      ["MJAGBF", "mandataire_prive", 35, false],
      ["MJAGBF", "mandataire_prive", 36, true],
      ["MJAGBF", "salarie_service", 0, true],
    ];
    for (const [mention, mode, experienceMonths, ok] of cases) {
      const r = cncEligibility({
        ...base,
        mention,
        mode,
        experienceMonths,
        hasLevel5SocialWorkDiploma: true,
      });
      assert.equal(check(r, "experience")?.ok, ok, `${mention} ${mode} ${experienceMonths} mois`);
      assert.equal(r.eligible, ok, `${mention} ${mode} ${experienceMonths} mois`);
    }
    const r = cncEligibility({ ...base, mode: "mandataire_prive", experienceMonths: 35 });
    assert.equal(check(r, "experience")?.actual, "2 ans et 11 mois");
    assert.equal(
      check(r, "experience")?.explanation,
      "Expérience insuffisante : 2 ans et 11 mois pour 3 ans exigés d'un mandataire privé",
    );
  });

  test("experience may be given as periods, counted up to the date of the check", () => {
    const periods = [{ from: "2025-06-11", to: "2026-12-31" }];
    const r = cncEligibility({
      ...base,
      mode: "prepose_etablissement",
      experiencePeriods: periods,
      on: "2026-06-09",
    });
    assert.equal(check(r, "experience")?.ok, false); // 11 months and 30 days on 9 June
    assert.equal(check(r, "experience")?.actual, "11 mois");
    const r2 = cncEligibility({
      ...base,
      mode: "prepose_etablissement",
      experiencePeriods: periods,
      on: "2026-06-10",
    });
    assert.equal(check(r2, "experience")?.ok, true);
  });

  test("the MJAGBF needs a level 5 social-work diploma, without dispense", () => {
    const without = cncEligibility({
      ...base,
      mention: "MJAGBF",
      hasLevel5Diploma: true,
      level5JobMonths: 120,
      hasLevel5SocialWorkDiploma: false,
    });
    assert.equal(check(without, "diploma")?.ok, false);
    assert.equal(without.eligible, false);
    const withDiploma = cncEligibility({ ...base, mention: "MJAGBF", hasLevel5SocialWorkDiploma: true });
    assert.equal(withDiploma.eligible, true);
  });

  test("MJPM and MAJ: a level 5 diploma, or 3 years in a job of that level (dispense)", () => {
    const noDiploma = { ...base, hasLevel5Diploma: false, hasLevel5SocialWorkDiploma: false };
    assert.equal(check(cncEligibility({ ...noDiploma, level5JobMonths: 35 }), "diploma")?.ok, false);
    const dispensed = cncEligibility({ ...noDiploma, mention: "MAJ", level5JobMonths: 36 });
    assert.equal(check(dispensed, "diploma")?.ok, true);
    assert.match(check(dispensed, "diploma")?.explanation ?? "", /Dispense de diplôme/);
    assert.equal(
      check(cncEligibility({ ...noDiploma, hasLevel5SocialWorkDiploma: true }), "diploma")?.ok,
      true,
    );
  });

  test("there is no préposé d'établissement for the MJAGBF", () => {
    assert.deepEqual(EXERCISE_MODE_INFO.prepose_etablissement.mentions, ["MJPM", "MAJ"]);
    const r = cncEligibility({
      ...base,
      mention: "MJAGBF",
      mode: "prepose_etablissement",
      hasLevel5SocialWorkDiploma: true,
    });
    assert.equal(r.eligible, false);
    assert.equal(check(r, "mode")?.ok, false);
    assert.equal(
      check(r, "mode")?.explanation,
      "Le mode « Préposé d'établissement » n'existe pas pour la mention MJAGBF",
    );
  });

  test("a mandataire privé needs the CNC before taking office; the others within two years", () => {
    for (const mention of MENTIONS) {
      const prive = cncEligibility({ ...base, mention, mode: "mandataire_prive" });
      assert.equal(prive.cncRequiredBeforeOffice, true);
      assert.equal(prive.timing, "avant l'entrée en fonction");
      const salarie = cncEligibility({ ...base, mention, mode: "salarie_service" });
      assert.equal(salarie.cncRequiredBeforeOffice, false);
      assert.equal(salarie.timing, "dans les deux ans suivant l'entrée en fonction");
    }
    assert.equal(cncDeadline("2024-09-01"), "2026-08-31");
  });

  test("a candidate in tutelary activity who misses a condition is sent to the head of training", () => {
    const r = cncEligibility({
      ...base,
      mode: "mandataire_prive",
      experienceMonths: 10,
      exercisingTutelaryActivity: true,
    });
    assert.equal(r.eligible, false);
    assert.equal(r.notes.length, 1);
    assert.equal(cncEligibility({ ...base, exercisingTutelaryActivity: true }).notes.length, 0);
  });
});

describe("candidacy fee and dossier", () => {
  test("187 €, or 93,50 € for a holder of the former TMP or TPS", () => {
    assert.equal(candidacyFee(false), 187);
    assert.equal(candidacyFee(true), 93.5);
  });

  const everything = CANDIDACY_PIECES.map((p) => ({ code: p.code, provided: true }));
  const plain = { exercisingTutelary: false, requestsAllegement: false, requestsDispense: false };

  test("a complete dossier goes to the commission", () => {
    assert.deepEqual(missingPieces(everything, plain), []);
    assert.equal(canGoToCommission(everything, plain).ok, true);
  });

  test("a dossier missing a piece does not go to the commission", () => {
    const pieces = everything.map((p) => (p.code === "cv" ? { ...p, provided: false } : p));
    const r = canGoToCommission(pieces, plain);
    assert.equal(r.ok, false);
    assert.deepEqual(
      r.missing.map((p) => p.code),
      ["cv"],
    );
    assert.deepEqual(r.reasons, ["Pièce manquante : Curriculum vitae détaillé"]);
  });

  test("the unpaid fee blocks the commission, with the amount due", () => {
    const pieces = everything.filter((p) => p.code !== "fee_payment");
    assert.deepEqual(canGoToCommission(pieces, { ...plain, holdsOldTmpOrTps: true }).reasons, [
      "Frais de dossier non réglés : 93,50 €",
    ]);
    assert.deepEqual(canGoToCommission(pieces, plain).reasons, ["Frais de dossier non réglés : 187,00 €"]);
  });

  test("conditional pieces are required only in their situation", () => {
    const base = CANDIDACY_PIECES.filter((p) => p.requiredWhen === undefined).map((p) => ({
      code: p.code,
      provided: true,
    }));
    assert.deepEqual(missingPieces(base, plain), []);
    assert.deepEqual(
      missingPieces(base, { ...plain, exercisingTutelary: true }).map((p) => p.code),
      ["job_descriptions", "work_certificates"],
    );
    assert.deepEqual(
      missingPieces(base, { ...plain, requestsDispense: true }).map((p) => p.code),
      ["dispense_proofs"],
    );
    assert.deepEqual(
      missingPieces(base, { ...plain, requestsAllegement: true }).map((p) => p.code),
      ["allegement_proofs"],
    );
    assert.deepEqual(
      missingPieces(base, {
        exercisingTutelary: true,
        requestsAllegement: true,
        requestsDispense: false,
      }).map((p) => p.code),
      ["job_descriptions", "allegement_proofs", "work_certificates", "measure_report"],
    );
  });

  test("the commission has a training body member, the head of judicial trainings and a professional", () => {
    const full = checkCommissionComposition([
      { role: "training_body" },
      { role: "head_of_judicial_trainings" },
      { role: "professional" },
      { role: "professional" },
    ]);
    assert.deepEqual(full, { ok: true, problems: [] });
    const noPro = checkCommissionComposition([
      { role: "training_body" },
      { role: "head_of_judicial_trainings" },
    ]);
    assert.deepEqual(noPro.problems, ["Il manque : Représentant professionnel"]);
  });
});

describe("training content", () => {
  test("theory is 300 h for the MJPM and 180 h for the MAJ and the MJAGBF, and modules add up", () => {
    assert.equal(CNC_TRAININGS.MJPM.theoryHours, 300);
    assert.equal(CNC_TRAININGS.MAJ.theoryHours, 180);
    assert.equal(CNC_TRAININGS.MJAGBF.theoryHours, 180);
    for (const mention of MENTIONS) {
      const sum = CNC_TRAININGS[mention].domains.flatMap((d) => d.modules).reduce((s, m) => s + m.hours, 0);
      assert.equal(sum, CNC_TRAININGS[mention].theoryHours, mention);
    }
  });

  test("mandatory hours: 66 h (MJPM 4.x), 78 h (MAJ 2.x), 54 h (MJAGBF 2.1 to 2.3)", () => {
    assert.equal(mandatoryHours("MJPM"), 66);
    assert.equal(mandatoryHours("MAJ"), 78);
    assert.equal(mandatoryHours("MJAGBF"), 54);
  });

  test("003's published domain hours are kept", () => {
    const domain = (m: Mention, code: string) =>
      CNC_TRAININGS[m].domains.find((d) => d.code === code)?.modules.reduce((s, x) => s + x.hours, 0);
    assert.equal(domain("MJPM", "DF2"), 78);
    assert.equal(domain("MJPM", "DF3"), 72);
    assert.equal(domain("MAJ", "DF2"), 78);
    assert.equal(domain("MJAGBF", "DF2"), 54);
  });
});

describe("dispenses and allègements", () => {
  test("a dispense on a module that admits none is refused in French", () => {
    assert.deepEqual(applyDispense("MJAGBF", "2.1"), {
      ok: false,
      error: "Le module 2.1 n'admet ni dispense ni allègement",
    });
    const plan = validateCourse({
      mention: "MJPM",
      dispensedModules: ["4.1", "2.2"],
      allegedModules: ["4.3"],
      tutelaryActivityMonthsAtEntry: 0,
    });
    assert.deepEqual(plan.errors, [
      "Le module 4.1 n'admet ni dispense ni allègement",
      "Le module 4.3 n'admet ni dispense ni allègement",
    ]);
    assert.equal(plan.modules.find((m) => m.code === "4.1")?.status, "to_follow");
    assert.equal(plan.modules.find((m) => m.code === "2.2")?.status, "dispensed");
    assert.equal(plan.theoryHoursDue, 300 - 30);
  });

  test("an allègement keeps the module's hours due", () => {
    const plan = validateCourse({
      mention: "MAJ",
      dispensedModules: [],
      allegedModules: ["1.3"],
      tutelaryActivityMonthsAtEntry: 0,
    });
    assert.deepEqual(plan.errors, []);
    assert.equal(plan.modules.find((m) => m.code === "1.3")?.status, "allege");
    assert.equal(plan.theoryHoursDue, 180);
  });

  test("theory hours due are the total minus the dispensed modules", () => {
    const mjpm = validateCourse({
      mention: "MJPM",
      dispensedModules: ["1.1", "1.2", "2.2"],
      allegedModules: ["3.1"],
      tutelaryActivityMonthsAtEntry: 0,
    });
    assert.equal(mjpm.theoryHoursTotal, 300);
    assert.equal(mjpm.theoryHoursDue, 300 - 48 - 36 - 30);
    const mjagbf = validateCourse({
      mention: "MJAGBF",
      dispensedModules: ["1.1", "1.2"],
      allegedModules: [],
      tutelaryActivityMonthsAtEntry: 0,
    });
    assert.equal(mjagbf.theoryHoursDue, 180 - 24 - 48);
    assert.equal(
      validateCourse({
        mention: "MAJ",
        dispensedModules: [],
        allegedModules: [],
        tutelaryActivityMonthsAtEntry: 0,
      }).theoryHoursDue,
      180,
    );
  });

  test("the holder of another CNC is dispensed of the modules 003 names, even mandatory ones", () => {
    assert.deepEqual(crossDispensedModules("MJPM", ["MAJ"]), ["4.2", "4.3"]);
    assert.deepEqual(crossDispensedModules("MAJ", ["MJAGBF"]), ["2.2", "2.3", "2.4"]);
    assert.deepEqual(crossDispensedModules("MAJ", ["MJPM"]), ["2.4"]);
    assert.deepEqual(crossDispensedModules("MJAGBF", ["MAJ"]), ["2.2", "2.3"]);
    assert.deepEqual(crossDispensedModules("MJAGBF", ["MJPM"]), ["2.3"]);
    assert.equal(applyDispense("MJPM", "4.2", ["MJAGBF"]).ok, true);
    assert.equal(applyDispense("MJPM", "4.1", ["MJAGBF"]).ok, false);
    const plan = validateCourse({
      mention: "MJAGBF",
      dispensedModules: ["2.2", "2.3"],
      allegedModules: [],
      tutelaryActivityMonthsAtEntry: 0,
      heldCertificates: ["MAJ"],
    });
    assert.deepEqual(plan.errors, []);
    assert.equal(plan.theoryHoursDue, 180 - 12 - 18);
  });

  test("the former TMP training dispenses of every MJPM module but 3.2", () => {
    assert.deepEqual(crossDispensedModules("MJPM", ["TMP"]), [
      "1.1",
      "1.2",
      "2.1",
      "2.2",
      "3.1",
      "4.1",
      "4.2",
      "4.3",
    ]);
  });

  test("unknown modules, and a module both dispensed and alleged, are refused", () => {
    const plan = validateCourse({
      mention: "MAJ",
      dispensedModules: ["9.9", "1.1"],
      allegedModules: ["1.1"],
      tutelaryActivityMonthsAtEntry: 0,
    });
    assert.deepEqual(plan.errors, [
      "Le module 1.1 ne peut pas être à la fois dispensé et allégé",
      "Le module 9.9 n'existe pas dans la formation MAJ",
    ]);
    assert.equal(plan.theoryHoursDue, 180);
  });

  test("an allègement needs 3 years of related experience, when it is given", () => {
    assert.equal(applyAllegement("MJPM", "2.2", 35).ok, false);
    assert.equal(applyAllegement("MJPM", "2.2", 36).ok, true);
    assert.equal(applyAllegement("MJPM", "2.2").ok, true);
  });
});

describe("practical internship", () => {
  const course = { mention: "MJPM" as const, dispensedModules: [], allegedModules: [] };

  test("350 hours over ten consecutive weeks", () => {
    const plan = validateCourse({ ...course, tutelaryActivityMonthsAtEntry: 0 });
    assert.deepEqual(plan.internship, {
      hours: 350,
      weeks: 10,
      dispensed: false,
      tutelaryMonthsAtEntry: 0,
      awaitingWorkCertificates: false,
    });
  });

  test("dispensed from 6 months of tutelary activity at entry", () => {
    assert.equal(validateCourse({ ...course, tutelaryActivityMonthsAtEntry: 5 }).internship.dispensed, false);
    assert.equal(validateCourse({ ...course, tutelaryActivityMonthsAtEntry: 6 }).internship.dispensed, true);
  });

  test("5 months and 29 days of activity before entry do not dispense; 6 months do", () => {
    const short = validateCourse({
      ...course,
      tutelaryActivityMonthsAtEntry: 0,
      tutelaryActivityPeriods: [{ from: "2025-01-15", to: "2025-12-31" }],
      entryDate: "2025-07-14",
    });
    assert.equal(short.internship.dispensed, false);
    assert.equal(short.internship.tutelaryMonthsAtEntry, 5);
    const enough = validateCourse({
      ...course,
      tutelaryActivityMonthsAtEntry: 0,
      tutelaryActivityPeriods: [{ from: "2025-01-15", to: "2025-12-31" }],
      entryDate: "2025-07-15",
    });
    assert.equal(enough.internship.dispensed, true);
  });
});

describe("candidacy workflow", () => {
  test("a dossier is a draft while nothing is provided, then incomplete, then complete", () => {
    assert.equal(dossierStatus(false, 9), "brouillon");
    assert.equal(dossierStatus(true, 1), "incomplet");
    assert.equal(dossierStatus(true, 0), "complet");
    assert.equal(dossierStatus(false, 0), "complet");
  });

  test("which statuses let the dossier change, the commission decide, the candidate contest", () => {
    const table: [string, boolean, boolean, boolean][] = [
      // status, dossier open, can decide, can contest
      ["brouillon", true, false, false],
      ["incomplet", true, false, false],
      ["complet", true, false, false],
      ["en_commission", false, true, false],
      ["admis", false, false, true],
      ["positionne", false, false, true],
      ["refuse", false, false, true],
      ["conteste", false, false, false],
      ["entretien_planifie", false, true, false],
    ];
    assert.deepEqual(
      table.map((r) => r[0]),
      [...CANDIDACY_STATUSES],
    );
    for (const [status, open, decide, contest] of table) {
      const s = status as (typeof CANDIDACY_STATUSES)[number];
      assert.equal(dossierOpen(s), open, `${status} open`);
      assert.equal(canDecide(s), decide, `${status} decide`);
      assert.equal(canContest(s), contest, `${status} contest`);
    }
  });

  test("fees in cents and in French", () => {
    assert.equal(candidacyFeeCents(false), 18_700);
    assert.equal(candidacyFeeCents(true), 9_350);
    assert.equal(formatEuros(18_700), "187,00 €");
    assert.equal(formatEuros(9_350), "93,50 €");
    assert.equal(formatEuros(5), "0,05 €");
  });

  test("open periods end on the day of the check; later periods are left out", () => {
    const periods = [
      { from: "2020-01-01", to: null },
      { from: "2018-01-01", to: "2019-06-30" },
      { from: "2027-01-01", to: null },
    ];
    assert.deepEqual(periodsUpTo(periods, "2026-03-01"), [
      { from: "2020-01-01", to: "2026-03-01" },
      { from: "2018-01-01", to: "2019-06-30" },
    ]);
    assert.deepEqual(periodsUpTo([{ from: "2020-01-01", to: "2030-01-01" }], "2026-03-01"), [
      { from: "2020-01-01", to: "2026-03-01" },
    ]);
  });

  test("in tutelary activity when a tutelary period covers the day", () => {
    const p = (from: string, to: string | null, tutelary: boolean) => ({ from, to, tutelary });
    assert.equal(inTutelaryActivity([p("2024-01-01", null, true)], "2026-01-01"), true);
    assert.equal(inTutelaryActivity([p("2024-01-01", "2026-01-01", true)], "2026-01-01"), true);
    assert.equal(inTutelaryActivity([p("2024-01-01", "2025-12-31", true)], "2026-01-01"), false);
    assert.equal(inTutelaryActivity([p("2024-01-01", null, false)], "2026-01-01"), false);
    assert.equal(inTutelaryActivity([p("2026-01-02", null, true)], "2026-01-01"), false);
  });

  test("course errors are reported at the dispenses or at the allègements", () => {
    assert.deepEqual(courseFieldErrors("MJAGBF", ["2.1", "1.1"], []), {
      dispensed: "Le module 2.1 n'admet ni dispense ni allègement",
    });
    assert.deepEqual(courseFieldErrors("MJPM", ["1.1"], ["1.1", "4.3"]), {
      alleged:
        "Le module 1.1 ne peut pas être à la fois dispensé et allégé. Le module 4.3 n'admet ni dispense ni allègement",
    });
    assert.deepEqual(courseFieldErrors("MJPM", ["4.2", "4.3"], [], ["MAJ"]), {});
    assert.deepEqual(courseFieldErrors("MAJ", ["1.1"], ["1.2"]), {});
  });
});

describe("experienceCounts and experienceFieldNote", () => {
  const cases = [
    {
      mention: "MJPM",
      field: "juridique",
      tutelary: false,
      counts: true,
      note: /^Juridique : domaine requis pour le CNC MJPM, comptée$/,
    },
    {
      mention: "MJAGBF",
      field: "social",
      tutelary: false,
      counts: true,
      note: /domaine requis pour le CNC MJAGBF/,
    },
    {
      mention: "MAJ",
      field: "autre",
      tutelary: false,
      counts: false,
      note: /^Autre domaine : hors des domaines requis pour le CNC MAJ, non comptée$/,
    },
    {
      mention: "MJPM",
      field: null,
      tutelary: true,
      counts: true,
      note: /^Activité tutélaire : domaine requis/,
    },
    {
      mention: "MJPM",
      field: null,
      tutelary: false,
      counts: false,
      note: /^Domaine non précisé : non comptée/,
    },
  ] as const;
  for (const c of cases) {
    test(`${c.mention}, ${c.field ?? "non précisé"}${c.tutelary ? ", tutélaire" : ""}`, () => {
      assert.equal(experienceCounts(c.mention, c), c.counts);
      assert.match(experienceFieldNote(c.mention, c), c.note);
    });
  }
});
