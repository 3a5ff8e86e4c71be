import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { after, before, describe, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyInstance } from "fastify";
import { PDFDocument } from "pdf-lib";
import { openDossier } from "../src/cisj/queries.ts";
import { toCandidateInput } from "../src/cnc/form.ts";
import { createCandidate } from "../src/cnc/queries.ts";
import { MAX_UPLOAD_BYTES } from "../src/platform/uploads.ts";
import { PNG_1X1, pdfBomb } from "./pdf-bomb.ts";
import { Client, engines, loggedIn, startTestApp, type TestContext } from "./support.ts";

interface FilePart {
  field: string;
  filename: string;
  type: string;
  data: Buffer;
}

function multipart(fields: Record<string, string>, files: FilePart[]) {
  const boundary = `----parcours${randomBytes(8).toString("hex")}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const file of files)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.data,
      Buffer.from("\r\n"),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A form with files sent as the browser does, with the client's session and the page's CSRF token. */
function postFiles(
  app: FastifyInstance,
  client: Client,
  url: string,
  fields: Record<string, string>,
  ...files: FilePart[]
) {
  const { body, contentType } = multipart({ _csrf: client.csrf, ...fields }, files);
  return app.inject({
    method: "POST",
    url,
    headers: { cookie: (client as unknown as { cookie: string }).cookie, "content-type": contentType },
    payload: body,
  });
}

/**
 * A multipart body of files made of zeros, generated while it is pulled (nothing held in memory),
 * counting how much of it the server pulled.
 */
function zeroFilesStream(fields: Record<string, string>, files: { field: string; size: number }[]) {
  const boundary = `----parcours${randomBytes(8).toString("hex")}`;
  const pieces: (Buffer | number)[] = [];
  for (const [k, v] of Object.entries(fields))
    pieces.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const file of files)
    pieces.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.field}.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      file.size,
      Buffer.from("\r\n"),
    );
  pieces.push(Buffer.from(`--${boundary}--\r\n`));
  const length = pieces.reduce<number>((sum, p) => sum + (typeof p === "number" ? p : p.length), 0);
  const zeros = Buffer.alloc(64 * 1024);
  const counter = { read: 0 };
  const stream = Readable.from(
    (function* () {
      for (const piece of pieces) {
        if (typeof piece !== "number") {
          counter.read += piece.length;
          yield piece;
          continue;
        }
        for (let left = piece; left > 0; left -= zeros.length) {
          const chunk = zeros.subarray(0, Math.min(left, zeros.length));
          counter.read += chunk.length;
          yield chunk;
        }
      }
    })(),
    { objectMode: false },
  );
  return { stream, counter, length, contentType: `multipart/form-data; boundary=${boundary}` };
}

function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, " ");
}

const FORMATION = "formation@demo.parcours.fr";
const INES = "intervenant@demo.parcours.fr";
const PDF = await onePagePdf();

async function onePagePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage();
  return Buffer.from(await doc.save());
}

for (const engine of engines()) {
  describe(`untrusted files cannot stall the server (${engine})`, () => {
    let ctx: TestContext;
    let formation: Client;
    let candidacyId = "";
    let trackingPath = "";

    before(async () => {
      ctx = await startTestApp(engine);
      const db = ctx.database.db;
      const formationId = ctx.accounts.users[FORMATION]?.id ?? "";
      const inesId = ctx.accounts.users[INES]?.id ?? "";
      await db.transaction((tx) => openDossier(tx, inesId, inesId));
      const created = await db.transaction((tx) =>
        createCandidate(
          tx,
          toCandidateInput({
            lastName: "Fichiers",
            firstName: "Éloïse",
            birthDate: "1985-04-12",
            hasLevel5Diploma: "1",
            mentions: "MJPM",
            modeMJPM: "salarie_service",
          }),
          null,
          formationId,
        ),
      );
      candidacyId = created.candidacies[0]?.id ?? "";
      formation = await loggedIn(ctx.app, FORMATION);
      const page = await formation.get(`/cnc/candidatures/${candidacyId}`);
      const link = /href="(\/cnc\/suivi\/[A-Za-z0-9_-]+)"/.exec(page.body);
      assert.ok(link?.[1], "tracking link");
      trackingPath = link[1];
    });
    after(() => ctx.close());

    test("a PDF bomb as the CISJ mémoire is refused while the server answers other requests within 1 s", async () => {
      const ines = await loggedIn(ctx.app, INES);
      await ines.get("/formation/parcours");
      const rssBefore = process.memoryUsage().rss;
      const bomb = pdfBomb(300);
      const upload = postFiles(
        ctx.app,
        ines,
        "/formation/parcours/memoire",
        {},
        {
          field: "memoire",
          filename: "memoire.pdf",
          type: "application/pdf",
          data: bomb,
        },
      );
      let finished = false;
      void upload.finally(() => {
        finished = true;
      });
      const answers: number[] = [];
      while (!finished) {
        const started = performance.now();
        const health = await ctx.app.inject({ method: "GET", url: "/healthz" });
        answers.push(performance.now() - started);
        assert.equal(health.statusCode, 200);
        await sleep(50);
      }
      const res = await upload;
      assert.equal(res.statusCode, 422);
      assert.match(
        text(res.body),
        /Ce PDF est trop complexe pour être lu ; enregistrez-le à nouveau .* et déposez cette nouvelle version/,
      );
      assert.ok(answers.length >= 1, "another request was answered during the upload");
      assert.ok(Math.max(...answers) < 1000, `slowest answer: ${Math.round(Math.max(...answers))} ms`);
      const grown = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;
      assert.ok(grown < 400, `memory grew by ${Math.round(grown)} Mo`);
    });

    test("17 bytes starting with %PDF are refused as a CV; an empty file has its own message", async () => {
      await formation.get(`/cnc/candidatures/${candidacyId}`);
      const url = `/cnc/candidatures/${candidacyId}/pieces`;
      const fake = await postFiles(
        ctx.app,
        formation,
        url,
        { pieceCode: "cv" },
        {
          field: "file",
          filename: "cv.pdf",
          type: "application/pdf",
          data: Buffer.from("%PDF-1.4\n%%EOF\n00"),
        },
      );
      assert.equal(fake.statusCode, 422);
      assert.match(text(fake.body), /Ce fichier n'est pas un PDF lisible/);
      const empty = await postFiles(
        ctx.app,
        formation,
        url,
        { pieceCode: "cv" },
        {
          field: "file",
          filename: "cv.pdf",
          type: "application/pdf",
          data: Buffer.alloc(0),
        },
      );
      assert.equal(empty.statusCode, 422);
      assert.match(text(empty.body), /Le fichier est vide/);
      assert.doesNotMatch(text(empty.body), /Choisissez le fichier/);
    });

    test("a real PNG named .pdf is accepted as an image, stored and served as a PNG", async () => {
      await formation.get(`/cnc/candidatures/${candidacyId}`);
      const res = await postFiles(
        ctx.app,
        formation,
        `/cnc/candidatures/${candidacyId}/pieces`,
        { pieceCode: "photo" },
        { field: "file", filename: "identité.pdf", type: "application/pdf", data: PNG_1X1 },
      );
      assert.equal(res.statusCode, 303, text(res.body).slice(0, 2000));
      const page = await formation.get(`/cnc/candidatures/${candidacyId}`);
      assert.match(text(page.body), /identité\.png/);
      const file = await formation.get(`/cnc/candidatures/${candidacyId}/pieces/photo`);
      assert.equal(file.headers["content-type"], "image/png");
      assert.deepEqual(file.rawPayload, PNG_1X1);
    });

    test("a file over 15 Mo comes back in French at the field, the chosen piece kept", async () => {
      await formation.get(`/cnc/candidatures/${candidacyId}`);
      const big = Buffer.alloc(MAX_UPLOAD_BYTES + 1);
      PDF.copy(big);
      const res = await postFiles(
        ctx.app,
        formation,
        `/cnc/candidatures/${candidacyId}/pieces`,
        { pieceCode: "cv" },
        { field: "file", filename: "cv.pdf", type: "application/pdf", data: big },
      );
      assert.equal(res.statusCode, 422);
      assert.match(text(res.body), /Le fichier dépasse 15 Mo : choisissez un fichier plus léger/);
      assert.match(res.body, /<option value="cv" selected/);
      assert.doesNotMatch(res.body, /request file too large/);
    });

    test("on the candidate's private page too, with no link to the staff login", async () => {
      const candidate = new Client(ctx.app);
      await candidate.get(trackingPath);
      const big = Buffer.alloc(MAX_UPLOAD_BYTES + 1024);
      PDF.copy(big);
      const res = await postFiles(
        ctx.app,
        candidate,
        `${trackingPath}/pieces`,
        { "pieceCode-MJPM": "cv" },
        { field: "file-MJPM", filename: "cv.pdf", type: "application/pdf", data: big },
      );
      assert.equal(res.statusCode, 422);
      assert.match(text(res.body), /Le fichier dépasse 15 Mo : choisissez un fichier plus léger/);
      assert.match(res.body, /<option value="cv" selected/);
      assert.doesNotMatch(res.body, /href="\/connexion/);
      const sent = await postFiles(
        ctx.app,
        candidate,
        `${trackingPath}/pieces`,
        { "pieceCode-MJPM": "cv" },
        { field: "file-MJPM", filename: "cv.pdf", type: "application/pdf", data: PDF },
      );
      assert.equal(sent.statusCode, 303);
    });

    test("an anonymous upload of large files to a staff page is refused without being read", async () => {
      const files = [1, 2, 3, 4, 5].map((n) => ({ field: `file${n}`, size: 14 * 1024 * 1024 }));
      const { stream, counter, length, contentType } = zeroFilesStream({ pieceCode: "cv" }, files);
      const res = await ctx.app.inject({
        method: "POST",
        url: `/cnc/candidatures/${candidacyId}/pieces`,
        headers: { "content-type": contentType },
        payload: stream,
      });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, "/connexion");
      assert.ok(counter.read < 2 * 1024 * 1024, `${counter.read} bytes of ${length} read`);
    });

    test("a staff member's request announcing more than 60 Mo is refused in French before it is read", async () => {
      await formation.get(`/cnc/candidatures/${candidacyId}`);
      const { stream, counter, length, contentType } = zeroFilesStream(
        { _csrf: formation.csrf, pieceCode: "cv" },
        [{ field: "file", size: 61 * 1024 * 1024 }],
      );
      const res = await ctx.app.inject({
        method: "POST",
        url: `/cnc/candidatures/${candidacyId}/pieces`,
        headers: {
          cookie: (formation as unknown as { cookie: string }).cookie,
          "content-type": contentType,
          "content-length": String(length),
        },
        payload: stream,
      });
      assert.equal(res.statusCode, 413);
      assert.match(text(res.body), /L'envoi dépasse 60 Mo : il n'a pas été lu/);
      assert.ok(counter.read < 2 * 1024 * 1024, `${counter.read} bytes of ${length} read`);
    });

    test("two files in one form are refused in French", async () => {
      await formation.get(`/cnc/candidatures/${candidacyId}`);
      const one = { filename: "cv.pdf", type: "application/pdf", data: PDF };
      const res = await postFiles(
        ctx.app,
        formation,
        `/cnc/candidatures/${candidacyId}/pieces`,
        { pieceCode: "cv" },
        { field: "file", ...one },
        { field: "file", ...one },
      );
      assert.equal(res.statusCode, 413);
      assert.match(text(res.body), /Un seul fichier peut être envoyé à la fois/);
    });
  });
}
