import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { groupByMonth, sortTimeline, type TimelineEvent } from "./rules.ts";

const e = (date: string, kind: TimelineEvent["kind"], text: string = kind): TimelineEvent => ({
  date,
  kind,
  text,
  measureId: "m",
  measureLabel: "CJSE 2026-0001",
  href: "/",
});

describe("person timeline", () => {
  test("newest first, and on one day the report after the appointment after the mandate", () => {
    const sorted = sortTimeline([
      e("2026-10-02", "status"),
      e("2026-11-05", "appointment"),
      e("2026-11-05", "report"),
      e("2026-11-05", "status"),
      e("2026-10-20", "incident"),
    ]);
    assert.deepEqual(
      sorted.map((x) => `${x.date} ${x.kind}`),
      [
        "2026-11-05 report",
        "2026-11-05 appointment",
        "2026-11-05 status",
        "2026-10-20 incident",
        "2026-10-02 status",
      ],
    );
  });
  test("two status changes of one day: the one recorded last comes first", () => {
    const first = { ...e("2026-11-24", "status", "Rapport remis"), at: new Date("2026-11-24T09:00:00Z") };
    const second = { ...e("2026-11-24", "status", "Clôturée"), at: new Date("2026-11-24T10:00:00Z") };
    assert.deepEqual(
      sortTimeline([first, second]).map((x) => x.text),
      ["Clôturée", "Rapport remis"],
    );
  });

  test("groups by month in French", () => {
    const groups = groupByMonth(
      sortTimeline([e("2026-11-05", "status"), e("2026-11-01", "status"), e("2026-10-31", "status")]),
    );
    assert.deepEqual(
      groups.map((g) => [g.month, g.events.length]),
      [
        ["novembre 2026", 2],
        ["octobre 2026", 1],
      ],
    );
  });
});
