import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { personNamed } from "../../test/fixtures.ts";
import { engines, loggedIn, startTestApp, type TestContext } from "../../test/support.ts";
import { tableRows } from "../../test/tables.ts";
import { createMeasure } from "../measures/queries.ts";
import { measures } from "../measures/tables.ts";
import { withTenant } from "../platform/db.ts";
import { createPerson } from "./queries.ts";

for (const engine of engines()) {
  describe(`the persons list counts each person's open measures (${engine})`, () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await startTestApp(engine);
      const userId = ctx.accounts.users["intervenant@demo.parcours.fr"]?.id ?? "";
      const tenant = { userId, associationId: ctx.accounts.associationIds.gironde };
      // Aubert: 2 open measures; Blanc: 1 open and 1 closed; Carpentier: none; Moselle's person: 3 open.
      const open: Record<string, number> = { Aubert: 2, Blanc: 2, Carpentier: 0 };
      for (const [lastName, n] of Object.entries(open)) {
        await withTenant(ctx.database.db, tenant, async (tx) => {
          const personId = await createPerson(tx, personNamed(lastName, "Test"), userId);
          for (let i = 0; i < n; i++) {
            const { id } = await createMeasure(
              tx,
              personId,
              {
                typeCode: "cjse",
                magistrateFunction: "Juge d'instruction",
                magistrateName: null,
                courtId: "tj33063",
                proceedingsNumber: null,
                decisionDate: "2026-09-01",
                receivedDate: "2026-09-02",
                referentId: userId,
                reportDueDate: "2026-12-01",
                endDate: null,
              },
              userId,
            );
            if (lastName === "Blanc" && i === 1)
              await tx
                .update(measures)
                .set({ status: "cloturee", closedOn: "2026-10-01" })
                .where(eq(measures.id, id));
          }
        });
      }
      const moselleUser = ctx.accounts.users["intervenant2@demo.parcours.fr"]?.id ?? "";
      await withTenant(
        ctx.database.db,
        { userId: moselleUser, associationId: ctx.accounts.associationIds.moselle },
        async (tx) => {
          const personId = await createPerson(tx, personNamed("Dumont", "Test"), moselleUser);
          for (let i = 0; i < 3; i++)
            await createMeasure(
              tx,
              personId,
              {
                typeCode: "cjse",
                magistrateFunction: "Juge d'instruction",
                magistrateName: null,
                courtId: "tj57463",
                proceedingsNumber: null,
                decisionDate: "2026-09-01",
                receivedDate: "2026-09-02",
                referentId: moselleUser,
                reportDueDate: "2026-12-01",
                endDate: null,
              },
              moselleUser,
            );
        },
      );
    });
    after(() => ctx.close());

    test("« Mesures en cours » is each person's own number of measures not closed", async () => {
      const client = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      const page = await client.get("/personnes");
      assert.equal(page.statusCode, 200);
      const rows = tableRows(page.body).map((r) => [r[0], r[3]]);
      assert.deepEqual(rows, [
        ["AUBERT Test", "2"],
        ["BLANC Test", "1"],
        ["CARPENTIER Test", "0"],
      ]);
      assert.match(page.body, /3 personnes/);
    });

    test("a search keeps the counts of the persons found", async () => {
      const client = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      const page = await client.get("/personnes?q=blanc");
      assert.deepEqual(
        tableRows(page.body).map((r) => [r[0], r[3]]),
        [["BLANC Test", "1"]],
      );
    });

    test("the other association sees its own person with its own count", async () => {
      const client = await loggedIn(ctx.app, "intervenant2@demo.parcours.fr");
      const page = await client.get("/personnes");
      assert.deepEqual(
        tableRows(page.body).map((r) => [r[0], r[3]]),
        [["DUMONT Test", "3"]],
      );
    });
  });
}
