/**
 * Deadline engine: pure functions over ISO calendar dates ("YYYY-MM-DD").
 *
 * All arithmetic is done on UTC day numbers, so the result never depends on the server's time zone or on
 * daylight saving time. The only function that looks at a clock is `todayIso`, which reads the calendar
 * date in Europe/Paris.
 */

import {
  ALSACE_MOSELLE_DEPARTEMENTS,
  ALSACE_MOSELLE_HOLIDAYS,
  type HolidayDefinition,
  NATIONAL_HOLIDAYS,
  SLAVERY_ABOLITION_DAYS,
  SLAVERY_ABOLITION_NAME,
} from "../reference/data/public-holidays.ts";

/** A calendar date, "YYYY-MM-DD". */
export type IsoDate = string;

/** Where a deadline runs: the département of the court (or of the service) decides the local holidays. */
export interface Place {
  /** INSEE code of the département or overseas collectivité, e.g. "57", "971". */
  departement?: string;
  /** Forces the Alsace-Moselle holidays even without a département. */
  alsaceMoselle?: boolean;
}

export type DeadlineUnit = "calendar_days" | "working_days" | "months";

export interface DeadlineRule {
  amount: number;
  unit: DeadlineUnit;
}

export type DeadlineStatus = "overdue" | "due_soon" | "ok";

export interface PublicHoliday {
  date: IsoDate;
  name: string;
}

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// ---------------------------------------------------------------------------------------------------------
// Parsing and formatting

interface Ymd {
  year: number;
  month: number;
  day: number;
}

function parse(date: IsoDate): Ymd {
  const match = ISO_DATE.exec(date);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) {
      return { year, month, day };
    }
  }
  throw new RangeError(`Invalid ISO date: ${JSON.stringify(date)} (expected YYYY-MM-DD)`);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function format(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01. */
function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parse(date);
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

function fromDayNumber(dayNumber: number): IsoDate {
  const d = new Date(dayNumber * MS_PER_DAY);
  return format(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function assertInteger(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be an integer, got ${n}`);
}

/** True when the value is a real calendar date written "YYYY-MM-DD". */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string") return false;
  try {
    parse(value);
    return true;
  } catch {
    return false;
  }
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (ISO weekday 4).
  const n = toDayNumber(date);
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

// ---------------------------------------------------------------------------------------------------------
// Public holidays

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  assertInteger(year, "year");
  if (year < 1583 || year > 9999)
    throw new RangeError(`Year out of range for the Gregorian computus: ${year}`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return format(year, month, day);
}

function appliesAlsaceMoselle(place: Place | undefined): boolean {
  if (place?.alsaceMoselle === true) return true;
  return place?.departement !== undefined && ALSACE_MOSELLE_DEPARTEMENTS.includes(place.departement);
}

function resolve(definition: HolidayDefinition, year: number, easter: number): PublicHoliday {
  const { rule } = definition;
  const date =
    rule.kind === "fixed" ? format(year, rule.month, rule.day) : fromDayNumber(easter + rule.offset);
  return { date, name: definition.name };
}

/**
 * The public holidays of a year at a place, sorted by date: the 11 national holidays (C. trav. L3133-1),
 * plus Good Friday and 26 December in Alsace-Moselle (L3134-13), plus the day commemorating the abolition
 * of slavery in an overseas département or collectivité (décret n° 83-1003). Two holidays falling on the
 * same date are both listed.
 */
export function publicHolidays(year: number, place?: Place): PublicHoliday[] {
  const easter = toDayNumber(easterSunday(year));
  const holidays = NATIONAL_HOLIDAYS.map((h) => resolve(h, year, easter));
  if (appliesAlsaceMoselle(place)) {
    holidays.push(...ALSACE_MOSELLE_HOLIDAYS.map((h) => resolve(h, year, easter)));
  }
  const abolition = SLAVERY_ABOLITION_DAYS.find((d) => d.code === place?.departement);
  if (abolition) {
    holidays.push({ date: format(year, abolition.month, abolition.day), name: SLAVERY_ABOLITION_NAME });
  }
  return holidays.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

const holidayCache = new Map<string, ReadonlyMap<IsoDate, string>>();

function holidaysByDate(year: number, place: Place | undefined): ReadonlyMap<IsoDate, string> {
  const key = `${year}|${appliesAlsaceMoselle(place) ? "am" : ""}|${place?.departement ?? ""}`;
  let map = holidayCache.get(key);
  if (!map) {
    const byDate = new Map<IsoDate, string>();
    for (const h of publicHolidays(year, place)) {
      const existing = byDate.get(h.date);
      byDate.set(h.date, existing ? `${existing} ; ${h.name}` : h.name);
    }
    map = byDate;
    holidayCache.set(key, map);
  }
  return map;
}

/** The name of the public holiday on that date at that place, or null. */
export function publicHolidayName(date: IsoDate, place?: Place): string | null {
  return holidaysByDate(parse(date).year, place).get(date) ?? null;
}

export function isPublicHoliday(date: IsoDate, place?: Place): boolean {
  return publicHolidayName(date, place) !== null;
}

/** Saturday or Sunday. */
export function isWeekend(date: IsoDate): boolean {
  return isoWeekday(date) >= 6;
}

/** Jour ouvré: Monday to Friday, and not a public holiday at that place. */
export function isWorkingDay(date: IsoDate, place?: Place): boolean {
  return !isWeekend(date) && !isPublicHoliday(date, place);
}

// ---------------------------------------------------------------------------------------------------------
// Date arithmetic

export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  assertInteger(n, "n");
  return fromDayNumber(toDayNumber(date) + n);
}

/**
 * Moves n working days forward (n > 0) or backward (n < 0), counting only working days and not counting
 * the starting day. With n = 0 the date is returned unchanged, even when it is not a working day.
 */
export function addWorkingDays(date: IsoDate, n: number, place?: Place): IsoDate {
  assertInteger(n, "n");
  const step = n < 0 ? -1 : 1;
  let dayNumber = toDayNumber(date);
  let remaining = Math.abs(n);
  while (remaining > 0) {
    dayNumber += step;
    if (isWorkingDay(fromDayNumber(dayNumber), place)) remaining -= 1;
  }
  return fromDayNumber(dayNumber);
}

/** Adds calendar months; a day that does not exist in the target month clamps to its last day. */
export function addMonths(date: IsoDate, n: number): IsoDate {
  assertInteger(n, "n");
  const { year, month, day } = parse(date);
  const index = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return format(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** The date itself when it is a working day, else the first working day after it. */
export function nextWorkingDayOnOrAfter(date: IsoDate, place?: Place): IsoDate {
  let dayNumber = toDayNumber(date);
  while (!isWorkingDay(fromDayNumber(dayNumber), place)) dayNumber += 1;
  return fromDayNumber(dayNumber);
}

export interface DueDateOptions {
  /** Extend a deadline ending on a Saturday, Sunday or public holiday to the next working day (default true). */
  extendToWorkingDay?: boolean;
}

/**
 * The due date of a deadline of `rule.amount` units running from `start` (the day of the triggering event,
 * which is not counted). Working-day deadlines always end on a working day. A calendar-day or month
 * deadline that would end on a Saturday, a Sunday or a public holiday is extended to the next working day,
 * as art. 801 CPP provides for procedural deadlines ("le délai qui expirerait normalement un samedi ou un
 * dimanche ou un jour férié ou chômé est prorogé jusqu'au premier jour ouvrable suivant"); pass
 * `extendToWorkingDay: false` for an internal target that should not move.
 */
export function computeDueDate(
  start: IsoDate,
  rule: DeadlineRule,
  place?: Place,
  options: DueDateOptions = {},
): IsoDate {
  const { extendToWorkingDay = true } = options;
  let due: IsoDate;
  switch (rule.unit) {
    case "calendar_days":
      due = addCalendarDays(start, rule.amount);
      break;
    case "working_days":
      due = addWorkingDays(start, rule.amount, place);
      break;
    case "months":
      due = addMonths(start, rule.amount);
      break;
    default:
      throw new RangeError(`Unknown deadline unit: ${String((rule as { unit: unknown }).unit)}`);
  }
  return extendToWorkingDay ? nextWorkingDayOnOrAfter(due, place) : due;
}

/** Signed number of days from a to b (positive when b is after a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** Days left until the due date: 0 on the due date, negative once it has passed. */
export function daysRemaining(today: IsoDate, due: IsoDate): number {
  return daysBetween(today, due);
}

/**
 * "overdue" once the due date has passed; "due_soon" from `soonDays` days before it up to and including
 * the due date itself; "ok" before that.
 */
export function deadlineStatus(
  today: IsoDate,
  due: IsoDate,
  options: { soonDays?: number } = {},
): DeadlineStatus {
  const { soonDays = 7 } = options;
  const remaining = daysRemaining(today, due);
  if (remaining < 0) return "overdue";
  if (remaining <= soonDays) return "due_soon";
  return "ok";
}

/** The Monday of the ISO week containing the date. */
export function startOfIsoWeek(date: IsoDate): IsoDate {
  return addCalendarDays(date, 1 - isoWeekday(date));
}

export function isSameIsoWeek(a: IsoDate, b: IsoDate): boolean {
  return startOfIsoWeek(a) === startOfIsoWeek(b);
}

const PARIS_DATE = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Paris",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Today's calendar date in Europe/Paris (the legal calendar of the courts), whatever the server's zone. */
export function todayIso(now: Date = new Date()): IsoDate {
  const parts = PARIS_DATE.formatToParts(now);
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? Number.NaN);
  return format(get("year"), get("month"), get("day"));
}
