import { addCalendarDays, type IsoDate } from "../deadlines/rules.ts";

/** How far ahead the training service looks for sessions to fill. */
export const SESSIONS_HORIZON_DAYS = 56;

export interface SessionFill {
  startsOn: IsoDate;
  capacity: number;
  enrolled: number;
  status: "ouverte" | "annulee" | "terminee";
}

/**
 * Sessions that need the training service: open, starting after today and within the horizon, with a
 * free place. A session is under-filled when fewer than half its places are taken.
 */
export function sessionsToFill<T extends SessionFill>(
  sessions: readonly T[],
  today: IsoDate,
  horizonDays = SESSIONS_HORIZON_DAYS,
): (T & { free: number; underFilled: boolean })[] {
  const until = addCalendarDays(today, horizonDays);
  return sessions
    .filter((s) => s.status === "ouverte" && s.startsOn > today && s.startsOn <= until)
    .filter((s) => s.enrolled < s.capacity)
    .map((s) => ({ ...s, free: s.capacity - s.enrolled, underFilled: s.enrolled * 2 < s.capacity }));
}
