import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { count, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { PDFDocument } from "pdf-lib";
import { Client, engines, location, loggedIn, startTestApp, type TestContext } from "../../test/support.ts";
import { todayInParis } from "../platform/request-context.ts";
import { CANDIDACY_PIECES } from "./reference.ts";
import { cncCandidacies, cncContests, cncDecisions, cncPieces } from "./tables.ts";

const FORMATION = "formation@demo.parcours.fr";
/** A real one-page PDF: pieces are read (a file that only starts with "%PDF" is refused). */
const PDF = await onePagePdf();

async function onePagePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage();
  return Buffer.from(await doc.save());
}

/** Sends a multipart form as a browser does, with the client's session cookie and CSRF token. */
async function postMultipart(
  app: FastifyInstance,
  client: Client,
  url: string,
  fields: Record<string, string>,
  file?: { field: string; filename: string; type: string; data: Buffer },
) {
  const boundary = `----parcours${randomBytes(8).toString("hex")}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries({ ...fields, _csrf: client.csrf })) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.data,
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  // The session cookie of the test client (a private getter of the test support).
  const cookie = (client as unknown as { cookie: string }).cookie;
  return app.inject({
    method: "POST",
    url,
    headers: { cookie, "content-type": `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat(parts),
  });
}

function candidacyIdOf(res: { headers: Record<string, unknown> }): string {
  const id = location(res).split("/").pop() ?? "";
  assert.match(id, /^[0-9a-f-]{36}$/);
  return id;
}

function trackingPathOf(html: string): string {
  const match = /href="(\/cnc\/suivi\/[A-Za-z0-9_-]+)"/.exec(html);
  if (!match?.[1]) throw new Error("no tracking link on the page");
  return match[1];
}

const BASE_CANDIDATE = {
  lastName: "Lagarde",
  firstName: "Éloïse",
  birthDate: "12/04/1985",
  hasLevel5Diploma: "1",
  hasSocialWorkDiploma: "1",
  socialWorkDiplomaTitle: "Diplôme d'État d'assistant de service social",
  exp1From: "15/01/2025",
  exp1Employer: "Service mandataire fictif",
  exp1Tutelary: "1",
  mentions: "MJPM",
  modeMJPM: "salarie_service",
};

for (const engine of engines()) {
  describe(`CNC candidacies (${engine})`, () => {
    let ctx: TestContext;
    let formation: Client;
    const today = todayInParis();
    let commissionId = "";

    async function createCandidacy(form: Record<string, string | string[]>): Promise<string> {
      await formation.get("/cnc/candidats/nouveau");
      const res = await formation.post("/cnc/candidats/nouveau", form);
      assert.equal(res.statusCode, 303, res.body);
      return candidacyIdOf(res);
    }

    /** Every piece received on paper and the fee paid: the dossier is complete. */
    async function complete(id: string) {
      await formation.get(`/cnc/candidatures/${id}`);
      for (const piece of CANDIDACY_PIECES.filter((p) => p.code !== "fee_payment")) {
        const res = await formation.post(`/cnc/candidatures/${id}/pieces/papier`, {
          paperPieceCode: piece.code,
        });
        assert.equal(res.statusCode, 303);
      }
      const paid = await formation.post(`/cnc/candidatures/${id}/reglement`, { feePaidOn: today });
      assert.equal(paid.statusCode, 303);
    }

    async function present(id: string) {
      await formation.get(`/cnc/candidatures/${id}`);
      const res = await formation.post(`/cnc/candidatures/${id}/commission`, { commissionId });
      assert.equal(res.statusCode, 303, res.body);
    }

    before(async () => {
      ctx = await startTestApp(engine);
      formation = await loggedIn(ctx.app, FORMATION);
      await formation.get("/cnc/commissions/nouvelle");
      const res = await formation.post("/cnc/commissions/nouvelle", {
        meetsOn: today,
        place: "Salle de test",
        member1Name: "Anne Formatrice",
        member1Role: "training_body",
        member2Name: "Jean Responsable",
        member2Role: "head_of_judicial_trainings",
        member3Name: "Paule Professionnelle",
        member3Role: "professional",
      });
      assert.equal(res.statusCode, 303, res.body);
      commissionId = location(res).split("/").pop() ?? "";
    });
    after(() => ctx.close());

    test("the training service creates a candidate with two mentions: one dossier each", async () => {
      const res = await formation.post("/cnc/candidats/nouveau", {
        ...BASE_CANDIDATE,
        lastName: "Cumulard",
        mentions: ["MJPM", "MAJ"],
        modeMJPM: "mandataire_prive",
        modeMAJ: "prepose_etablissement",
      });
      assert.equal(res.statusCode, 303);
      const page = await formation.get(location(res));
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /CUMULARD Éloïse – MJPM/);
      assert.match(page.body, /Le candidat CUMULARD Éloïse a été enregistré \(mentions MJPM, MAJ\)/);
      assert.match(page.body, /Mention MAJ<\/a>/);
      assert.match(
        page.body,
        /CNC requis avant l&#39;entrée en fonction|CNC requis avant l'entrée en fonction/,
      );
      // A mandataire privé needs 3 years of experience: 1 year and some months is not enough.
      assert.match(page.body, /Expérience insuffisante/);
      assert.match(page.body, /187,00 €/);
      const list = await formation.get("/cnc?mention=MAJ");
      assert.match(list.body, /CUMULARD Éloïse/);
      assert.match(list.body, /Préposé d&#39;établissement|Préposé d'établissement/);
      const mjagbf = await formation.get("/cnc?mention=MJAGBF");
      assert.doesNotMatch(mjagbf.body, /CUMULARD/);
    });

    test("a wrong form comes back with French errors at the fields and keeps what was typed", async () => {
      await formation.get("/cnc/candidats/nouveau");
      const res = await formation.post("/cnc/candidats/nouveau", {
        firstName: "Anaïs",
        city: "Bègles",
        mentions: "MJAGBF",
        modeMJAGBF: "prepose_etablissement",
        exp1Employer: "Sans date",
        hasSocialWorkDiploma: "1",
      });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /<title>Erreur : Nouveau candidat/);
      assert.match(res.body, /Saisissez le nom du candidat/);
      assert.match(res.body, /Saisissez la date de naissance/);
      assert.match(
        res.body,
        /La mention MJAGBF ne s&#39;exerce pas comme préposé|La mention MJAGBF ne s'exerce pas comme préposé/,
      );
      assert.match(res.body, /href="#f-modeMJAGBF"/);
      assert.match(res.body, /Saisissez la date de début de cette période/);
      assert.match(res.body, /Saisissez l&#39;intitulé du diplôme|Saisissez l'intitulé du diplôme/);
      assert.match(res.body, /value="Anaïs"/);
      assert.match(res.body, /value="Bègles"/);
      const none = await formation.post("/cnc/candidats/nouveau", { ...BASE_CANDIDATE, mentions: [] });
      assert.equal(none.statusCode, 422);
      assert.match(none.body, /Choisissez au moins une mention/);
      const noMode = await formation.post("/cnc/candidats/nouveau", { ...BASE_CANDIDATE, modeMJPM: "" });
      assert.match(
        noMode.body,
        /Choisissez le mode d&#39;exercice de la mention MJPM|Choisissez le mode d'exercice de la mention MJPM/,
      );
    });

    test("an incomplete dossier cannot go to the commission and the page lists what is missing", async () => {
      const id = await createCandidacy({ ...BASE_CANDIDATE, lastName: "Incomplet" });
      const page = await formation.get(`/cnc/candidatures/${id}`);
      assert.match(page.body, /Dossier incomplet : il ne peut pas être présenté en commission/);
      assert.match(page.body, /Pièce manquante : Curriculum vitae détaillé/);
      assert.match(page.body, /Frais de dossier non réglés : 187,00 €/);
      // In tutelary activity: the job descriptions and work certificates are required.
      assert.match(page.body, /Pièce manquante : Fiche\(s\) de poste/);
      assert.doesNotMatch(page.body, />Présenter en commission</);
      const res = await formation.post(`/cnc/candidatures/${id}/commission`, { commissionId });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /Le dossier est incomplet/);
      const [row] = await ctx.database.db
        .select({ status: cncCandidacies.status })
        .from(cncCandidacies)
        .where(eq(cncCandidacies.id, id));
      assert.equal(row?.status, "brouillon");
      const paper = await formation.post(`/cnc/candidatures/${id}/pieces/papier`, { paperPieceCode: "cv" });
      assert.equal(paper.statusCode, 303);
      const after = await formation.get(`/cnc/candidatures/${id}`);
      assert.doesNotMatch(after.body, /Pièce manquante : Curriculum vitae détaillé/);
      assert.match(after.body, /Incomplet/);
    });

    test("the holder of the former TMP pays 93,50 €", async () => {
      const id = await createCandidacy({ ...BASE_CANDIDATE, lastName: "Tmp", oldCertificate: "TMP" });
      const page = await formation.get(`/cnc/candidatures/${id}`);
      assert.match(
        page.body,
        /<strong>93,50 €<\/strong> \(tarif réduit : titulaire de l(&#39;|')ancien CNC « TMP »\)/,
      );
      assert.match(page.body, /Frais de dossier non réglés : 93,50 €/);
      const tps = await createCandidacy({ ...BASE_CANDIDATE, lastName: "Tps", oldCertificate: "TPS" });
      assert.match((await formation.get(`/cnc/candidatures/${tps}`)).body, /<strong>93,50 €<\/strong>/);
    });

    test("a piece is uploaded as PDF, downloaded, and a disguised file is refused", async () => {
      const id = await createCandidacy({ ...BASE_CANDIDATE, lastName: "Depot" });
      await formation.get(`/cnc/candidatures/${id}`);
      const ok = await postMultipart(
        ctx.app,
        formation,
        `/cnc/candidatures/${id}/pieces`,
        { pieceCode: "cv" },
        {
          field: "file",
          filename: "cv-éloïse.pdf",
          type: "application/pdf",
          data: PDF,
        },
      );
      assert.equal(ok.statusCode, 303, ok.body);
      const page = await formation.get(`/cnc/candidatures/${id}`);
      assert.match(page.body, /Pièce déposée : Curriculum vitae détaillé/);
      assert.match(page.body, /cv-éloïse\.pdf/);
      const file = await formation.get(`/cnc/candidatures/${id}/pieces/cv`);
      assert.equal(file.statusCode, 200);
      assert.equal(file.headers["content-type"], "application/pdf");
      assert.deepEqual(file.rawPayload, PDF);
      const bad = await postMultipart(
        ctx.app,
        formation,
        `/cnc/candidatures/${id}/pieces`,
        { pieceCode: "photo" },
        {
          field: "file",
          filename: "photo.png",
          type: "image/png",
          data: Buffer.from("pas une image"),
        },
      );
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /Le fichier doit être un PDF, une image JPEG ou une image PNG/);
      const none = await postMultipart(ctx.app, formation, `/cnc/candidatures/${id}/pieces`, {
        pieceCode: "photo",
      });
      assert.equal(none.statusCode, 422);
      assert.match(none.body, /Choisissez le fichier de la pièce/);
    });

    test("requesting a dispense of a module that admits none is refused at the field", async () => {
      const id = await createCandidacy({
        ...BASE_CANDIDATE,
        lastName: "Demandes",
        mentions: "MJAGBF",
        modeMJAGBF: "salarie_service",
      });
      await formation.get(`/cnc/candidatures/${id}`);
      const res = await formation.post(`/cnc/candidatures/${id}/demandes`, {
        requestedDispenses: ["1.1", "2.1"],
      });
      assert.equal(res.statusCode, 422);
      assert.match(
        res.body,
        /id="f-requestedDispenses-error"[^>]*>.*Le module 2\.1 n(&#39;|')admet ni dispense ni allègement/s,
      );
      const ok = await formation.post(`/cnc/candidatures/${id}/demandes`, {
        requestedDispenses: "1.1",
        requestedAllegements: "1.3",
      });
      assert.equal(ok.statusCode, 303);
      const page = await formation.get(`/cnc/candidatures/${id}`);
      assert.match(
        page.body,
        /Pièce manquante : Justificatifs nécessaires à l(&#39;|')octroi des dispenses demandées/,
      );
      assert.match(
        page.body,
        /Pièce manquante : Justificatifs nécessaires à l(&#39;|')octroi des allègements demandés/,
      );
    });

    test("a commission needs its three roles", async () => {
      await formation.get("/cnc/commissions/nouvelle");
      const res = await formation.post("/cnc/commissions/nouvelle", {
        meetsOn: today,
        member1Name: "Anne Formatrice",
        member1Role: "training_body",
        member2Name: "Paule Professionnelle",
        member2Role: "professional",
        member3Name: "Sans rôle",
      });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /Il manque : Responsable des formations « mesures judiciaires »/);
      assert.match(res.body, /Choisissez le rôle de ce membre/);
      assert.match(res.body, /value="Sans rôle"/);
    });

    test("the commission positions a candidate: a dispense of a mandatory module is refused at the field, hours due follow the dispenses", async () => {
      const id = await createCandidacy({ ...BASE_CANDIDATE, lastName: "Positionne" });
      await complete(id);
      await present(id);
      const page = await formation.get(`/cnc/commissions/${commissionId}`);
      assert.match(page.body, /POSITIONNE Éloïse – mention MJPM/);
      const prefix = `c-${id}-`;
      const bad = await formation.post(`/cnc/commissions/${commissionId}/decisions/${id}`, {
        [`${prefix}outcome`]: "positionne",
        [`${prefix}dispensed`]: ["1.1", "4.1"],
        [`${prefix}entryDate`]: "2025-07-15",
      });
      assert.equal(bad.statusCode, 422);
      assert.match(
        bad.body,
        new RegExp(
          `id="f-c-${id}-dispensed-error"[^>]*>.*?Le module 4\\.1 n(&#39;|')admet ni dispense ni allègement`,
          "s",
        ),
      );
      assert.match(bad.body, new RegExp(`href="#f-c-${id}-dispensed"`));
      // The ticked modules are kept.
      assert.match(bad.body, new RegExp(`id="f-c-${id}-dispensed-[0-9]+"[^>]*value="4\\.1"[^>]*checked`));
      const ok = await formation.post(`/cnc/commissions/${commissionId}/decisions/${id}`, {
        [`${prefix}outcome`]: "positionne",
        [`${prefix}dispensed`]: ["1.1", "2.2"],
        [`${prefix}alleged`]: "3.1",
        [`${prefix}entryDate`]: "2025-07-15",
      });
      assert.equal(ok.statusCode, 303);
      const dossier = await formation.get(`/cnc/candidatures/${id}`);
      assert.match(dossier.body, /Positionné/);
      assert.match(dossier.body, /222 h sur 300 h/);
      assert.match(dossier.body, /Allégé \(épreuves maintenues\)/);
      // Tutelary activity from 15 January 2025: 6 months complete on 15 July.
      assert.match(
        dossier.body,
        /Dispensé : 6 mois d(&#39;|')activité tutélaire à l(&#39;|')entrée en formation/,
      );
      const [decision] = await ctx.database.db
        .select()
        .from(cncDecisions)
        .where(eq(cncDecisions.candidacyId, id));
      assert.equal(decision?.theoryHoursDue, 222);
      assert.equal(decision?.internshipDispensed, true);
    });

    test("5 months and 29 days of tutelary activity at entry do not dispense of the internship", async () => {
      const id = await createCandidacy({ ...BASE_CANDIDATE, lastName: "Stagiaire" });
      await complete(id);
      await present(id);
      await formation.get(`/cnc/commissions/${commissionId}`);
      const prefix = `c-${id}-`;
      const res = await formation.post(`/cnc/commissions/${commissionId}/decisions/${id}`, {
        [`${prefix}outcome`]: "admis",
        [`${prefix}entryDate`]: "2025-07-14",
      });
      assert.equal(res.statusCode, 303);
      const dossier = await formation.get(`/cnc/candidatures/${id}`);
      assert.match(dossier.body, /300 h sur 300 h/);
      assert.match(
        dossier.body,
        /350 h sur 10 semaines consécutives, à effectuer \(5 mois et 29 jours d(&#39;|')activité tutélaire/,
      );
      const [decision] = await ctx.database.db
        .select()
        .from(cncDecisions)
        .where(eq(cncDecisions.candidacyId, id));
      assert.equal(decision?.internshipDispensed, false);
    });

    test("a refusal needs its reason; the candidate contests through the private link; the service schedules the interview", async () => {
      const id = await createCandidacy({ ...BASE_CANDIDATE, lastName: "Conteste" });
      await complete(id);
      await present(id);
      await formation.get(`/cnc/commissions/${commissionId}`);
      const prefix = `c-${id}-`;
      const noReason = await formation.post(`/cnc/commissions/${commissionId}/decisions/${id}`, {
        [`${prefix}outcome`]: "refuse",
      });
      assert.equal(noReason.statusCode, 422);
      assert.match(noReason.body, /Indiquez le motif du refus/);
      const refused = await formation.post(`/cnc/commissions/${commissionId}/decisions/${id}`, {
        [`${prefix}outcome`]: "refuse",
        [`${prefix}comment`]: "Projet professionnel à préciser.",
      });
      assert.equal(refused.statusCode, 303);

      const dossier = await formation.get(`/cnc/candidatures/${id}`);
      const path = trackingPathOf(dossier.body);
      const candidate = new Client(ctx.app);
      const tracking = await candidate.get(path);
      assert.equal(tracking.statusCode, 200);
      assert.match(tracking.body, /Projet professionnel à préciser/);
      assert.match(tracking.body, /Refusé/);
      const empty = await candidate.post(`${path}/contestation`, { "reason-MJPM": "" });
      assert.equal(empty.statusCode, 422);
      assert.match(empty.body, /Expliquez pourquoi vous contestez la décision/);
      const contest = await candidate.post(`${path}/contestation`, {
        "reason-MJPM": "Mon expérience bénévole n'a pas été prise en compte.",
      });
      assert.equal(contest.statusCode, 303);
      const after = await candidate.get(location(contest));
      assert.match(after.body, /Votre contestation a été enregistrée/);
      assert.match(after.body, /Contesté/);

      const service = await formation.get(`/cnc/candidatures/${id}`);
      assert.match(service.body, /Mon expérience bénévole/);
      const members = [...service.body.matchAll(/<option value="([0-9a-f-]{36})"[^>]*>([^<]+)<\/option>/g)];
      const head = members.find((m) => m[2]?.includes("Jean Responsable"));
      assert.ok(head?.[1]);
      const early = await formation.post(`/cnc/candidatures/${id}/entretien`, {
        interviewOn: "2020-01-01",
        memberId: head[1],
      });
      assert.equal(early.statusCode, 422);
      assert.match(early.body, /L(&#39;|')entretien ne peut pas avoir lieu avant la contestation/);
      const planned = await formation.post(`/cnc/candidatures/${id}/entretien`, {
        interviewOn: "2030-01-15",
        memberId: head[1],
      });
      assert.equal(planned.statusCode, 303);
      const final = await candidate.get(path);
      assert.match(final.body, /Entretien prévu le 15\/01\/2030 avec Jean Responsable/);
      assert.match(final.body, /Entretien planifié/);
      const [row] = await ctx.database.db
        .select({ source: cncContests.source, interviewOn: cncContests.interviewOn })
        .from(cncContests)
        .where(eq(cncContests.candidacyId, id));
      assert.deepEqual(row, { source: "candidat", interviewOn: "2030-01-15" });
    });

    test("the private link shows only that candidate's data, lets them send a missing piece, and a wrong token is 404", async () => {
      const mine = await createCandidacy({
        ...BASE_CANDIDATE,
        lastName: "Privé",
        mentions: ["MJPM", "MAJ"],
        modeMAJ: "salarie_service",
      });
      await createCandidacy({ ...BASE_CANDIDATE, lastName: "Voisin", firstName: "Gaspard" });
      const path = trackingPathOf((await formation.get(`/cnc/candidatures/${mine}`)).body);
      const candidate = new Client(ctx.app);
      const page = await candidate.get(path);
      assert.equal(page.statusCode, 200);
      assert.equal(page.headers["cache-control"], "no-store");
      assert.match(page.body, /PRIVÉ Éloïse/);
      assert.match(page.body, /Mention MJPM – Mesure judiciaire à la protection des majeurs/);
      assert.match(page.body, /Mention MAJ – Mesure d(&#39;|')accompagnement judiciaire/);
      assert.match(page.body, /Pièce manquante : Curriculum vitae détaillé/);
      assert.doesNotMatch(page.body, /VOISIN|Gaspard|Cumulard|CUMULARD/i);
      assert.doesNotMatch(page.body, /Se déconnecter/);

      const sent = await postMultipart(
        ctx.app,
        candidate,
        `${path}/pieces`,
        { "pieceCode-MJPM": "cv" },
        {
          field: "file-MJPM",
          filename: "cv.pdf",
          type: "application/pdf",
          data: PDF,
        },
      );
      assert.equal(sent.statusCode, 303, sent.body);
      const after = await candidate.get(location(sent));
      assert.match(after.body, /Votre pièce a bien été reçue/);
      const [piece] = await ctx.database.db
        .select({ providedBy: cncPieces.providedBy, filename: cncPieces.filename })
        .from(cncPieces)
        .where(eq(cncPieces.candidacyId, mine));
      assert.deepEqual(piece, { providedBy: "candidat", filename: "cv.pdf" });
      const notMissing = await postMultipart(
        ctx.app,
        candidate,
        `${path}/pieces`,
        { "pieceCode-MJPM": "cv" },
        {
          field: "file-MJPM",
          filename: "cv.pdf",
          type: "application/pdf",
          data: PDF,
        },
      );
      assert.equal(notMissing.statusCode, 422);
      assert.match(notMissing.body, /Choisissez une pièce manquante/);

      const wrong = await candidate.get(`/cnc/suivi/${randomBytes(24).toString("base64url")}`);
      assert.equal(wrong.statusCode, 404);
      assert.doesNotMatch(wrong.body, /PRIVÉ/);
      assert.equal((await candidate.get("/cnc/suivi/abc")).statusCode, 404);
      const wrongPost = await candidate.post(
        `/cnc/suivi/${randomBytes(24).toString("base64url")}/contestation`,
        {
          "reason-MJPM": "x",
        },
      );
      assert.equal(wrongPost.statusCode, 404);
      // No decision yet: nothing to contest.
      const early = await candidate.post(`${path}/contestation`, { "reason-MJPM": "Trop tôt" });
      assert.equal(early.statusCode, 409);
      // A form sent without the page's token is refused.
      const forged = await new Client(ctx.app).post(`${path}/contestation`, { "reason-MJPM": "x" });
      assert.equal(forged.statusCode, 403);
    });

    test("the private page is rate-limited", async () => {
      const visitor = new Client(ctx.app);
      const statuses: number[] = [];
      for (let i = 0; i < 32; i++)
        statuses.push((await visitor.get(`/cnc/suivi/${"x".repeat(32)}`)).statusCode);
      assert.equal(statuses[0], 404);
      assert.equal(statuses.at(-1), 429);
    });

    test("only the training service reaches the candidacies; other roles get 403 and write nothing", async () => {
      const id = await createCandidacy({ ...BASE_CANDIDATE, lastName: "Reserve" });
      const countRows = async () => (await ctx.database.db.select({ n: count() }).from(cncPieces))[0]?.n;
      const before = await countRows();
      for (const email of [
        "intervenant2@demo.parcours.fr",
        "direction@demo.parcours.fr",
        "federation@demo.parcours.fr",
      ]) {
        const other = await loggedIn(ctx.app, email);
        assert.equal((await other.get("/cnc")).statusCode, 403, email);
        const page = await other.get(`/cnc/candidatures/${id}`);
        assert.equal(page.statusCode, 403, email);
        assert.doesNotMatch(page.body, /RESERVE/);
        const post = await other.post(`/cnc/candidatures/${id}/pieces/papier`, { paperPieceCode: "cv" });
        assert.equal(post.statusCode, 403, email);
      }
      assert.equal(await countRows(), before);
      assert.equal((await new Client(ctx.app).get("/cnc")).statusCode, 303);
      assert.equal(
        (await formation.get("/cnc/candidatures/00000000-0000-4000-8000-000000000000")).statusCode,
        404,
      );
      assert.equal((await formation.get("/cnc/commissions/pas-un-id")).statusCode, 404);
    });
  });
}
