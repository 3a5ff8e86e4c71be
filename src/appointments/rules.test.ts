import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  type AppointmentInput,
  calendarSummary,
  checkAppointment,
  checkAttendance,
  initials,
  instantToParis,
  isReminderDue,
  longDate,
  nextMonthsPeriod,
  normalizeTime,
  parisOffsetMinutes,
  parisToInstant,
  type ReminderCandidate,
  reminderMessage,
  reminderStatus,
  spokenTime,
  timeRange,
  tomorrowPeriod,
  weekLabel,
  weekPeriod,
  weekToShow,
} from "./rules.ts";

const at = (iso: string) => new Date(iso);

describe("Paris wall-clock time and instants", () => {
  // 2026: summer time from Sunday 29 March 02:00 (→ 03:00), winter time from Sunday 25 October 03:00 (→ 02:00).
  const cases: { date: string; time: string; utc: string | null; why: string }[] = [
    { date: "2026-01-15", time: "10:00", utc: "2026-01-15T09:00:00.000Z", why: "winter: UTC+1" },
    { date: "2026-07-14", time: "10:00", utc: "2026-07-14T08:00:00.000Z", why: "summer: UTC+2" },
    { date: "2026-03-28", time: "10:00", utc: "2026-03-28T09:00:00.000Z", why: "the day before summer time" },
    { date: "2026-03-29", time: "10:00", utc: "2026-03-29T08:00:00.000Z", why: "the day summer time starts" },
    { date: "2026-03-29", time: "01:59", utc: "2026-03-29T00:59:00.000Z", why: "last minute of winter time" },
    { date: "2026-03-29", time: "02:00", utc: null, why: "skipped hour starts" },
    { date: "2026-03-29", time: "02:30", utc: null, why: "inside the skipped hour" },
    { date: "2026-03-29", time: "02:59", utc: null, why: "last skipped minute" },
    {
      date: "2026-03-29",
      time: "03:00",
      utc: "2026-03-29T01:00:00.000Z",
      why: "first minute of summer time",
    },
    { date: "2026-10-24", time: "10:00", utc: "2026-10-24T08:00:00.000Z", why: "the day before winter time" },
    { date: "2026-10-25", time: "01:59", utc: "2026-10-24T23:59:00.000Z", why: "before the repeated hour" },
    {
      date: "2026-10-25",
      time: "02:30",
      utc: "2026-10-25T00:30:00.000Z",
      why: "repeated hour: the first one",
    },
    { date: "2026-10-25", time: "03:00", utc: "2026-10-25T02:00:00.000Z", why: "after the repeated hour" },
    { date: "2026-10-25", time: "10:00", utc: "2026-10-25T09:00:00.000Z", why: "the day winter time starts" },
    { date: "2026-12-31", time: "23:59", utc: "2026-12-31T22:59:00.000Z", why: "new year's eve in Paris" },
    {
      date: "2026-01-01",
      time: "00:00",
      utc: "2025-12-31T23:00:00.000Z",
      why: "midnight is the day before in UTC",
    },
    { date: "2028-02-29", time: "12:00", utc: "2028-02-29T11:00:00.000Z", why: "leap day" },
    { date: "2026-02-30", time: "12:00", utc: null, why: "no such day" },
    { date: "2026-01-15", time: "24:00", utc: null, why: "no such time" },
    { date: "2026-01-15", time: "9:00", utc: null, why: "not HH:MM" },
  ];
  for (const c of cases) {
    test(`${c.date} ${c.time} in Paris is ${c.utc ?? "no instant"} (${c.why})`, () => {
      assert.equal(parisToInstant(c.date, c.time)?.toISOString() ?? null, c.utc);
    });
  }

  test("an instant reads back as the same day and time, on both sides of each change", () => {
    for (const c of cases.filter((x) => x.utc)) {
      assert.deepEqual(instantToParis(at(c.utc as string)), { date: c.date, time: c.time }, c.why);
    }
    // The second 02:30 of 25 October (winter time) still reads 02:30.
    assert.deepEqual(instantToParis(at("2026-10-25T01:30:00Z")), { date: "2026-10-25", time: "02:30" });
  });

  test("the offset is one hour in winter and two in summer", () => {
    assert.equal(parisOffsetMinutes(at("2026-03-29T00:59:59Z")), 60);
    assert.equal(parisOffsetMinutes(at("2026-03-29T01:00:00Z")), 120);
    assert.equal(parisOffsetMinutes(at("2026-10-25T00:59:59Z")), 120);
    assert.equal(parisOffsetMinutes(at("2026-10-25T01:00:00Z")), 60);
  });

  const times: [string, string | null][] = [
    ["14:30", "14:30"],
    ["14:30:00", "14:30"],
    ["9:05", "09:05"],
    ["14h30", "14:30"],
    ["14 h 30", "14:30"],
    ["14h", "14:00"],
    ["0h", "00:00"],
    ["23:59", "23:59"],
    ["24:00", null],
    ["14:60", null],
    ["14", null],
    ["midi", null],
    ["", null],
  ];
  for (const [input, expected] of times) {
    test(`the time « ${input} » reads ${expected ?? "as nothing"}`, () => {
      assert.equal(normalizeTime(input), expected);
    });
  }
});

describe("weeks and periods", () => {
  test("the week shown starts on the Monday of the date asked, or of today", () => {
    const cases: [unknown, string, string][] = [
      ["2026-11-23", "2026-11-24", "2026-11-23"],
      ["2026-11-29", "2026-11-24", "2026-11-23"],
      ["2026-11-30", "2026-11-24", "2026-11-30"],
      [undefined, "2026-11-24", "2026-11-23"],
      ["n'importe quoi", "2026-11-24", "2026-11-23"],
      ["2026-02-30", "2026-11-24", "2026-11-23"],
      [["2026-01-05"], "2026-11-24", "2026-11-23"],
    ];
    for (const [semaine, today, monday] of cases) assert.equal(weekToShow(semaine, today), monday);
  });

  test("a week lasts 167 hours when summer time starts, 169 when it ends, 168 otherwise", () => {
    const hours = (monday: string) => {
      const p = weekPeriod(monday);
      return (p.to.getTime() - p.from.getTime()) / 3_600_000;
    };
    assert.equal(hours("2026-03-23"), 167);
    assert.equal(hours("2026-10-19"), 169);
    assert.equal(hours("2026-11-23"), 168);
    assert.equal(weekPeriod("2026-11-23").from.toISOString(), "2026-11-22T23:00:00.000Z");
  });

  test("tomorrow is the next Paris calendar day, also just before and after midnight", () => {
    const cases: [string, string, string][] = [
      ["2026-11-24T12:00:00Z", "2026-11-24T23:00:00.000Z", "2026-11-25T23:00:00.000Z"],
      // 23:30 in Paris on the 24th: tomorrow is still the 25th.
      ["2026-11-24T22:30:00Z", "2026-11-24T23:00:00.000Z", "2026-11-25T23:00:00.000Z"],
      // 00:30 in Paris on the 25th (23:30 UTC on the 24th): tomorrow is the 26th.
      ["2026-11-24T23:30:00Z", "2026-11-25T23:00:00.000Z", "2026-11-26T23:00:00.000Z"],
      // Saturday 28 March: Sunday 29 lasts 23 hours.
      ["2026-03-28T10:00:00Z", "2026-03-28T23:00:00.000Z", "2026-03-29T22:00:00.000Z"],
      // Saturday 24 October: Sunday 25 lasts 25 hours.
      ["2026-10-24T10:00:00Z", "2026-10-24T22:00:00.000Z", "2026-10-25T23:00:00.000Z"],
    ];
    for (const [now, from, to] of cases) {
      const p = tomorrowPeriod(at(now));
      assert.deepEqual([p.from.toISOString(), p.to.toISOString()], [from, to], now);
    }
  });

  test("the default export covers today and the next three months", () => {
    const p = nextMonthsPeriod("2026-11-24");
    assert.equal(p.from.toISOString(), "2026-11-23T23:00:00.000Z");
    assert.equal(p.to.toISOString(), "2027-02-23T23:00:00.000Z");
  });

  test("week labels and French dates and times", () => {
    assert.equal(weekLabel("2026-11-23"), "du 23 au 29 novembre 2026");
    assert.equal(weekLabel("2026-11-30"), "du 30 novembre au 6 décembre 2026");
    assert.equal(weekLabel("2026-12-28"), "du 28 décembre 2026 au 3 janvier 2027");
    assert.equal(longDate("2026-11-24"), "mardi 24 novembre 2026");
    assert.equal(spokenTime("14:30"), "14 h 30");
    assert.equal(spokenTime("09:05"), "9 h 05");
    assert.equal(spokenTime("14:00"), "14 h");
    assert.equal(timeRange(at("2026-11-24T13:30:00Z"), 45), "14:30 – 15:15");
    // An appointment across the change of time lasts its real duration.
    assert.equal(timeRange(at("2026-10-25T00:30:00Z"), 60), "02:30 – 02:30");
  });
});

describe("the appointment form's rules", () => {
  const base: AppointmentInput = {
    date: "2026-12-01",
    time: "14:30",
    durationMinutes: 60,
    place: "service",
    placeDetail: null,
    kind: "entretien",
    staffId: "x",
    partnerId: null,
  };
  const context = { today: "2026-11-24", decisionDate: "2026-10-01", now: at("2026-11-24T09:00:00Z") };
  const cases: { why: string; input: Partial<AppointmentInput>; attendance?: "present"; errors: string[] }[] =
    [
      { why: "a plain appointment", input: {}, errors: [] },
      { why: "a past appointment after the decision", input: { date: "2026-10-01" }, errors: [] },
      { why: "before the magistrate's decision", input: { date: "2026-09-30" }, errors: ["date"] },
      { why: "two years ahead", input: { date: "2028-11-24" }, errors: [] },
      { why: "more than two years ahead", input: { date: "2028-11-25" }, errors: ["date"] },
      {
        why: "in the hour skipped in spring",
        input: { date: "2027-03-28", time: "02:15" },
        errors: ["time"],
      },
      { why: "shortest duration", input: { durationMinutes: 5 }, errors: [] },
      { why: "too short", input: { durationMinutes: 4 }, errors: ["durationMinutes"] },
      { why: "longest duration", input: { durationMinutes: 480 }, errors: [] },
      { why: "too long", input: { durationMinutes: 481 }, errors: ["durationMinutes"] },
      { why: "another place not spelt out", input: { place: "autre" }, errors: ["placeDetail"] },
      { why: "another place spelt out", input: { place: "autre", placeDetail: "Mairie" }, errors: [] },
      {
        why: "a partner meeting without partner",
        input: { kind: "entretien_partenaire" },
        errors: ["partnerId"],
      },
      {
        why: "a partner meeting with its partner",
        input: { kind: "entretien_partenaire", partnerId: "p" },
        errors: [],
      },
      { why: "recorded, moved into the future", input: {}, attendance: "present", errors: ["date"] },
      {
        why: "recorded, still in the past",
        input: { date: "2026-11-20" },
        attendance: "present",
        errors: [],
      },
    ];
  for (const c of cases) {
    test(`${c.why}: ${c.errors.length ? c.errors.join(", ") : "accepted"}`, () => {
      const errors = checkAppointment(
        { ...base, ...c.input },
        { ...context, attendance: c.attendance ?? null },
      );
      assert.deepEqual(Object.keys(errors).sort(), c.errors);
    });
  }

  test("the messages are in French and name the dates", () => {
    const errors = checkAppointment(
      { ...base, date: "2027-03-28", time: "02:15", durationMinutes: 2, place: "autre" },
      { ...context, decisionDate: "2027-04-01" },
    );
    assert.equal(
      errors.time,
      "Cette heure n'existe pas le 28/03/2027 (passage à l'heure d'été) : choisissez une autre heure",
    );
    assert.equal(errors.date, "Le rendez-vous ne peut pas précéder la décision du magistrat (01/04/2027)");
    assert.equal(errors.durationMinutes, "La durée doit être comprise entre 5 et 480 minutes (8 heures)");
    assert.equal(errors.placeDetail, "Précisez le lieu du rendez-vous");
  });

  test("the attendance is recorded from the minute the appointment starts", () => {
    const starts = at("2026-11-24T13:30:00Z");
    assert.deepEqual(checkAttendance(starts, at("2026-11-24T13:30:00Z")), {});
    assert.deepEqual(checkAttendance(starts, at("2026-11-25T08:00:00Z")), {});
    assert.deepEqual(checkAttendance(starts, at("2026-11-24T13:29:59Z")), {
      attendance:
        "La présence ne peut être notée qu'une fois le rendez-vous commencé, à partir du 24/11/2026 à 14:30",
    });
  });
});

describe("reminder e-mails", () => {
  // Now: Tuesday 24 November 2026, 10:00 in Paris. Tomorrow: Wednesday 25, from 23:00 UTC on the 24th.
  const now = at("2026-11-24T09:00:00Z");
  const due: ReminderCandidate = {
    startsAt: at("2026-11-25T13:30:00Z"),
    attendance: null,
    reminderSentAt: null,
    email: "personne@exemple.invalid",
    reminderConsent: true,
    measureClosed: false,
  };
  const cases: { why: string; change: Partial<ReminderCandidate>; due: boolean }[] = [
    { why: "tomorrow afternoon, with address and consent", change: {}, due: true },
    { why: "tomorrow at 00:00 in Paris", change: { startsAt: at("2026-11-24T23:00:00Z") }, due: true },
    { why: "tomorrow at 23:59 in Paris", change: { startsAt: at("2026-11-25T22:59:00Z") }, due: true },
    { why: "today at 23:59 in Paris", change: { startsAt: at("2026-11-24T22:59:00Z") }, due: false },
    { why: "the day after tomorrow at 00:00", change: { startsAt: at("2026-11-25T23:00:00Z") }, due: false },
    { why: "without consent", change: { reminderConsent: false }, due: false },
    { why: "without e-mail address", change: { email: null }, due: false },
    { why: "with a blank e-mail address", change: { email: "  " }, due: false },
    { why: "already reminded", change: { reminderSentAt: at("2026-11-24T08:00:00Z") }, due: false },
    { why: "attendance already recorded (excused)", change: { attendance: "excuse" }, due: false },
    { why: "measure closed", change: { measureClosed: true }, due: false },
  ];
  for (const c of cases) {
    test(`${c.why}: ${c.due ? "due" : "not due"}`, () => {
      assert.equal(isReminderDue({ ...due, ...c.change }, now), c.due);
    });
  }

  test("on the Saturday before summer time, Sunday's appointments are due, Monday's are not", () => {
    const saturday = at("2026-03-28T17:00:00Z");
    assert.equal(isReminderDue({ ...due, startsAt: at("2026-03-28T23:00:00Z") }, saturday), true);
    assert.equal(isReminderDue({ ...due, startsAt: at("2026-03-29T21:59:00Z") }, saturday), true);
    assert.equal(isReminderDue({ ...due, startsAt: at("2026-03-29T22:00:00Z") }, saturday), false);
  });

  test("the page tells whether a reminder will go out", () => {
    const cases: [Partial<ReminderCandidate>, string][] = [
      [{}, "planned"],
      [{ startsAt: at("2026-12-10T09:00:00Z") }, "planned"],
      [{ startsAt: at("2026-11-24T15:00:00Z") }, "not_applicable"],
      [{ reminderSentAt: at("2026-11-24T08:00:00Z") }, "sent"],
      [{ reminderConsent: false }, "no_consent"],
      [{ email: null }, "no_consent"],
      [{ attendance: "absent" }, "not_applicable"],
      [{ measureClosed: true }, "not_applicable"],
    ];
    for (const [change, kind] of cases) assert.equal(reminderStatus({ ...due, ...change }, now).kind, kind);
  });

  test("the message gives the day, time, place and staff member, and nothing of the measure", () => {
    const association = {
      name: "Association Exemple",
      addressLine: "12 rue de l'Exemple",
      postalCode: "33000",
      city: "Bordeaux",
      phone: "01 99 00 00 00",
    };
    const message = reminderMessage({
      startsAt: at("2026-11-25T13:30:00Z"),
      durationMinutes: 45,
      place: "service",
      placeDetail: "bureau 3",
      staffName: "Inès Martin",
      association,
    });
    assert.equal(message.subject, "Rappel : votre rendez-vous de demain à 14 h 30");
    assert.match(message.text, /mercredi 25 novembre 2026 à 14 h 30/);
    assert.match(
      message.text,
      /dans les locaux de Association Exemple, 12 rue de l'Exemple, 33000 Bordeaux \(bureau 3\)/,
    );
    assert.match(message.text, /avec Inès Martin/);
    assert.match(message.text, /au 01 99 00 00 00/);
    assert.doesNotMatch(message.text, /mesure|juge|tribunal|contrôle/i);
    const home = reminderMessage({
      startsAt: at("2026-07-01T07:00:00Z"),
      durationMinutes: 60,
      place: "domicile",
      placeDetail: null,
      staffName: "Inès Martin",
      association: { ...association, phone: null },
    });
    assert.match(home.text, /mercredi 1 juillet 2026 à 9 h, à votre domicile/);
    assert.match(home.text, /prévenez Association Exemple au plus vite/);
  });
});

describe("calendar titles", () => {
  const cases: [string, string, string][] = [
    ["Théo", "Fontaine", "T. F."],
    ["Marie-Éve", "Da Silva", "M.-É. D."],
    ["Aïcha", "N'Diaye", "A. N."],
    ["jean paul", "le goff", "J. P. L."],
    ["Zoé", "Martin-Éluard", "Z. M.-É."],
  ];
  for (const [first, last, expected] of cases) {
    test(`${first} ${last} becomes ${expected}`, () => {
      assert.equal(initials({ firstName: first, lastName: last }), expected);
    });
  }
  test("the title says the kind and the initials, not the name", () => {
    assert.equal(
      calendarSummary("visite_domicile", { firstName: "Théo", lastName: "Fontaine" }),
      "Visite à domicile – T. F.",
    );
  });
});
