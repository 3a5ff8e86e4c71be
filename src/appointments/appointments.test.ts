import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { count, eq, sql } from "drizzle-orm";
import {
  type Client,
  closeMeasure,
  engines,
  location,
  loggedIn,
  startTestApp,
  type TestContext,
} from "../../test/support.ts";
import { auditLog } from "../audit/tables.ts";
import { addCalendarDays, startOfIsoWeek } from "../deadlines/rules.ts";
import { todayInParis } from "../platform/request-context.ts";
import { appointments } from "./tables.ts";

const today = todayInParis();
const fr = (iso: string) => iso.split("-").reverse().join("/");
const compact = (iso: string) => iso.replaceAll("-", "");
/** The last Sunday of March of next year: France skips 02:00–02:59 that night. */
function springForward(): string {
  const year = Number(today.slice(0, 4)) + 1;
  const last = new Date(Date.UTC(year, 2, 31));
  last.setUTCDate(31 - last.getUTCDay());
  return last.toISOString().slice(0, 10);
}

for (const engine of engines()) {
  describe(`appointments and agenda (${engine})`, () => {
    let ctx: TestContext;
    let inter: Client;
    let measureId = "";
    let personId = "";
    const future = addCalendarDays(today, 8);
    const past = addCalendarDays(today, -3);
    let futureId = "";
    let pastId = "";
    const user = (email: string) => ctx.accounts.users[email]?.id ?? "";

    async function newMeasure(client: Client, lastName: string, firstName: string, me: string) {
      const person = location(
        await client.post("/personnes/nouvelle", {
          lastName,
          firstName,
          email: "personne@exemple.invalid",
          reminderConsent: "1",
        }),
      );
      const res = await client.post(`${person}/mesures/nouvelle`, {
        typeCode: "cjse",
        magistrateFunction: "Juge d'instruction",
        courtId: "tj33063",
        decisionDate: addCalendarDays(today, -30),
        receivedDate: addCalendarDays(today, -29),
        referentId: me,
      });
      assert.equal(res.statusCode, 303, res.body.slice(0, 500));
      return { personId: person.split("/").pop() ?? "", measureId: location(res).split("/").pop() ?? "" };
    }

    const form = (changes: Record<string, string> = {}) => ({
      date: future,
      time: "14:30",
      durationMinutes: "45",
      place: "service",
      placeDetail: "Bureau 2",
      kind: "entretien",
      staffId: user("intervenant@demo.parcours.fr"),
      ...changes,
    });

    async function create(changes: Record<string, string> = {}) {
      await inter.get(`/mesures/${measureId}/rendez-vous/nouveau`);
      const res = await inter.post(`/mesures/${measureId}/rendez-vous/nouveau`, form(changes));
      assert.equal(res.statusCode, 303, res.body.slice(0, 3000));
      assert.equal(location(res), `/mesures/${measureId}/rendez-vous`);
      const [row] = await ctx.database.db
        .select({ id: appointments.id })
        .from(appointments)
        .orderBy(sql`${appointments.createdAt} desc`)
        .limit(1);
      return row?.id ?? "";
    }

    before(async () => {
      ctx = await startTestApp(engine);
      inter = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      ({ personId, measureId } = await newMeasure(
        inter,
        "Fontaine",
        "Théo",
        user("intervenant@demo.parcours.fr"),
      ));
    });
    after(() => ctx.close());

    test("the form proposes the user as staff member and keeps the values with French messages on error", async () => {
      const page = await inter.get(`/mesures/${measureId}/rendez-vous`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Aucun rendez-vous à venir/);
      assert.match(page.body, /aria-current="page">Rendez-vous</);
      const blank = await inter.get(`/mesures/${measureId}/rendez-vous/nouveau`);
      assert.equal(blank.statusCode, 200);
      const me = user("intervenant@demo.parcours.fr");
      assert.match(blank.body, new RegExp(`<option value="${me}" selected`));
      assert.match(blank.body, /Aucun partenaire/);

      const missing = await inter.post(`/mesures/${measureId}/rendez-vous/nouveau`, {
        placeDetail: "Salle B",
      });
      assert.equal(missing.statusCode, 422);
      assert.match(missing.body, /Saisissez la date du rendez-vous/);
      assert.match(missing.body, /Saisissez l&#39;heure du rendez-vous|Saisissez l'heure du rendez-vous/);
      assert.match(missing.body, /Choisissez le lieu du rendez-vous/);
      assert.match(missing.body, /value="Salle B"/);
      assert.match(missing.body, /<title>Erreur : /);

      const gap = await inter.post(
        `/mesures/${measureId}/rendez-vous/nouveau`,
        form({ date: springForward(), time: "02h30" }),
      );
      assert.equal(gap.statusCode, 422);
      assert.match(gap.body, new RegExp(`Cette heure n.{1,5}existe pas le ${fr(springForward())}`));
      assert.match(gap.body, /value="02:30"/);

      const wrong = await inter.post(
        `/mesures/${measureId}/rendez-vous/nouveau`,
        form({
          date: addCalendarDays(today, -60),
          place: "autre",
          placeDetail: "",
          staffId: user("intervenant2@demo.parcours.fr"),
          kind: "entretien_partenaire",
        }),
      );
      assert.equal(wrong.statusCode, 422);
      assert.match(wrong.body, /Le rendez-vous ne peut pas précéder la décision du magistrat/);
      assert.match(wrong.body, /Précisez le lieu du rendez-vous/);
      assert.match(wrong.body, /Choisissez un·e intervenant·e de votre association/);
      assert.match(wrong.body, /Choisissez le partenaire avec qui l/);
      const [n] = await ctx.database.db.select({ n: count() }).from(appointments);
      assert.equal(n?.n, 0);
    });

    test("a planned appointment is listed as upcoming; its attendance waits for it to start", async () => {
      futureId = await create();
      const list = await inter.get(`/mesures/${measureId}/rendez-vous`);
      assert.match(list.body, new RegExp(`Le rendez-vous du ${fr(future)} à 14:30 est enregistré`));
      assert.match(list.body, new RegExp(`href="/rendez-vous/${futureId}">${fr(future)} à 14:30`));
      assert.match(list.body, /Au service – Bureau 2/);
      assert.match(list.body, /Prévu la veille/);
      const page = await inter.get(`/rendez-vous/${futureId}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Entretien du/);
      assert.match(page.body, /14:30 – 15:15/);
      assert.match(page.body, /Envoyé automatiquement la veille du rendez-vous/);
      assert.match(page.body, /La présence pourra être notée à partir du début du rendez-vous/);
      assert.doesNotMatch(page.body, /Enregistrer la présence/);
      const early = await inter.post(`/rendez-vous/${futureId}/presence`, { attendance: "present" });
      assert.equal(early.statusCode, 422);
      assert.match(early.body, /La présence ne peut être notée qu.{1,5}une fois le rendez-vous commencé/);
      const [row] = await ctx.database.db.select().from(appointments).where(eq(appointments.id, futureId));
      assert.equal(row?.attendance, null);
    });

    test("an absence is recorded with a note and suggests declaring an incident", async () => {
      pastId = await create({ date: past, time: "09:00", place: "domicile", placeDetail: "" });
      const page = await inter.get(`/rendez-vous/${pastId}`);
      assert.match(page.body, /La personne était-elle présente/);
      const none = await inter.post(`/rendez-vous/${pastId}/presence`, { note: "Pas de nouvelles" });
      assert.equal(none.statusCode, 422);
      assert.match(none.body, /Indiquez si la personne était présente, excusée ou absente/);
      assert.match(none.body, /Pas de nouvelles/);
      const res = await inter.post(`/rendez-vous/${pastId}/presence`, {
        attendance: "absent",
        note: "Pas de nouvelles",
      });
      assert.equal(res.statusCode, 303);
      const after = await inter.get(location(res));
      assert.match(after.body, /L&#39;absence est enregistrée|L'absence est enregistrée/);
      assert.match(after.body, /class="tag tag--red">Absent·e/);
      assert.match(
        after.body,
        new RegExp(`href="/mesures/${measureId}/incidents/nouveau\\?rendezVous=${pastId}"`),
      );
      assert.match(after.body, /Pas de nouvelles/);
      const list = await inter.get(`/mesures/${measureId}/rendez-vous`);
      assert.match(list.body, /tag--red">Absent·e/);
    });

    test("editing moves the appointment and a recorded one cannot move into the future", async () => {
      const edit = await inter.get(`/rendez-vous/${futureId}/modifier`);
      assert.equal(edit.statusCode, 200);
      assert.match(edit.body, new RegExp(`name="date-jour"[^>]*value="${future.slice(8)}"`));
      assert.match(edit.body, new RegExp(`name="date-mois"[^>]*value="${future.slice(5, 7)}"`));
      assert.match(edit.body, new RegExp(`name="date-annee"[^>]*value="${future.slice(0, 4)}"`));
      assert.match(edit.body, /value="14:30"/);
      await ctx.database.db
        .update(appointments)
        .set({ reminderSentAt: new Date() })
        .where(eq(appointments.id, futureId));
      const res = await inter.post(`/rendez-vous/${futureId}/modifier`, form({ time: "16:00" }));
      assert.equal(res.statusCode, 303);
      const page = await inter.get(`/rendez-vous/${futureId}`);
      assert.match(page.body, /16:00 – 16:45/);
      const [row] = await ctx.database.db.select().from(appointments).where(eq(appointments.id, futureId));
      assert.equal(row?.reminderSentAt, null, "a moved appointment gets a new reminder");

      await inter.get(`/rendez-vous/${pastId}/modifier`);
      const moved = await inter.post(`/rendez-vous/${pastId}/modifier`, form({ date: future }));
      assert.equal(moved.statusCode, 422);
      assert.match(moved.body, /La présence de la personne est déjà notée/);
    });

    test("the agenda shows the week per day, and a chef de service can open an intervenant's", async () => {
      const monday = startOfIsoWeek(future);
      const week = await inter.get(`/agenda?semaine=${future}`);
      assert.equal(week.statusCode, 200);
      assert.match(week.body, /Mon agenda/);
      assert.match(week.body, /FONTAINE Théo/);
      assert.match(week.body, /16:00 – 16:45/);
      assert.match(week.body, new RegExp(`semaine=${addCalendarDays(monday, -7)}`));
      assert.match(week.body, new RegExp(`semaine=${addCalendarDays(monday, 7)}`));
      assert.match(week.body, /Lundi/);
      assert.match(week.body, /Dimanche/);
      assert.match(week.body, /initiales de la personne/);
      // An intervenant cannot open someone else's agenda: the parameter is ignored.
      const other = await inter.get(`/agenda?semaine=${future}&intervenant=${user("chef@demo.parcours.fr")}`);
      assert.match(other.body, /Mon agenda/);
      assert.doesNotMatch(other.body, /Agenda de/);

      const chef = await loggedIn(ctx.app, "chef@demo.parcours.fr");
      const own = await chef.get(`/agenda?semaine=${future}`);
      assert.doesNotMatch(own.body, /FONTAINE Théo/);
      assert.match(own.body, /<select[^>]*name="intervenant"/);
      const picked = await chef.get(
        `/agenda?semaine=${future}&intervenant=${user("intervenant@demo.parcours.fr")}`,
      );
      assert.match(picked.body, /Agenda d'Inès Martin/);
      assert.match(picked.body, /FONTAINE Théo/);
      const foreign = await chef.get(
        `/agenda?semaine=${future}&intervenant=${user("intervenant2@demo.parcours.fr")}`,
      );
      assert.match(foreign.body, /Mon agenda/);
    });

    test("an appointment and the agenda export as iCalendar in Paris time, with initials only", async () => {
      const one = await inter.get(`/rendez-vous/${futureId}.ics`);
      assert.equal(one.statusCode, 200);
      assert.match(String(one.headers["content-type"]), /^text\/calendar/);
      assert.match(String(one.headers["content-disposition"]), /attachment; filename="rendez-vous-/);
      const text = one.body;
      assert.match(text, /^BEGIN:VCALENDAR\r\n/);
      assert.equal(text.match(/BEGIN:VEVENT/g)?.length, 1);
      assert.match(text, /BEGIN:VTIMEZONE\r\nTZID:Europe\/Paris/);
      assert.match(text, new RegExp(`DTSTART;TZID=Europe/Paris:${compact(future)}T160000\r\n`));
      assert.match(text, new RegExp(`DTEND;TZID=Europe/Paris:${compact(future)}T164500\r\n`));
      assert.match(text, new RegExp(`UID:rendez-vous-${futureId}@parcours\r\n`));
      assert.match(text, /SUMMARY:Entretien – T\. F\.\r\n/);
      assert.doesNotMatch(text, /Fontaine|FONTAINE|Théo/);
      const again = await inter.get(`/rendez-vous/${futureId}.ics`);
      assert.equal(/UID:(.*)\r\n/.exec(again.body)?.[1], /UID:(.*)\r\n/.exec(text)?.[1]);

      const week = await inter.get(`/agenda.ics?semaine=${future}`);
      assert.equal(week.statusCode, 200);
      assert.match(String(week.headers["content-disposition"]), /agenda-semaine-/);
      assert.equal(week.body.match(/BEGIN:VEVENT/g)?.length, 1);
      const months = await inter.get("/agenda.ics");
      assert.match(months.body, new RegExp(`UID:rendez-vous-${futureId}@parcours`));
      assert.doesNotMatch(
        months.body,
        new RegExp(`UID:rendez-vous-${pastId}@parcours`),
        "the past is not exported",
      );
      // The home visit's detail is not exported.
      const pastWeek = await inter.get(`/agenda.ics?semaine=${past}`);
      assert.match(pastWeek.body, /LOCATION:Au domicile de la personne\r\n/);
    });

    test("viewing and exporting an appointment are written in the access log", async () => {
      const before = await ctx.database.db
        .select({ n: count() })
        .from(auditLog)
        .where(eq(auditLog.entityId, futureId));
      await inter.get(`/rendez-vous/${futureId}`);
      await inter.get(`/rendez-vous/${futureId}.ics`);
      const rows = await ctx.database.db
        .select({ action: auditLog.action, entity: auditLog.entity, personId: auditLog.personId })
        .from(auditLog)
        .where(eq(auditLog.entityId, futureId))
        .orderBy(auditLog.at);
      assert.equal(rows.length, (before[0]?.n ?? 0) + 2);
      assert.deepEqual(rows.slice(-2), [
        { action: "view", entity: "appointment", personId },
        { action: "export", entity: "appointment", personId },
      ]);
      const agenda = await ctx.database.db
        .select({ n: count() })
        .from(auditLog)
        .where(eq(auditLog.entity, "agenda"));
      assert.ok((agenda[0]?.n ?? 0) >= 3);
    });

    test("another association gets 404 on every appointment page and writes nothing", async () => {
      const intruder = await loggedIn(ctx.app, "intervenant2@demo.parcours.fr");
      const [before] = await ctx.database.db.select({ n: count() }).from(appointments);
      const gets = [
        `/mesures/${measureId}/rendez-vous`,
        `/mesures/${measureId}/rendez-vous/nouveau`,
        `/rendez-vous/${futureId}`,
        `/rendez-vous/${futureId}.ics`,
        `/rendez-vous/${futureId}/modifier`,
      ];
      for (const url of gets) {
        const res = await intruder.get(url);
        assert.equal(res.statusCode, 404, url);
        assert.doesNotMatch(res.body, /FONTAINE|Fontaine|BEGIN:VEVENT/, url);
      }
      await intruder.get("/agenda");
      const posts: [string, Record<string, string>][] = [
        [
          `/mesures/${measureId}/rendez-vous/nouveau`,
          form({ staffId: user("intervenant2@demo.parcours.fr") }),
        ],
        [`/rendez-vous/${pastId}/presence`, { attendance: "present", note: "Intrusion" }],
        [`/rendez-vous/${futureId}/modifier`, form({ staffId: user("intervenant2@demo.parcours.fr") })],
      ];
      for (const [url, body] of posts) {
        const res = await intruder.post(url, body);
        assert.equal(res.statusCode, 404, url);
      }
      const [after] = await ctx.database.db.select({ n: count() }).from(appointments);
      assert.equal(after?.n, before?.n);
      const [row] = await ctx.database.db.select().from(appointments).where(eq(appointments.id, pastId));
      assert.equal(row?.attendance, "absent");
      assert.equal(row?.note, "Pas de nouvelles");
      // Their agenda and their export hold nothing of the other association.
      const agenda = await intruder.get(`/agenda?semaine=${future}`);
      assert.doesNotMatch(agenda.body, /FONTAINE/);
      const boss = await loggedIn(ctx.app, "direction2@demo.parcours.fr");
      const peek = await boss.get(
        `/agenda?semaine=${future}&intervenant=${user("intervenant@demo.parcours.fr")}`,
      );
      assert.doesNotMatch(peek.body, /FONTAINE|Inès Martin/);
      const ics = await boss.get(`/agenda.ics?intervenant=${user("intervenant@demo.parcours.fr")}`);
      assert.doesNotMatch(ics.body, /BEGIN:VEVENT/);
    });

    test("no new appointment in a closed measure", async () => {
      const me = user("intervenant@demo.parcours.fr");
      const closed = await newMeasure(inter, "Mercier", "Loïc", me);
      await inter.get(`/mesures/${closed.measureId}`);
      const res = await closeMeasure(inter, `/mesures/${closed.measureId}`, today);
      assert.equal(res.statusCode, 303);
      const page = await inter.get(`/mesures/${closed.measureId}/rendez-vous`);
      assert.doesNotMatch(page.body, /Planifier un rendez-vous/);
      const form = await inter.get(`/mesures/${closed.measureId}/rendez-vous/nouveau`);
      assert.equal(form.statusCode, 409);
      assert.match(form.body, /La mesure est clôturée/);
    });
  });
}
