import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { and, count, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
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
import { addCalendarDays } from "../deadlines/rules.ts";
import { demoPdf } from "../demo/obligations.ts";
import { storedFiles } from "../files/tables.ts";
import { withTenant } from "../platform/db.ts";
import { todayInParis } from "../platform/request-context.ts";
import { MAX_UPLOAD_BYTES } from "../platform/uploads.ts";
import { obligationsOfMeasure, proofAlertsByMeasure } from "./queries.ts";
import { obligationCompliance, obligationProofs, obligations } from "./tables.ts";

const today = todayInParis();
const fr = (iso: string) => iso.split("-").reverse().join("/");
/** The page's text as a reader sees it (the renderer escapes quotes). */
const text = (html: string) =>
  html.replaceAll("&#39;", "'").replaceAll("&quot;", '"').replaceAll("&amp;", "&").replaceAll("&lt;", "<");

interface UploadFile {
  name: string;
  type: string;
  data: Uint8Array;
}

/** A multipart form post, as a browser sends a form with a file, with the session and CSRF of the client. */
async function postMultipart(
  app: FastifyInstance,
  client: Client,
  url: string,
  fields: Record<string, string>,
  file?: UploadFile,
  options: { csrf?: boolean } = {},
) {
  const form = new FormData();
  if (options.csrf !== false) form.append("_csrf", client.csrf);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append("proofFile", new Blob([new Uint8Array(file.data)], { type: file.type }), file.name);
  else form.append("proofFile", new Blob([], { type: "application/octet-stream" }), "");
  const encoded = new Response(form);
  return app.inject({
    method: "POST",
    url,
    headers: {
      cookie: (client as unknown as { cookie: string }).cookie,
      "content-type": encoded.headers.get("content-type") ?? "",
    },
    payload: Buffer.from(await encoded.arrayBuffer()),
  });
}

for (const engine of engines()) {
  describe(`obligations, proofs and downloads (${engine})`, () => {
    let ctx: TestContext;
    let inter: Client;
    let measureId = "";
    let obligationId = "";
    let freeId = "";
    let fileUrl = "";
    const decisionDate = addCalendarDays(today, -100);
    const firstDue = addCalendarDays(today, -70);
    const secondDue = addCalendarDays(today, -40);
    const thirdDue = addCalendarDays(today, -10);
    const user = (email: string) => ctx.accounts.users[email]?.id ?? "";
    const pdf = demoPdf("Attestation de suivi", ["CSAPA (fictif)"]);

    async function newMeasure(typeCode: string, lastName: string) {
      const person = location(await inter.post("/personnes/nouvelle", { lastName, firstName: "Inès" }));
      const res = await inter.post(`${person}/mesures/nouvelle`, {
        typeCode,
        magistrateFunction: "Juge d'instruction",
        courtId: "tj33063",
        decisionDate,
        receivedDate: addCalendarDays(decisionDate, 1),
        referentId: user("intervenant@demo.parcours.fr"),
      });
      assert.equal(res.statusCode, 303, res.body.slice(0, 500));
      return location(res).split("/").pop() ?? "";
    }

    const obligationForm = (change: Record<string, string> = {}) => ({
      source: "liste",
      statutoryCode: "cpp138-10",
      details: "Suivi au CSAPA",
      startDate: decisionDate,
      proofRequired: "1",
      firstProofDue: firstDue,
      proofIntervalDays: "30",
      ...change,
    });

    before(async () => {
      ctx = await startTestApp(engine);
      inter = await loggedIn(ctx.app, "intervenant@demo.parcours.fr");
      measureId = await newMeasure("cjse", "Fontaine");
    });
    after(() => ctx.close());

    test("the tab lists nothing yet and offers the statutory list of the measure type", async () => {
      const list = await inter.get(`/mesures/${measureId}/obligations`);
      assert.equal(list.statusCode, 200);
      assert.match(list.body, /Aucune obligation enregistrée pour cette mesure/);
      assert.match(list.body, /aria-current="page">Obligations</);
      const form = await inter.get(`/mesures/${measureId}/obligations/nouvelle`);
      assert.equal(form.statusCode, 200);
      const page = text(form.body);
      assert.match(page, /art\. 138 CPP, 12° bis – Ne pas exercer d'activité au contact habituel de mineurs/);
      assert.match(
        page,
        /art\. 138 CPP, 10° – Se soumettre à des mesures d'examen, de traitement ou de soins/,
      );
      assert.doesNotMatch(page, /art\. 132-45 CP/);
      assert.match(page, new RegExp(`name="startDate-jour"[^>]*value="${decisionDate.slice(8)}"`));
      assert.match(page, new RegExp(`name="startDate-mois"[^>]*value="${decisionDate.slice(5, 7)}"`));
      assert.match(page, new RegExp(`name="startDate-annee"[^>]*value="${decisionDate.slice(0, 4)}"`));

      const probation = await newMeasure("sursis_probatoire", "Garnier");
      const other = text((await inter.get(`/mesures/${probation}/obligations/nouvelle`)).body);
      assert.match(other, /art\. 132-44 CP, 1° – Répondre aux convocations du JAP ou du SPIP/);
      assert.match(other, /art\. 132-45 CP, 5° – Réparer les dommages causés par l'infraction/);
      assert.doesNotMatch(other, /art\. 138 CPP/);

      const survey = await newMeasure("esr", "Henry");
      const free = text((await inter.get(`/mesures/${survey}/obligations/nouvelle`)).body);
      assert.match(free, /Aucune liste légale ne s'applique à ce type de mesure/);
      assert.doesNotMatch(free, /name="statutoryCode"/);
    });

    test("wrong choices and dates come back in French with the typed values", async () => {
      await inter.get(`/mesures/${measureId}/obligations/nouvelle`);
      const wrongList = await inter.post(
        `/mesures/${measureId}/obligations/nouvelle`,
        obligationForm({ statutoryCode: "cp132-45-1", details: "Précision gardée" }),
      );
      assert.equal(wrongList.statusCode, 422);
      assert.match(text(wrongList.body), /Choisissez une obligation dans la liste légale/);
      assert.match(text(wrongList.body), /Précision gardée/);

      const free = await inter.post(
        `/mesures/${measureId}/obligations/nouvelle`,
        obligationForm({ source: "libre" }),
      );
      assert.match(text(free.body), /Saisissez l'intitulé de l'obligation libre/);
      assert.match(text(free.body), /Choisissez la nature de l'obligation libre/);

      const dates = await inter.post(
        `/mesures/${measureId}/obligations/nouvelle`,
        obligationForm({
          startDate: addCalendarDays(decisionDate, -1),
          endDate: addCalendarDays(decisionDate, -2),
          firstProofDue: "",
          proofIntervalDays: "0",
        }),
      );
      const page = text(dates.body);
      assert.equal(dates.statusCode, 422);
      assert.match(page, /L'obligation ne peut pas commencer avant la décision du magistrat/);
      assert.match(page, /La fin de l'obligation doit être postérieure ou égale à son début/);
      assert.match(page, /Saisissez la date du premier justificatif attendu/);
      assert.match(page, /Saisissez un intervalle entre 1 et 366 jours/);
      assert.match(page, /<title>Erreur : /);

      const missing = await inter.post(`/mesures/${measureId}/obligations/nouvelle`, {});
      assert.match(
        text(missing.body),
        /Indiquez si l'obligation vient de la liste légale ou si elle est libre/,
      );
      assert.match(text(missing.body), /Saisissez la date de début de l'obligation/);
      const [n] = await ctx.database.db.select({ n: count() }).from(obligations);
      assert.equal(n?.n, 0);
    });

    test("a statutory obligation is saved with its article; a missing proof past its due date raises an alert", async () => {
      const res = await inter.post(`/mesures/${measureId}/obligations/nouvelle`, obligationForm());
      assert.equal(res.statusCode, 303, text(res.body).slice(0, 3000));
      assert.match(location(res), new RegExp(`^/mesures/${measureId}/obligations/[0-9a-f-]{36}$`));
      obligationId = location(res).split("/").pop() ?? "";
      const detail = text((await inter.get(location(res))).body);
      assert.match(
        detail,
        /L'obligation « Se soumettre à des mesures d'examen, de traitement ou de soins » est enregistrée/,
      );
      assert.match(detail, /art\. 138 CPP, 10°/);
      assert.match(detail, /Suivi au CSAPA/);
      assert.match(detail, new RegExp(`Un justificatif tous les 30 jours, à partir du ${fr(firstDue)}`));
      assert.match(detail, /3 justificatifs manquants/);
      assert.match(detail, /Manquant/);

      const list = text((await inter.get(`/mesures/${measureId}/obligations`)).body);
      assert.match(list, /3 justificatifs manquants/);
      assert.match(list, new RegExp(`attendus le ${fr(firstDue)}, le ${fr(secondDue)}, le ${fr(thirdDue)}`));
      assert.match(
        list,
        new RegExp(`${fr(addCalendarDays(today, 20))} <strong class="tag tag--grey">Dans 20 j`),
      );
      assert.match(list, /Aucun constat/);

      const freeRes = await inter.post(`/mesures/${measureId}/obligations/nouvelle`, {
        source: "libre",
        label: "Ne pas fréquenter le quartier de la gare",
        kind: "interdiction",
        startDate: decisionDate,
      });
      assert.equal(freeRes.statusCode, 303);
      freeId = location(freeRes).split("/").pop() ?? "";
      const after = text((await inter.get(`/mesures/${measureId}/obligations`)).body);
      assert.match(after, /Ne pas fréquenter le quartier de la gare/);
      assert.match(after, /Obligation libre/);
      assert.match(after, /Aucun attendu/);
    });

    test("a proof with its PDF is uploaded, listed, downloaded and logged; it clears its period's alert", async () => {
      const url = `/mesures/${measureId}/obligations/${obligationId}`;
      await inter.get(url);
      const res = await postMultipart(
        ctx.app,
        inter,
        `${url}/justificatifs`,
        {
          receivedOn: addCalendarDays(firstDue, -2),
          proofKind: "certificat_medical",
          proofDescription: "Attestation du CSAPA",
        },
        { name: "attestation-soins-été.pdf", type: "application/pdf", data: pdf },
      );
      assert.equal(res.statusCode, 303, text(res.body).slice(0, 3000));
      const page = text((await inter.get(url)).body);
      assert.match(page, /Le justificatif et son fichier sont enregistrés/);
      assert.match(page, /2 justificatifs manquants/);
      assert.match(page, /Attestation du CSAPA/);
      const link = /href="(\/fichiers\/[0-9a-f-]{36})"/.exec(page);
      assert.ok(link?.[1], "download link");
      fileUrl = link[1];
      assert.match(page, /attestation-soins-été\.pdf \(\d+ o\)/);

      const download = await inter.get(fileUrl);
      assert.equal(download.statusCode, 200);
      assert.equal(download.headers["content-type"], "application/pdf");
      assert.match(
        String(download.headers["content-disposition"]),
        /^attachment; filename="attestation-soins-ete\.pdf"; filename\*=UTF-8''attestation-soins-%C3%A9t%C3%A9\.pdf$/,
      );
      assert.deepEqual(download.rawPayload, pdf);
      const fileId = fileUrl.split("/").pop() ?? "";
      const logged = await ctx.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, "export"), eq(auditLog.entityId, fileId)));
      assert.equal(logged.length, 1);
      assert.equal(logged[0]?.entity, "file");
      assert.ok(logged[0]?.personId);

      const noFile = await postMultipart(ctx.app, inter, `${url}/justificatifs`, {
        receivedOn: addCalendarDays(secondDue, -1),
        proofKind: "attestation",
      });
      assert.equal(noFile.statusCode, 303);
      const again = text((await inter.get(url)).body);
      assert.match(again, /Le justificatif est enregistré/);
      assert.match(again, /Pas de fichier/);
      assert.match(again, /1 justificatif manquant/);
    });

    test("a wrong file type, a file too large or a date in the future is refused in French, nothing written", async () => {
      const url = `/mesures/${measureId}/obligations/${obligationId}`;
      await inter.get(url);
      const [proofsBefore] = await ctx.database.db.select({ n: count() }).from(obligationProofs);
      const [filesBefore] = await ctx.database.db.select({ n: count() }).from(storedFiles);
      const fields = { receivedOn: today, proofKind: "attestation", proofDescription: "Description gardée" };

      const renamed = await postMultipart(ctx.app, inter, `${url}/justificatifs`, fields, {
        name: "attestation.pdf",
        type: "application/pdf",
        data: Buffer.from("Ceci est un texte, pas un PDF"),
      });
      assert.equal(renamed.statusCode, 422);
      assert.match(text(renamed.body), /Le fichier doit être un PDF, une image JPEG ou une image PNG/);
      assert.match(text(renamed.body), /Description gardée/);
      assert.match(text(renamed.body), /Choisissez à nouveau le fichier/);

      const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
      big.set(pdf);
      const tooLarge = await postMultipart(ctx.app, inter, `${url}/justificatifs`, fields, {
        name: "scan.pdf",
        type: "application/pdf",
        data: big,
      });
      assert.equal(tooLarge.statusCode, 422);
      assert.match(text(tooLarge.body), /Le fichier dépasse 15 Mo : choisissez un fichier plus léger/);

      const future = await postMultipart(
        ctx.app,
        inter,
        `${url}/justificatifs`,
        { ...fields, receivedOn: addCalendarDays(today, 1) },
        { name: "ok.pdf", type: "application/pdf", data: pdf },
      );
      assert.equal(future.statusCode, 422);
      assert.match(text(future.body), /La date de réception ne peut pas être dans le futur/);

      const noKind = await postMultipart(ctx.app, inter, `${url}/justificatifs`, { receivedOn: today });
      assert.match(text(noKind.body), /Choisissez la nature du justificatif/);

      const noCsrf = await postMultipart(ctx.app, inter, `${url}/justificatifs`, fields, undefined, {
        csrf: false,
      });
      assert.equal(noCsrf.statusCode, 403);

      const [proofsAfter] = await ctx.database.db.select({ n: count() }).from(obligationProofs);
      const [filesAfter] = await ctx.database.db.select({ n: count() }).from(storedFiles);
      assert.equal(proofsAfter?.n, proofsBefore?.n);
      assert.equal(filesAfter?.n, filesBefore?.n);
    });

    test("a compliance finding is checked against the obligation's dates and shown as the latest status", async () => {
      const url = `/mesures/${measureId}/obligations/${obligationId}`;
      const page = text((await inter.get(url)).body);
      assert.match(page, new RegExp(`name="periodStart-jour"[^>]*value="${decisionDate.slice(8)}"`));
      assert.match(page, new RegExp(`name="periodStart-mois"[^>]*value="${decisionDate.slice(5, 7)}"`));
      assert.match(page, new RegExp(`name="periodStart-annee"[^>]*value="${decisionDate.slice(0, 4)}"`));
      assert.match(
        page,
        /D'après les justificatifs de la période proposée : partiellement respectée \(2 reçus sur 3 attendus\)/,
      );

      const reversed = await inter.post(`${url}/constats`, {
        periodStart: secondDue,
        periodEnd: firstDue,
        status: "respectee",
        note: "Note gardée",
      });
      assert.equal(reversed.statusCode, 422);
      assert.match(text(reversed.body), /La fin de la période doit être postérieure ou égale à son début/);
      assert.match(text(reversed.body), /Note gardée/);
      const early = await inter.post(`${url}/constats`, {
        periodStart: addCalendarDays(decisionDate, -1),
        periodEnd: firstDue,
      });
      assert.match(text(early.body), /La période ne peut pas commencer avant le début de l'obligation/);
      assert.match(text(early.body), /Choisissez le constat pour cette période/);
      const [none] = await ctx.database.db.select({ n: count() }).from(obligationCompliance);
      assert.equal(none?.n, 0);

      const ok = await inter.post(`${url}/constats`, {
        periodStart: decisionDate,
        periodEnd: thirdDue,
        status: "partielle",
        note: "Un certificat manque pour la troisième période.",
      });
      assert.equal(ok.statusCode, 303);
      const detail = text((await inter.get(url)).body);
      assert.match(detail, /Le constat est enregistré/);
      assert.match(detail, /Constat enregistré/);
      assert.doesNotMatch(detail, /\d justificatifs? manquants?/);
      const list = text((await inter.get(`/mesures/${measureId}/obligations`)).body);
      assert.match(list, /<strong class="tag tag--orange">Partiellement respectée<\/strong>/);
      assert.match(list, /2 obligations : 1 partiellement respectée, 1 sans constat/);
    });

    test("the caseload query finds missing proofs per measure, within the association only", async () => {
      const gironde = {
        userId: user("intervenant@demo.parcours.fr"),
        associationId: ctx.accounts.associationIds.gironde,
      };
      const moselle = {
        userId: user("intervenant2@demo.parcours.fr"),
        associationId: ctx.accounts.associationIds.moselle,
      };
      // After the finding, the next alert comes with the fourth due date.
      const later = addCalendarDays(today, 21);
      const alerts = await withTenant(ctx.database.db, gironde, (tx) =>
        proofAlertsByMeasure(tx, [measureId, "not-a-uuid"], later),
      );
      assert.deepEqual(alerts.get(measureId), [
        {
          measureId,
          obligationId,
          label: "Se soumettre à des mesures d'examen, de traitement ou de soins",
          dueDate: addCalendarDays(today, 20),
        },
      ]);
      const none = await withTenant(ctx.database.db, gironde, (tx) =>
        proofAlertsByMeasure(tx, [measureId], today),
      );
      assert.equal(none.size, 0);
      const foreign = await withTenant(ctx.database.db, moselle, (tx) =>
        proofAlertsByMeasure(tx, [measureId], later),
      );
      assert.equal(foreign.size, 0);

      const records = await withTenant(ctx.database.db, gironde, (tx) => obligationsOfMeasure(tx, measureId));
      assert.deepEqual(
        records.map((r) => [
          r.obligation.id,
          r.statutory?.number ?? null,
          r.proofs.length,
          r.compliance.length,
        ]),
        [
          [obligationId, "10°", 2, 1],
          [freeId, null, 0, 0],
        ],
      );
      assert.equal(records[0]?.proofs[0]?.file, null);
      assert.equal(records[0]?.proofs[1]?.file?.mimeType, "application/pdf");
      const hidden = await withTenant(ctx.database.db, moselle, (tx) => obligationsOfMeasure(tx, measureId));
      assert.deepEqual(hidden, []);
    });

    test("another association's user gets 404 everywhere and writes nothing", async () => {
      const intruder = await loggedIn(ctx.app, "intervenant2@demo.parcours.fr");
      const counts = async () =>
        Promise.all(
          [obligations, obligationProofs, obligationCompliance, storedFiles].map(async (t) => {
            const [row] = await ctx.database.db.select({ n: count() }).from(t);
            return row?.n;
          }),
        );
      const before = await counts();
      for (const url of [
        `/mesures/${measureId}/obligations`,
        `/mesures/${measureId}/obligations/nouvelle`,
        `/mesures/${measureId}/obligations/${obligationId}`,
        fileUrl,
        "/fichiers/00000000-0000-0000-0000-000000000000",
        "/fichiers/pas-un-id",
      ]) {
        const res = await intruder.get(url);
        assert.equal(res.statusCode, 404, url);
        assert.doesNotMatch(res.body, /FONTAINE|Fontaine|%PDF/, url);
      }
      const posts = [
        await intruder.post(`/mesures/${measureId}/obligations/nouvelle`, obligationForm()),
        await intruder.post(`/mesures/${measureId}/obligations/${obligationId}/constats`, {
          periodStart: decisionDate,
          periodEnd: today,
          status: "respectee",
        }),
        await postMultipart(
          ctx.app,
          intruder,
          `/mesures/${measureId}/obligations/${obligationId}/justificatifs`,
          { receivedOn: today, proofKind: "attestation" },
          { name: "x.pdf", type: "application/pdf", data: pdf },
        ),
      ];
      for (const res of posts) assert.equal(res.statusCode, 404);
      assert.deepEqual(await counts(), before);
      // An obligation of one measure is not reachable through another measure of the same association.
      const probation = await newMeasure("sursis_probatoire", "Ibert");
      const crossed = await inter.get(`/mesures/${probation}/obligations/${obligationId}`);
      assert.equal(crossed.statusCode, 404);
    });

    test("a closed measure keeps its obligations readable but takes no new one", async () => {
      const closed = await newMeasure("cjse", "Jourdain");
      await inter.get(`/mesures/${closed}`);
      const status = await closeMeasure(inter, `/mesures/${closed}`, today);
      assert.equal(status.statusCode, 303);
      const list = await inter.get(`/mesures/${closed}/obligations`);
      assert.equal(list.statusCode, 200);
      assert.doesNotMatch(list.body, /Ajouter une obligation/);
      assert.equal((await inter.get(`/mesures/${closed}/obligations/nouvelle`)).statusCode, 409);
      const res = await inter.post(`/mesures/${closed}/obligations/nouvelle`, obligationForm());
      assert.equal(res.statusCode, 409);
    });
  });
}
