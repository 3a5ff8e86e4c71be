import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { addPersonWithCjse } from "../../test/fixtures.ts";
import { type Client, engines, loggedIn, startTestApp, type TestContext } from "../../test/support.ts";
import { cellText, tableRows } from "../../test/tables.ts";
import { addCalendarDays } from "../deadlines/rules.ts";
import { withTenant } from "../platform/db.ts";
import { todayInParis } from "../platform/request-context.ts";
import { formatDate } from "../platform/views/display.tsx";
import { createObligation } from "./queries.ts";

const ME = "intervenant@demo.parcours.fr";
const today = todayInParis();
const days = (n: number) => addCalendarDays(today, n);

/** A proof sent through the obligation's form (multipart, without file), as the browser does. */
async function sendProof(app: FastifyInstance, client: Client, url: string, receivedOn: string) {
  const form = new FormData();
  form.append("_csrf", client.csrf);
  form.append("receivedOn", receivedOn);
  form.append("proofKind", "attestation");
  form.append("proofDescription", "Attestation de suivi");
  form.append("proofFile", new Blob([], { type: "application/octet-stream" }), "");
  const encoded = new Response(form);
  return app.inject({
    method: "POST",
    url: `${url}/justificatifs`,
    headers: {
      cookie: (client as unknown as { cookie: string }).cookie,
      "content-type": encoded.headers.get("content-type") ?? "",
    },
    payload: Buffer.from(await encoded.arrayBuffer()),
  });
}

for (const engine of engines()) {
  describe(`a proof received late satisfies its due date (${engine})`, () => {
    let ctx: TestContext;
    let inter: Client;
    let measureId = "";
    let url = "";
    // Proofs due yesterday, then every 30 days: the one due yesterday is missing this morning.
    const due = days(-1);
    const nextDue = days(29);

    before(async () => {
      ctx = await startTestApp(engine);
      inter = await loggedIn(ctx.app, ME);
      const userId = ctx.accounts.users[ME]?.id ?? "";
      await withTenant(
        ctx.database.db,
        { userId, associationId: ctx.accounts.associationIds.gironde },
        async (tx) => {
          ({ measureId } = await addPersonWithCjse(
            tx,
            userId,
            { lastName: "Retardataire", firstName: "Léa" },
            {
              decisionDate: days(-40),
              receivedDate: days(-39),
              reportDueDate: days(120),
            },
          ));
          const obligationId = await createObligation(
            tx,
            measureId,
            {
              statutoryCode: null,
              label: "Justifier de la recherche d'un emploi",
              kind: "obligation",
              details: null,
              startDate: days(-40),
              endDate: null,
              proofRequired: true,
              firstProofDue: due,
              proofIntervalDays: 30,
            },
            userId,
          );
          url = `/mesures/${measureId}/obligations/${obligationId}`;
        },
      );
    });
    after(() => ctx.close());

    test("before the proof: one missing proof on the obligation, the measure, the caseload and the team view", async () => {
      const page = cellText((await inter.get(url)).body);
      assert.match(page, /1 justificatif manquant/);
      assert.match(page, new RegExp(`attendu le ${formatDate(due)}`));
      const caseload = cellText((await inter.get("/")).body);
      assert.match(caseload, /Justificatif manquant : Justifier de la recherche d'un emploi/);
      const chef = await loggedIn(ctx.app, "chef@demo.parcours.fr");
      const team = cellText((await chef.get("/equipe")).body);
      assert.match(team, /Justificatif manquant : Justifier de la recherche d'un emploi/);
    });

    test("the proof received the day after answers that due date, one day late, and the alert clears everywhere", async () => {
      await inter.get(url);
      const res = await sendProof(ctx.app, inter, url, today);
      assert.equal(res.statusCode, 303, res.body.slice(0, 2000));

      const html = (await inter.get(url)).body;
      const page = cellText(html);
      assert.doesNotMatch(page, /\d+ justificatifs? manquants?/);
      assert.doesNotMatch(page, new RegExp(`attendu le ${formatDate(due)}`));
      const schedule = tableRows(html, /Échéancier des justificatifs/);
      assert.deepEqual(schedule[0], [
        formatDate(due),
        `Jusqu'au ${formatDate(due)}`,
        formatDate(today),
        "Reçu en retard de 1 j",
      ]);
      assert.deepEqual(schedule[1], [
        formatDate(nextDue),
        `Du ${formatDate(days(0))} au ${formatDate(nextDue)}`,
        "—",
        "À venir",
      ]);
      // The next due date is the following one, not one period further.
      assert.match(page, new RegExp(`Prochain justificatif ${formatDate(nextDue)}`));

      const list = cellText((await inter.get(`/mesures/${measureId}/obligations`)).body);
      assert.doesNotMatch(list, /\d+ justificatifs? manquants?/);
      const caseload = cellText((await inter.get("/")).body);
      assert.doesNotMatch(caseload, /Justificatif manquant/);
      const chef = await loggedIn(ctx.app, "chef@demo.parcours.fr");
      const team = cellText((await chef.get("/equipe")).body);
      assert.doesNotMatch(team, /Justificatif manquant/);
    });
  });
}
