import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { and, eq, sql } from "drizzle-orm";
import {
  type Client,
  engines,
  location,
  loggedIn,
  startTestApp,
  type TestContext,
} from "../../test/support.ts";
import { auditLog } from "../audit/tables.ts";
import { queryRows } from "../platform/db.ts";

const FORMATION = "formation@demo.parcours.fr";

const CANDIDATE = {
  lastName: "Lagarde",
  firstName: "Éloïse",
  birthDate: "12/04/1985",
  email: "eloise.lagarde@exemple.invalid",
  hasLevel5Diploma: "1",
  mentions: "MJPM",
  modeMJPM: "salarie_service",
};

/** The page's text without tags, spaces collapsed. */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;|&apos;/g, "'")
    .replace(/\s+/g, " ");
}

for (const engine of engines()) {
  describe(`duplicates caught when a CNC candidate is registered (${engine})`, () => {
    let ctx: TestContext;
    let formation: Client;
    let firstCandidacy = "";
    let firstCandidate = "";

    /** Candidacies (each with its fee) of the candidates named like Lagarde, per mention. */
    async function lagardeCandidacies(): Promise<Record<string, number>> {
      const rows = await queryRows<{ mention: string; n: number }>(
        ctx.database.db,
        sql`select d.mention, count(*)::int as n from cnc_candidacies d join cnc_candidates c on c.id = d.candidate_id
            where f_unaccent(lower(c.last_name)) like '%lagarde%' or c.email = ${CANDIDATE.email}
            group by d.mention order by d.mention`,
      );
      return Object.fromEntries(rows.map((r) => [r.mention, r.n]));
    }

    before(async () => {
      ctx = await startTestApp(engine);
      formation = await loggedIn(ctx.app, FORMATION);
      await formation.get("/cnc/candidats/nouveau");
      const res = await formation.post("/cnc/candidats/nouveau", CANDIDATE);
      assert.equal(res.statusCode, 303, res.body);
      firstCandidacy = location(res).split("/").pop() ?? "";
      const [row] = await queryRows<{ id: string }>(
        ctx.database.db,
        sql`select candidate_id as id from cnc_candidacies where id = ${firstCandidacy}`,
      );
      firstCandidate = row?.id ?? "";
    });
    after(() => ctx.close());

    test("the same candidate for the same certificate is shown first: no second dossier, no second fee", async () => {
      const again = await formation.post("/cnc/candidats/nouveau", {
        ...CANDIDATE,
        lastName: "LAGARDE",
        firstName: "Eloise",
        email: "",
        city: "Talence",
      });
      assert.equal(again.statusCode, 409);
      const page = text(again.body);
      assert.match(again.body, /<title>Doublon possible : Nouveau candidat/);
      assert.match(page, /Ce candidat existe peut-être déjà/);
      assert.match(
        page,
        /Un candidat déjà inscrit pour ce certificat a la même adresse e-mail, ou un nom proche/,
      );
      assert.match(page, /pas de second dossier ni de seconds frais/);
      assert.match(
        page,
        /LAGARDE Éloïse – né·e le 12\/04\/1985 ; eloise\.lagarde@exemple\.invalid ; mention MJPM : brouillon, frais de 187,00 € non réglés/,
      );
      assert.match(again.body, new RegExp(`href="/cnc/candidatures/${firstCandidacy}"`));
      assert.match(page, /Ouvrir la fiche existante de LAGARDE Éloïse/);
      assert.match(again.body, /<button[^>]*form="candidate-form"[^>]*name="confirmDuplicate"[^>]*value="1"/);
      assert.match(again.body, /name="city"[^>]*value="Talence"/);
      assert.deepEqual(await lagardeCandidacies(), { MJPM: 1 });
    });

    test("the same e-mail under another spelling and birth date is caught too", async () => {
      const res = await formation.post("/cnc/candidats/nouveau", {
        ...CANDIDATE,
        lastName: "Lagarde-Moreau",
        birthDate: "21/04/1985",
        email: "Eloise.Lagarde@exemple.invalid",
      });
      assert.equal(res.statusCode, 409);
      assert.match(
        text(res.body),
        /LAGARDE Éloïse – né·e le 12\/04\/1985 ; eloise\.lagarde@exemple\.invalid ; même adresse e-mail/,
      );
    });

    test("asking the same certificate with another one creates neither", async () => {
      const res = await formation.post("/cnc/candidats/nouveau", {
        ...CANDIDATE,
        mentions: ["MJPM", "MAJ"],
        modeMAJ: "mandataire_prive",
      });
      assert.equal(res.statusCode, 409);
      assert.deepEqual(await lagardeCandidacies(), { MJPM: 1 });
    });

    test("a namesake born another day, without the e-mail, is registered at once", async () => {
      const res = await formation.post("/cnc/candidats/nouveau", {
        ...CANDIDATE,
        birthDate: "12/04/1995",
        email: "",
      });
      assert.equal(res.statusCode, 303);
      assert.deepEqual(await lagardeCandidacies(), { MJPM: 2 });
    });

    test("« Créer quand même » registers the candidacy with its fee and records the matches shown", async () => {
      await formation.get("/cnc/candidats/nouveau");
      const res = await formation.post("/cnc/candidats/nouveau", {
        ...CANDIDATE,
        mentions: "MAJ",
        modeMAJ: "mandataire_prive",
      });
      assert.equal(res.statusCode, 303, "another certificate: no warning");
      const shown = await formation.post("/cnc/candidats/nouveau", CANDIDATE);
      assert.equal(shown.statusCode, 409);
      assert.match(text(shown.body), /Ce candidat existe peut-être déjà/);
      const created = await formation.post("/cnc/candidats/nouveau", { ...CANDIDATE, confirmDuplicate: "1" });
      assert.equal(created.statusCode, 303);
      const page = await formation.get(location(created));
      assert.match(page.body, /Le candidat LAGARDE Éloïse a été enregistré \(mention MJPM\)/);
      assert.match(page.body, /187,00 €/);
      assert.deepEqual(await lagardeCandidacies(), { MAJ: 1, MJPM: 3 });
      const newCandidacy = location(created).split("/").pop() ?? "";
      const [row] = await queryRows<{ id: string }>(
        ctx.database.db,
        sql`select candidate_id as id from cnc_candidacies where id = ${newCandidacy}`,
      );
      const audit = await ctx.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "doublon_confirme"), eq(auditLog.entity, "cnc_candidate")));
      assert.equal(audit.length, 1);
      assert.equal(audit[0]?.entityId, row?.id);
      assert.equal(audit[0]?.associationId, null);
      // Shown: the first registration for the MJPM only (the MAJ one and the namesake are not).
      assert.deepEqual(audit[0]?.detail, { matches: [firstCandidate] });
    });
  });
}
