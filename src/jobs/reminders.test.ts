import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq, inArray, isNotNull } from "drizzle-orm";
import type { ParsedMail } from "mailparser";
import { startTestSmtp, type TestSmtp } from "../../test/smtp.ts";
import {
  type Client,
  closeMeasure,
  engines,
  location,
  loggedIn,
  startTestApp,
  type TestContext,
} from "../../test/support.ts";
import { longDate, parisToInstant } from "../appointments/rules.ts";
import { appointments } from "../appointments/tables.ts";
import { addCalendarDays } from "../deadlines/rules.ts";
import type { Mailer } from "../platform/mail.ts";
import { todayInParis } from "../platform/request-context.ts";
import { type JobLogger, sendDueReminders } from "./reminders.ts";
import { startBackgroundJobs } from "./runner.ts";

const today = todayInParis();
/** The appointments' day; the job runs the evening before. */
const day = addCalendarDays(today, 5);
const now = parisToInstant(addCalendarDays(day, -1), "18:00") as Date;
const MAIL_FROM = "Association test <rappels@parcours.test>";

const recipients = (mails: ParsedMail[]) =>
  mails
    .flatMap((m) => (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []))
    .flatMap((a) => a.value.map((v) => v.address));

for (const engine of engines()) {
  describe(`reminder e-mails sent by the background job (${engine})`, () => {
    let ctx: TestContext;
    let smtp: TestSmtp;
    const ids = {
      due: "",
      dayAfter: "",
      sameDay: "",
      noConsent: "",
      noEmail: "",
      excused: "",
      closed: "",
      refused: "",
      moselle: "",
    };
    const deps = () => ({
      config: { smtpUrl: smtp.url, mailFrom: MAIL_FROM },
      database: ctx.database,
    });
    const user = (email: string) => ctx.accounts.users[email]?.id ?? "";

    async function personWithMeasure(client: Client, me: string, person: Record<string, string>) {
      const url = location(await client.post("/personnes/nouvelle", person));
      const res = await client.post(`${url}/mesures/nouvelle`, {
        typeCode: "cjse",
        magistrateFunction: "Juge d'instruction",
        courtId: "tj33063",
        decisionDate: addCalendarDays(today, -30),
        receivedDate: addCalendarDays(today, -29),
        referentId: me,
      });
      assert.equal(res.statusCode, 303, res.body.slice(0, 500));
      return location(res).split("/").pop() ?? "";
    }

    async function plan(client: Client, measureId: string, me: string, date: string, time: string) {
      await client.get(`/mesures/${measureId}/rendez-vous/nouveau`);
      const res = await client.post(`/mesures/${measureId}/rendez-vous/nouveau`, {
        date,
        time,
        durationMinutes: "60",
        place: "service",
        kind: "entretien",
        staffId: me,
      });
      assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
      const all = await ctx.database.db
        .select({ id: appointments.id, startsAt: appointments.startsAt })
        .from(appointments)
        .where(eq(appointments.measureId, measureId));
      const wanted = parisToInstant(date, time)?.getTime();
      const found = all.find((a) => a.startsAt.getTime() === wanted);
      assert.ok(found, `appointment of ${date} ${time}`);
      return found.id;
    }

    before(async () => {
      ctx = await startTestApp(engine);
      smtp = await startTestSmtp({ refusePrefix: "refus" });
      const inter = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      const me = user("intervenant@demo.parcours.fr");
      const consent = { email: "camille.consent@exemple.invalid", reminderConsent: "1" };
      const m1 = await personWithMeasure(inter, me, {
        lastName: "Lefèvre",
        firstName: "Camille",
        ...consent,
      });
      ids.due = await plan(inter, m1, me, day, "10:00");
      ids.dayAfter = await plan(inter, m1, me, addCalendarDays(day, 1), "10:00");
      ids.sameDay = await plan(inter, m1, me, addCalendarDays(day, -1), "20:00");
      const m2 = await personWithMeasure(inter, me, {
        lastName: "Dubois",
        firstName: "Noël",
        email: "noel.sans.accord@exemple.invalid",
      });
      ids.noConsent = await plan(inter, m2, me, day, "11:00");
      const m3 = await personWithMeasure(inter, me, {
        lastName: "Haddad",
        firstName: "Mehdi",
        phone: "01 99 00 12 34",
        reminderConsent: "1",
      });
      ids.noEmail = await plan(inter, m3, me, day, "11:00");
      const m4 = await personWithMeasure(inter, me, {
        lastName: "Girard",
        firstName: "Léa",
        email: "lea.excusee@exemple.invalid",
        reminderConsent: "1",
      });
      ids.excused = await plan(inter, m4, me, day, "12:00");
      await ctx.database.db
        .update(appointments)
        .set({ attendance: "excuse" })
        .where(eq(appointments.id, ids.excused));
      const m5 = await personWithMeasure(inter, me, {
        lastName: "Rolland",
        firstName: "Zoé",
        email: "zoe.cloturee@exemple.invalid",
        reminderConsent: "1",
      });
      ids.closed = await plan(inter, m5, me, day, "13:00");
      await inter.get(`/mesures/${m5}`);
      assert.equal((await closeMeasure(inter, `/mesures/${m5}`, today)).statusCode, 303);
      const m6 = await personWithMeasure(inter, me, {
        lastName: "Petit",
        firstName: "Yanis",
        email: "refus.yanis@exemple.invalid",
        reminderConsent: "1",
      });
      ids.refused = await plan(inter, m6, me, day, "14:00");

      const moselle = await loggedIn(ctx.app, "intervenant2@demo.parcours.fr");
      const me2 = user("intervenant2@demo.parcours.fr");
      const url = location(
        await moselle.post("/personnes/nouvelle", {
          lastName: "Muller",
          firstName: "Agnès",
          email: "agnes.moselle@exemple.invalid",
          reminderConsent: "1",
        }),
      );
      const res = await moselle.post(`${url}/mesures/nouvelle`, {
        typeCode: "cjse",
        magistrateFunction: "Juge d'instruction",
        courtId: "tj57463",
        decisionDate: addCalendarDays(today, -30),
        receivedDate: addCalendarDays(today, -29),
        referentId: me2,
      });
      ids.moselle = await plan(moselle, location(res).split("/").pop() ?? "", me2, day, "09:00");
    });
    after(async () => {
      await smtp?.close();
      await ctx?.close();
    });

    test("the evening before, each association's people who agreed get one e-mail; no one else does", async () => {
      const run = await sendDueReminders(deps(), now);
      assert.deepEqual(run, { sent: 2, retry: 0, refused: 1 });
      assert.deepEqual(recipients(smtp.received).sort(), [
        "agnes.moselle@exemple.invalid",
        "camille.consent@exemple.invalid",
      ]);
      const camille = smtp.received.find((m) => recipients([m]).includes("camille.consent@exemple.invalid"));
      assert.ok(camille);
      assert.equal(camille.from?.text, `"Association test" <rappels@parcours.test>`);
      assert.equal(camille.subject, "Rappel : votre rendez-vous de demain à 10 h");
      assert.match(camille.text ?? "", new RegExp(`demain, ${longDate(day)} à 10 h, dans les locaux de`));
      assert.match(camille.text ?? "", /avec Inès Martin/);
      assert.doesNotMatch(camille.text ?? "", /Lefèvre|mesure|contrôle judiciaire/i);
      const agnes = smtp.received.find((m) => recipients([m]).includes("agnes.moselle@exemple.invalid"));
      assert.equal(agnes?.subject, "Rappel : votre rendez-vous de demain à 9 h");

      const marked = await ctx.database.db
        .select({ id: appointments.id })
        .from(appointments)
        .where(isNotNull(appointments.reminderSentAt));
      // Sent, and refused for good by the mail server (not tried again).
      assert.deepEqual(marked.map((r) => r.id).sort(), [ids.due, ids.moselle, ids.refused].sort());
    });

    test("running the job again sends nothing more", async () => {
      const run = await sendDueReminders(deps(), now);
      assert.deepEqual(run, { sent: 0, retry: 0, refused: 0 });
      assert.equal(smtp.received.length, 2);
      const later = await sendDueReminders(deps(), new Date(now.getTime() + 3 * 3_600_000));
      assert.equal(later.sent, 0);
    });

    test("two runs at the same time, as on two instances, send each reminder once", async () => {
      const inter = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      const me = user("intervenant@demo.parcours.fr");
      const measureId = await personWithMeasure(inter, me, {
        lastName: "Traoré",
        firstName: "Fatou",
        email: "fatou.concurrence@exemple.invalid",
        reminderConsent: "1",
      });
      for (const time of ["08:00", "08:30", "09:00", "15:00", "15:30", "16:00"])
        await plan(inter, measureId, me, day, time);
      const before = smtp.received.length;
      const runs = await Promise.all([
        sendDueReminders(deps(), now),
        sendDueReminders(deps(), now),
        sendDueReminders(deps(), now),
      ]);
      assert.equal(
        runs.reduce((n, r) => n + r.sent, 0),
        6,
      );
      const fresh = smtp.received.slice(before);
      assert.equal(fresh.length, 6);
      assert.equal(new Set(fresh.map((m) => m.subject)).size, 6, "no appointment reminded twice");
    });

    test("a passing failure releases the reminder for the next run", async () => {
      const inter = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      const me = user("intervenant@demo.parcours.fr");
      const measureId = await personWithMeasure(inter, me, {
        lastName: "Kowalski",
        firstName: "Océane",
        email: "oceane.panne@exemple.invalid",
        reminderConsent: "1",
      });
      const id = await plan(inter, measureId, me, day, "17:00");
      const broken: Mailer = {
        sendMail: async () => {
          throw Object.assign(new Error("connexion refusée"), { code: "ECONNECTION" });
        },
      };
      const failed = await sendDueReminders({ ...deps(), mailer: broken }, now);
      assert.deepEqual(failed, { sent: 0, retry: 1, refused: 0 });
      const [row] = await ctx.database.db.select().from(appointments).where(eq(appointments.id, id));
      assert.equal(row?.reminderSentAt, null);
      const retried = await sendDueReminders(deps(), now);
      assert.deepEqual(retried, { sent: 1, retry: 0, refused: 0 });
      assert.ok(recipients(smtp.received).includes("oceane.panne@exemple.invalid"));
    });

    test("without SMTP_URL nothing is claimed nor sent, and the start says so once", async () => {
      const [row] = await ctx.database.db
        .select()
        .from(appointments)
        .where(eq(appointments.id, ids.dayAfter));
      assert.equal(row?.reminderSentAt, null);
      const dayAfterEvening = parisToInstant(day, "18:00") as Date;
      const run = await sendDueReminders(
        { ...deps(), config: { smtpUrl: null, mailFrom: MAIL_FROM } },
        dayAfterEvening,
      );
      assert.deepEqual(run, { sent: 0, retry: 0, refused: 0 });
      const [still] = await ctx.database.db
        .select()
        .from(appointments)
        .where(eq(appointments.id, ids.dayAfter));
      assert.equal(still?.reminderSentAt, null);

      const lines: string[] = [];
      const logger: JobLogger = {
        info: (_f, m) => lines.push(`info ${m}`),
        warn: (_f, m) => lines.push(`warn ${m}`),
        error: (_f, m) => lines.push(`error ${m}`),
      };
      const config = { ...ctx.app.deps.config, smtpUrl: null };
      const jobs = startBackgroundJobs(
        { config, database: ctx.database },
        { logger, intervalMs: 10, firstRunMs: 0 },
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      await jobs.stop();
      assert.deepEqual(lines, [
        "warn SMTP_URL n'est pas défini : aucun rappel de rendez-vous ne sera envoyé par e-mail.",
      ]);
    });

    test("the scheduled job sends the next day's reminders, logging counts only", async () => {
      const fields: Record<string, unknown>[] = [];
      const logger: JobLogger = {
        info: (f) => fields.push(f),
        warn: (f) => fields.push(f),
        error: (f) => fields.push(f),
      };
      const before = smtp.received.length;
      const config = { ...ctx.app.deps.config, smtpUrl: smtp.url, mailFrom: MAIL_FROM };
      const jobs = startBackgroundJobs(
        { config, database: ctx.database },
        { logger, intervalMs: 20, firstRunMs: 0, now: () => parisToInstant(day, "18:00") as Date },
      );
      for (let i = 0; i < 100 && smtp.received.length === before; i++)
        await new Promise((r) => setTimeout(r, 20));
      await jobs.stop();
      const fresh = smtp.received.slice(before);
      assert.deepEqual(recipients(fresh), ["camille.consent@exemple.invalid"]);
      const [row] = await ctx.database.db
        .select({ reminderSentAt: appointments.reminderSentAt })
        .from(appointments)
        .where(inArray(appointments.id, [ids.dayAfter]));
      assert.ok(row?.reminderSentAt);
      assert.ok(fields.some((f) => f.sent === 1));
      assert.doesNotMatch(JSON.stringify(fields), /@|Lefèvre|Camille/);
    });
  });
}
