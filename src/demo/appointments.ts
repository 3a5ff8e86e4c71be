import { and, asc, eq, lte, ne } from "drizzle-orm";
import { parisToInstant } from "../appointments/rules.ts";
import type { AppointmentKind, AppointmentPlace, Attendance } from "../appointments/tables.ts";
import { appointments } from "../appointments/tables.ts";
import { addCalendarDays, startOfIsoWeek } from "../deadlines/rules.ts";
import { measures } from "../measures/tables.ts";
import { partners } from "../partners/tables.ts";
import { type Db, withTenant } from "../platform/db.ts";
import type { DemoContext } from "./context.ts";

interface Slot {
  /** Days from today (past ones negative), or from this week's Monday when `week` is set. */
  day: number;
  week?: "this" | "next";
  time: string;
  minutes?: number;
  kind: AppointmentKind;
  place: AppointmentPlace;
  placeDetail?: string;
  attendance?: Attendance;
  note?: string;
  withPartner?: boolean;
}

/** The appointments of one measure, by its rank among the staff member's measures. */
function slotsFor(rank: number): Slot[] {
  const slots: Slot[][] = [
    [
      {
        day: -28,
        time: "10:00",
        kind: "entretien",
        place: "service",
        attendance: "present",
        note: "Premier entretien : présentation de la mesure et des obligations.",
      },
      {
        day: -14,
        time: "14:00",
        kind: "entretien",
        place: "service",
        attendance: "absent",
        note: "Ne s'est pas présenté, téléphone sans réponse.",
      },
      { day: 1, week: "this", time: "09:30", kind: "entretien", place: "service", placeDetail: "Bureau 2" },
      { day: 2, week: "next", time: "10:00", kind: "entretien", place: "service", placeDetail: "Bureau 2" },
    ],
    [
      {
        day: -21,
        time: "11:00",
        kind: "visite_domicile",
        place: "domicile",
        attendance: "present",
        note: "Logement stable, situation familiale apaisée.",
      },
      {
        day: -7,
        time: "15:00",
        kind: "entretien",
        place: "service",
        attendance: "excuse",
        note: "Excusé : rendez-vous médical, justificatif fourni.",
      },
      {
        day: 3,
        week: "this",
        time: "14:00",
        kind: "entretien_partenaire",
        place: "service",
        withPartner: true,
      },
      { day: 4, week: "next", time: "11:00", kind: "visite_domicile", place: "domicile", minutes: 90 },
    ],
    [
      {
        day: -10,
        time: "09:00",
        kind: "visite_detention",
        place: "detention",
        placeDetail: "Parloir avocats",
        attendance: "present",
        note: "Entretien en détention pour l'enquête de personnalité.",
      },
      {
        day: 0,
        week: "this",
        time: "16:00",
        kind: "entretien",
        place: "visio",
        placeDetail: "Lien envoyé par e-mail",
        minutes: 30,
      },
      { day: 1, week: "next", time: "14:30", kind: "entretien", place: "service" },
    ],
    [
      {
        day: -35,
        time: "10:30",
        kind: "entretien",
        place: "service",
        attendance: "present",
        note: "Point sur la recherche d'emploi : inscription faite.",
      },
      { day: 4, week: "this", time: "10:00", kind: "entretien", place: "service" },
      {
        day: 3,
        week: "next",
        time: "09:00",
        kind: "audience",
        place: "autre",
        placeDetail: "Tribunal judiciaire, salle 3",
        minutes: 120,
      },
    ],
    [
      { day: -3, time: "14:00", kind: "entretien", place: "service" },
      { day: 1, time: "10:00", kind: "entretien", place: "service", placeDetail: "Bureau 1" },
    ],
  ];
  return slots[rank % slots.length] ?? [];
}

/**
 * Appointments around today for the demo accounts' measures: past ones with their attendance
 * (one absence, one excuse), one past without attendance yet, this week's, next week's and one
 * tomorrow (its person gets the reminder e-mail when SMTP_URL is set).
 */
export async function seedDemoAppointments(db: Db, ctx: DemoContext): Promise<void> {
  const { accounts, today } = ctx;
  const plans: { email: string; associationId: string; measures: number }[] = [
    { email: "intervenant@demo.parcours.fr", associationId: accounts.associationIds.gironde, measures: 5 },
    {
      email: "intervenant.adultes@demo.parcours.fr",
      associationId: accounts.associationIds.gironde,
      measures: 2,
    },
    { email: "intervenant2@demo.parcours.fr", associationId: accounts.associationIds.moselle, measures: 4 },
  ];
  const monday = startOfIsoWeek(today);
  for (const plan of plans) {
    const staffId = ctx.userId(plan.email);
    await withTenant(db, { userId: staffId, associationId: plan.associationId }, async (tx) => {
      const followed = await tx
        .select({ id: measures.id, personId: measures.personId, receivedDate: measures.receivedDate })
        .from(measures)
        .where(
          and(
            eq(measures.referentId, staffId),
            ne(measures.status, "cloturee"),
            lte(measures.receivedDate, addCalendarDays(today, -36)),
          ),
        )
        .orderBy(asc(measures.receivedDate))
        .limit(plan.measures);
      const [partner] = await tx
        .select({ id: partners.id })
        .from(partners)
        .where(eq(partners.active, true))
        .orderBy(asc(partners.name))
        .limit(1);
      const rows: (typeof appointments.$inferInsert)[] = [];
      followed.forEach((measure, rank) => {
        for (const slot of slotsFor(rank)) {
          const date =
            slot.week === "this"
              ? addCalendarDays(monday, slot.day)
              : slot.week === "next"
                ? addCalendarDays(monday, 7 + slot.day)
                : addCalendarDays(today, slot.day);
          const startsAt = parisToInstant(date, slot.time);
          if (!startsAt) continue;
          const partnerId = slot.withPartner ? (partner?.id ?? null) : null;
          rows.push({
            measureId: measure.id,
            personId: measure.personId,
            startsAt,
            durationMinutes: slot.minutes ?? 60,
            place: slot.place,
            placeDetail: slot.placeDetail ?? null,
            kind: slot.withPartner && !partnerId ? "entretien" : slot.kind,
            staffId,
            partnerId,
            // Only slots a week or more in the past carry an attendance.
            attendance: slot.attendance ?? null,
            note: slot.note ?? null,
            createdBy: staffId,
          });
        }
      });
      if (rows.length > 0) await tx.insert(appointments).values(rows);
    });
  }
}
