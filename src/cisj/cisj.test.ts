import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { PDFDocument } from "pdf-lib";
import { Client, engines, location, loggedIn, startTestApp, type TestContext } from "../../test/support.ts";
import { type Catalogue, demoMemoirePdf, ensureCisjCatalogue, followPastTrainings } from "../demo/cisj.ts";
import { todayInParis } from "../platform/request-context.ts";
import { MEMOIRE_PARTS } from "../training/reference.ts";
import { issueCertificate } from "./queries.ts";
import { cisjCertificates, cisjDossiers } from "./tables.ts";

/** Sends a multipart form with one file, as the browser does, with the client's session and CSRF token. */
async function postFile(
  app: FastifyInstance,
  client: Client,
  url: string,
  field: string,
  file: { filename: string; type: string; data: Buffer },
) {
  const boundary = `----parcours${randomBytes(8).toString("hex")}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${client.csrf}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.inject({
    method: "POST",
    url,
    // biome-ignore lint/complexity/useLiteralKeys: the session cookie is private to Client
    headers: { cookie: client["cookie"], "content-type": `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
}

const pdf = async (pages: number) => ({
  filename: `mémoire-${pages}.pdf`,
  type: "application/pdf",
  data: await demoMemoirePdf(pages, `Test ${pages}`),
});

function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, " ");
}

for (const engine of engines()) {
  describe(`CISJ path and dossier (${engine})`, () => {
    let ctx: TestContext;
    let catalogue: Catalogue;
    const id = (email: string) => ctx.accounts.users[email]?.id ?? "";
    const today = todayInParis();
    let inesDossier = "";
    // One session per account for the whole file: logging in is rate-limited.
    const sessions = new Map<string, Client>();
    const as = async (email: string) => {
      const known = sessions.get(email);
      if (known) return known;
      const client = await loggedIn(ctx.app, email);
      sessions.set(email, client);
      return client;
    };

    before(async () => {
      ctx = await startTestApp(engine);
      const db = ctx.database.db;
      catalogue = await ensureCisjCatalogue(db);
      const all = (c: keyof Catalogue, k: number) => catalogue[c].slice(0, k).map((t) => t.id);
      const trainee = (email: string) => ({
        id: id(email),
        associationId: ctx.accounts.users[email]?.associationId ?? null,
      });
      const on = (ids: string[], year: number) =>
        ids.map((trainingId, i) => ({
          trainingId,
          startsOn: `${year + Math.floor(i / 4)}-0${(i % 4) + 2}-10`,
          score: 70,
        }));
      // Inès: 5 TC, 3 MSJ (one more than needed), 2 TR, from 2016: no time limit.
      await followPastTrainings(
        db,
        trainee("intervenant@demo.parcours.fr"),
        on([...all("TC", 5), ...all("MSJ", 3), ...all("TR", 2)], 2016),
      );
      // Sophie: the nine.
      await followPastTrainings(
        db,
        trainee("intervenant.adultes@demo.parcours.fr"),
        on([...all("TC", 5), ...all("MSJ", 2), ...all("TR", 2)], 2021),
      );
      // Bruno (chef de service): 3 TC and 1 MSJ, and a failed test that does not count.
      await followPastTrainings(db, trainee("chef@demo.parcours.fr"), [
        ...on([...all("TC", 3), ...all("MSJ", 1)], 2022),
        { trainingId: all("TR", 1)[0] ?? "", startsOn: "2024-05-06", score: 40 },
      ]);
      // Thomas, in the other association: 2 TC.
      await followPastTrainings(db, trainee("intervenant2@demo.parcours.fr"), on(all("TC", 2), 2023));
    });
    after(() => ctx.close());

    test("an intervenant sees their path: x/5, x/2, x/2, x/9, the extra training, the hours", async () => {
      const client = await as("intervenant@demo.parcours.fr");
      const res = await client.get("/formation/parcours");
      assert.equal(res.statusCode, 200);
      const t = text(res.body);
      assert.match(t, /9 sur 9 formations validées comptent pour le certificat/);
      assert.match(t, /Tronc commun \(TC\) 5 sur 5 – complet/);
      assert.match(
        t,
        /Mesure socio-judiciaire \(MSJ\) 2 sur 2 – complet, 1 en plus \(ne compte pas deux fois\)/,
      );
      assert.match(t, /Formation transversale \(TR\) 2 sur 2/);
      assert.match(t, /validées sur un parcours complet de 180 à 200 h en moyenne/);
      assert.match(res.body, /<progress max="9" value="9"/);
      assert.match(t, /Mesure socio-judiciaire : en plus \(ne compte pas deux fois\)/);
      assert.match(t, /Ouvrir mon dossier de certification/);
    });

    test("an incomplete path says what is left and cannot open a dossier", async () => {
      const client = await as("chef@demo.parcours.fr");
      const res = await client.get("/formation/parcours");
      const t = text(res.body);
      assert.match(t, /4 sur 9 formations validées/);
      assert.match(t, /Il reste 2 formations Tronc commun à valider \(3 sur 5\)/);
      assert.match(t, /Il reste 2 formations transversales à valider \(0 sur 2\)/);
      assert.doesNotMatch(t, /Ouvrir mon dossier/);
      const open = await client.post("/formation/parcours/dossier", {});
      assert.equal(open.statusCode, 409);
      const rows = await ctx.database.db
        .select()
        .from(cisjDossiers)
        .where(eq(cisjDossiers.traineeId, id("chef@demo.parcours.fr")));
      assert.equal(rows.length, 0);
    });

    test("who sees whose path: self, the direction of the association, the training service", async () => {
      const ines = id("intervenant@demo.parcours.fr");
      const thomas = id("intervenant2@demo.parcours.fr");
      const other = await as("intervenant.adultes@demo.parcours.fr");
      assert.equal((await other.get(`/formation/parcours/${ines}`)).statusCode, 403);
      const direction = await as("direction@demo.parcours.fr");
      const seen = await direction.get(`/formation/parcours/${ines}`);
      assert.equal(seen.statusCode, 200);
      assert.match(text(seen.body), /Parcours CISJ d'Inès MARTIN/);
      const foreign = await direction.get(`/formation/parcours/${thomas}`);
      assert.equal(foreign.statusCode, 404);
      assert.doesNotMatch(foreign.body, /SCHMITT/);
      const direction2 = await as("direction2@demo.parcours.fr");
      assert.equal((await direction2.get(`/formation/parcours/${ines}`)).statusCode, 404);
      assert.equal((await direction2.get(`/formation/parcours/${thomas}`)).statusCode, 200);
      const formation = await as("formation@demo.parcours.fr");
      assert.equal((await formation.get(`/formation/parcours/${thomas}`)).statusCode, 200);
      assert.equal(
        (await formation.get(`/formation/parcours/${id("direction@demo.parcours.fr")}`)).statusCode,
        404,
      );
      const federation = await as("federation@demo.parcours.fr");
      assert.equal((await federation.get(`/formation/parcours/${ines}`)).statusCode, 403);
    });

    test("the direction's team page lists its own staff only, with their x/9", async () => {
      const direction = await as("direction@demo.parcours.fr");
      const res = await direction.get("/formation/equipe");
      assert.equal(res.statusCode, 200);
      const t = text(res.body);
      assert.match(t, /Inès MARTIN 5 sur 5 2 sur 2 2 sur 2 9 sur 9/);
      assert.match(t, /Bruno GARNIER 3 sur 5 1 sur 2 0 sur 2 4 sur 9/);
      assert.doesNotMatch(t, /SCHMITT/);
      const intervenant = await as("intervenant@demo.parcours.fr");
      assert.equal((await intervenant.get("/formation/equipe")).statusCode, 403);
    });

    test("the intervenant opens the dossier and deposits the mémoire: 14 and 31 pages refused, 15 and 30 accepted", async () => {
      const client = await as("intervenant@demo.parcours.fr");
      const open = await client.post("/formation/parcours/dossier", {});
      assert.equal(open.statusCode, 303);
      let page = await client.get("/formation/parcours");
      assert.match(text(page.body), /Votre dossier de certification est ouvert/);
      assert.match(text(page.body), /Statut Ouvert/);

      const short = await postFile(ctx.app, client, "/formation/parcours/memoire", "memoire", await pdf(14));
      assert.equal(short.statusCode, 422);
      assert.match(
        text(short.body),
        /Le mémoire doit compter au moins 15 pages : ce fichier PDF en compte 14 pages/,
      );

      const fifteen = await postFile(
        ctx.app,
        client,
        "/formation/parcours/memoire",
        "memoire",
        await pdf(15),
      );
      assert.equal(fifteen.statusCode, 303);
      page = await client.get("/formation/parcours");
      assert.match(text(page.body), /mémoire-15\.pdf .*– 15 pages/);
      assert.match(text(page.body), /Statut Mémoire déposé/);

      const long = await postFile(ctx.app, client, "/formation/parcours/memoire", "memoire", await pdf(31));
      assert.equal(long.statusCode, 422);
      assert.match(text(long.body), /au plus 30 pages : ce fichier PDF en compte 31 pages/);
      const notPdf = await postFile(ctx.app, client, "/formation/parcours/memoire", "memoire", {
        filename: "memoire.pdf",
        type: "application/pdf",
        data: Buffer.from("ceci n'est pas un PDF"),
      });
      assert.equal(notPdf.statusCode, 422);
      assert.match(text(notPdf.body), /Le fichier doit être un PDF/);
      page = await client.get("/formation/parcours");
      assert.match(
        text(page.body),
        /mémoire-15\.pdf .*– 15 pages/,
        "the previous file is kept after an error",
      );

      const thirty = await postFile(ctx.app, client, "/formation/parcours/memoire", "memoire", await pdf(30));
      assert.equal(thirty.statusCode, 303);
      const [row] = await ctx.database.db
        .select({ id: cisjDossiers.id, pages: cisjDossiers.memoirePages })
        .from(cisjDossiers)
        .where(eq(cisjDossiers.traineeId, id("intervenant@demo.parcours.fr")));
      assert.equal(row?.pages, 30);
      inesDossier = row?.id ?? "";
    });

    test("the mémoire is downloaded by the intervenant, their direction and the training service only", async () => {
      const url = `/cisj/dossiers/${inesDossier}/memoire`;
      for (const email of [
        "intervenant@demo.parcours.fr",
        "direction@demo.parcours.fr",
        "formation@demo.parcours.fr",
      ]) {
        const res = await (await as(email)).get(url);
        assert.equal(res.statusCode, 200, email);
        assert.equal(res.headers["content-type"], "application/pdf");
        const doc = await PDFDocument.load(res.rawPayload);
        assert.equal(doc.getPageCount(), 30);
      }
      for (const email of [
        "intervenant.adultes@demo.parcours.fr",
        "direction2@demo.parcours.fr",
        "intervenant2@demo.parcours.fr",
      ]) {
        const res = await (await as(email)).get(url);
        assert.equal(res.statusCode, 404, email);
      }
      assert.equal((await (await as("federation@demo.parcours.fr")).get(url)).statusCode, 403);
    });

    test("the training service records équivalences (reason required) and they count on the path", async () => {
      const formation = await as("formation@demo.parcours.fr");
      const bruno = id("chef@demo.parcours.fr");
      const opened = await formation.post(`/formation/parcours/${bruno}/dossier`, {});
      assert.equal(opened.statusCode, 303);
      const url = location(opened);
      assert.match(url, /^\/cisj\/dossiers\/[0-9a-f-]{36}$/);
      await formation.get(url);
      const bad = await formation.post(`${url}/equivalences`, {
        equivalenceTarget: "category:TR",
        equivalenceDate: today,
      });
      assert.equal(bad.statusCode, 422);
      assert.match(text(bad.body), /Saisissez le motif de l'équivalence/);
      assert.match(bad.body, /<option value="category:TR" selected/);
      const future = await formation.post(`${url}/equivalences`, {
        equivalenceTarget: "category:TR",
        equivalenceReason: "Diplôme",
        equivalenceDate: "2999-01-01",
      });
      assert.equal(future.statusCode, 422);
      assert.match(text(future.body), /ne peut pas être dans le futur/);
      const ok = await formation.post(`${url}/equivalences`, {
        equivalenceTarget: "category:TR",
        equivalenceReason: "Diplôme universitaire de criminologie",
        equivalenceDate: today,
      });
      assert.equal(ok.statusCode, 303);
      const tc = catalogue.TC[3]?.id ?? "";
      const ok2 = await formation.post(`${url}/equivalences`, {
        equivalenceTarget: `training:${tc}`,
        equivalenceReason: "Formation suivie auprès d'un autre organisme",
        equivalenceDate: today,
      });
      assert.equal(ok2.statusCode, 303);
      const page = await (await as("chef@demo.parcours.fr")).get("/formation/parcours");
      const t = text(page.body);
      assert.match(t, /6 sur 9 formations validées/);
      assert.match(t, /Équivalence : Diplôme universitaire de criminologie/);
      assert.match(t, /Tronc commun \(TC\) 4 sur 5/);
    });

    test("parts, soutenance, jury and decision: the certificate is issued, numbered and verifiable", async () => {
      const formation = await as("formation@demo.parcours.fr");
      const url = `/cisj/dossiers/${inesDossier}`;
      const page = await formation.get(url);
      assert.equal(page.statusCode, 200);

      const parts = MEMOIRE_PARTS.map((p) => p.code);
      await formation.post(`${url}/parties`, { parts: parts.slice(0, 8) });
      const missing = await formation.post(`${url}/soutenance`, {
        soutenanceForm: "1",
        soutenanceDate: today,
        juryName1: "Mme Odile Marchand",
        juryRole1: "Juge de l'application des peines",
        juryName2: "M. Paul Lefort",
        juryRole2: "Directeur de service",
      });
      assert.equal(missing.statusCode, 422);
      assert.match(text(missing.body), /il manque : en annexe, l'écrit professionnel destiné au magistrat/);
      assert.match(missing.body, /value="Mme Odile Marchand"/);

      assert.equal((await formation.post(`${url}/parties`, { parts })).statusCode, 303);
      const oneMember = await formation.post(`${url}/soutenance`, {
        soutenanceForm: "1",
        soutenanceDate: today,
        juryName1: "Mme Odile Marchand",
        juryRole1: "Juge de l'application des peines",
      });
      assert.equal(oneMember.statusCode, 422);
      assert.match(text(oneMember.body), /Le jury compte au moins 2 professionnels/);

      const later = await formation.post(`${url}/soutenance`, {
        soutenanceForm: "1",
        // Next year: a soutenance not yet passed (dates far in the future are refused).
        soutenanceDate: `${Number(today.slice(0, 4)) + 1}-06-12`,
        juryName1: "Mme Odile Marchand",
        juryRole1: "Juge de l'application des peines",
        juryName2: "M. Paul Lefort",
        juryRole2: "Directeur de service",
      });
      assert.equal(later.statusCode, 303);
      await formation.get(url);
      const early = await formation.post(`${url}/decision`, { decision: "admis" });
      assert.equal(early.statusCode, 422);
      assert.match(text(early.body), /la date de soutenance n'est pas encore passée/);

      const planned = await formation.post(`${url}/soutenance`, {
        soutenanceForm: "1",
        soutenanceDate: today,
        juryName1: "Mme Odile Marchand",
        juryRole1: "Juge de l'application des peines",
        juryName2: "M. Paul Lefort",
        juryRole2: "Directeur de service",
      });
      assert.equal(planned.statusCode, 303);
      // The intervenant can no longer replace the mémoire.
      const ines = await as("intervenant@demo.parcours.fr");
      const view = await ines.get("/formation/parcours");
      assert.match(text(view.body), /Statut Soutenance planifiée/);
      assert.match(text(view.body), /Mme Odile Marchand – Juge de l'application des peines/);
      assert.doesNotMatch(view.body, /name="memoire"/);

      await formation.get(url);
      const admitted = await formation.post(`${url}/decision`, {
        decision: "admis",
        decisionComment: "Très bon mémoire",
      });
      assert.equal(admitted.statusCode, 303);
      const after = await formation.get(url);
      const year = today.slice(0, 4);
      assert.match(text(after.body), new RegExp(`le certificat n° CISJ-${year}-00001 est délivré`));
      const again = await formation.post(`${url}/decision`, { decision: "admis" });
      assert.equal(again.statusCode, 422, "a certified dossier is closed");

      const certificate = await ines.get(`${url}/certificat.pdf`);
      assert.equal(certificate.statusCode, 200);
      assert.equal(certificate.headers["content-type"], "application/pdf");
      assert.equal((await PDFDocument.load(certificate.rawPayload)).getPageCount(), 1);
      assert.match(
        String(certificate.headers["content-disposition"]),
        new RegExp(`certificat-CISJ-${year}-00001\\.pdf`),
      );
      assert.equal(
        (await (await as("intervenant2@demo.parcours.fr")).get(`${url}/certificat.pdf`)).statusCode,
        404,
      );

      const mine = await ines.get("/formation/parcours");
      assert.match(text(mine.body), new RegExp(`N° CISJ-${year}-00001 ?, délivré le`));
      assert.match(text(mine.body), /Statut Certifié/);
    });

    test("the public verification page shows only name, date and validity", async () => {
      const year = today.slice(0, 4);
      const anonymous = new Client(ctx.app);
      const res = await anonymous.get(`/certificats/verifier?numero=cisj-${year}-00001`);
      assert.equal(res.statusCode, 200);
      const main = text(/<main[\s\S]*<\/main>/.exec(res.body)?.[0] ?? "");
      assert.match(main, new RegExp(`Certificat n° CISJ-${year}-00001`));
      assert.match(main, /Titulaire Inès MARTIN/);
      assert.match(main, /Délivré le \d{2}\/\d{2}\/\d{4}/);
      assert.match(main, /Validité Valide/);
      for (const hidden of [
        /Association/,
        /Marchand/,
        /jury/i,
        /mémoire/i,
        /demo\.parcours\.fr/,
        /Très bon/,
      ]) {
        assert.doesNotMatch(main, hidden);
      }
      const unknown = await anonymous.get(`/certificats/verifier?numero=CISJ-${year}-09999`);
      assert.equal(unknown.statusCode, 200);
      assert.match(text(unknown.body), new RegExp(`Aucun certificat ne porte le numéro CISJ-${year}-09999`));
      const malformed = await anonymous.get("/certificats/verifier?numero=n%27importe");
      assert.equal(malformed.statusCode, 422);
      assert.match(text(malformed.body), /a la forme CISJ-2026-00042/);
      const form = await anonymous.get("/certificats/verifier");
      assert.equal(form.statusCode, 200);
      assert.match(text(form.body), /Numéro de certificat/);
    });

    test("a revoked certificate reads « révoqué » on the public page", async () => {
      const formation = await as("formation@demo.parcours.fr");
      const url = `/cisj/dossiers/${inesDossier}`;
      await formation.get(url);
      const noReason = await formation.post(`${url}/certificat/revoquer`, {});
      assert.equal(noReason.statusCode, 422);
      assert.match(text(noReason.body), /Saisissez le motif de la révocation/);
      assert.equal(
        (await formation.post(`${url}/certificat/revoquer`, { revocationReason: "Erreur de saisie" }))
          .statusCode,
        303,
      );
      const res = await new Client(ctx.app).get(
        `/certificats/verifier?numero=CISJ-${today.slice(0, 4)}-00001`,
      );
      assert.match(text(res.body), /Validité Révoqué/);
      assert.doesNotMatch(text(res.body), /Erreur de saisie/);
      const again = await formation.post(`${url}/certificat/revoquer`, { revocationReason: "Autre motif" });
      assert.equal(again.statusCode, 409, "a certificate is revoked once");
      assert.match(text(again.body), /Ce certificat est déjà révoqué/);
      assert.match(text((await formation.get(url)).body), /: Erreur de saisie/);
    });

    test("an « ajourné » needs a comment and lets the intervenant deposit again", async () => {
      const sophie = await as("intervenant.adultes@demo.parcours.fr");
      await sophie.get("/formation/parcours");
      assert.equal((await sophie.post("/formation/parcours/dossier", {})).statusCode, 303);
      await sophie.get("/formation/parcours");
      assert.equal(
        (await postFile(ctx.app, sophie, "/formation/parcours/memoire", "memoire", await pdf(20))).statusCode,
        303,
      );
      const [row] = await ctx.database.db
        .select({ id: cisjDossiers.id })
        .from(cisjDossiers)
        .where(eq(cisjDossiers.traineeId, id("intervenant.adultes@demo.parcours.fr")));
      const url = `/cisj/dossiers/${row?.id}`;
      const formation = await as("formation@demo.parcours.fr");
      await formation.get(url);
      await formation.post(`${url}/parties`, { parts: MEMOIRE_PARTS.map((p) => p.code) });
      await formation.post(`${url}/soutenance`, {
        soutenanceForm: "1",
        soutenanceDate: today,
        juryName1: "Mme A",
        juryRole1: "Magistrate",
        juryName2: "M. B",
        juryRole2: "Chef de service",
      });
      const noComment = await formation.post(`${url}/decision`, { decision: "ajourne" });
      assert.equal(noComment.statusCode, 422);
      assert.match(text(noComment.body), /Indiquez ce que le candidat doit retravailler/);
      assert.equal(
        (
          await formation.post(`${url}/decision`, {
            decision: "ajourne",
            decisionComment: "Approfondir l'analyse critique",
          })
        ).statusCode,
        303,
      );
      const page = await sophie.get("/formation/parcours");
      const t = text(page.body);
      assert.match(t, /Statut Ajourné/);
      assert.match(t, /Ajourné le .* – Approfondir l'analyse critique/);
      assert.match(t, /Retravailler le mémoire selon le commentaire du jury/);
      assert.equal(
        (await postFile(ctx.app, sophie, "/formation/parcours/memoire", "memoire", await pdf(22))).statusCode,
        303,
      );
      const certificates = await ctx.database.db
        .select()
        .from(cisjCertificates)
        .where(eq(cisjCertificates.dossierId, row?.id ?? ""));
      assert.equal(certificates.length, 0);
    });

    test("the dossier list shows the dossiers by status and finds a path by name", async () => {
      const formation = await as("formation@demo.parcours.fr");
      const res = await formation.get("/cisj?q=garnier");
      assert.equal(res.statusCode, 200);
      const t = text(res.body);
      assert.match(t, /1 intervenant pour « garnier »/);
      assert.match(t, /Bruno GARNIER .* 6 sur 9/);
      assert.match(t, /Certifié : 1 dossier/);
      assert.match(t, /Mémoire déposé : 1 dossier/);
      assert.match(t, /Ouvert : 1 dossier/);
      assert.equal((await (await as("intervenant@demo.parcours.fr")).get("/cisj")).statusCode, 403);
    });

    test("two certificates issued at once get different numbers", async () => {
      const db = ctx.database.db;
      const traineeIds = [id("direction@demo.parcours.fr"), id("direction2@demo.parcours.fr")];
      const dossiers = await db
        .insert(cisjDossiers)
        .values(traineeIds.map((traineeId) => ({ traineeId, status: "certifie" as const })))
        .returning({ id: cisjDossiers.id, traineeId: cisjDossiers.traineeId });
      const issued = await Promise.all(
        dossiers.map((d) =>
          db.transaction((tx) =>
            issueCertificate(tx, {
              dossierId: d.id,
              traineeId: d.traineeId,
              holderName: "Test",
              issuedOn: "2031-01-15",
            }),
          ),
        ),
      );
      assert.deepEqual(issued.map((i) => i.number).sort(), ["CISJ-2031-00001", "CISJ-2031-00002"]);
    });

    test("the verification page is rate-limited", async () => {
      const anonymous = new Client(ctx.app);
      let last = 0;
      for (let i = 0; i < 31; i += 1)
        last = (await anonymous.get("/certificats/verifier?numero=CISJ-2031-00001")).statusCode;
      assert.equal(last, 429);
    });
  });
}
