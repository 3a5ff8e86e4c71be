export type TimelineKind =
  | "status"
  | "assessment"
  | "action"
  | "obligation"
  | "proof"
  | "compliance"
  | "appointment"
  | "incident"
  | "report";

export interface TimelineEvent {
  date: string;
  kind: TimelineKind;
  measureId: string;
  measureLabel: string;
  text: string;
  href: string;
  /** When it was recorded, to order the events of one day. */
  at?: Date | null;
}

/** Kinds of the same day read in the order things happen: the mandate first, the report last. */
const SAME_DAY_ORDER: TimelineKind[] = [
  "status",
  "assessment",
  "obligation",
  "appointment",
  "proof",
  "compliance",
  "action",
  "incident",
  "report",
];

/** Newest first; within a day, the reverse of the order in which things happen. */
export function sortTimeline(events: TimelineEvent[]): TimelineEvent[] {
  return [...events].sort(
    (a, b) =>
      b.date.localeCompare(a.date) ||
      SAME_DAY_ORDER.indexOf(b.kind) - SAME_DAY_ORDER.indexOf(a.kind) ||
      (b.at?.getTime() ?? 0) - (a.at?.getTime() ?? 0),
  );
}

/** Groups events by month for display: "novembre 2026". */
export function groupByMonth(events: TimelineEvent[]): { month: string; events: TimelineEvent[] }[] {
  const groups: { month: string; events: TimelineEvent[] }[] = [];
  for (const e of events) {
    const month = new Intl.DateTimeFormat("fr-FR", {
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    }).format(new Date(`${e.date}T00:00:00Z`));
    const last = groups[groups.length - 1];
    if (last?.month === month) last.events.push(e);
    else groups.push({ month, events: [e] });
  }
  return groups;
}
