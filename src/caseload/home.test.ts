import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { engines, loggedIn, startTestApp, type TestContext } from "../../test/support.ts";
import { associations, users } from "../accounts/tables.ts";
import { issueCertificate } from "../cisj/queries.ts";
import { cisjDossiers } from "../cisj/tables.ts";
import { cncCandidacies, cncCandidates } from "../cnc/tables.ts";
import { addCalendarDays, type IsoDate } from "../deadlines/rules.ts";
import { FIELD_ROLES } from "../platform/auth.ts";
import { todayInParis } from "../platform/request-context.ts";
import { enrolments, trainingSessions, trainings } from "../training/tables.ts";
import { sessionsToFill } from "./home-rules.ts";

/** The page's text without tags, entities decoded, spaces collapsed. */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

describe("sessionsToFill: open sessions of the next 8 weeks with a free place", () => {
  const today = "2026-03-02";
  const s = (
    startsOn: IsoDate,
    capacity: number,
    enrolled: number,
    status: "ouverte" | "annulee" = "ouverte",
  ) => ({ startsOn, capacity, enrolled, status });
  const cases: [string, ReturnType<typeof s>, boolean][] = [
    ["tomorrow, one place taken of 4", s("2026-03-03", 4, 1), true],
    ["full", s("2026-03-10", 2, 2), false],
    ["on the last day of the horizon", s("2026-04-27", 4, 3), true],
    ["the day after the horizon", s("2026-04-28", 4, 0), false],
    ["today (already started)", s("2026-03-02", 4, 0), false],
    ["cancelled", s("2026-03-10", 4, 0, "annulee"), false],
  ];
  for (const [label, session, kept] of cases) {
    test(`${label}: ${kept ? "to fill" : "left out"}`, () => {
      assert.equal(sessionsToFill([session], today).length, kept ? 1 : 0);
    });
  }

  test("free places and under-filled (fewer than half the places taken)", () => {
    assert.deepEqual(
      sessionsToFill([s("2026-03-03", 4, 1), s("2026-03-04", 4, 2), s("2026-03-05", 5, 2)], today).map(
        (x) => [x.free, x.underFilled],
      ),
      [
        [3, true],
        [2, false],
        [3, true],
      ],
    );
  });
});

for (const engine of engines()) {
  describe(`home pages of the federation's roles (${engine})`, () => {
    let ctx: TestContext;
    const today = todayInParis();
    const id = (email: string) => ctx.accounts.users[email]?.id ?? "";

    before(async () => {
      ctx = await startTestApp(engine);
      const { db } = ctx.database;
      // CISJ: two mémoires to check, one soutenance waiting for its decision, one dossier still open.
      await db.insert(cisjDossiers).values([
        { traineeId: id("intervenant@demo.parcours.fr"), status: "memoire_depose" },
        { traineeId: id("chef@demo.parcours.fr"), status: "memoire_depose" },
        { traineeId: id("intervenant.mineurs@demo.parcours.fr"), status: "soutenance_planifiee" },
        { traineeId: id("intervenant.adultes@demo.parcours.fr"), status: "ouvert" },
      ]);
      // One certificate this year, one in 2021 (not counted).
      const certified = await db
        .insert(cisjDossiers)
        .values([
          { traineeId: id("intervenant2@demo.parcours.fr"), status: "certifie" as const },
          { traineeId: id("direction2@demo.parcours.fr"), status: "certifie" as const },
        ])
        .returning({ id: cisjDossiers.id, traineeId: cisjDossiers.traineeId });
      for (const [i, d] of certified.entries()) {
        await db.transaction((tx) =>
          issueCertificate(tx, {
            dossierId: d.id,
            traineeId: d.traineeId,
            holderName: "Test",
            issuedOn: i === 0 ? today : "2021-11-30",
          }),
        );
      }
      // CNC: two complete dossiers, one incomplete, one contested, one in commission, one draft.
      const candidates = await db
        .insert(cncCandidates)
        .values([
          { lastName: "Fictif", firstName: "Alice", birthDate: "1990-01-01" },
          { lastName: "Fictif", firstName: "Bruno", birthDate: "1985-05-05" },
        ])
        .returning({ id: cncCandidates.id });
      const [a = "", b = ""] = candidates.map((c) => c.id);
      const candidacy = (candidateId: string, mention: "MJPM" | "MAJ" | "MJAGBF", status: string) => ({
        candidateId,
        mention,
        mode: "salarie_service" as const,
        feeCents: 18700,
        status: status as "complet",
      });
      await db
        .insert(cncCandidacies)
        .values([
          candidacy(a, "MJPM", "complet"),
          candidacy(a, "MAJ", "incomplet"),
          candidacy(a, "MJAGBF", "conteste"),
          candidacy(b, "MJPM", "complet"),
          candidacy(b, "MAJ", "en_commission"),
          candidacy(b, "MJAGBF", "brouillon"),
        ]);
      // Sessions: an under-filled one, a full one, one with a place left, one too far, a cancelled one.
      const [training] = await db
        .insert(trainings)
        .values({ code: "TC-ACC", title: "Accueil de test", category: "TC", durationDays: 2, hours: 14 })
        .returning({ id: trainings.id });
      const session = async (inDays: number, capacity: number, placed: string[], status = "ouverte") => {
        const [row] = await db
          .insert(trainingSessions)
          .values({
            trainingId: training?.id ?? "",
            startsOn: addCalendarDays(today, inDays),
            endsOn: addCalendarDays(today, inDays + 1),
            capacity,
            status: status as "ouverte",
          })
          .returning({ id: trainingSessions.id });
        for (const email of placed)
          await db
            .insert(enrolments)
            .values({ sessionId: row?.id ?? "", traineeId: id(email), status: "inscrit" });
        return row?.id ?? "";
      };
      await session(10, 4, ["intervenant@demo.parcours.fr"]);
      await session(20, 2, ["intervenant@demo.parcours.fr", "chef@demo.parcours.fr"]);
      await session(30, 4, [
        "intervenant@demo.parcours.fr",
        "chef@demo.parcours.fr",
        "intervenant.mineurs@demo.parcours.fr",
      ]);
      await session(70, 4, []);
      await session(5, 4, [], "annulee");
      // Associations: one active without any account, one inactive (counted nowhere).
      await db
        .insert(associations)
        .values([{ name: "Association Sans Direction" }, { name: "Association Dissoute", active: false }]);
      // A deactivated professional is not counted.
      await db
        .update(users)
        .set({ active: false })
        .where(eq(users.email, "intervenant.adultes@demo.parcours.fr"));
    });
    after(() => ctx?.close());

    test("the training service sees the dossiers to examine and the sessions to fill", async () => {
      const client = await loggedIn(ctx.app, "formation@demo.parcours.fr");
      const page = text((await client.get("/")).body);
      for (const phrase of [
        "2 mémoires déposés à vérifier",
        "1 soutenance planifiée en attente de décision",
        "2 dossiers complets à présenter en commission",
        "1 dossier incomplet : pièces attendues",
        "1 contestation à examiner",
        "2 sessions avec des places libres d'ici 8 semaines",
        "TC-ACC – Accueil de test",
        "1 inscrit·e sur 4",
        "Moins de la moitié des places prises",
        "3 inscrit·es sur 4",
        "1 place libre",
      ]) {
        assert.ok(page.includes(phrase), `« ${phrase} » on the training service's home`);
      }
      assert.doesNotMatch(page, /2 inscrit·es sur 2/);
      const html = (await client.get("/")).body;
      assert.match(html, /href="\/cnc\?status=complet"/);
      assert.match(html, /href="\/cnc\?status=incomplet"/);
    });

    test("the federation sees its network in figures", async () => {
      const client = await loggedIn(ctx.app, "federation@demo.parcours.fr");
      const page = text((await client.get("/")).body);
      const professionals =
        Object.values(ctx.accounts.users).filter((u) => FIELD_ROLES.includes(u.role)).length - 1;
      const year = today.slice(0, 4);
      for (const phrase of [
        "3 associations adhérentes",
        `${professionals} professionnel·les dans les associations`,
        `1 certificat CISJ délivré en ${year}`,
        "1 candidature CNC en commission",
        "2 sessions de formation avec des places libres d'ici 8 semaines",
      ]) {
        assert.ok(page.includes(phrase), `« ${phrase} » on the federation's home`);
      }
    });

    test("the administrator sees the accounts never activated and the associations without direction", async () => {
      const client = await loggedIn(ctx.app, "admin@demo.parcours.fr");
      const before = text((await client.get("/")).body);
      assert.ok(before.includes("1 association sans compte de direction"), before);
      assert.match(before, /Associations sans compte de direction Association Sans Direction/);
      await client.get("/admin/utilisateurs/nouveau");
      const created = await client.post("/admin/utilisateurs/nouveau", {
        firstName: "Odile",
        lastName: "Nouvelle",
        email: "odile.nouvelle@exemple.fr",
        role: "direction",
        associationId:
          (
            await ctx.database.db
              .select({ id: associations.id })
              .from(associations)
              .where(eq(associations.name, "Association Sans Direction"))
          )[0]?.id ?? "",
        password: "un-mot-de-passe-provisoire-long",
      });
      assert.equal(created.statusCode, 303);
      // Never logged in: every seeded active account but the three who logged in here, plus Odile.
      const seeded = Object.keys(ctx.accounts.users).length;
      const expected = seeded - 1 /* deactivated */ - 3 /* formation, federation, admin */ + 1;
      const page = text((await client.get("/")).body);
      assert.ok(page.includes(`${expected} comptes jamais activés (aucune connexion)`), page);
      assert.ok(page.includes("Odile Nouvelle odile.nouvelle@exemple.fr Direction"));
      assert.doesNotMatch(page, /admin@demo\.parcours\.fr/);
      // The new association now has its direction: no association lacks one.
      assert.ok(page.includes("0 association sans compte de direction"));
      assert.doesNotMatch(page, /Association Dissoute/);
    });
  });
}
