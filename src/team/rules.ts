import { addCalendarDays, startOfIsoWeek } from "../deadlines/rules.ts";

export interface Dated {
  date: string;
}

/** Splits deadlines into what is late (before today) and what falls due this week (today to Sunday). */
export function lateAndThisWeek<T extends Dated>(
  items: T[],
  today: string,
): { late: T[]; thisWeek: T[]; weekEnd: string } {
  const weekEnd = addCalendarDays(startOfIsoWeek(today), 6);
  return {
    late: items.filter((i) => i.date < today),
    thisWeek: items.filter((i) => i.date >= today && i.date <= weekEnd),
    weekEnd,
  };
}
