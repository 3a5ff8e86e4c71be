/**
 * Candidacies to the Certificats nationaux de compétence (MJPM, MAJ, MJAGBF).
 *
 * For the training service (role `formation`):
 *   GET  /cnc                                        candidacies, filtered by mention and status
 *   GET  /cnc/candidats/nouveau, POST                a candidate and one candidacy per mention
 *   GET  /cnc/candidatures/:id                       the dossier: eligibility, fee, pieces, commission,
 *                                                    decision and course, contest
 *   POST /cnc/candidatures/:id/reglement             the fee is paid
 *   POST /cnc/candidatures/:id/demandes              dispenses and allègements requested
 *   POST /cnc/candidatures/:id/pieces                upload of a piece (multipart)
 *   POST /cnc/candidatures/:id/pieces/papier         a piece received on paper
 *   POST /cnc/candidatures/:id/pieces/:code/retirer  a piece removed
 *   GET  /cnc/candidatures/:id/pieces/:code          download of a piece
 *   POST /cnc/candidatures/:id/commission            a complete dossier presented to a commission
 *   POST /cnc/candidatures/:id/contestation          a contest received by letter
 *   POST /cnc/candidatures/:id/entretien             the interview of a contest scheduled
 *   POST /cnc/candidatures/:id/changer-commission    a dossier waiting for a decision, or contested,
 *                                                    moved to another upcoming commission
 *   (the candidate's link, revoked and issued again: link-routes.ts; the public application:
 *   apply-routes.ts)
 *   GET  /cnc/commissions, /cnc/commissions/nouvelle (+ POST), /cnc/commissions/:id
 *   POST /cnc/commissions/:id/decisions/:candidacyId the commission's decision and the course
 *
 * For the candidate, without an account, through the private link of their candidacies (rate-limited):
 *   GET  /cnc/suivi/:token, POST /cnc/suivi/:token/pieces, POST /cnc/suivi/:token/contestation
 *
 * CNC data is training data, not justice data: it has no association row-level security and only the
 * `formation` role reaches it. Logs carry identifiers only.
 */

import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Role } from "../accounts/tables.ts";
import { duplicateConfirmed } from "../persons/rules.ts";
import type { Db, Tx } from "../platform/db.ts";
import { ConflictError, NotFoundError } from "../platform/errors.ts";
import {
  type FormErrors,
  type FormValues,
  hasErrors,
  mergeErrors,
  normalizeForm,
  validateForm,
} from "../platform/forms.ts";
import { pluralWord } from "../platform/french.ts";
import { type PageChrome, pageChrome, redirectWithFlash, sendPage } from "../platform/page.ts";
import { currentUser, pageNumber, todayInParis } from "../platform/request-context.ts";
import { attachmentHeader, receiveFile, type Upload } from "../platform/uploads.ts";
import { formatDate } from "../platform/views/display.tsx";
import { commissionFormPage, commissionListPage, commissionPage } from "./commission-views.tsx";
import { candidateName } from "./components.tsx";
import { buildDossier, courseOf } from "./dossier.ts";
import { findLikelyCandidateDuplicates, recordConfirmedCandidateDuplicate } from "./duplicates.ts";
import {
  CandidateContestForm,
  CandidateForm,
  CommissionForm,
  ContestForm,
  checkCandidate,
  checkDecision,
  checkMembers,
  checkRequests,
  DecisionForm,
  decisionPrefix,
  formList,
  InterviewForm,
  PaymentForm,
  PresentForm,
  toCandidateInput,
  toDecisionInput,
  toMembers,
  unprefix,
} from "./form.ts";
import {
  type CandidacyDetails,
  type CandidacyRow,
  candidaciesOfCommission,
  createCandidate,
  createCommission,
  findCandidacyByToken,
  findCommission,
  findUserIdByEmail,
  listCandidacies,
  listCommissions,
  loadByToken,
  loadCandidacy,
  lockCandidacy,
  membersOf,
  PAGE_SIZE,
  pieceFile,
  presentToCommission,
  providePiece,
  recordContest,
  recordDecision,
  recordPayment,
  refreshOpenStatus,
  removePiece,
  scheduleInterview,
  setRequests,
  upcomingCommissions,
} from "./queries.ts";
import { CANDIDACY_PIECES, MENTIONS, type Mention } from "./reference.ts";
import {
  CANDIDACY_STATUSES,
  type CandidacyStatus,
  canContest,
  canDecide,
  canMoveCommission,
  checkCommissionComposition,
  dossierOpen,
} from "./rules.ts";
import { moveToCommission } from "./tracking-link.ts";
import { trackingPage } from "./tracking-view.tsx";
import { candidacyListPage, candidacyPage, candidateFormPage } from "./views.tsx";

const FORMATION: readonly Role[] = ["formation"];
const formation = { roles: FORMATION };
const publicLimited = { public: true, rateLimit: { max: 30, timeWindow: "1 minute" } };

const UPLOADABLE = new Set(CANDIDACY_PIECES.map((p) => p.code).filter((c) => c !== "fee_payment"));

function dossierOf(details: CandidacyDetails, today: string) {
  return buildDossier({
    candidate: details.candidate,
    candidacy: details.candidacy,
    experiences: details.experiences,
    pieces: details.pieces,
    decision: details.decision,
    today,
  });
}

function pieceLabel(code: string): string {
  return CANDIDACY_PIECES.find((p) => p.code === code)?.label ?? code;
}

/** The errors of an uploaded piece: a file, of an accepted type. */
/** The kinds of file a piece may be (told by the content, whatever the name says). */
const PIECE_FILE_KINDS = ["pdf", "jpeg", "png"] as const;

/** A piece's file: a PDF (readable), a JPEG or a PNG, told by its content; or the error at its field. */
async function receivePiece(
  body: unknown,
  field: string,
): Promise<{ upload: Upload | null; errors: FormErrors }> {
  const received = await receiveFile(body, field, PIECE_FILE_KINDS);
  if (received.status === "ok") return { upload: received.upload, errors: {} };
  const error =
    received.status === "none" ? "Choisissez le fichier de la pièce (PDF, JPEG ou PNG)" : received.error;
  return { upload: null, errors: { [field]: error } };
}

/** After a change of an open dossier, its status follows its pieces (brouillon, incomplet, complet). */
async function refreshStatus(tx: Tx, id: string, today: string): Promise<void> {
  const details = await loadCandidacy(tx, id);
  if (!details) return;
  await refreshOpenStatus(tx, details.candidacy, dossierOf(details, today).openStatus);
}

/**
 * The candidate's page is the same for everyone who holds the link: no account, no navigation, even
 * when someone of the training service opens it in their own session.
 */
function candidateChrome(reply: FastifyReply): PageChrome {
  return {
    user: null,
    nav: [],
    csrfToken: reply.generateCsrf(),
    nonce: (reply as FastifyReply & { cspNonce?: { script: string } }).cspNonce?.script,
    flash: null,
  };
}

const CLOSED_DOSSIER =
  "Le dossier a été présenté en commission : ses pièces et ses demandes ne peuvent plus être modifiées.";

export async function cncRoutes(app: FastifyInstance): Promise<void> {
  const db: Db = app.deps.database.db;
  const publicUrl = app.deps.config.publicUrl.replace(/\/$/, "");

  async function renderCandidacy(
    request: FastifyRequest,
    reply: FastifyReply,
    details: CandidacyDetails,
    values: FormValues = {},
    errors: FormErrors = {},
  ) {
    const today = todayInParis();
    const token = details.candidacy.trackingToken;
    const path = token ? `/cnc/suivi/${token}` : null;
    return sendPage(
      reply,
      candidacyPage({
        chrome: pageChrome(request, reply),
        details,
        dossier: dossierOf(details, today),
        trackingPath: path,
        trackingUrl: path ? `${publicUrl}${path}` : "",
        upcoming: await upcomingCommissions(db, today),
        today,
        values,
        errors,
      }),
      hasErrors(errors) ? 422 : 200,
    );
  }

  async function detailsOr404(id: string): Promise<CandidacyDetails> {
    const details = await loadCandidacy(db, id);
    if (!details) throw new NotFoundError();
    return details;
  }

  /**
   * A change of an open dossier, in one transaction with the candidacy locked; its status then follows
   * its pieces. Errors found before are shown on the dossier page (422).
   */
  async function changeDossier(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    form: { values: FormValues; errors: FormErrors },
    change: (tx: Tx, candidacy: CandidacyRow) => Promise<void>,
    flash: string,
  ) {
    if (hasErrors(form.errors)) {
      return renderCandidacy(request, reply, await detailsOr404(id), form.values, form.errors);
    }
    const today = todayInParis();
    await db.transaction(async (tx) => {
      const candidacy = await lockCandidacy(tx, id);
      if (!candidacy) throw new NotFoundError();
      if (!dossierOpen(candidacy.status)) throw new ConflictError(CLOSED_DOSSIER);
      await change(tx, candidacy);
      await refreshStatus(tx, id, today);
    });
    return redirectWithFlash(request, reply, `/cnc/candidatures/${id}`, flash);
  }

  // ------------------------------------------------------------------------------------------
  // List and new candidate
  // ------------------------------------------------------------------------------------------

  app.get("/cnc", { config: formation }, async (request, reply) => {
    const q = request.query as Record<string, string | undefined>;
    const mention = MENTIONS.includes(q.mention as Mention) ? (q.mention as Mention) : undefined;
    const status = CANDIDACY_STATUSES.includes(q.status as CandidacyStatus)
      ? (q.status as CandidacyStatus)
      : undefined;
    const page = pageNumber(q.page);
    const { rows, total } = await listCandidacies(db, { mention, status, page });
    return sendPage(
      reply,
      candidacyListPage({
        chrome: pageChrome(request, reply),
        filters: { mention, status },
        page,
        pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
        total,
        rows,
      }),
    );
  });

  app.get("/cnc/candidats/nouveau", { config: formation }, async (request, reply) =>
    sendPage(reply, candidateFormPage({ chrome: pageChrome(request, reply), values: {}, errors: {} })),
  );

  app.post("/cnc/candidats/nouveau", { config: formation }, async (request, reply) => {
    const user = currentUser(request);
    const values = normalizeForm(request.body);
    const form = validateForm(CandidateForm, values);
    const input = toCandidateInput(values);
    const errors = mergeErrors(form.errors, checkCandidate(input, values, todayInParis()));
    let linkedUserId: string | null = null;
    if (input.userEmail && !errors.userEmail) {
      linkedUserId = await findUserIdByEmail(db, input.userEmail);
      if (!linkedUserId) errors.userEmail = "Aucun compte Parcours n'a cette adresse e-mail";
    }
    if (hasErrors(errors)) {
      return sendPage(reply, candidateFormPage({ chrome: pageChrome(request, reply), values, errors }), 422);
    }
    // A candidate already registered for a certificate asked is shown first (no second dossier nor fee);
    // « Créer quand même » creates it and records which matches were shown.
    const confirmed = duplicateConfirmed(values);
    const outcome = await db.transaction(async (tx) => {
      const duplicates = await findLikelyCandidateDuplicates(tx, input);
      if (duplicates.length > 0 && !confirmed) return { duplicates, created: null };
      const created = await createCandidate(tx, input, linkedUserId, user.id);
      if (duplicates.length > 0)
        await recordConfirmedCandidateDuplicate(tx, user.id, created.candidateId, duplicates);
      return { duplicates, created };
    });
    if (!outcome.created) {
      const chrome = pageChrome(request, reply);
      return sendPage(
        reply,
        candidateFormPage({ chrome, values, errors: {}, duplicates: outcome.duplicates }),
        409,
      );
    }
    const created = outcome.created;
    const first = created.candidacies[0];
    if (!first) throw new Error("no candidacy created");
    const mentions = created.candidacies.map((c) => c.mention).join(", ");
    return redirectWithFlash(
      request,
      reply,
      `/cnc/candidatures/${first.id}`,
      `Le candidat ${candidateName(input)} a été enregistré (${pluralWord(created.candidacies.length, "mention")} ${mentions}).`,
    );
  });

  // ------------------------------------------------------------------------------------------
  // The dossier
  // ------------------------------------------------------------------------------------------

  app.get("/cnc/candidatures/:id", { config: formation }, async (request, reply) => {
    const { id } = request.params as { id: string };
    return renderCandidacy(request, reply, await detailsOr404(id));
  });

  app.post("/cnc/candidatures/:id/reglement", { config: formation }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const values = normalizeForm(request.body);
    const form = validateForm(PaymentForm, values);
    const errors: FormErrors = { ...form.errors };
    const paidOn = typeof values.feePaidOn === "string" ? values.feePaidOn : "";
    if (!errors.feePaidOn && paidOn > todayInParis())
      errors.feePaidOn = "La date du règlement ne peut pas être dans le futur";
    return changeDossier(
      request,
      reply,
      id,
      { values, errors },
      (tx, candidacy) => recordPayment(tx, candidacy.id, paidOn),
      `Le règlement des frais de dossier du ${formatDate(paidOn)} a été enregistré.`,
    );
  });

  app.post("/cnc/candidatures/:id/demandes", { config: formation }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const details = await detailsOr404(id);
    const values = normalizeForm(request.body);
    const dispenses = formList(values.requestedDispenses);
    const allegements = formList(values.requestedAllegements);
    const held = dossierOf(details, todayInParis()).held;
    const errors = checkRequests(details.candidacy.mention, dispenses, allegements, held);
    return changeDossier(
      request,
      reply,
      id,
      { values, errors },
      (tx, candidacy) => setRequests(tx, candidacy.id, dispenses, allegements),
      "Les dispenses et allègements demandés ont été enregistrés.",
    );
  });

  app.post("/cnc/candidatures/:id/pieces", { config: formation }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const values = normalizeForm(request.body);
    const { upload, errors: fileErrors } = await receivePiece(request.body, "file");
    const code = typeof values.pieceCode === "string" ? values.pieceCode : "";
    const errors: FormErrors = {
      ...(UPLOADABLE.has(code) ? {} : { pieceCode: "Choisissez la pièce que vous déposez" }),
      ...fileErrors,
    };
    delete values.file;
    return changeDossier(
      request,
      reply,
      id,
      { values, errors },
      (tx, candidacy) => providePiece(tx, candidacy.id, code, upload, "service"),
      `Pièce déposée : ${pieceLabel(code)}.`,
    );
  });

  app.post("/cnc/candidatures/:id/pieces/papier", { config: formation }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const values = normalizeForm(request.body);
    const code = typeof values.paperPieceCode === "string" ? values.paperPieceCode : "";
    const errors: FormErrors = UPLOADABLE.has(code)
      ? {}
      : { paperPieceCode: "Choisissez la pièce reçue sur papier" };
    return changeDossier(
      request,
      reply,
      id,
      { values, errors },
      (tx, candidacy) => providePiece(tx, candidacy.id, code, null, "service"),
      `Pièce reçue sur papier : ${pieceLabel(code)}.`,
    );
  });

  app.post("/cnc/candidatures/:id/pieces/:code/retirer", { config: formation }, async (request, reply) => {
    const { id, code } = request.params as { id: string; code: string };
    if (!UPLOADABLE.has(code)) throw new NotFoundError();
    return changeDossier(
      request,
      reply,
      id,
      { values: {}, errors: {} },
      (tx, candidacy) => removePiece(tx, candidacy.id, code),
      `Pièce retirée du dossier : ${pieceLabel(code)}.`,
    );
  });

  app.get("/cnc/candidatures/:id/pieces/:code", { config: formation }, async (request, reply) => {
    const { id, code } = request.params as { id: string; code: string };
    const file = await pieceFile(db, id, code);
    if (!file?.content || !file.filename) throw new NotFoundError();
    return reply
      .header("content-type", file.mimeType ?? "application/octet-stream")
      .header("content-disposition", attachmentHeader(file.filename))
      .header("cache-control", "no-store")
      .send(file.content);
  });

  app.post("/cnc/candidatures/:id/commission", { config: formation }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const details = await detailsOr404(id);
    const today = todayInParis();
    const values = normalizeForm(request.body);
    const form = validateForm(PresentForm, values);
    const errors: FormErrors = { ...form.errors };
    if (!dossierOpen(details.candidacy.status)) throw new ConflictError(CLOSED_DOSSIER);
    const upcoming = await upcomingCommissions(db, today);
    const commission = upcoming.find((c) => c.id === values.commissionId);
    if (!errors.commissionId && !commission)
      errors.commissionId = "Choisissez une commission à venir dans la liste";
    if (!dossierOf(details, today).complete)
      errors.commissionId =
        "Le dossier est incomplet : il ne peut pas être présenté en commission tant que des pièces manquent";
    if (hasErrors(errors) || !commission) return renderCandidacy(request, reply, details, values, errors);
    await db.transaction(async (tx) => {
      const locked = await lockCandidacy(tx, id);
      const fresh = await loadCandidacy(tx, id);
      if (!locked || !fresh) throw new NotFoundError();
      if (!dossierOpen(locked.status) || !dossierOf(fresh, today).complete)
        throw new ConflictError("Le dossier a changé entre-temps : rechargez la page.");
      await presentToCommission(tx, id, commission.id);
    });
    return redirectWithFlash(
      request,
      reply,
      `/cnc/candidatures/${id}`,
      `Le dossier a été présenté à la commission du ${formatDate(commission.meetsOn)}.`,
    );
  });

  app.post("/cnc/candidatures/:id/contestation", { config: formation }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const details = await detailsOr404(id);
    const values = normalizeForm(request.body);
    const form = validateForm(ContestForm, values);
    const errors: FormErrors = { ...form.errors };
    const contestedOn = typeof values.contestedOn === "string" ? values.contestedOn : "";
    const reason = typeof values.reason === "string" ? values.reason : "";
    if (!errors.contestedOn && contestedOn > todayInParis())
      errors.contestedOn = "La date de la contestation ne peut pas être dans le futur";
    if (!canContest(details.candidacy.status))
      throw new ConflictError("La décision ne peut pas être contestée à ce stade.");
    if (hasErrors(errors)) return renderCandidacy(request, reply, details, values, errors);
    await db.transaction(async (tx) => {
      const locked = await lockCandidacy(tx, id);
      if (!locked) throw new NotFoundError();
      if (!canContest(locked.status))
        throw new ConflictError("La décision ne peut pas être contestée à ce stade.");
      await recordContest(tx, id, { contestedOn, reason, source: "service" });
    });
    return redirectWithFlash(
      request,
      reply,
      `/cnc/candidatures/${id}`,
      "La contestation a été enregistrée : planifiez l'entretien avec un représentant de la commission.",
    );
  });

  app.post("/cnc/candidatures/:id/entretien", { config: formation }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const details = await detailsOr404(id);
    const values = normalizeForm(request.body);
    const form = validateForm(InterviewForm, values);
    const errors: FormErrors = { ...form.errors };
    const interviewOn = typeof values.interviewOn === "string" ? values.interviewOn : "";
    const memberId = typeof values.memberId === "string" ? values.memberId : "";
    const contest = details.contest?.contest;
    if (details.candidacy.status !== "conteste" || !contest)
      throw new ConflictError("Aucune contestation n'attend d'entretien pour cette candidature.");
    if (!errors.memberId && !details.members.some((m) => m.id === memberId))
      errors.memberId = "Choisissez un membre de la commission qui a examiné le dossier";
    if (!errors.interviewOn && interviewOn < contest.contestedOn)
      errors.interviewOn = "L'entretien ne peut pas avoir lieu avant la contestation";
    if (hasErrors(errors)) return renderCandidacy(request, reply, details, values, errors);
    await db.transaction(async (tx) => {
      const locked = await lockCandidacy(tx, id);
      if (locked?.status !== "conteste")
        throw new ConflictError("Aucune contestation n'attend d'entretien pour cette candidature.");
      await scheduleInterview(tx, contest.id, id, { interviewOn, memberId });
    });
    return redirectWithFlash(
      request,
      reply,
      `/cnc/candidatures/${id}`,
      `L'entretien est planifié le ${formatDate(interviewOn)}.`,
    );
  });

  app.post("/cnc/candidatures/:id/changer-commission", { config: formation }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const details = await detailsOr404(id);
    const values = normalizeForm(request.body);
    if (!canMoveCommission(details.candidacy.status))
      throw new ConflictError(
        "Seul un dossier en attente de décision ou contesté peut être présenté à une autre commission.",
      );
    const upcoming = await upcomingCommissions(db, todayInParis());
    const target = upcoming.find(
      (c) => c.id === values.newCommissionId && c.id !== details.candidacy.commissionId,
    );
    if (!target)
      return renderCandidacy(request, reply, details, values, {
        newCommissionId: "Choisissez une autre commission à venir dans la liste",
      });
    await db.transaction(async (tx) => {
      const locked = await lockCandidacy(tx, id);
      if (!locked || !canMoveCommission(locked.status))
        throw new ConflictError("Le dossier a changé entre-temps : rechargez la page.");
      await moveToCommission(tx, id, target.id);
    });
    return redirectWithFlash(
      request,
      reply,
      `/cnc/candidatures/${id}`,
      `Le dossier est présenté à la commission du ${formatDate(target.meetsOn)}, qui l'examinera à nouveau.`,
    );
  });

  // ------------------------------------------------------------------------------------------
  // Commissions
  // ------------------------------------------------------------------------------------------

  app.get("/cnc/commissions", { config: formation }, async (request, reply) =>
    sendPage(
      reply,
      commissionListPage({ chrome: pageChrome(request, reply), rows: await listCommissions(db) }),
    ),
  );

  app.get("/cnc/commissions/nouvelle", { config: formation }, async (request, reply) =>
    sendPage(reply, commissionFormPage({ chrome: pageChrome(request, reply), values: {}, errors: {} })),
  );

  app.post("/cnc/commissions/nouvelle", { config: formation }, async (request, reply) => {
    const user = currentUser(request);
    const values = normalizeForm(request.body);
    const form = validateForm(CommissionForm, values);
    const members = toMembers(values);
    const errors = mergeErrors(form.errors, checkMembers(members));
    const composition = checkCommissionComposition(
      members.filter((m) => m.name && m.role).map((m) => ({ role: m.role ?? "professional" })),
    );
    if (!composition.ok) errors.members = `Composition incomplète. ${composition.problems.join(". ")}.`;
    if (hasErrors(errors)) {
      return sendPage(reply, commissionFormPage({ chrome: pageChrome(request, reply), values, errors }), 422);
    }
    const meetsOn = String(values.meetsOn);
    const place = typeof values.place === "string" ? values.place : null;
    const id = await db.transaction((tx) => createCommission(tx, { meetsOn, place }, members, user.id));
    return redirectWithFlash(
      request,
      reply,
      `/cnc/commissions/${id}`,
      `La commission du ${formatDate(meetsOn)} a été créée.`,
    );
  });

  async function renderCommission(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    failed?: { candidacyId: string; values: FormValues; errors: FormErrors },
  ) {
    const commission = await findCommission(db, id);
    if (!commission) throw new NotFoundError();
    const today = todayInParis();
    const [members, rows] = await Promise.all([membersOf(db, id), candidaciesOfCommission(db, id)]);
    const presented = [];
    for (const row of rows) {
      const details = await loadCandidacy(db, row.candidacy.id);
      if (!details) continue;
      presented.push({
        candidacy: details.candidacy,
        candidate: details.candidate,
        dossier: dossierOf(details, today),
        decision: details.decision,
      });
    }
    return sendPage(
      reply,
      commissionPage({
        chrome: pageChrome(request, reply),
        commission,
        members,
        presented,
        today,
        ...(failed ? { failed } : {}),
      }),
      failed ? 422 : 200,
    );
  }

  app.get("/cnc/commissions/:id", { config: formation }, async (request, reply) => {
    const { id } = request.params as { id: string };
    return renderCommission(request, reply, id);
  });

  app.post("/cnc/commissions/:id/decisions/:candidacyId", { config: formation }, async (request, reply) => {
    const user = currentUser(request);
    const { id, candidacyId } = request.params as { id: string; candidacyId: string };
    const commission = await findCommission(db, id);
    const details = await loadCandidacy(db, candidacyId);
    if (!commission || !details || details.candidacy.commissionId !== commission.id)
      throw new NotFoundError();
    if (!canDecide(details.candidacy.status))
      throw new ConflictError("Cette candidature n'attend pas de décision de la commission.");
    const today = todayInParis();
    const values = unprefix(normalizeForm(request.body), decisionPrefix(candidacyId));
    const form = validateForm(DecisionForm, values);
    const input = toDecisionInput(values);
    const held = dossierOf(details, today).held;
    const errors = mergeErrors(
      form.errors,
      form.ok ? checkDecision(input, details.candidacy.mention, held) : {},
    );
    if (!errors.outcome && commission.meetsOn > today)
      errors.outcome = `La commission se réunit le ${formatDate(commission.meetsOn)} : sa décision sera enregistrée à partir de ce jour`;
    if (hasErrors(errors)) return renderCommission(request, reply, id, { candidacyId, values, errors });
    const course =
      input.outcome !== "refuse" && input.entryDate
        ? courseOf(
            details.candidacy.mention,
            details.experiences,
            held,
            input.dispensed,
            input.alleged,
            input.entryDate,
            details.pieces.some((p) => p.code === "work_certificates" && p.provided),
          )
        : null;
    await db.transaction(async (tx) => {
      const locked = await lockCandidacy(tx, candidacyId);
      if (!locked || !canDecide(locked.status))
        throw new ConflictError("Cette candidature n'attend pas de décision de la commission.");
      await recordDecision(
        tx,
        locked,
        commission.id,
        input,
        {
          internshipDispensed: course?.internship.dispensed ?? false,
          theoryHoursDue: course?.theoryHoursDue ?? null,
        },
        user.id,
      );
    });
    return redirectWithFlash(
      request,
      reply,
      `/cnc/commissions/${id}#candidature-${candidacyId}`,
      `Décision enregistrée pour ${candidateName(details.candidate)} (mention ${details.candidacy.mention}).`,
    );
  });

  // ------------------------------------------------------------------------------------------
  // The candidate's private page
  // ------------------------------------------------------------------------------------------

  const CONFIRMATIONS: Record<string, string> = {
    piece: "Votre pièce a bien été reçue. Merci.",
    contestation:
      "Votre contestation a été enregistrée. Le service formation va vous proposer un entretien avec un représentant de la commission.",
  };

  async function renderTracking(
    request: FastifyRequest,
    reply: FastifyReply,
    token: string,
    values: FormValues = {},
    errors: FormErrors = {},
  ) {
    const found = await loadByToken(db, token);
    if (!found || found.length === 0) throw new NotFoundError();
    const today = todayInParis();
    const sent = (request.query as { envoi?: string }).envoi;
    reply.header("cache-control", "no-store").header("x-robots-tag", "noindex, nofollow");
    return sendPage(
      reply,
      trackingPage({
        chrome: candidateChrome(reply),
        items: found.map((details) => ({ details, dossier: dossierOf(details, today) })),
        confirmation: hasErrors(errors) ? null : (CONFIRMATIONS[sent ?? ""] ?? null),
        values,
        errors,
      }),
      hasErrors(errors) ? 422 : 200,
    );
  }

  app.get("/cnc/suivi/:token", { config: publicLimited }, async (request, reply) => {
    const { token } = request.params as { token: string };
    return renderTracking(request, reply, token);
  });

  app.post("/cnc/suivi/:token/pieces", { config: publicLimited }, async (request, reply) => {
    const { token } = request.params as { token: string };
    const candidacy = await findCandidacyByToken(db, token);
    if (!candidacy) throw new NotFoundError();
    if (!dossierOpen(candidacy.status))
      throw new ConflictError(
        "Votre dossier a déjà été présenté à la commission : il n'attend plus de pièce.",
      );
    const suffix = `-${candidacy.mention}`;
    const values = normalizeForm(request.body);
    delete values[`file${suffix}`];
    const code = values[`pieceCode${suffix}`];
    const { upload, errors: fileErrors } = await receivePiece(request.body, `file${suffix}`);
    const today = todayInParis();
    const details = await loadCandidacy(db, candidacy.id);
    if (!details) throw new NotFoundError();
    const missing = dossierOf(details, today).missing.map((p) => p.code);
    const errors: FormErrors = {
      ...(typeof code === "string" && UPLOADABLE.has(code) && missing.includes(code)
        ? {}
        : { [`pieceCode${suffix}`]: "Choisissez une pièce manquante dans la liste" }),
      ...fileErrors,
    };
    if (hasErrors(errors) || typeof code !== "string")
      return renderTracking(request, reply, token, values, errors);
    await db.transaction(async (tx) => {
      const locked = await lockCandidacy(tx, candidacy.id);
      if (!locked || !dossierOpen(locked.status))
        throw new ConflictError(
          "Votre dossier a déjà été présenté à la commission : il n'attend plus de pièce.",
        );
      await providePiece(tx, candidacy.id, code, upload, "candidat");
      await refreshStatus(tx, candidacy.id, today);
    });
    return reply.redirect(`/cnc/suivi/${token}?envoi=piece`, 303);
  });

  app.post("/cnc/suivi/:token/contestation", { config: publicLimited }, async (request, reply) => {
    const { token } = request.params as { token: string };
    const candidacy = await findCandidacyByToken(db, token);
    if (!candidacy) throw new NotFoundError();
    if (!canContest(candidacy.status))
      throw new ConflictError("La décision ne peut pas être contestée à ce stade.");
    const suffix = `-${candidacy.mention}`;
    const all = normalizeForm(request.body);
    const reasonValue = all[`reason${suffix}`];
    const values: FormValues = reasonValue === undefined ? {} : { reason: reasonValue };
    const form = validateForm(CandidateContestForm, values);
    if (!form.ok) {
      const errors = Object.fromEntries(Object.entries(form.errors).map(([k, e]) => [`${k}${suffix}`, e]));
      return renderTracking(request, reply, token, all, errors);
    }
    const reason = String(values.reason);
    await db.transaction(async (tx) => {
      const locked = await lockCandidacy(tx, candidacy.id);
      if (!locked || !canContest(locked.status))
        throw new ConflictError("La décision ne peut pas être contestée à ce stade.");
      await recordContest(tx, candidacy.id, { contestedOn: todayInParis(), reason, source: "candidat" });
    });
    return reply.redirect(`/cnc/suivi/${token}?envoi=contestation`, 303);
  });
}
