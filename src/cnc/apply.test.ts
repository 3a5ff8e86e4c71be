import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import type { ParsedMail } from "mailparser";
import { PDFDocument } from "pdf-lib";
import { startTestSmtp, type TestSmtp } from "../../test/smtp.ts";
import { Client, engines, location, loggedIn, startTestApp, type TestContext } from "../../test/support.ts";
import { startAppWith } from "../accounts/account-test-support.ts";
import { todayInParis } from "../platform/request-context.ts";
import { CANDIDACY_PIECES } from "./reference.ts";
import { addDays } from "./rules.ts";

const FORMATION = "formation@demo.parcours.fr";
const PDF = Buffer.from(await (await PDFDocument.create()).save());
const APOS = "(?:'|&#39;)";

const APPLICATION = {
  lastName: "Valmont",
  firstName: "Cécile",
  birthDate: "03/02/1980",
  email: "cecile.valmont@exemple.fr",
  phone: "06 12 34 56 78",
  mentions: "MJPM",
  modeMJPM: "mandataire_prive",
  hasLevel5Diploma: "1",
  exp1From: "01/01/2019",
  exp1To: "31/12/2023",
  exp1Employer: "Étude notariale fictive",
  exp1Field: "juridique",
  exp2From: "01/01/2010",
  exp2To: "31/12/2018",
  exp2Employer: "Boulangerie fictive",
  exp2Field: "autre",
};

/** A multipart form as a browser sends it (one file), with the client's cookie and CSRF token. */
async function postFile(
  app: FastifyInstance,
  client: Client,
  url: string,
  fields: Record<string, string>,
  file: { field: string; filename: string; data: Buffer },
) {
  const boundary = `----parcours${randomBytes(8).toString("hex")}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries({ ...fields, _csrf: client.csrf }))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  const cookie = (client as unknown as { cookie: string }).cookie;
  return app.inject({
    method: "POST",
    url,
    headers: { cookie, "content-type": `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat(parts),
  });
}

async function apply(app: FastifyInstance, form: Record<string, string | string[]>) {
  const visitor = new Client(app);
  await visitor.get("/cnc/candidater");
  return { visitor, res: await visitor.post("/cnc/candidater", form) };
}

const linkIn = (html: string) => /href="(\/cnc\/suivi\/[A-Za-z0-9_-]{22,})"/.exec(html)?.[1];

/** The dossier of the candidate of that name, from the service's list. */
async function dossierOf(formation: Client, lastName: string): Promise<string> {
  const list = await formation.get("/cnc");
  const re = new RegExp(`href="(/cnc/candidatures/[0-9a-f-]{36})"[^>]*>${lastName.toUpperCase()}`);
  const href = re.exec(list.body)?.[1];
  if (!href) throw new Error(`no dossier of ${lastName} in the list`);
  return href;
}

async function mailFor(received: ParsedMail[], address: string, index = 0): Promise<ParsedMail> {
  for (let i = 0; i < 100; i++) {
    const mails = received.filter((m) => JSON.stringify(m.to).includes(address));
    const mail = mails[index];
    if (mail) return mail;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no e-mail to ${address}`);
}

for (const engine of engines()) {
  describe(`public CNC application, without SMTP (${engine})`, () => {
    let ctx: TestContext;
    let formation: Client;
    before(async () => {
      ctx = await startTestApp(engine);
      formation = await loggedIn(ctx.app, FORMATION);
    });
    after(() => ctx.close());

    test("anyone reads the three certificates with their conditions, fees and pieces", async () => {
      const page = await new Client(ctx.app).get("/cnc/candidater");
      assert.equal(page.statusCode, 200);
      for (const mention of ["MJPM", "MAJ", "MJAGBF"])
        assert.match(page.body, new RegExp(`Conditions d${APOS}accès à la mention ${mention}`));
      assert.match(page.body, /<td[^>]*>25 ans<\/td>/);
      assert.match(page.body, /3 ans dans un des domaines nécessaires à l(&#39;|')exercice des fonctions/);
      assert.match(page.body, /Dans les deux ans suivant l(&#39;|')entrée en fonction/);
      assert.match(
        page.body,
        /diplôme du travail social de niveau 5 inscrit au RNCP, sans dispense possible/,
      );
      assert.match(page.body, /187 € de frais de gestion/);
      assert.match(page.body, /93,50 € pour les titulaires/);
      assert.match(page.body, /Attestations de travail/);
      assert.match(page.body, /<form method="post" action="\/cnc\/candidater"/);
      assert.match(page.body, /name="_csrf"/);
      assert.doesNotMatch(page.body, /Se déconnecter/);
    });

    test("a wrong application comes back with French errors at the fields, values kept", async () => {
      const { res } = await apply(ctx.app, {
        ...APPLICATION,
        email: "",
        exp1Field: "",
        modeMJPM: "",
      });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /<title>Erreur : Candidater/);
      assert.match(res.body, /Saisissez votre adresse e-mail : votre lien de suivi vous y est envoyé/);
      assert.match(res.body, /href="#f-exp1Field"/);
      assert.match(res.body, /Choisissez le domaine de cet emploi/);
      assert.match(res.body, new RegExp(`Choisissez le mode d${APOS}exercice de la mention MJPM`));
      assert.match(res.body, /value="Valmont"/);
      assert.match(res.body, /value="Étude notariale fictive"/);
    });

    test("a person applies, gets the link on the page, uploads a piece; the service sees each job's field", async () => {
      const { visitor, res } = await apply(ctx.app, APPLICATION);
      assert.equal(res.statusCode, 201);
      assert.match(res.body, /Candidature enregistrée/);
      assert.match(res.body, /Votre lien de suivi personnel/);
      const path = linkIn(res.body);
      assert.ok(path, "the link is on the page when no SMTP is set");
      assert.match(res.body, new RegExp(`http://localhost:\\d+${path}`));

      const tracking = await visitor.get(path);
      assert.equal(tracking.statusCode, 200);
      assert.match(tracking.body, /Curriculum vitae détaillé/);
      const sent = await postFile(
        ctx.app,
        visitor,
        `${path}/pieces`,
        { "pieceCode-MJPM": "cv" },
        { field: "file-MJPM", filename: "cv.pdf", data: PDF },
      );
      assert.equal(sent.statusCode, 303, sent.body);
      assert.match((await visitor.get(location(sent))).body, /Votre pièce a bien été reçue/);

      const dossier = await formation.get(await dossierOf(formation, "Valmont"));
      assert.match(dossier.body, /VALMONT Cécile – MJPM/);
      assert.match(dossier.body, /Juridique : domaine requis pour le CNC MJPM, comptée/);
      assert.match(dossier.body, /Autre domaine : hors des domaines requis pour le CNC MJPM, non comptée/);
      // 5 years in a required field count; 9 years in another field do not.
      assert.match(dossier.body, /Expérience suffisante : 5 ans pour 3 ans exigés/);
      assert.match(dossier.body, /cv\.pdf/);
      assert.match(dossier.body, /Incomplet/);
    });

    test("the same person applying again for the same mention is sent back to their link", async () => {
      const { res } = await apply(ctx.app, { ...APPLICATION, email: "autre.adresse@exemple.fr" });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /Une candidature à cette mention est déjà enregistrée pour cette personne/);
      assert.doesNotMatch(res.body, /VALMONT/);
    });

    test("the service revokes the link, then issues a new one; only the new one opens the dossier", async () => {
      const { res } = await apply(ctx.app, {
        ...APPLICATION,
        lastName: "Révoqué",
        email: "revoque@exemple.fr",
        birthDate: "04/05/1979",
      });
      const oldPath = linkIn(res.body) ?? "";
      const href = await dossierOf(formation, "Révoqué");
      await formation.get(href);
      const revoked = await formation.post(`${href}/lien/revoquer`, {});
      assert.equal(revoked.statusCode, 303);
      const page = await formation.get(href);
      assert.match(page.body, /Le lien de suivi a été révoqué/);
      assert.match(page.body, /Lien révoqué :/);
      assert.equal((await new Client(ctx.app).get(oldPath)).statusCode, 404);

      const reissued = await formation.post(`${href}/lien/nouveau`, {});
      assert.equal(reissued.statusCode, 303);
      const again = await formation.get(href);
      assert.match(again.body, /Un nouveau lien de suivi a été émis ; l(&#39;|')ancien ne fonctionne plus/);
      const newPath = linkIn(again.body) ?? "";
      assert.notEqual(newPath, oldPath);
      const opened = await new Client(ctx.app).get(newPath);
      assert.equal(opened.statusCode, 200);
      assert.match(opened.body, /Suivi de votre candidature CNC/);
      assert.equal((await new Client(ctx.app).get(oldPath)).statusCode, 404);
    });

    test("a contested or withdrawn dossier is moved to another commission", async () => {
      const today = todayInParis();
      const later = addDays(today, 30);
      const commissionIds: string[] = [];
      for (const meetsOn of [today, later]) {
        await formation.get("/cnc/commissions/nouvelle");
        const res = await formation.post("/cnc/commissions/nouvelle", {
          meetsOn,
          member1Name: "Anne Formatrice",
          member1Role: "training_body",
          member2Name: "Jean Responsable",
          member2Role: "head_of_judicial_trainings",
          member3Name: "Paule Professionnelle",
          member3Role: "professional",
        });
        commissionIds.push(location(res).split("/").pop() ?? "");
      }
      const [first, second] = commissionIds;
      const ids: string[] = [];
      for (const lastName of ["Contestataire", "Retiré"]) {
        await formation.get("/cnc/candidats/nouveau");
        const created = await formation.post("/cnc/candidats/nouveau", {
          ...APPLICATION,
          lastName,
          email: `${lastName.toLowerCase()}@exemple.fr`,
          modeMJPM: "salarie_service",
        });
        const id = location(created).split("/").pop() ?? "";
        ids.push(id);
        await formation.get(`/cnc/candidatures/${id}`);
        for (const p of CANDIDACY_PIECES.filter((x) => x.code !== "fee_payment"))
          await formation.post(`/cnc/candidatures/${id}/pieces/papier`, { paperPieceCode: p.code });
        await formation.post(`/cnc/candidatures/${id}/reglement`, { feePaidOn: today });
        const presented = await formation.post(`/cnc/candidatures/${id}/commission`, {
          commissionId: first ?? "",
        });
        assert.equal(presented.statusCode, 303, presented.body);
      }
      const [contested, withdrawn] = ids;
      await formation.get(`/cnc/commissions/${first}`);
      const refused = await formation.post(`/cnc/commissions/${first}/decisions/${contested}`, {
        [`c-${contested}-outcome`]: "refuse",
        [`c-${contested}-comment`]: "Projet à préciser.",
      });
      assert.equal(refused.statusCode, 303);
      await formation.get(`/cnc/candidatures/${contested}`);
      await formation.post(`/cnc/candidatures/${contested}/contestation`, {
        contestedOn: today,
        reason: "Expérience mal comptée.",
      });

      const page = await formation.get(`/cnc/candidatures/${contested}`);
      assert.match(page.body, /Présenter à une autre commission/);
      const none = await formation.post(`/cnc/candidatures/${contested}/changer-commission`, {
        newCommissionId: first ?? "",
      });
      assert.equal(none.statusCode, 422);
      assert.match(none.body, /Choisissez une autre commission à venir dans la liste/);

      for (const id of [contested, withdrawn]) {
        await formation.get(`/cnc/candidatures/${id}`);
        const moved = await formation.post(`/cnc/candidatures/${id}/changer-commission`, {
          newCommissionId: second ?? "",
        });
        assert.equal(moved.statusCode, 303, moved.body);
        const after = await formation.get(`/cnc/candidatures/${id}`);
        assert.match(after.body, /Le dossier est présenté à la commission du \d+/);
        assert.match(after.body, new RegExp(`href="/cnc/commissions/${second}"`));
        assert.match(after.body, /En commission/);
      }
      const commission = await formation.get(`/cnc/commissions/${second}`);
      assert.match(commission.body, /CONTESTATAIRE Cécile/);
      assert.match(commission.body, /RETIRÉ Cécile/);
    });

    test("past tutelary activity asks for the work certificates, which the internship dispense needs", async () => {
      await formation.get("/cnc/candidats/nouveau");
      const created = await formation.post("/cnc/candidats/nouveau", {
        ...APPLICATION,
        lastName: "Ancienne",
        birthDate: "07/08/1975",
        email: "ancienne@exemple.fr",
        exp1Field: "tutelaire",
        exp1Tutelary: "1",
      });
      assert.equal(created.statusCode, 303, created.body);
      const page = await formation.get(location(created));
      assert.match(page.body, /Pièce manquante : Attestations de travail/);
    });
  });

  describe(`public CNC application, with SMTP (${engine})`, () => {
    let ctx: TestContext;
    let smtp: TestSmtp;
    before(async () => {
      smtp = await startTestSmtp();
      ctx = await startAppWith(engine, { smtpUrl: smtp.url, publicUrl: "https://parcours.example" });
    });
    after(async () => {
      await ctx.close();
      await smtp.close();
    });

    test("the link is e-mailed, not shown; a new link from the service is e-mailed too", async () => {
      const { res } = await apply(ctx.app, { ...APPLICATION, email: "mail@exemple.fr" });
      assert.equal(res.statusCode, 201);
      assert.match(
        res.body,
        /Un e-mail contenant votre lien de suivi personnel a été envoyé à mail@exemple.fr/,
      );
      assert.equal(linkIn(res.body), undefined, "the page does not show the link");
      const mail = await mailFor(smtp.received, "mail@exemple.fr");
      assert.equal(mail.subject, "Parcours : le lien de suivi de votre candidature CNC");
      assert.match(mail.text ?? "", /Bonjour Cécile,/);
      assert.match(mail.text ?? "", /mention MJPM\) a bien été enregistrée/);
      const url =
        /https:\/\/parcours\.example(\/cnc\/suivi\/[A-Za-z0-9_-]+)/.exec(mail.text ?? "")?.[1] ?? "";
      assert.equal((await new Client(ctx.app).get(url)).statusCode, 200);

      const formation = await loggedIn(ctx.app, FORMATION);
      const href = await dossierOf(formation, "Valmont");
      await formation.get(href);
      const reissued = await formation.post(`${href}/lien/nouveau`, {});
      assert.equal(reissued.statusCode, 303);
      const page = await formation.get(href);
      assert.match(page.body, /Un nouveau lien de suivi a été envoyé à mail@exemple.fr/);
      const second = await mailFor(smtp.received, "mail@exemple.fr", 1);
      assert.match(second.text ?? "", /l'ancien lien ne fonctionne plus/);
      const newUrl = /https:\/\/parcours\.example(\/cnc\/suivi\/[A-Za-z0-9_-]+)/.exec(second.text ?? "")?.[1];
      assert.ok(newUrl && newUrl !== url);
      assert.equal((await new Client(ctx.app).get(url)).statusCode, 404);
      assert.equal((await new Client(ctx.app).get(newUrl)).statusCode, 200);
    });
  });
}
