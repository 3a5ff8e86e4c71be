import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  addCalendarDays,
  addMonths,
  addWorkingDays,
  computeDueDate,
  type DeadlineRule,
  daysBetween,
  daysRemaining,
  deadlineStatus,
  easterSunday,
  isIsoDate,
  isoWeekday,
  isPublicHoliday,
  isSameIsoWeek,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  type Place,
  publicHolidayName,
  publicHolidays,
  startOfIsoWeek,
  todayIso,
} from "./rules.ts";

const PARIS: Place = { departement: "75" };
const LYON: Place = { departement: "69" };
const METZ: Place = { departement: "57" };
const STRASBOURG: Place = { departement: "67" };
const GUADELOUPE: Place = { departement: "971" };
const GUYANE: Place = { departement: "973" };

describe("easterSunday", () => {
  const cases: [number, string][] = [
    [1818, "1818-03-22"], // earliest possible date
    [1943, "1943-04-25"], // latest possible date
    [2000, "2000-04-23"],
    [2008, "2008-03-23"],
    [2019, "2019-04-21"],
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2027, "2027-03-28"],
    [2038, "2038-04-25"],
    [2285, "2285-03-22"],
  ];
  for (const [year, expected] of cases) {
    test(`${year} → ${expected}`, () => {
      assert.equal(easterSunday(year), expected);
      assert.equal(isoWeekday(expected), 7);
    });
  }

  test("rejects years outside the Gregorian calendar and non-integers", () => {
    assert.throws(() => easterSunday(1582), RangeError);
    assert.throws(() => easterSunday(2025.5), RangeError);
  });
});

describe("publicHolidays", () => {
  test("11 national holidays for a place without local holidays", () => {
    const holidays = publicHolidays(2025, PARIS);
    assert.deepEqual(holidays, [
      { date: "2025-01-01", name: "Jour de l'an" },
      { date: "2025-04-21", name: "Lundi de Pâques" },
      { date: "2025-05-01", name: "Fête du travail" },
      { date: "2025-05-08", name: "Victoire 1945" },
      { date: "2025-05-29", name: "Ascension" },
      { date: "2025-06-09", name: "Lundi de Pentecôte" },
      { date: "2025-07-14", name: "Fête nationale" },
      { date: "2025-08-15", name: "Assomption" },
      { date: "2025-11-01", name: "Toussaint" },
      { date: "2025-11-11", name: "Armistice 1918" },
      { date: "2025-12-25", name: "Noël" },
    ]);
    assert.equal(publicHolidays(2025).length, 11);
  });

  const movable: [number, string, string, string][] = [
    // year, Easter Monday, Ascension, Whit Monday
    [2024, "2024-04-01", "2024-05-09", "2024-05-20"],
    [2025, "2025-04-21", "2025-05-29", "2025-06-09"],
    [2026, "2026-04-06", "2026-05-14", "2026-05-25"],
    [2027, "2027-03-29", "2027-05-06", "2027-05-17"],
    [2038, "2038-04-26", "2038-06-03", "2038-06-14"],
  ];
  for (const [year, easterMonday, ascension, whitMonday] of movable) {
    test(`movable feasts of ${year}`, () => {
      assert.equal(publicHolidayName(easterMonday), "Lundi de Pâques");
      assert.equal(publicHolidayName(ascension), "Ascension");
      assert.equal(publicHolidayName(whitMonday), "Lundi de Pentecôte");
      assert.equal(isoWeekday(ascension), 4);
    });
  }

  const alsaceMoselle: [string, Place, boolean][] = [
    ["Metz (57)", METZ, true],
    ["Strasbourg (67)", STRASBOURG, true],
    ["Mulhouse (68)", { departement: "68" }, true],
    ["flag without département", { alsaceMoselle: true }, true],
    ["Paris (75)", PARIS, false],
    ["Lyon (69)", LYON, false],
    ["no place", {}, false],
  ];
  for (const [label, place, expected] of alsaceMoselle) {
    test(`Good Friday and 26 December in ${label}: ${expected}`, () => {
      assert.equal(isPublicHoliday("2025-04-18", place), expected);
      assert.equal(isPublicHoliday("2026-04-03", place), expected);
      assert.equal(isPublicHoliday("2025-12-26", place), expected);
      assert.equal(publicHolidays(2025, place).length, expected ? 13 : 11);
    });
  }

  const overseas: [string, string, string][] = [
    ["971", "2025-05-27", "Guadeloupe"],
    ["972", "2025-05-22", "Martinique"],
    ["973", "2025-06-10", "Guyane"],
    ["974", "2025-12-20", "La Réunion"],
    ["976", "2025-04-27", "Mayotte"],
    ["977", "2025-10-09", "Saint-Barthélemy"],
    ["978", "2025-05-28", "Saint-Martin"],
  ];
  for (const [departement, date, territory] of overseas) {
    test(`abolition of slavery in ${territory} on ${date.slice(5)}`, () => {
      assert.equal(publicHolidayName(date, { departement }), "Abolition de l'esclavage");
      assert.equal(isPublicHoliday(date, PARIS), false);
      assert.equal(publicHolidays(2025, { departement }).length, 12);
    });
  }

  test("an overseas date applies only to its own territory", () => {
    assert.equal(isPublicHoliday("2025-06-10", GUADELOUPE), false);
    assert.equal(isPublicHoliday("2025-05-27", GUYANE), false);
  });

  test("Good Friday is not a statutory holiday in the Antilles", () => {
    assert.equal(isPublicHoliday("2025-04-18", GUADELOUPE), false);
  });

  test("two holidays on the same day are both listed and named", () => {
    // In 2008 Ascension fell on 1 May.
    const holidays = publicHolidays(2008);
    assert.equal(holidays.length, 11);
    assert.equal(holidays.filter((h) => h.date === "2008-05-01").length, 2);
    assert.equal(publicHolidayName("2008-05-01"), "Fête du travail ; Ascension");
  });
});

describe("isWorkingDay", () => {
  const cases: [string, Place, boolean][] = [
    ["2025-06-10", PARIS, true], // Tuesday
    ["2025-06-13", PARIS, true], // Friday
    ["2025-06-14", PARIS, false], // Saturday
    ["2025-06-15", PARIS, false], // Sunday
    ["2025-06-09", PARIS, false], // Whit Monday
    ["2025-11-11", PARIS, false],
    ["2025-12-26", PARIS, true],
    ["2025-12-26", METZ, false],
    ["2025-06-10", GUYANE, false],
  ];
  for (const [date, place, expected] of cases) {
    test(`${date} in ${place.departement} → ${expected}`, () => {
      assert.equal(isWorkingDay(date, place), expected);
    });
  }
});

describe("addCalendarDays", () => {
  const cases: [string, number, string][] = [
    ["2025-06-10", 0, "2025-06-10"],
    ["2025-06-10", 1, "2025-06-11"],
    ["2025-12-31", 1, "2026-01-01"],
    ["2028-02-28", 1, "2028-02-29"],
    ["2027-02-28", 1, "2027-03-01"],
    ["2025-03-01", -1, "2025-02-28"],
    ["2025-03-29", 2, "2025-03-31"], // across the switch to summer time
    ["2025-10-25", 2, "2025-10-27"], // across the switch to winter time
    ["2025-01-01", 365, "2026-01-01"],
    ["2028-01-01", 366, "2029-01-01"],
  ];
  for (const [date, n, expected] of cases) {
    test(`${date} ${n >= 0 ? "+" : ""}${n} → ${expected}`, () => {
      assert.equal(addCalendarDays(date, n), expected);
    });
  }
});

describe("addWorkingDays", () => {
  const cases: [string, number, Place, string][] = [
    ["2025-01-03", 1, PARIS, "2025-01-06"], // Friday + 1 → Monday
    ["2025-01-04", 1, PARIS, "2025-01-06"], // Saturday + 1 → Monday
    ["2025-01-06", 4, PARIS, "2025-01-10"],
    ["2025-01-06", 5, PARIS, "2025-01-13"],
    ["2025-04-30", 1, PARIS, "2025-05-02"], // over 1 May (Thursday)
    ["2025-04-30", 5, PARIS, "2025-05-09"], // over 1 May and 8 May
    ["2025-04-30", 6, PARIS, "2025-05-12"],
    ["2025-05-28", 1, PARIS, "2025-05-30"], // over Ascension
    ["2025-06-06", 1, PARIS, "2025-06-10"], // over Whit Monday
    ["2025-06-06", 1, GUYANE, "2025-06-11"], // Whit Monday then 10 June in Guyane
    ["2025-04-17", 1, LYON, "2025-04-18"],
    ["2025-04-17", 1, STRASBOURG, "2025-04-22"], // Good Friday, weekend, Easter Monday
    ["2025-12-24", 1, PARIS, "2025-12-26"],
    ["2025-12-24", 1, METZ, "2025-12-29"],
    // n = 0 leaves the date unchanged, even on a non-working day
    ["2025-06-10", 0, PARIS, "2025-06-10"],
    ["2025-06-14", 0, PARIS, "2025-06-14"],
    // negative offsets go back in time
    ["2025-05-09", -5, PARIS, "2025-04-30"],
    ["2025-01-06", -1, PARIS, "2025-01-03"],
    ["2025-01-05", -1, PARIS, "2025-01-03"], // Sunday - 1 → Friday
    ["2025-01-02", -1, PARIS, "2024-12-31"], // over New Year's Day
  ];
  for (const [date, n, place, expected] of cases) {
    test(`${date} ${n >= 0 ? "+" : ""}${n} working days in ${place.departement} → ${expected}`, () => {
      assert.equal(addWorkingDays(date, n, place), expected);
    });
  }

  test("rejects a non-integer count", () => {
    assert.throws(() => addWorkingDays("2025-06-10", 1.5), RangeError);
  });
});

describe("addMonths", () => {
  const cases: [string, number, string][] = [
    ["2025-01-15", 1, "2025-02-15"],
    ["2025-01-31", 1, "2025-02-28"],
    ["2028-01-31", 1, "2028-02-29"], // leap year
    ["2028-02-29", 12, "2029-02-28"],
    ["2100-01-31", 1, "2100-02-28"], // not a leap year
    ["2000-01-31", 1, "2000-02-29"], // leap year (divisible by 400)
    ["2025-08-31", 1, "2025-09-30"],
    ["2025-03-31", -1, "2025-02-28"],
    ["2025-01-15", -1, "2024-12-15"],
    ["2025-12-15", 1, "2026-01-15"],
    ["2025-06-10", 0, "2025-06-10"],
    ["2025-06-10", 6, "2025-12-10"],
    ["2025-06-10", 24, "2027-06-10"],
    ["2025-06-10", -18, "2023-12-10"],
  ];
  for (const [date, n, expected] of cases) {
    test(`${date} ${n >= 0 ? "+" : ""}${n} months → ${expected}`, () => {
      assert.equal(addMonths(date, n), expected);
    });
  }
});

describe("nextWorkingDayOnOrAfter", () => {
  const cases: [string, Place, string][] = [
    ["2025-06-10", PARIS, "2025-06-10"],
    ["2025-05-31", PARIS, "2025-06-02"],
    ["2025-06-07", PARIS, "2025-06-10"], // Saturday, Sunday, Whit Monday
    ["2025-12-25", LYON, "2025-12-26"],
    ["2025-12-25", STRASBOURG, "2025-12-29"],
  ];
  for (const [date, place, expected] of cases) {
    test(`${date} in ${place.departement} → ${expected}`, () => {
      assert.equal(nextWorkingDayOnOrAfter(date, place), expected);
    });
  }
});

describe("computeDueDate", () => {
  const days = (amount: number): DeadlineRule => ({ amount, unit: "calendar_days" });
  const months = (amount: number): DeadlineRule => ({ amount, unit: "months" });
  const workingDays = (amount: number): DeadlineRule => ({ amount, unit: "working_days" });

  const cases: [string, string, DeadlineRule, Place, string][] = [
    ["ends on a working day", "2025-06-02", days(8), PARIS, "2025-06-10"],
    ["ends on a Sunday → Monday", "2025-01-01", days(4), PARIS, "2025-01-06"],
    ["ends on a Saturday → Monday", "2025-01-01", days(3), PARIS, "2025-01-06"],
    ["ends on Christmas (Thursday) in Lyon → 26 December", "2025-12-15", days(10), LYON, "2025-12-26"],
    [
      "ends on Christmas in Strasbourg → after 26 December and the weekend",
      "2025-12-15",
      days(10),
      STRASBOURG,
      "2025-12-29",
    ],
    ["ends on Good Friday in Lyon: not extended", "2025-04-08", days(10), LYON, "2025-04-18"],
    [
      "ends on Good Friday in Strasbourg → after Easter Monday",
      "2025-04-08",
      days(10),
      STRASBOURG,
      "2025-04-22",
    ],
    ["ends on 27 May in Guadeloupe → 28 May", "2025-05-17", days(10), GUADELOUPE, "2025-05-28"],
    ["ends on 27 May in Paris: not extended", "2025-05-17", days(10), PARIS, "2025-05-27"],
    ["ends on 10 June in Guyane → 11 June", "2025-05-31", days(10), GUYANE, "2025-06-11"],
    ["one month from 31 January ends on 28 February (Friday)", "2025-01-31", months(1), PARIS, "2025-02-28"],
    [
      "one month from 31 January 2026 ends on Saturday 28 February → Monday",
      "2026-01-31",
      months(1),
      PARIS,
      "2026-03-02",
    ],
    [
      "one month from 31 January 2028 ends on 29 February (leap year)",
      "2028-01-31",
      months(1),
      PARIS,
      "2028-02-29",
    ],
    ["two months ending on 1 May → 2 May", "2025-03-01", months(2), PARIS, "2025-05-02"],
    ["six months (MJIE)", "2025-06-10", months(6), PARIS, "2025-12-10"],
    ["five working days over 1 and 8 May", "2025-04-30", workingDays(5), PARIS, "2025-05-09"],
    ["zero days on a Sunday → Monday", "2025-06-15", days(0), PARIS, "2025-06-16"],
  ];
  for (const [label, start, rule, place, expected] of cases) {
    test(label, () => {
      assert.equal(computeDueDate(start, rule, place), expected);
    });
  }

  test("no extension when extendToWorkingDay is false", () => {
    assert.equal(computeDueDate("2025-01-01", days(4), PARIS, { extendToWorkingDay: false }), "2025-01-05");
    assert.equal(
      computeDueDate("2025-04-08", days(10), STRASBOURG, { extendToWorkingDay: false }),
      "2025-04-18",
    );
    assert.equal(computeDueDate("2026-01-31", months(1), PARIS, { extendToWorkingDay: false }), "2026-02-28");
  });
});

describe("daysBetween and daysRemaining", () => {
  const cases: [string, string, number][] = [
    ["2025-01-01", "2025-01-01", 0],
    ["2025-01-01", "2025-01-31", 30],
    ["2025-01-31", "2025-01-01", -30],
    ["2028-02-28", "2028-03-01", 2],
    ["2027-02-28", "2027-03-01", 1],
    ["2025-12-31", "2026-01-01", 1],
    ["2025-03-29", "2025-03-31", 2],
  ];
  for (const [a, b, expected] of cases) {
    test(`${a} → ${b} = ${expected}`, () => {
      assert.equal(daysBetween(a, b), expected);
      assert.equal(daysRemaining(a, b), expected);
    });
  }
});

describe("deadlineStatus", () => {
  const today = "2025-06-10";
  const cases: [string, number | undefined, string][] = [
    ["2025-05-10", undefined, "overdue"],
    ["2025-06-09", undefined, "overdue"], // one day late
    ["2025-06-10", undefined, "due_soon"], // due today
    ["2025-06-17", undefined, "due_soon"], // exactly 7 days left
    ["2025-06-18", undefined, "ok"], // 8 days left
    ["2025-06-10", 0, "due_soon"],
    ["2025-06-11", 0, "ok"],
    ["2025-06-24", 14, "due_soon"],
    ["2025-06-25", 14, "ok"],
  ];
  for (const [due, soonDays, expected] of cases) {
    test(`due ${due}${soonDays === undefined ? "" : ` (soonDays ${soonDays})`} → ${expected}`, () => {
      const options = soonDays === undefined ? undefined : { soonDays };
      assert.equal(deadlineStatus(today, due, options), expected);
    });
  }
});

describe("ISO weeks", () => {
  const starts: [string, string][] = [
    ["2025-06-09", "2025-06-09"], // Monday
    ["2025-06-10", "2025-06-09"],
    ["2025-06-15", "2025-06-09"], // Sunday
    ["2025-06-16", "2025-06-16"],
    ["2026-01-01", "2025-12-29"], // week across the new year
  ];
  for (const [date, expected] of starts) {
    test(`startOfIsoWeek(${date}) → ${expected}`, () => {
      assert.equal(startOfIsoWeek(date), expected);
    });
  }

  test("isSameIsoWeek", () => {
    assert.equal(isSameIsoWeek("2025-12-29", "2026-01-04"), true);
    assert.equal(isSameIsoWeek("2025-06-15", "2025-06-16"), false);
    assert.equal(isSameIsoWeek("2025-06-09", "2024-06-10"), false);
  });
});

describe("todayIso", () => {
  const cases: [string, string][] = [
    ["2025-06-10T12:00:00Z", "2025-06-10"],
    ["2025-06-10T21:59:59Z", "2025-06-10"], // 23:59:59 in Paris (summer time)
    ["2025-06-10T22:00:00Z", "2025-06-11"], // midnight in Paris
    ["2025-01-10T22:59:59Z", "2025-01-10"], // 23:59:59 in Paris (winter time)
    ["2025-01-10T23:00:00Z", "2025-01-11"],
    ["2025-12-31T23:30:00Z", "2026-01-01"],
  ];
  for (const [instant, expected] of cases) {
    test(`${instant} → ${expected}`, () => {
      assert.equal(todayIso(new Date(instant)), expected);
    });
  }
});

describe("input validation", () => {
  const invalid = ["2025-02-29", "2025-13-01", "2025-00-10", "2025-06-31", "2025-6-1", "10/06/2025", ""];
  for (const value of invalid) {
    test(`rejects ${JSON.stringify(value)}`, () => {
      assert.equal(isIsoDate(value), false);
      assert.throws(() => addCalendarDays(value, 1), RangeError);
    });
  }

  test("accepts a real date, including 29 February of a leap year", () => {
    assert.equal(isIsoDate("2028-02-29"), true);
    assert.equal(isIsoDate(20250610), false);
  });
});
