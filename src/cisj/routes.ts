import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { pendingTestsOf } from "../knowledge-tests/pending.tsx";
import type { CurrentUser } from "../platform/auth.ts";
import type { Db } from "../platform/db.ts";
import { ConflictError, NotFoundError } from "../platform/errors.ts";
import {
  type FormErrors,
  type FormValues,
  mergeErrors,
  normalizeForm,
  validateForm,
} from "../platform/forms.ts";
import { pageChrome, redirectWithFlash, sendPage } from "../platform/page.ts";
import { currentUser, todayInParis } from "../platform/request-context.ts";
import { attachmentHeader, receiveFile } from "../platform/uploads.ts";
import { canOpenCisjDossier } from "../training/rules.ts";
import {
  checkEquivalenceDate,
  DecisionForm,
  EquivalenceForm,
  juryFromForm,
  parseEquivalenceTarget,
  RevocationForm,
  SoutenanceForm,
} from "./form.ts";
import { certificatePdf, verificationUrl } from "./pdf.ts";
import {
  addEquivalence,
  allTrainees,
  certificateFile,
  cisjTrainings,
  findCertificateByNumber,
  findCisjTraining,
  findDossier,
  findDossierOfTrainee,
  findTrainee,
  issueCertificate,
  listDossiers,
  lockDossier,
  memoireFile,
  openDossier,
  pathOf,
  pathsOf,
  revokeCertificate,
  saveDecision,
  saveMemoire,
  saveParts,
  saveSoutenance,
  searchTrainees,
  setCertificatePdf,
  staffOf,
  type Trainee,
  traineeName,
} from "./queries.ts";
import {
  canEditParts,
  cleanParts,
  depositMemoire,
  normalizeCertificateNumber,
  planSoutenance,
  publicVerification,
  recordDecision,
  traineeMayDeposit,
} from "./rules.ts";
import type { Decision } from "./tables.ts";
import {
  dossierListPage,
  dossierPage,
  type PathViewer,
  pathPage,
  teamPage,
  verificationPage,
} from "./views.tsx";

/**
 * The CISJ path and dossier.
 *
 *   GET  /formation/parcours                      my path and my dossier (intervenant, chef de service)
 *   POST /formation/parcours/dossier              open my dossier once the 9 trainings count
 *   POST /formation/parcours/memoire              deposit my mémoire (PDF, 15 to 30 pages)
 *   GET  /formation/parcours/:userId              a professional's path (formation; direction: own staff)
 *   POST /formation/parcours/:userId/dossier      the training service opens the dossier
 *   GET  /formation/equipe                        the staff's paths (direction)
 *   GET  /cisj                                    dossiers by status, search of paths (formation)
 *   GET  /cisj/dossiers/:id                       a dossier, its forms (formation)
 *   POST /cisj/dossiers/:id/equivalences|memoire|parties|soutenance|decision|certificat/revoquer
 *   GET  /cisj/dossiers/:id/memoire               the mémoire (formation, the trainee, their direction)
 *   GET  /cisj/dossiers/:id/certificat.pdf        the certificate (same)
 *   GET  /certificats/verifier?numero=…           public verification: name, date, validity
 */

const SELF = { roles: ["intervenant", "chef_service"] as const };
const FORMATION = { roles: ["formation"] as const };
const FILE_READERS = { roles: ["formation", "intervenant", "chef_service", "direction"] as const };

function dbOf(request: FastifyRequest): Db {
  return request.server.deps.database.db;
}

/** Whether the user may see the trainee's path and dossier. */
function maySee(user: CurrentUser, trainee: Trainee): PathViewer | null {
  if (user.role === "formation") return "formation";
  if (user.id === trainee.id) return "self";
  if (
    user.role === "direction" &&
    user.associationId !== null &&
    user.associationId === trainee.associationId
  ) {
    return "direction";
  }
  return null;
}

async function renderPath(
  request: FastifyRequest,
  reply: FastifyReply,
  trainee: Trainee,
  viewer: PathViewer,
  errors: FormErrors = {},
  status = 200,
) {
  const db = dbOf(request);
  const [path, detail, pendingTests] = await Promise.all([
    pathOf(db, trainee.id),
    findDossierOfTrainee(db, trainee.id),
    viewer === "self" ? pendingTestsOf(db, trainee.id, todayInParis()) : Promise.resolve([]),
  ]);
  return sendPage(
    reply,
    pathPage({
      chrome: pageChrome(request, reply),
      trainee,
      viewer,
      path,
      detail,
      canOpen: canOpenCisjDossier(path.progress),
      mayDeposit: detail ? traineeMayDeposit(detail.dossier.status) : false,
      errors,
      pendingTests,
    }),
    status,
  );
}

async function loadDossierPage(request: FastifyRequest, id: string) {
  const db = dbOf(request);
  const detail = await findDossier(db, id);
  if (!detail) throw new NotFoundError();
  const trainee = await findTrainee(db, detail.dossier.traineeId);
  if (!trainee) throw new NotFoundError();
  const [path, trainings] = await Promise.all([pathOf(db, trainee.id), cisjTrainings(db)]);
  return { detail, trainee, path, trainings };
}

async function renderDossier(
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  values: FormValues = {},
  errors: FormErrors = {},
  status = 200,
) {
  const model = await loadDossierPage(request, id);
  return sendPage(
    reply,
    dossierPage({ chrome: pageChrome(request, reply), ...model, today: todayInParis(), values, errors }),
    status,
  );
}

type UploadOutcome = { ok: true } | { ok: false; error: string };

/** Checks the uploaded mémoire and stores it; on any error the previous file stays. */
async function depositUpload(
  request: FastifyRequest,
  dossierId: string,
  user: CurrentUser,
): Promise<UploadOutcome> {
  // The type comes from the content and the pages are counted off the main thread (uploads.ts).
  const received = await receiveFile(request.body, "memoire", ["pdf"]);
  if (received.status === "none") return { ok: false, error: "Choisissez le fichier PDF du mémoire" };
  if (received.status === "refused") return { ok: false, error: received.error };
  const upload = received.upload;
  const pages = upload.pages ?? 0;
  return dbOf(request).transaction(async (tx) => {
    const dossier = await lockDossier(tx, dossierId);
    if (!dossier) throw new NotFoundError();
    const step = depositMemoire(dossier.status, pages);
    if (!step.ok) return { ok: false, error: step.message };
    await saveMemoire(tx, dossierId, {
      content: upload.data,
      filename: upload.filename,
      pages,
      by: user.id,
      status: step.status,
    });
    return { ok: true };
  });
}

export async function cisjRoutes(app: FastifyInstance): Promise<void> {
  // ---------------------------------------------------------------- my path
  app.get("/formation/parcours", { config: SELF }, async (request, reply) => {
    const user = currentUser(request);
    const trainee = await findTrainee(dbOf(request), user.id);
    if (!trainee) throw new NotFoundError();
    return renderPath(request, reply, trainee, "self");
  });

  app.post("/formation/parcours/dossier", { config: SELF }, async (request, reply) => {
    const user = currentUser(request);
    const db = dbOf(request);
    await db.transaction(async (tx) => {
      const path = await pathOf(tx, user.id);
      if (!canOpenCisjDossier(path.progress)) {
        throw new ConflictError(
          "Les 9 formations du parcours doivent être validées pour ouvrir le dossier de certification.",
        );
      }
      await openDossier(tx, user.id, user.id);
    });
    return redirectWithFlash(
      request,
      reply,
      "/formation/parcours",
      "Votre dossier de certification est ouvert.",
    );
  });

  app.post("/formation/parcours/memoire", { config: SELF }, async (request, reply) => {
    const user = currentUser(request);
    const db = dbOf(request);
    const trainee = await findTrainee(db, user.id);
    const detail = await findDossierOfTrainee(db, user.id);
    if (!trainee || !detail) throw new NotFoundError();
    if (!traineeMayDeposit(detail.dossier.status)) {
      return renderPath(
        request,
        reply,
        trainee,
        "self",
        {
          memoire:
            "Le mémoire ne peut plus être remplacé : la soutenance est planifiée ou le dossier est clos",
        },
        422,
      );
    }
    const outcome = await depositUpload(request, detail.dossier.id, user);
    if (!outcome.ok) return renderPath(request, reply, trainee, "self", { memoire: outcome.error }, 422);
    return redirectWithFlash(request, reply, "/formation/parcours", "Le mémoire a été déposé.");
  });

  // ---------------------------------------------------------------- someone's path
  app.get(
    "/formation/parcours/:userId",
    { config: { roles: ["formation", "direction"] } },
    async (request, reply) => {
      const { userId } = request.params as { userId: string };
      const user = currentUser(request);
      const trainee = await findTrainee(dbOf(request), userId);
      const viewer = trainee ? maySee(user, trainee) : null;
      if (!trainee || !viewer) throw new NotFoundError();
      return renderPath(request, reply, trainee, viewer);
    },
  );

  app.post("/formation/parcours/:userId/dossier", { config: FORMATION }, async (request, reply) => {
    const { userId } = request.params as { userId: string };
    const user = currentUser(request);
    const db = dbOf(request);
    const trainee = await findTrainee(db, userId);
    if (!trainee) throw new NotFoundError();
    const id = await db.transaction((tx) => openDossier(tx, trainee.id, user.id));
    return redirectWithFlash(
      request,
      reply,
      `/cisj/dossiers/${id}`,
      "Le dossier de certification est ouvert.",
    );
  });

  app.get("/formation/equipe", { config: { roles: ["direction"] } }, async (request, reply) => {
    const user = currentUser(request);
    if (!user.associationId) throw new NotFoundError();
    const db = dbOf(request);
    const staff = await staffOf(db, user.associationId);
    const ids = staff.map((s) => s.id);
    const [paths, dossiers] = await Promise.all([pathsOf(db, ids), listDossiers(db, ids)]);
    return sendPage(
      reply,
      teamPage({
        chrome: pageChrome(request, reply),
        associationName: user.associationName,
        rows: staff.map((trainee) => {
          const path = paths.get(trainee.id);
          if (!path) throw new Error("path not computed");
          return {
            trainee,
            progress: path.progress,
            dossier: dossiers.find((d) => d.traineeId === trainee.id) ?? null,
          };
        }),
      }),
    );
  });

  // ---------------------------------------------------------------- training service
  app.get("/cisj", { config: FORMATION }, async (request, reply) => {
    const db = dbOf(request);
    const q = (request.query as { q?: string }).q?.trim() || undefined;
    const [dossiers, everyone, matches] = await Promise.all([
      listDossiers(db),
      allTrainees(db),
      q ? searchTrainees(db, q) : Promise.resolve(null),
    ]);
    const withDossier = new Map(dossiers.map((d) => [d.traineeId, d.id]));
    // The search also finds deactivated accounts (not in `everyone`): their path is computed too.
    const paths = await pathsOf(db, [...new Set([...everyone, ...(matches ?? [])].map((t) => t.id))]);
    const progressOf = (id: string) => {
      const p = paths.get(id);
      if (!p) throw new Error("path not computed");
      return p.progress;
    };
    const found = matches
      ? matches.map((trainee) => ({
          trainee,
          progress: progressOf(trainee.id),
          dossierId: withDossier.get(trainee.id) ?? null,
        }))
      : null;
    const readyWithoutDossier = everyone
      .filter((t) => !withDossier.has(t.id) && canOpenCisjDossier(progressOf(t.id)))
      .map((trainee) => ({ trainee, progress: progressOf(trainee.id) }));
    return sendPage(
      reply,
      dossierListPage({ chrome: pageChrome(request, reply), dossiers, q, found, readyWithoutDossier }),
    );
  });

  app.get("/cisj/dossiers/:id", { config: FORMATION }, async (request, reply) => {
    const { id } = request.params as { id: string };
    return renderDossier(request, reply, id);
  });

  app.post("/cisj/dossiers/:id/equivalences", { config: FORMATION }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const user = currentUser(request);
    const db = dbOf(request);
    const values = normalizeForm(request.body);
    const form = validateForm(EquivalenceForm, values);
    let errors: FormErrors = form.errors;
    const target = form.ok ? parseEquivalenceTarget(form.data.equivalenceTarget) : null;
    if (form.ok) {
      errors = mergeErrors(errors, checkEquivalenceDate(form.data.equivalenceDate, todayInParis()));
      if (!target || (target.trainingId && !(await findCisjTraining(db, target.trainingId)))) {
        errors = mergeErrors(errors, {
          equivalenceTarget: "Choisissez la formation ou la catégorie dans la liste",
        });
      }
    }
    const saved = await db.transaction(async (tx) => {
      const dossier = await lockDossier(tx, id);
      if (!dossier) throw new NotFoundError();
      if (dossier.status === "certifie") {
        errors = mergeErrors(errors, {
          equivalenceTarget: "Le certificat a été délivré : le dossier est clos",
        });
      }
      if (Object.keys(errors).length > 0 || !form.ok || !target) return false;
      await addEquivalence(tx, {
        traineeId: dossier.traineeId,
        trainingId: target.trainingId,
        category: target.category,
        reason: form.data.equivalenceReason,
        grantedOn: form.data.equivalenceDate,
        grantedBy: user.id,
      });
      return true;
    });
    if (!saved) return renderDossier(request, reply, id, values, errors, 422);
    return redirectWithFlash(
      request,
      reply,
      `/cisj/dossiers/${id}#equivalences`,
      "L'équivalence a été enregistrée.",
    );
  });

  app.post("/cisj/dossiers/:id/memoire", { config: FORMATION }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const user = currentUser(request);
    if (!(await findDossier(dbOf(request), id))) throw new NotFoundError();
    const outcome = await depositUpload(request, id, user);
    if (!outcome.ok) return renderDossier(request, reply, id, {}, { memoire: outcome.error }, 422);
    return redirectWithFlash(request, reply, `/cisj/dossiers/${id}#memoire`, "Le mémoire a été déposé.");
  });

  app.post("/cisj/dossiers/:id/parties", { config: FORMATION }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const values = normalizeForm(request.body);
    const posted = ([] as string[]).concat(values.parts ?? []);
    const result = await dbOf(request).transaction(async (tx) => {
      const dossier = await lockDossier(tx, id);
      if (!dossier) throw new NotFoundError();
      const allowed = canEditParts(dossier.status, Boolean(dossier.memoireFilename));
      if (!allowed.ok) return allowed.message ?? "Modification impossible";
      await saveParts(tx, id, cleanParts(posted));
      return null;
    });
    if (result) return renderDossier(request, reply, id, values, { parts: result }, 422);
    return redirectWithFlash(
      request,
      reply,
      `/cisj/dossiers/${id}#parties`,
      "Les parties vérifiées ont été enregistrées.",
    );
  });

  app.post("/cisj/dossiers/:id/soutenance", { config: FORMATION }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const values = normalizeForm(request.body);
    const form = validateForm(SoutenanceForm, values);
    const jury = juryFromForm(values);
    const db = dbOf(request);
    const result = await db.transaction(async (tx) => {
      const dossier = await lockDossier(tx, id);
      if (!dossier) throw new NotFoundError();
      const path = await pathOf(tx, dossier.traineeId);
      const date =
        typeof values.soutenanceDate === "string" && !form.errors.soutenanceDate
          ? values.soutenanceDate
          : null;
      const step = planSoutenance({
        status: dossier.status,
        hasMemoire: Boolean(dossier.memoireFilename),
        checkedParts: dossier.checkedParts,
        pathComplete: canOpenCisjDossier(path.progress),
        date,
        jury,
      });
      const errors = mergeErrors(form.errors, step.ok ? {} : step.errors);
      if (Object.keys(errors).length > 0 || !date) return errors;
      await saveSoutenance(
        tx,
        id,
        date,
        jury.filter((m) => m.name.trim() !== "" && m.role.trim() !== ""),
      );
      return null;
    });
    if (result) return renderDossier(request, reply, id, values, result, 422);
    return redirectWithFlash(
      request,
      reply,
      `/cisj/dossiers/${id}#soutenance`,
      "La soutenance est planifiée.",
    );
  });

  app.post("/cisj/dossiers/:id/decision", { config: FORMATION }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const user = currentUser(request);
    const values = normalizeForm(request.body);
    const form = validateForm(DecisionForm, values);
    const db = dbOf(request);
    const today = todayInParis();
    const publicUrl = request.server.deps.config.publicUrl;
    const result = await db.transaction(async (tx) => {
      const dossier = await lockDossier(tx, id);
      if (!dossier) throw new NotFoundError();
      const trainee = await findTrainee(tx, dossier.traineeId);
      if (!trainee) throw new NotFoundError();
      const path = await pathOf(tx, dossier.traineeId);
      const decision = (form.ok ? form.data.decision : null) as Decision | null;
      const comment = typeof values.decisionComment === "string" ? values.decisionComment : "";
      const step = recordDecision({
        status: dossier.status,
        soutenanceDate: dossier.soutenanceDate,
        today,
        decision,
        comment,
        pathComplete: canOpenCisjDossier(path.progress),
      });
      const errors = mergeErrors(step.ok ? {} : step.errors, form.errors);
      if (!step.ok || !decision || Object.keys(errors).length > 0) return { errors };
      await saveDecision(tx, id, {
        decision,
        comment: comment || null,
        on: today,
        by: user.id,
        status: step.status,
      });
      if (decision !== "admis") return { errors: null, number: null };
      const holderName = traineeName(trainee);
      const issued = await issueCertificate(
        tx,
        { dossierId: id, traineeId: trainee.id, holderName, issuedOn: today },
        (number) =>
          certificatePdf({
            holderName,
            number,
            issuedOn: today,
            soutenanceDate: dossier.soutenanceDate,
            verificationUrl: verificationUrl(publicUrl, number),
          }),
      );
      return { errors: null, number: issued.number };
    });
    if (result.errors) return renderDossier(request, reply, id, values, result.errors, 422);
    return redirectWithFlash(
      request,
      reply,
      `/cisj/dossiers/${id}#decision`,
      "number" in result && result.number
        ? `Décision enregistrée : le certificat n° ${result.number} est délivré.`
        : "Décision enregistrée : le candidat est ajourné.",
    );
  });

  app.post("/cisj/dossiers/:id/certificat/revoquer", { config: FORMATION }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const values = normalizeForm(request.body);
    const form = validateForm(RevocationForm, values);
    const db = dbOf(request);
    const detail = await findDossier(db, id);
    if (!detail?.certificate) throw new NotFoundError();
    // Revoked once: the date and reason shown on the public page stay those of the revocation.
    if (detail.certificate.revoked) throw new ConflictError("Ce certificat est déjà révoqué.");
    if (!form.ok) return renderDossier(request, reply, id, values, form.errors, 422);
    const certificateId = detail.certificate.id;
    await db.transaction((tx) =>
      revokeCertificate(tx, certificateId, todayInParis(), form.data.revocationReason),
    );
    return redirectWithFlash(
      request,
      reply,
      `/cisj/dossiers/${id}#certificat`,
      "Le certificat a été révoqué.",
    );
  });

  // ---------------------------------------------------------------- downloads
  /** The dossier if the user may read its files (formation, the trainee, their direction); else 404. */
  async function readableDossier(request: FastifyRequest, id: string) {
    const db = dbOf(request);
    const detail = await findDossier(db, id);
    if (!detail) throw new NotFoundError();
    const trainee = await findTrainee(db, detail.dossier.traineeId);
    if (!trainee || !maySee(currentUser(request), trainee)) throw new NotFoundError();
    return detail;
  }

  app.get("/cisj/dossiers/:id/memoire", { config: FILE_READERS }, async (request, reply) => {
    const { id } = request.params as { id: string };
    await readableDossier(request, id);
    const file = await memoireFile(dbOf(request), id);
    if (!file) throw new NotFoundError();
    return reply
      .header("content-disposition", attachmentHeader(file.filename))
      .header("cache-control", "private, no-store")
      .type("application/pdf")
      .send(file.content);
  });

  app.get("/cisj/dossiers/:id/certificat.pdf", { config: FILE_READERS }, async (request, reply) => {
    const { id } = request.params as { id: string };
    await readableDossier(request, id);
    const db = dbOf(request);
    const certificate = await certificateFile(db, id);
    if (!certificate) throw new NotFoundError();
    let pdf = certificate.pdf;
    if (!pdf) {
      pdf = await certificatePdf({
        holderName: certificate.holderName,
        number: certificate.number,
        issuedOn: certificate.issuedOn,
        soutenanceDate: certificate.soutenanceDate,
        verificationUrl: verificationUrl(request.server.deps.config.publicUrl, certificate.number),
      });
      await setCertificatePdf(db, certificate.id, pdf);
    }
    return reply
      .header("content-disposition", attachmentHeader(`certificat-${certificate.number}.pdf`))
      .header("cache-control", "private, no-store")
      .type("application/pdf")
      .send(pdf);
  });

  // ---------------------------------------------------------------- public verification
  app.get(
    "/certificats/verifier",
    { config: { public: true, rateLimit: { max: 30, timeWindow: "1 minute" } } },
    async (request, reply) => {
      const raw = (request.query as { numero?: unknown }).numero;
      const typed = typeof raw === "string" ? raw.trim().slice(0, 60) : "";
      const chrome = pageChrome(request, reply);
      reply.header("cache-control", "no-store");
      if (typed === "") {
        return sendPage(
          reply,
          verificationPage({ chrome, numero: undefined, error: undefined, result: null, unknown: false }),
        );
      }
      const number = normalizeCertificateNumber(typed);
      if (!number) {
        return sendPage(
          reply,
          verificationPage({
            chrome,
            numero: typed,
            error: "Le numéro de certificat a la forme CISJ-2026-00042 : vérifiez la saisie",
            result: null,
            unknown: false,
          }),
          422,
        );
      }
      const found = await findCertificateByNumber(dbOf(request), number);
      return sendPage(
        reply,
        verificationPage({
          chrome,
          numero: number,
          error: undefined,
          result: found ? publicVerification(found) : null,
          unknown: !found,
        }),
      );
    },
  );
}
