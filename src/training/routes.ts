import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Role } from "../accounts/tables.ts";
import {
  attemptContexts,
  attemptsOf,
  latestAttemptsOfSession,
  questionCounts,
  retakesOfSession,
} from "../knowledge-tests/queries.ts";
import { attemptRefusal, canRefuseTest } from "../knowledge-tests/rules.ts";
import type { CurrentUser } from "../platform/auth.ts";
import type { Queryable } from "../platform/db.ts";
import { ConflictError, NotFoundError } from "../platform/errors.ts";
import {
  type FormErrors,
  type FormValues,
  mergeErrors,
  normalizeForm,
  validateForm,
} from "../platform/forms.ts";
import { pageChrome, redirectWithFlash, sendPage } from "../platform/page.ts";
import { currentUser, pageNumber, todayInParis } from "../platform/request-context.ts";
import {
  checkFunding,
  checkSessionForm,
  checkTraining,
  EnrolmentDateForm,
  SessionForm,
  type SessionFormInput,
  TrainingForm,
  toSessionInput,
  toTrainingInput,
} from "./form.ts";
import {
  cancelEnrolment,
  cancelSession,
  createSession,
  createTraining,
  ENROLMENT_PAGE_SIZE,
  type EnrolmentListRow,
  enrol,
  enrolmentsOfSession,
  enrolmentsOfTrainee,
  findEnrolment,
  findSession,
  findTrainee,
  findTraining,
  findTrainingByCode,
  listEnrolments,
  listTrainings,
  type ResultInput,
  type SessionDetail,
  saveResult,
  sessionsOfTraining,
  type TraineeOption,
  trainees,
  upcomingSessions,
  updateSession,
  updateTraining,
} from "./queries.ts";
import { enrolmentDateError, parsePercent, sessionUsesTest } from "./rules.ts";
import {
  cataloguePage,
  enrolmentListPage,
  enrolmentPage,
  myEnrolmentsPage,
  resultsPage,
  resultValues,
  sessionFormPage,
  sessionPage,
  trainingFormPage,
  trainingPage,
} from "./views.tsx";

/*
 * The training service: catalogue, sessions, enrolment with waiting list, results.
 *
 *   GET        /formation                                  catalogue and upcoming sessions (all training roles)
 *   GET, POST  /formation/formations/nouvelle              add a training (formation)
 *   GET        /formation/formations/:id                   a training and its sessions
 *   GET, POST  /formation/formations/:id/modifier          change a training (formation)
 *   GET, POST  /formation/formations/:id/sessions/nouvelle schedule a session (formation)
 *   GET        /formation/sessions/:id                     a session, enrolment forms, places and waiting list
 *   GET, POST  /formation/sessions/:id/modifier            change a session (formation)
 *   POST       /formation/sessions/:id/annulation          cancel a session (formation)
 *   POST       /formation/sessions/:id/inscription         enrol oneself, a member of staff (direction) or anyone (formation)
 *   GET, POST  /formation/sessions/:id/resultats           attendance, test score, refusal, équivalence (formation)
 *   GET        /formation/mes-inscriptions                 the trainee's enrolments
 *   GET        /formation/inscriptions                     the staff's enrolments (direction) or all (formation)
 *   GET        /formation/inscriptions/:id                 one enrolment (the trainee, their direction, formation)
 *   POST       /formation/inscriptions/:id/annulation      cancel an enrolment; the waiting list moves up
 *
 * Training data is not justice data: no row-level security; who sees what is decided here. The
 * training service sees everything; a trainee sees the catalogue, the sessions and their own
 * enrolments; a direction sees and enrols the staff of its association.
 */

const TRAINING_ROLES: readonly Role[] = ["intervenant", "chef_service", "direction", "formation"];
const anyTrainingRole = { roles: TRAINING_ROLES };
const formationOnly = { roles: ["formation"] as const satisfies readonly Role[] };
const traineeRoles = { roles: ["intervenant", "chef_service"] as const satisfies readonly Role[] };

export function isTrainee(user: CurrentUser): boolean {
  return user.role === "intervenant" || user.role === "chef_service";
}

/** Whether the user may see an enrolment: the trainee, the direction of their association, the training service. */
export function canSeeEnrolment(
  user: CurrentUser,
  e: { traineeId: string; associationId: string | null },
): boolean {
  if (user.role === "formation") return true;
  if (e.traineeId === user.id) return true;
  return user.role === "direction" && user.associationId !== null && e.associationId === user.associationId;
}

function dbOf(request: FastifyRequest) {
  return request.server.deps.database.db;
}

function str(values: FormValues, key: string): string | null {
  const v = values[key];
  return typeof v === "string" ? v : null;
}

function formValuesOf(record: Record<string, unknown>): FormValues {
  return Object.fromEntries(
    Object.entries(record).map(([k, v]) => [
      k,
      v === null || v === false || v === undefined ? undefined : v === true ? "1" : String(v),
    ]),
  );
}

async function loadSession(db: Queryable, id: string): Promise<SessionDetail> {
  const detail = await findSession(db, id);
  if (!detail) throw new NotFoundError();
  return detail;
}

/** The session page for this user: the enrolments they may see and the people they may enrol. */
async function renderSessionPage(
  request: FastifyRequest,
  reply: FastifyReply,
  sessionId: string,
  form: { values: FormValues; errors: FormErrors },
  status = 200,
) {
  const user = currentUser(request);
  const db = dbOf(request);
  const detail = await loadSession(db, sessionId);
  const all = await enrolmentsOfSession(db, sessionId);
  const visible = all.filter((e) => canSeeEnrolment(user, e));
  let traineeOptions: TraineeOption[] = [];
  if (user.role === "formation" || user.role === "direction") {
    const taken = new Set(all.filter((e) => e.status !== "annule").map((e) => e.traineeId));
    const pool = await trainees(db, user.role === "direction" ? user.associationId : null);
    traineeOptions = pool.filter((t) => !taken.has(t.id));
  }
  return sendPage(
    reply,
    sessionPage({
      chrome: pageChrome(request, reply),
      role: user.role,
      userId: user.id,
      detail,
      enrolments: visible,
      traineeOptions,
      values: form.values,
      errors: form.errors,
      today: todayInParis(),
    }),
    status,
  );
}

/** Reads the results form of a session: one set of fields per enrolled trainee. */
function readResults(
  rows: EnrolmentListRow[],
  values: FormValues,
  usesTest: boolean,
): { errors: FormErrors; results: Map<string, ResultInput> } {
  const errors: FormErrors = {};
  const results = new Map<string, ResultInput>();
  for (const r of rows) {
    const attendance = parsePercent(str(values, `attendance-${r.id}`));
    if (attendance === "invalid") {
      errors[`attendance-${r.id}`] = "Saisissez un taux de présence entre 0 et 100, par exemple 87,5";
    }
    const score = usesTest ? parsePercent(str(values, `score-${r.id}`)) : null;
    if (score === "invalid") {
      errors[`score-${r.id}`] = "Saisissez un score entre 0 et 100, par exemple 62,5";
    }
    const refused = usesTest && values[`refused-${r.id}`] !== undefined;
    if (refused && score !== null && score !== "invalid") {
      errors[`refused-${r.id}`] = "Indiquez soit le score au test, soit le refus du test, pas les deux";
    }
    const equivalence = values[`equivalence-${r.id}`] !== undefined;
    const reason = str(values, `reason-${r.id}`);
    if (equivalence && !reason) {
      errors[`reason-${r.id}`] = "Indiquez le motif de l'équivalence accordée";
    } else if (!equivalence && reason) {
      errors[`equivalence-${r.id}`] = "Cochez « Équivalence accordée » ou effacez le motif";
    } else if (reason && reason.length > 500) {
      errors[`reason-${r.id}`] = "Le motif de l'équivalence doit faire 500 caractères au plus";
    }
    results.set(r.id, {
      attendanceRate: attendance === "invalid" ? null : attendance,
      testScore: score === "invalid" || refused ? null : score,
      testRefused: refused,
      equivalenceReason: equivalence ? reason : null,
    });
  }
  return { errors, results };
}

export async function trainingRoutes(app: FastifyInstance): Promise<void> {
  // ------------------------------------------------------------------------------------------
  // Catalogue
  // ------------------------------------------------------------------------------------------

  app.get("/formation", { config: anyTrainingRole }, async (request, reply) => {
    const user = currentUser(request);
    const db = dbOf(request);
    const today = todayInParis();
    const [list, sessions] = [await listTrainings(db, today), await upcomingSessions(db, today)];
    return sendPage(
      reply,
      cataloguePage({ chrome: pageChrome(request, reply), role: user.role, trainings: list, sessions }),
    );
  });

  app.get("/formation/formations/nouvelle", { config: formationOnly }, async (request, reply) =>
    sendPage(
      reply,
      trainingFormPage({ chrome: pageChrome(request, reply), values: { countsForCisj: "1" }, errors: {} }),
    ),
  );

  app.post("/formation/formations/nouvelle", { config: formationOnly }, async (request, reply) => {
    const values = normalizeForm(request.body);
    const form = validateForm(TrainingForm, values);
    const input = toTrainingInput(values);
    const db = dbOf(request);
    const errors = mergeErrors(form.errors, form.ok ? checkTraining(input) : {});
    if (!errors.code && form.ok) {
      const taken = await findTrainingByCode(db, input.code);
      if (taken) errors.code = `Le code ${input.code} est déjà celui de la formation « ${taken.title} »`;
    }
    if (Object.keys(errors).length > 0) {
      return sendPage(reply, trainingFormPage({ chrome: pageChrome(request, reply), values, errors }), 422);
    }
    const id = await db.transaction((tx) => createTraining(tx, input));
    return redirectWithFlash(
      request,
      reply,
      `/formation/formations/${id}`,
      "La formation a été ajoutée au catalogue.",
    );
  });

  app.get("/formation/formations/:id", { config: anyTrainingRole }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const user = currentUser(request);
    const db = dbOf(request);
    const training = await findTraining(db, id);
    if (!training) throw new NotFoundError();
    const counts = await questionCounts(db);
    return sendPage(
      reply,
      trainingPage({
        chrome: pageChrome(request, reply),
        role: user.role,
        training,
        sessions: await sessionsOfTraining(db, id),
        questionCount: counts.get(id) ?? 0,
        today: todayInParis(),
      }),
    );
  });

  app.get("/formation/formations/:id/modifier", { config: formationOnly }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const training = await findTraining(dbOf(request), id);
    if (!training) throw new NotFoundError();
    return sendPage(
      reply,
      trainingFormPage({
        chrome: pageChrome(request, reply),
        values: formValuesOf({ ...training, countsForCisj: training.countsForCisj }),
        errors: {},
        training,
      }),
    );
  });

  app.post("/formation/formations/:id/modifier", { config: formationOnly }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const db = dbOf(request);
    const training = await findTraining(db, id);
    if (!training) throw new NotFoundError();
    const values = normalizeForm(request.body);
    const form = validateForm(TrainingForm, values);
    const input = toTrainingInput(values);
    const errors = mergeErrors(form.errors, form.ok ? checkTraining(input) : {});
    if (!errors.code && form.ok) {
      const taken = await findTrainingByCode(db, input.code);
      if (taken && taken.id !== id) {
        errors.code = `Le code ${input.code} est déjà celui de la formation « ${taken.title} »`;
      }
    }
    if (Object.keys(errors).length > 0) {
      return sendPage(
        reply,
        trainingFormPage({ chrome: pageChrome(request, reply), values, errors, training }),
        422,
      );
    }
    await db.transaction((tx) => updateTraining(tx, id, input));
    return redirectWithFlash(
      request,
      reply,
      `/formation/formations/${id}`,
      "Les modifications ont été enregistrées.",
    );
  });

  // ------------------------------------------------------------------------------------------
  // Sessions
  // ------------------------------------------------------------------------------------------

  app.get(
    "/formation/formations/:id/sessions/nouvelle",
    { config: formationOnly },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const training = await findTraining(dbOf(request), id);
      if (!training) throw new NotFoundError();
      return sendPage(
        reply,
        sessionFormPage({ chrome: pageChrome(request, reply), training, values: {}, errors: {} }),
      );
    },
  );

  app.post(
    "/formation/formations/:id/sessions/nouvelle",
    { config: formationOnly },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const db = dbOf(request);
      const training = await findTraining(db, id);
      if (!training) throw new NotFoundError();
      const values = normalizeForm(request.body);
      const form = validateForm(SessionForm, values);
      const input = toSessionInput(values);
      const errors = mergeErrors(form.errors, form.ok ? checkSessionForm(input) : {});
      if (Object.keys(errors).length > 0) {
        return sendPage(
          reply,
          sessionFormPage({ chrome: pageChrome(request, reply), training, values, errors }),
          422,
        );
      }
      const sessionId = await db.transaction((tx) => createSession(tx, id, input));
      return redirectWithFlash(
        request,
        reply,
        `/formation/sessions/${sessionId}`,
        "La session a été programmée.",
      );
    },
  );

  app.get("/formation/sessions/:id", { config: anyTrainingRole }, async (request, reply) => {
    const { id } = request.params as { id: string };
    return renderSessionPage(request, reply, id, { values: {}, errors: {} });
  });

  app.get("/formation/sessions/:id/modifier", { config: formationOnly }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const detail = await loadSession(dbOf(request), id);
    const s = detail.session;
    return sendPage(
      reply,
      sessionFormPage({
        chrome: pageChrome(request, reply),
        training: detail.training,
        detail,
        values: formValuesOf({
          startsOn: s.startsOn,
          endsOn: s.endsOn,
          place: s.place,
          distance: s.distance,
          trainers: s.trainers,
          capacity: s.capacity,
        }),
        errors: {},
      }),
    );
  });

  app.post("/formation/sessions/:id/modifier", { config: formationOnly }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const db = dbOf(request);
    const detail = await loadSession(db, id);
    const values = normalizeForm(request.body);
    const form = validateForm(SessionForm, values);
    const input: SessionFormInput = toSessionInput(values);
    const errors = mergeErrors(form.errors, form.ok ? checkSessionForm(input) : {});
    const outcome =
      Object.keys(errors).length > 0 ? null : await db.transaction((tx) => updateSession(tx, id, input));
    if (outcome && !outcome.ok && outcome.reason === "capacity_below_enrolled") {
      errors.capacity = `La capacité ne peut pas être inférieure au nombre d'inscrits (${outcome.enrolled})`;
    }
    if (!outcome?.ok) {
      return sendPage(
        reply,
        sessionFormPage({
          chrome: pageChrome(request, reply),
          training: detail.training,
          detail,
          values,
          errors,
        }),
        422,
      );
    }
    const promoted =
      outcome.promoted > 0
        ? ` ${outcome.promoted === 1 ? "Une personne de la liste d'attente a" : `${outcome.promoted} personnes de la liste d'attente ont`} obtenu une place.`
        : "";
    return redirectWithFlash(
      request,
      reply,
      `/formation/sessions/${id}`,
      `La session a été modifiée.${promoted}`,
    );
  });

  app.post("/formation/sessions/:id/annulation", { config: formationOnly }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const db = dbOf(request);
    const detail = await loadSession(db, id);
    if (detail.session.status === "annulee") throw new ConflictError("Cette session est déjà annulée.");
    await db.transaction((tx) => cancelSession(tx, id));
    return redirectWithFlash(
      request,
      reply,
      `/formation/sessions/${id}`,
      "La session a été annulée, ainsi que ses inscriptions et sa liste d'attente.",
    );
  });

  // ------------------------------------------------------------------------------------------
  // Enrolment
  // ------------------------------------------------------------------------------------------

  app.post("/formation/sessions/:id/inscription", { config: anyTrainingRole }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const user = currentUser(request);
    const db = dbOf(request);
    const detail = await loadSession(db, id);
    const values = normalizeForm(request.body);
    const errors = checkFunding(values);
    let enrolledOn: string | null = null;
    if (user.role === "formation") {
      const dated = validateForm(EnrolmentDateForm, values);
      Object.assign(errors, dated.errors);
      enrolledOn = typeof values.enrolledOn === "string" && values.enrolledOn ? values.enrolledOn : null;
      const dateError =
        enrolledOn && !errors.enrolledOn
          ? enrolmentDateError(enrolledOn, detail.session, todayInParis())
          : null;
      if (dateError) errors.enrolledOn = dateError;
    }
    let target: TraineeOption | null = null;
    if (isTrainee(user)) {
      target = await findTrainee(db, user.id);
    } else {
      const traineeId = str(values, "traineeId");
      target = traineeId ? await findTrainee(db, traineeId) : null;
      if (!target) {
        errors.traineeId =
          user.role === "direction"
            ? "Choisissez le ou la salarié·e à inscrire dans la liste"
            : "Choisissez l'intervenant·e à inscrire dans la liste";
      } else if (user.role === "direction" && target.associationId !== user.associationId) {
        target = null;
        errors.traineeId = "Choisissez un·e salarié·e de votre association dans la liste";
      }
    }
    if (Object.keys(errors).length > 0 || !target) {
      return renderSessionPage(request, reply, id, { values, errors }, 422);
    }
    const funding = str(values, "funding") ?? "";
    const chosen = target;
    const outcome = await db.transaction((tx) =>
      enrol(tx, {
        sessionId: id,
        traineeId: chosen.id,
        associationId: chosen.associationId,
        funding,
        enrolledBy: user.id,
        today: todayInParis(),
        allowStarted: user.role === "formation",
        enrolledOn,
      }),
    );
    const self = chosen.id === user.id;
    const who = `${chosen.firstName} ${chosen.lastName}`;
    if (!outcome.ok) {
      if (outcome.reason === "not_found") throw new NotFoundError();
      if (outcome.reason === "already_enrolled") {
        throw new ConflictError(
          self ? "Vous êtes déjà inscrit·e à cette session." : `${who} est déjà inscrit·e à cette session.`,
        );
      }
      if (outcome.reason === "session_closed") {
        throw new ConflictError("Cette session est annulée : on ne peut plus s'y inscrire.");
      }
      throw new ConflictError("Les inscriptions sont closes : la session a déjà commencé.");
    }
    const flash =
      outcome.status === "inscrit"
        ? self
          ? "Votre inscription est enregistrée."
          : `${who} est inscrit·e à la session.`
        : self
          ? `La session est complète : vous êtes inscrit·e sur la liste d'attente, en position ${outcome.position}.`
          : `La session est complète : ${who} est inscrit·e sur la liste d'attente, en position ${outcome.position}.`;
    return redirectWithFlash(request, reply, `/formation/sessions/${detail.session.id}`, flash);
  });

  app.get("/formation/mes-inscriptions", { config: traineeRoles }, async (request, reply) => {
    const user = currentUser(request);
    const db = dbOf(request);
    const today = todayInParis();
    const rows = await enrolmentsOfTrainee(db, user.id);
    const contexts = await attemptContexts(
      db,
      rows.map((r) => ({ ...r, sessionStatus: r.sessionStatus })),
      today,
    );
    const testOpen = new Set(
      [...contexts].filter(([, c]) => attemptRefusal(c) === null).map(([enrolmentId]) => enrolmentId),
    );
    return sendPage(reply, myEnrolmentsPage({ chrome: pageChrome(request, reply), rows, testOpen, today }));
  });

  app.get(
    "/formation/inscriptions",
    { config: { roles: ["direction", "formation"] } },
    async (request, reply) => {
      const user = currentUser(request);
      const page = pageNumber((request.query as { page?: string }).page);
      const { rows, total } = await listEnrolments(dbOf(request), {
        associationId:
          user.role === "direction" ? (user.associationId ?? "00000000-0000-0000-0000-000000000000") : null,
        page,
      });
      return sendPage(
        reply,
        enrolmentListPage({
          chrome: pageChrome(request, reply),
          role: user.role,
          rows,
          page,
          pageCount: Math.max(1, Math.ceil(total / ENROLMENT_PAGE_SIZE)),
          total,
          today: todayInParis(),
        }),
      );
    },
  );

  app.get("/formation/inscriptions/:id", { config: anyTrainingRole }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const user = currentUser(request);
    const db = dbOf(request);
    const detail = await findEnrolment(db, id);
    if (!detail || !canSeeEnrolment(user, detail.enrolment)) throw new NotFoundError();
    const today = todayInParis();
    const own = detail.enrolment.traineeId === user.id;
    const [context] = (
      await attemptContexts(
        db,
        [
          {
            id,
            status: detail.enrolment.status,
            sessionStatus: detail.session.status,
            startsOn: detail.session.startsOn,
            endsOn: detail.session.endsOn,
            testRefused: detail.enrolment.testRefused,
            trainingId: detail.training.id,
          },
        ],
        today,
      )
    ).values();
    if (!context) throw new NotFoundError();
    const started = detail.session.startsOn <= today;
    const canCancel =
      detail.enrolment.status !== "annule" &&
      detail.session.status !== "annulee" &&
      (user.role === "formation" || !started);
    return sendPage(
      reply,
      enrolmentPage({
        chrome: pageChrome(request, reply),
        detail,
        own,
        canCancel,
        testRefusal: own ? attemptRefusal(context) : "",
        canRefuseTest: own && sessionUsesTest(detail.session.startsOn) && canRefuseTest(context),
        attempts: await attemptsOf(db, id),
        retakeAllowed: context.retakeAllowed,
        today,
      }),
    );
  });

  app.post("/formation/inscriptions/:id/annulation", { config: anyTrainingRole }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const user = currentUser(request);
    const db = dbOf(request);
    const detail = await findEnrolment(db, id);
    if (!detail || !canSeeEnrolment(user, detail.enrolment)) throw new NotFoundError();
    if (detail.enrolment.status === "annule") throw new ConflictError("Cette inscription est déjà annulée.");
    if (detail.session.status === "annulee") throw new ConflictError("Cette session est annulée.");
    if (user.role !== "formation" && detail.session.startsOn <= todayInParis()) {
      throw new ConflictError(
        "La session a commencé : pour annuler l'inscription, prenez contact avec le service Formation.",
      );
    }
    const promoted = await db.transaction((tx) => cancelEnrolment(tx, id));
    const more =
      promoted.length > 0 ? " La première personne de la liste d'attente a obtenu la place libérée." : "";
    return redirectWithFlash(
      request,
      reply,
      `/formation/sessions/${detail.session.id}`,
      `L'inscription a été annulée.${more}`,
    );
  });

  // ------------------------------------------------------------------------------------------
  // Results
  // ------------------------------------------------------------------------------------------

  async function resultsModel(db: Queryable, id: string) {
    const detail = await loadSession(db, id);
    const rows = (await enrolmentsOfSession(db, id)).filter((e) => e.status === "inscrit");
    const attempts = await latestAttemptsOfSession(db, id);
    const retakes = await retakesOfSession(db, id);
    return { detail, rows, attempts, retakes };
  }

  app.get("/formation/sessions/:id/resultats", { config: formationOnly }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const model = await resultsModel(dbOf(request), id);
    return sendPage(
      reply,
      resultsPage({
        chrome: pageChrome(request, reply),
        ...model,
        values: resultValues(model.rows, model.attempts),
        errors: {},
        today: todayInParis(),
      }),
    );
  });

  app.post("/formation/sessions/:id/resultats", { config: formationOnly }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const db = dbOf(request);
    const model = await resultsModel(db, id);
    const values = normalizeForm(request.body);
    const { errors, results } = readResults(
      model.rows,
      values,
      sessionUsesTest(model.detail.session.startsOn),
    );
    if (Object.keys(errors).length > 0) {
      return sendPage(
        reply,
        resultsPage({ chrome: pageChrome(request, reply), ...model, values, errors, today: todayInParis() }),
        422,
      );
    }
    await db.transaction(async (tx) => {
      for (const [enrolmentId, result] of results) {
        await saveResult(tx, enrolmentId, model.detail.session, result);
      }
    });
    return redirectWithFlash(
      request,
      reply,
      `/formation/sessions/${id}/resultats`,
      "Les résultats ont été enregistrés et la validation des formations recalculée.",
    );
  });
}
