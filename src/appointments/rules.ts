/**
 * Pure rules of appointments: Paris wall-clock time and instants, weeks, what a form may say,
 * when the attendance can be recorded, which appointments get a reminder and what it says.
 * No I/O here; every function is tested in rules.test.ts.
 */
import { addCalendarDays, addMonths, type IsoDate, isIsoDate, startOfIsoWeek } from "../deadlines/rules.ts";
import type { FormErrors } from "../platform/forms.ts";
import type { AppointmentKind, AppointmentPlace, Attendance } from "./tables.ts";

export const PARIS = "Europe/Paris";

export const PLACE_LABELS: Record<AppointmentPlace, string> = {
  service: "Au service",
  domicile: "Au domicile de la personne",
  detention: "En détention",
  visio: "En visioconférence",
  autre: "Autre lieu",
};

export const KIND_LABELS: Record<AppointmentKind, string> = {
  entretien: "Entretien",
  visite_domicile: "Visite à domicile",
  visite_detention: "Visite en détention",
  entretien_partenaire: "Entretien avec un partenaire",
  audience: "Audience",
  autre: "Autre rendez-vous",
};

export const ATTENDANCE_LABELS: Record<Attendance, string> = {
  present: "Présent·e",
  excuse: "Excusé·e",
  absent: "Absent·e",
};

/* ------------------------------------------------------------------ */
/* Paris wall-clock time                                               */
/* ------------------------------------------------------------------ */

const PARIS_FIELDS = new Intl.DateTimeFormat("en-CA", {
  timeZone: PARIS,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The Paris calendar fields of an instant. */
export function parisWallClock(instant: Date): WallClock {
  const fields: Record<string, number> = {};
  for (const part of PARIS_FIELDS.formatToParts(instant)) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? Number.NaN,
    month: fields.month ?? Number.NaN,
    day: fields.day ?? Number.NaN,
    hour: fields.hour ?? Number.NaN,
    minute: fields.minute ?? Number.NaN,
    second: fields.second ?? Number.NaN,
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** "2026-03-29" and "10:00": the day and the time an instant shows on a clock in France. */
export function instantToParis(instant: Date): { date: IsoDate; time: string } {
  const w = parisWallClock(instant);
  return { date: `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

/** Minutes Paris is ahead of UTC at an instant (60 in winter, 120 in summer). */
export function parisOffsetMinutes(instant: Date): number {
  const w = parisWallClock(instant);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The instant at which a clock in France shows this day and time, or null when that time does not
 * exist (the hour skipped when summer time starts, e.g. 02:30 on 29/03/2026). A time shown twice
 * (when winter time comes back, 02:00–02:59 on 25/10/2026) is the first one, in summer time.
 */
export function parisToInstant(date: IsoDate, time: string): Date | null {
  const t = TIME.exec(time);
  if (!isIsoDate(date) || !t) return null;
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, Number(t[1]), Number(t[2]));
  // The offsets in force around that wall-clock time; the larger one gives the earlier instant.
  const offsets = [
    ...new Set([
      parisOffsetMinutes(new Date(wall - 14 * 3_600_000)),
      parisOffsetMinutes(new Date(wall + 14 * 3_600_000)),
    ]),
  ].sort((a, b) => b - a);
  for (const offset of offsets) {
    const instant = new Date(wall - offset * 60_000);
    const back = instantToParis(instant);
    if (back.date === date && back.time === time) return instant;
  }
  return null;
}

/** Midnight in Paris at the start of a day (always exists: France changes time at 2 or 3 a.m.). */
export function startOfParisDay(date: IsoDate): Date {
  const instant = parisToInstant(date, "00:00");
  if (!instant) throw new Error(`invalid date ${date}`);
  return instant;
}

/** Accepts "14:30", "14:30:00", "9:05", "14h30", "14h", "14 h 30"; returns "HH:MM" or null. */
export function normalizeTime(value: string): string | null {
  const m = /^(\d{1,2})\s*(?:[:hH]\s*(\d{2})?)?(?::\d{2})?$/.exec(value.trim());
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  if (!m[2] && !/[hH]/.test(value)) return null;
  if (hour > 23 || minute > 59) return null;
  return `${pad(hour)}:${pad(minute)}`;
}

/* ------------------------------------------------------------------ */
/* Weeks and periods                                                   */
/* ------------------------------------------------------------------ */

export interface Period {
  /** First instant included. */
  from: Date;
  /** First instant excluded. */
  to: Date;
}

/** The Monday of the week to show: the week of `semaine` when it is a date, else the current week. */
export function weekToShow(semaine: unknown, today: IsoDate): IsoDate {
  return startOfIsoWeek(typeof semaine === "string" && isIsoDate(semaine) ? semaine : today);
}

/** The seven days of the week starting on that Monday. */
export function weekDays(monday: IsoDate): IsoDate[] {
  return Array.from({ length: 7 }, (_, i) => addCalendarDays(monday, i));
}

/** From Monday 00:00 to the next Monday 00:00, Paris time (167, 168 or 169 hours). */
export function weekPeriod(monday: IsoDate): Period {
  return { from: startOfParisDay(monday), to: startOfParisDay(addCalendarDays(monday, 7)) };
}

/** From today 00:00 to the same day three months later, Paris time: the agenda export by default. */
export function nextMonthsPeriod(today: IsoDate, months = 3): Period {
  return { from: startOfParisDay(today), to: startOfParisDay(addMonths(today, months)) };
}

/** Tomorrow's calendar day in Paris, from 00:00 to 00:00 the day after. */
export function tomorrowPeriod(now: Date): Period {
  const tomorrow = addCalendarDays(instantToParis(now).date, 1);
  return { from: startOfParisDay(tomorrow), to: startOfParisDay(addCalendarDays(tomorrow, 1)) };
}

const WEEKDAY_MONTH = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "UTC",
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
});
const DAY_MONTH = new Intl.DateTimeFormat("fr-FR", { timeZone: "UTC", day: "numeric", month: "long" });

/** "lundi 23 novembre 2026". */
export function longDate(date: IsoDate): string {
  return WEEKDAY_MONTH.format(new Date(`${date}T12:00:00Z`));
}

/** "Lundi 23 novembre 2026". */
export function longDateCapitalized(date: IsoDate): string {
  const text = longDate(date);
  return text.charAt(0).toLocaleUpperCase("fr-FR") + text.slice(1);
}

/** "du 23 au 29 novembre 2026", "du 30 novembre au 6 décembre 2026", "du 28 décembre 2026 au 3 janvier 2027". */
export function weekLabel(monday: IsoDate): string {
  const sunday = addCalendarDays(monday, 6);
  const at = (d: IsoDate) => new Date(`${d}T12:00:00Z`);
  const [y1, m1] = monday.split("-");
  const [y2, m2] = sunday.split("-");
  const end = `${DAY_MONTH.format(at(sunday))} ${y2}`;
  if (y1 !== y2) return `du ${DAY_MONTH.format(at(monday))} ${y1} au ${end}`;
  if (m1 !== m2) return `du ${DAY_MONTH.format(at(monday))} au ${end}`;
  return `du ${Number(monday.slice(8))} au ${end}`;
}

/** "14 h 30", "9 h 05", "14 h": the French way to write a time in a letter. */
export function spokenTime(time: string): string {
  const [h, m] = time.split(":");
  return m === "00" ? `${Number(h)} h` : `${Number(h)} h ${m}`;
}

/** "10:00 – 11:00" for an appointment of 60 minutes starting at 10:00 in Paris. */
export function timeRange(startsAt: Date, durationMinutes: number): string {
  const end = new Date(startsAt.getTime() + durationMinutes * 60_000);
  return `${instantToParis(startsAt).time} – ${instantToParis(end).time}`;
}

/* ------------------------------------------------------------------ */
/* Forms                                                               */
/* ------------------------------------------------------------------ */

export const MIN_DURATION = 5;
export const MAX_DURATION = 480;

export interface AppointmentInput {
  date: IsoDate;
  time: string;
  durationMinutes: number;
  place: AppointmentPlace;
  placeDetail: string | null;
  kind: AppointmentKind;
  staffId: string;
  partnerId: string | null;
}

/**
 * What the schema cannot say about an appointment: the time exists that day in France, the
 * duration is plausible, the day is neither before the magistrate's decision nor more than two
 * years ahead, "autre lieu" is spelt out, a meeting with a partner names the partner, and an
 * appointment whose attendance is recorded stays in the past.
 */
export function checkAppointment(
  input: AppointmentInput,
  context: { today: IsoDate; decisionDate: IsoDate; now: Date; attendance?: Attendance | null },
): FormErrors {
  const errors: FormErrors = {};
  const startsAt = parisToInstant(input.date, input.time);
  if (!startsAt) {
    errors.time = `Cette heure n'existe pas le ${frenchDate(input.date)} (passage à l'heure d'été) : choisissez une autre heure`;
  }
  if (input.date < context.decisionDate) {
    errors.date = `Le rendez-vous ne peut pas précéder la décision du magistrat (${frenchDate(context.decisionDate)})`;
  } else if (input.date > addMonths(context.today, 24)) {
    errors.date = "Le rendez-vous doit avoir lieu dans les deux ans à venir";
  }
  if (
    !Number.isInteger(input.durationMinutes) ||
    input.durationMinutes < MIN_DURATION ||
    input.durationMinutes > MAX_DURATION
  ) {
    errors.durationMinutes = "La durée doit être comprise entre 5 et 480 minutes (8 heures)";
  }
  if (input.place === "autre" && !input.placeDetail) {
    errors.placeDetail = "Précisez le lieu du rendez-vous";
  }
  if (input.kind === "entretien_partenaire" && !input.partnerId) {
    errors.partnerId = "Choisissez le partenaire avec qui l'entretien a lieu";
  }
  if (context.attendance && startsAt && startsAt > context.now && !errors.date) {
    errors.date =
      "La présence de la personne est déjà notée : le rendez-vous ne peut pas être déplacé dans le futur";
  }
  return errors;
}

/** The attendance is recorded once the appointment has started, never before. */
export function canRecordAttendance(startsAt: Date, now: Date): boolean {
  return now.getTime() >= startsAt.getTime();
}

export function checkAttendance(startsAt: Date, now: Date): FormErrors {
  if (canRecordAttendance(startsAt, now)) return {};
  const { date, time } = instantToParis(startsAt);
  return {
    attendance: `La présence ne peut être notée qu'une fois le rendez-vous commencé, à partir du ${frenchDate(date)} à ${time}`,
  };
}

function frenchDate(date: IsoDate): string {
  const [y, m, d] = date.split("-");
  return `${d}/${m}/${y}`;
}

/* ------------------------------------------------------------------ */
/* Reminders                                                           */
/* ------------------------------------------------------------------ */

export interface ReminderCandidate {
  startsAt: Date;
  attendance: Attendance | null;
  reminderSentAt: Date | null;
  email: string | null;
  reminderConsent: boolean;
  measureClosed: boolean;
}

/**
 * A reminder goes out the day before: the appointment starts tomorrow (Paris calendar day), the
 * person gave an e-mail address and agreed to reminders, nothing was recorded about the
 * appointment yet, no reminder went out, and the measure is still open.
 * The job's SQL (src/jobs/reminders.ts) says the same; its tests check both agree.
 */
export function isReminderDue(a: ReminderCandidate, now: Date): boolean {
  const tomorrow = tomorrowPeriod(now);
  return (
    a.startsAt >= tomorrow.from &&
    a.startsAt < tomorrow.to &&
    a.attendance === null &&
    a.reminderSentAt === null &&
    a.reminderConsent &&
    Boolean(a.email?.trim()) &&
    !a.measureClosed
  );
}

export type ReminderStatus =
  | { kind: "sent"; at: Date }
  | { kind: "planned" }
  | { kind: "no_consent" }
  | { kind: "not_applicable" };

/**
 * What the appointment's page says about the reminder e-mail: sent (when), planned for the day
 * before, impossible (no address or no consent), or no longer relevant (already held or recorded,
 * measure closed, or planned for today or a past day).
 */
export function reminderStatus(a: ReminderCandidate, now: Date): ReminderStatus {
  if (a.reminderSentAt) return { kind: "sent", at: a.reminderSentAt };
  if (!a.reminderConsent || !a.email?.trim()) return { kind: "no_consent" };
  if (a.attendance !== null || a.measureClosed || a.startsAt < tomorrowPeriod(now).from) {
    return { kind: "not_applicable" };
  }
  return { kind: "planned" };
}

export interface ReminderAssociation {
  name: string;
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  phone: string | null;
}

export interface ReminderFacts {
  startsAt: Date;
  durationMinutes: number;
  place: AppointmentPlace;
  placeDetail: string | null;
  staffName: string;
  association: ReminderAssociation;
}

function whereText(f: ReminderFacts): string {
  const detail = f.placeDetail ? ` (${f.placeDetail})` : "";
  switch (f.place) {
    case "service": {
      const address = [
        f.association.addressLine,
        [f.association.postalCode, f.association.city].filter(Boolean).join(" "),
      ]
        .filter(Boolean)
        .join(", ");
      return `dans les locaux de ${f.association.name}${address ? `, ${address}` : ""}${detail}`;
    }
    case "domicile":
      return `à votre domicile${detail}`;
    case "detention":
      return `sur votre lieu de détention${detail}`;
    case "visio":
      return `en visioconférence${detail}`;
    case "autre":
      return f.placeDetail ? `au lieu suivant : ${f.placeDetail}` : "au lieu convenu";
  }
}

/**
 * The reminder e-mail, in French: date, time, place and who receives the person. Nothing about the
 * measure, the court or the reason of the appointment, since e-mails can be read by others.
 */
export function reminderMessage(f: ReminderFacts): { subject: string; text: string } {
  const { date, time } = instantToParis(f.startsAt);
  const when = `${longDate(date)} à ${spokenTime(time)}`;
  const contact = f.association.phone
    ? `Si vous ne pouvez pas venir, prévenez ${f.association.name} au ${f.association.phone}.`
    : `Si vous ne pouvez pas venir, prévenez ${f.association.name} au plus vite.`;
  const text = [
    "Bonjour,",
    "",
    `Nous vous rappelons votre rendez-vous de demain, ${when}, ${whereText(f)}, avec ${f.staffName}.`,
    `Durée prévue : ${f.durationMinutes} minutes.`,
    "",
    contact,
    "",
    "Ce message vous est envoyé automatiquement parce que vous avez accepté de recevoir des rappels de rendez-vous. Merci de ne pas y répondre.",
    "",
    f.association.name,
  ].join("\n");
  return { subject: `Rappel : votre rendez-vous de demain à ${spokenTime(time)}`, text };
}

/* ------------------------------------------------------------------ */
/* Calendars                                                           */
/* ------------------------------------------------------------------ */

/** "T. F." for Théo Fontaine, "M.-É. D." for Marie-Éve Da Silva: enough for the intervenant, little for a stray calendar. */
export function initials(person: { firstName: string; lastName: string }): string {
  const of = (name: string) =>
    name
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map((word) =>
        word
          .split("-")
          .filter(Boolean)
          .map((part) => `${part.charAt(0).toLocaleUpperCase("fr-FR")}.`)
          .join("-"),
      )
      .join(" ");
  return [of(person.firstName), of(person.lastName).split(" ")[0]].filter(Boolean).join(" ");
}

/** The title of an appointment in an exported calendar: its kind and the person's initials. */
export function calendarSummary(
  kind: AppointmentKind,
  person: { firstName: string; lastName: string },
): string {
  return `${KIND_LABELS[kind]} – ${initials(person)}`;
}
