import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { and, eq, sql } from "drizzle-orm";
import { engines, location, loggedIn, startTestApp, type TestContext } from "../../test/support.ts";
import { auditLog } from "../audit/tables.ts";
import { queryRows } from "../platform/db.ts";

/** The page's text without tags, spaces collapsed. */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;|&apos;/g, "'")
    .replace(/\s+/g, " ");
}

for (const engine of engines()) {
  describe(`duplicates caught when a person is created (${engine})`, () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await startTestApp(engine);
    });
    after(() => ctx.close());

    const countNamed = async (firstNames: string[]) => {
      const [row] = await queryRows<{ n: number }>(
        ctx.database.db,
        sql`select count(*)::int as n from persons where f_unaccent(lower(first_name)) in (${sql.join(
          firstNames.map((f) => sql`${f}`),
          sql`, `,
        )})`,
      );
      return row?.n ?? 0;
    };

    test("the same person entered again shows the first one with a link, and nothing is created", async () => {
      const client = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      const first = location(
        await client.post("/personnes/nouvelle", {
          lastName: "Lefèvre",
          firstName: "Éloïse",
          birthDate: "12/03/1990",
          city: "Pessac",
        }),
      );
      assert.match(first, /^\/personnes\/[0-9a-f-]{36}$/);
      const measure = await client.post(`${first}/mesures/nouvelle`, {
        typeCode: "cjse",
        magistrateFunction: "Juge d'instruction",
        courtId: "tj33063",
        decisionDate: "2026-10-01",
        receivedDate: "2026-10-02",
        referentId: ctx.accounts.users["intervenant@demo.parcours.fr"]?.id ?? "",
      });
      assert.equal(measure.statusCode, 303, measure.body.slice(0, 300));

      await client.get("/personnes/nouvelle");
      const again = await client.post("/personnes/nouvelle", {
        lastName: "LEFEVRE",
        firstName: "Eloise",
        birthDate: "12/03/1990",
        phone: "06 12 34 56 78",
      });
      assert.equal(again.statusCode, 409);
      const page = text(again.body);
      assert.match(again.body, /<title>Doublon possible : Ajouter une personne/);
      assert.match(page, /Cette personne existe peut-être déjà/);
      assert.match(
        page,
        /Une personne suivie par votre association a un nom proche et la même date de naissance/,
      );
      assert.match(page, /LEFÈVRE Éloïse – né·e le 12\/03\/1990, Pessac, 1 mesure en cours/);
      assert.match(again.body, new RegExp(`href="${first}"`));
      assert.match(page, /Ouvrir la fiche existante de LEFÈVRE Éloïse/);
      assert.match(
        again.body,
        /<button[^>]*form="person-form"[^>]*name="confirmDuplicate"[^>]*value="1"[^>]*>/,
      );
      assert.match(page, /Créer quand même/);
      // What was typed is kept.
      assert.match(again.body, /name="lastName"[^>]*value="LEFEVRE"/);
      assert.match(again.body, /value="06 12 34 56 78"/);
      assert.equal(await countNamed(["eloise"]), 1);
    });

    test("hyphens and swapped compound names are caught too", async () => {
      const client = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      await client.post("/personnes/nouvelle", {
        lastName: "Dupont-Durand",
        firstName: "Martin",
        birthDate: "30/11/1979",
      });
      const swapped = await client.post("/personnes/nouvelle", {
        lastName: "Martin",
        firstName: "Dupont Durand",
        birthDate: "30/11/1979",
      });
      assert.equal(swapped.statusCode, 409);
      assert.match(text(swapped.body), /DUPONT-DURAND Martin – né·e le 30\/11\/1979, aucune mesure en cours/);
      const withoutDate = await client.post("/personnes/nouvelle", {
        lastName: "Dupont Durand",
        firstName: "Martin",
      });
      assert.equal(withoutDate.statusCode, 409, "no birth date: the same words of the name");
      const [row] = await queryRows<{ n: number }>(
        ctx.database.db,
        sql`select count(*)::int as n from persons where last_name ilike '%durand%' or first_name ilike '%durand%'`,
      );
      assert.equal(row?.n, 1);
    });

    test("another person born the same day is created without warning", async () => {
      const client = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      const res = await client.post("/personnes/nouvelle", {
        lastName: "Lefèvre",
        firstName: "Hugo",
        birthDate: "12/03/1990",
      });
      assert.equal(res.statusCode, 303);
      assert.match(location(res), /^\/personnes\/[0-9a-f-]{36}$/);
    });

    test("« Créer quand même » creates the person and records the matches shown", async () => {
      const client = await loggedIn(ctx.app, "chef@demo.parcours.fr");
      const typed = { lastName: "Lefevre", firstName: "Eloise", birthDate: "12/03/1990" };
      const shown = await client.post("/personnes/nouvelle", typed);
      assert.equal(shown.statusCode, 409);
      const firstId = /href="\/personnes\/([0-9a-f-]{36})"/.exec(shown.body)?.[1];
      assert.ok(firstId);
      const created = await client.post("/personnes/nouvelle", { ...typed, confirmDuplicate: "1" });
      assert.equal(created.statusCode, 303);
      const id = location(created).split("/").pop() ?? "";
      assert.notEqual(id, firstId);
      const page = await client.get(location(created));
      assert.match(page.body, /La personne a été enregistrée/);
      assert.equal(await countNamed(["eloise"]), 2);
      const rows = await ctx.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.personId, id), eq(auditLog.action, "doublon_confirme")));
      assert.equal(rows.length, 1);
      assert.deepEqual(rows[0]?.detail, { matches: [firstId] });
      assert.equal(rows[0]?.entity, "person");

      // The direction reads it in the access log.
      const direction = await loggedIn(ctx.app, "direction@demo.parcours.fr");
      const log = text((await direction.get("/audit")).body);
      assert.match(log, /Création malgré un doublon possible/);
      assert.match(log, /1 doublon possible affiché/);

      // Now two match: both are listed.
      const third = await client.post("/personnes/nouvelle", typed);
      assert.equal(third.statusCode, 409);
      assert.match(text(third.body), /2 personnes suivies par votre association ont un nom proche/);
      assert.equal((third.body.match(/Ouvrir la fiche existante/g) ?? []).length, 2);
    });

    test("another association's person with the same name and birth date is never shown", async () => {
      const moselle = await loggedIn(ctx.app, "intervenant2@demo.parcours.fr");
      const res = await moselle.post("/personnes/nouvelle", {
        lastName: "Lefèvre",
        firstName: "Éloïse",
        birthDate: "12/03/1990",
      });
      assert.equal(res.statusCode, 303, "created at once: Gironde's records are not visible");
      assert.doesNotMatch(res.body, /Cette personne existe peut-être déjà/);
      const again = await moselle.post("/personnes/nouvelle", {
        lastName: "Lefèvre",
        firstName: "Éloïse",
        birthDate: "12/03/1990",
      });
      assert.equal(again.statusCode, 409);
      const links = [...again.body.matchAll(/href="(\/personnes\/[0-9a-f-]{36})"/g)].map((m) => m[1]);
      assert.deepEqual(links, [location(res)], "only Moselle's own record is listed");
      assert.equal(await countNamed(["eloise"]), 3);
    });
  });
}
