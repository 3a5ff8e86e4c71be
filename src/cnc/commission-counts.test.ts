import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { engines, loggedIn, startTestApp, type TestContext } from "../../test/support.ts";
import { tableRows } from "../../test/tables.ts";
import type { CandidateInput, MemberInput } from "./form.ts";
import { createCandidate, createCommission, presentToCommission, setStatus } from "./queries.ts";
import type { CandidacyStatus } from "./rules.ts";

const FORMATION = "formation@demo.parcours.fr";

function candidate(lastName: string): CandidateInput {
  return {
    lastName,
    firstName: "Test",
    birthDate: "1985-04-12",
    email: null,
    phone: null,
    addressLine: null,
    postalCode: null,
    city: null,
    userEmail: null,
    oldCertificate: null,
    heldMentions: [],
    hasSocialWorkDiploma: false,
    socialWorkDiplomaTitle: null,
    hasLevel5Diploma: true,
    level5JobMonths: 0,
    otherDiplomas: null,
    experiences: [],
    candidacies: [{ mention: "MJPM", mode: "salarie_service" }],
  };
}

const members = (n: number): MemberInput[] =>
  Array.from({ length: n }, (_, i) => ({
    row: i + 1,
    name: `Membre ${i + 1}`,
    role: i === 0 ? "training_body" : i === 1 ? "head_of_judicial_trainings" : "professional",
  }));

for (const engine of engines()) {
  describe(`the CNC commissions list counts each commission's members and dossiers (${engine})`, () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await startTestApp(engine);
      const userId = ctx.accounts.users[FORMATION]?.id ?? "";
      await ctx.database.db.transaction(async (tx) => {
        // March: 4 members, 3 dossiers (2 awaiting a decision, 1 decided); June: 3 members, no dossier.
        const march = await createCommission(
          tx,
          { meetsOn: "2026-03-10", place: "Salle A" },
          members(4),
          userId,
        );
        await createCommission(tx, { meetsOn: "2026-06-09", place: "Salle B" }, members(3), userId);
        const statuses: CandidacyStatus[] = ["en_commission", "entretien_planifie", "positionne"];
        for (const [i, status] of statuses.entries()) {
          const { candidacies } = await createCandidate(tx, candidate(`Candidat${i}`), null, userId);
          const id = candidacies[0]?.id ?? "";
          await presentToCommission(tx, id, march);
          await setStatus(tx, id, status);
        }
        // A candidacy not presented to any commission is in no count.
        await createCandidate(tx, candidate("Horscommission"), null, userId);
      });
    });
    after(() => ctx.close());

    test("members, dossiers presented and dossiers awaiting a decision, per commission", async () => {
      const formation = await loggedIn(ctx.app, FORMATION);
      const page = await formation.get("/cnc/commissions");
      assert.equal(page.statusCode, 200);
      assert.deepEqual(tableRows(page.body), [
        ["Commission du 09/06/2026", "Salle B", "3", "0", "0"],
        ["Commission du 10/03/2026", "Salle A", "4", "3", "2"],
      ]);
    });
  });
}
