/**
 * iCalendar export of appointments (RFC 5545) with ical-generator. Times are written in
 * Europe/Paris wall-clock time with TZID=Europe/Paris and the zone's VTIMEZONE, so that calendars
 * show the right hour on both sides of a change of time. A calendar holds the kind of appointment
 * and the person's initials, never their name: exported calendars end up on phones and in clouds.
 */
import ical, {
  ICalEventStatus,
  type ICalTemporalInstantStub,
  type ICalTemporalPlainDateStub,
  type ICalTemporalPlainDateTimeStub,
  type ICalTemporalZonedDateTimeStub,
} from "ical-generator";
import { calendarSummary, PARIS, PLACE_LABELS, parisWallClock } from "./rules.ts";
import type { AppointmentKind, AppointmentPlace } from "./tables.ts";

/** Europe/Paris since 1996: CET in winter, CEST from the last Sunday of March to the last Sunday of October. */
const PARIS_VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/Paris",
  "X-LIC-LOCATION:Europe/Paris",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
].join("\r\n");

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * An instant seen on a clock in Paris, in the shape of a Temporal ZonedDateTime that ical-generator
 * formats as local time under the event's TZID (a JS Date would be formatted in the server's zone).
 */
export function parisZoned(instant: Date): ICalTemporalZonedDateTimeStub {
  const w = parisWallClock(instant);
  const dateText = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
  const localText = `${dateText}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
  const plainDate: ICalTemporalPlainDateStub = {
    year: w.year,
    month: w.month,
    day: w.day,
    toJSON: () => dateText,
    toString: () => dateText,
  };
  const zoned: ICalTemporalZonedDateTimeStub = {
    ...w,
    timeZoneId: PARIS,
    toInstant: () => exact,
    toJSON: () => `${localText}[${PARIS}]`,
    toString: () => `${localText}[${PARIS}]`,
    toPlainDateTime: () => plain,
    withTimeZone: (zone: string) => {
      if (zone !== PARIS) throw new Error(`only ${PARIS} is supported`);
      return zoned;
    },
  };
  const plain: ICalTemporalPlainDateTimeStub = {
    ...w,
    toJSON: () => localText,
    toString: () => localText,
    toPlainDate: () => plainDate,
    toZonedDateTime: (zone: string) => zoned.withTimeZone(zone),
  };
  const exact: ICalTemporalInstantStub = {
    epochMilliseconds: instant.getTime(),
    toJSON: () => instant.toISOString(),
    toString: () => instant.toISOString(),
    toZonedDateTimeISO: (zone: string) => zoned.withTimeZone(zone),
  };
  return zoned;
}

export interface CalendarAppointment {
  id: string;
  startsAt: Date;
  durationMinutes: number;
  kind: AppointmentKind;
  place: AppointmentPlace;
  placeDetail: string | null;
  partnerName: string | null;
  person: { firstName: string; lastName: string };
  /** Exported with STATUS:CANCELLED, so that a calendar that imported it drops it. */
  cancelled?: boolean;
}

/** The UID of an appointment in every calendar it is exported to: the same on each export. */
export function appointmentUid(id: string): string {
  return `rendez-vous-${id}@parcours`;
}

/** An iCalendar file of appointments; `publicUrl` links each event to its page in Parcours. */
export function appointmentsCalendar(
  name: string,
  list: CalendarAppointment[],
  options: { publicUrl: string; stamp?: Date },
): string {
  const calendar = ical({
    name,
    prodId: { company: "Parcours", product: "Agenda", language: "FR" },
    timezone: { name: null, generator: (zone) => (zone === PARIS ? PARIS_VTIMEZONE : null) },
  });
  const base = options.publicUrl.replace(/\/+$/, "");
  for (const a of list) {
    const end = new Date(a.startsAt.getTime() + a.durationMinutes * 60_000);
    // The detail of a home visit is often the person's address: it stays in Parcours.
    const detail = a.place === "domicile" ? null : a.placeDetail;
    const where = [PLACE_LABELS[a.place], detail].filter(Boolean).join(" – ");
    calendar.createEvent({
      id: appointmentUid(a.id),
      timezone: PARIS,
      start: parisZoned(a.startsAt),
      end: parisZoned(end),
      ...(options.stamp ? { stamp: options.stamp } : {}),
      summary: calendarSummary(a.kind, a.person),
      location: where,
      description: [a.partnerName ? `Partenaire : ${a.partnerName}` : null, `${base}/rendez-vous/${a.id}`]
        .filter(Boolean)
        .join("\n"),
      url: `${base}/rendez-vous/${a.id}`,
      status: a.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
