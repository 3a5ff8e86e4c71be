/**
 * Reminder e-mails the day before an appointment. Every app instance runs this job; each
 * reminder is claimed by one atomic UPDATE (rows locked with FOR UPDATE SKIP LOCKED, and only
 * while reminder_sent_at is still null), so two instances never send the same reminder.
 * The claim is committed before the e-mail goes out (no transaction stays open during SMTP);
 * when sending fails for a passing reason the claim is released and the next run tries again.
 */
import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, ne, sql } from "drizzle-orm";
import { associations, users } from "../accounts/tables.ts";
import { reminderMessage, tomorrowPeriod } from "../appointments/rules.ts";
import { appointments } from "../appointments/tables.ts";
import { measures } from "../measures/tables.ts";
import { persons } from "../persons/tables.ts";
import type { Config } from "../platform/config.ts";
import { type Database, withTenant } from "../platform/db.ts";
import { createSmtpMailer, type Mailer } from "../platform/mail.ts";

/** Counts only: logs never hold names, addresses or e-mails. */
export interface JobLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

export interface ReminderDeps {
  config: Pick<Config, "smtpUrl" | "mailFrom">;
  database: Pick<Database, "db">;
  /** Defaults to an SMTP transport on config.smtpUrl, closed after the run. */
  mailer?: Mailer;
  logger?: JobLogger;
}

export interface ReminderRun {
  sent: number;
  /** Sending failed; the reminder will be tried again at the next run. */
  retry: number;
  /** The mail server refused the message for good (e.g. unknown address); not tried again. */
  refused: number;
}

/** At most this many reminders per association and run; the next run takes the rest. */
export const REMINDER_BATCH = 200;
/** Not a user: the job's transactions still run under row-level security, one association at a time. */
const JOB_USER = "job:rappels-rendez-vous";

/** A refusal for good is an SMTP 5xx answer; anything else (connection, 4xx) may pass. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

/**
 * Sends the reminders due at `now` (appointments of tomorrow, Paris calendar day) in every active
 * association, and returns the counts. Does nothing when no mailer and no SMTP_URL are configured.
 * Safe to run several times and from several instances at once: each reminder goes out once.
 */
export async function sendDueReminders(deps: ReminderDeps, now: Date = new Date()): Promise<ReminderRun> {
  const run: ReminderRun = { sent: 0, retry: 0, refused: 0 };
  const ownMailer = deps.mailer ? null : deps.config.smtpUrl ? createSmtpMailer(deps.config.smtpUrl) : null;
  const mailer = deps.mailer ?? ownMailer;
  if (!mailer) return run;
  const { db } = deps.database;
  const window = tomorrowPeriod(now);
  try {
    const list = await db
      .select({
        id: associations.id,
        name: associations.name,
        addressLine: associations.addressLine,
        postalCode: associations.postalCode,
        city: associations.city,
        phone: associations.phone,
        email: associations.email,
      })
      .from(associations)
      .where(eq(associations.active, true))
      .orderBy(asc(associations.name));
    for (const association of list) {
      const tenant = { userId: JOB_USER, associationId: association.id };
      const claimed = await withTenant(db, tenant, async (tx) => {
        const due = tx
          .select({ id: appointments.id })
          .from(appointments)
          .innerJoin(persons, eq(persons.id, appointments.personId))
          .innerJoin(measures, eq(measures.id, appointments.measureId))
          .where(
            and(
              gte(appointments.startsAt, window.from),
              lt(appointments.startsAt, window.to),
              isNull(appointments.attendance),
              isNull(appointments.cancelledOn),
              isNull(appointments.reminderSentAt),
              eq(persons.reminderConsent, true),
              isNotNull(persons.email),
              ne(sql`trim(${persons.email})`, ""),
              ne(measures.status, "cloturee"),
            ),
          )
          .orderBy(asc(appointments.startsAt))
          .limit(REMINDER_BATCH)
          .for("update", { of: appointments, skipLocked: true });
        const ids = await tx
          .update(appointments)
          .set({ reminderSentAt: now })
          .where(and(inArray(appointments.id, due), isNull(appointments.reminderSentAt)))
          .returning({ id: appointments.id });
        if (ids.length === 0) return [];
        return tx
          .select({
            id: appointments.id,
            startsAt: appointments.startsAt,
            durationMinutes: appointments.durationMinutes,
            place: appointments.place,
            placeDetail: appointments.placeDetail,
            email: persons.email,
            staffFirstName: users.firstName,
            staffLastName: users.lastName,
          })
          .from(appointments)
          .innerJoin(persons, eq(persons.id, appointments.personId))
          .innerJoin(users, eq(users.id, appointments.staffId))
          .where(
            inArray(
              appointments.id,
              ids.map((r) => r.id),
            ),
          );
      });
      for (const reminder of claimed) {
        const message = reminderMessage({
          startsAt: reminder.startsAt,
          durationMinutes: reminder.durationMinutes,
          place: reminder.place,
          placeDetail: reminder.placeDetail,
          staffName: `${reminder.staffFirstName} ${reminder.staffLastName}`,
          association,
        });
        try {
          await mailer.sendMail({
            from: deps.config.mailFrom,
            to: reminder.email ?? "",
            ...(association.email ? { replyTo: association.email } : {}),
            ...message,
          });
          run.sent++;
        } catch (error) {
          if (isPermanent(error)) {
            run.refused++;
            continue;
          }
          run.retry++;
          await withTenant(db, tenant, (tx) =>
            tx.update(appointments).set({ reminderSentAt: null }).where(eq(appointments.id, reminder.id)),
          );
        }
      }
    }
  } finally {
    ownMailer?.close?.();
  }
  if (deps.logger && run.sent + run.retry + run.refused > 0) {
    deps.logger.info({ ...run }, "rappels de rendez-vous");
  }
  return run;
}
