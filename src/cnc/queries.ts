import { randomBytes } from "node:crypto";
import { and, asc, count, desc, eq, gte, inArray, sql } from "drizzle-orm";
import { users } from "../accounts/tables.ts";
import type { Queryable, Tx } from "../platform/db.ts";
import { outer } from "../platform/sql.ts";
import type { Upload } from "../platform/uploads.ts";
import type { CandidateInput, DecisionInput, MemberInput } from "./form.ts";
import type { Mention } from "./reference.ts";
import { type CandidacyStatus, candidacyFeeCents, dossierOpen } from "./rules.ts";
import {
  cncCandidacies,
  cncCandidates,
  cncCommissionMembers,
  cncCommissions,
  cncContests,
  cncDecisions,
  cncExperiences,
  cncPieces,
} from "./tables.ts";

export type CandidateRow = typeof cncCandidates.$inferSelect;
export type CandidacyRow = typeof cncCandidacies.$inferSelect;
export type ExperienceRow = typeof cncExperiences.$inferSelect;
export type CommissionRow = typeof cncCommissions.$inferSelect;
export type MemberRow = typeof cncCommissionMembers.$inferSelect;
export type DecisionRow = typeof cncDecisions.$inferSelect;
export type ContestRow = typeof cncContests.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** 192 random bits, URL-safe: the candidate's private link cannot be guessed. */
export function newTrackingToken(): string {
  return randomBytes(24).toString("base64url");
}

const TOKEN = /^[A-Za-z0-9_-]{22,64}$/;
export function isTrackingToken(value: string): boolean {
  return TOKEN.test(value);
}

export const PAGE_SIZE = 30;

export async function listCandidacies(
  db: Queryable,
  filters: { mention?: Mention | undefined; status?: CandidacyStatus | undefined; page: number },
) {
  const where = and(
    filters.mention ? eq(cncCandidacies.mention, filters.mention) : undefined,
    filters.status ? eq(cncCandidacies.status, filters.status) : undefined,
  );
  const [total] = await db.select({ n: count() }).from(cncCandidacies).where(where);
  const rows = await db
    .select({
      id: cncCandidacies.id,
      lastName: cncCandidates.lastName,
      firstName: cncCandidates.firstName,
      mention: cncCandidacies.mention,
      mode: cncCandidacies.mode,
      status: cncCandidacies.status,
      feeCents: cncCandidacies.feeCents,
      feePaidOn: cncCandidacies.feePaidOn,
      commissionOn: cncCommissions.meetsOn,
      createdAt: cncCandidacies.createdAt,
    })
    .from(cncCandidacies)
    .innerJoin(cncCandidates, eq(cncCandidates.id, cncCandidacies.candidateId))
    .leftJoin(cncCommissions, eq(cncCommissions.id, cncCandidacies.commissionId))
    .where(where)
    .orderBy(asc(cncCandidates.lastName), asc(cncCandidates.firstName), asc(cncCandidacies.mention))
    .limit(PAGE_SIZE)
    .offset((filters.page - 1) * PAGE_SIZE);
  return { rows, total: total?.n ?? 0 };
}

export async function findUserIdByEmail(db: Queryable, email: string): Promise<string | null> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email.toLowerCase()));
  return row?.id ?? null;
}

/** Creates the candidate, their experience periods and one candidacy per mention, in the transaction. */
export async function createCandidate(
  tx: Tx,
  input: CandidateInput,
  linkedUserId: string | null,
  /** The training service's user; null when the candidate applied on the public page. */
  createdBy: string | null,
): Promise<{
  candidateId: string;
  candidacies: { id: string; mention: Mention; trackingToken: string | null }[];
}> {
  const [candidate] = await tx
    .insert(cncCandidates)
    .values({
      lastName: input.lastName,
      firstName: input.firstName,
      birthDate: input.birthDate,
      email: input.email,
      phone: input.phone,
      addressLine: input.addressLine,
      postalCode: input.postalCode,
      city: input.city,
      userId: linkedUserId,
      oldCertificate: input.oldCertificate,
      heldMentions: input.heldMentions,
      hasSocialWorkDiploma: input.hasSocialWorkDiploma,
      socialWorkDiplomaTitle: input.hasSocialWorkDiploma ? input.socialWorkDiplomaTitle : null,
      hasLevel5Diploma: input.hasLevel5Diploma,
      level5JobMonths: input.level5JobMonths,
      otherDiplomas: input.otherDiplomas,
      createdBy,
    })
    .returning({ id: cncCandidates.id });
  if (!candidate) throw new Error("insert returned no row");
  if (input.experiences.length > 0) {
    await tx.insert(cncExperiences).values(
      input.experiences.map((e) => ({
        candidateId: candidate.id,
        fromDate: e.from ?? "",
        toDate: e.to,
        employer: e.employer ?? "",
        tutelary: e.tutelary,
        field: e.field,
      })),
    );
  }
  const fee = candidacyFeeCents(input.oldCertificate !== null);
  const candidacies = await tx
    .insert(cncCandidacies)
    .values(
      input.candidacies.map((c) => ({
        candidateId: candidate.id,
        mention: c.mention,
        mode: c.mode ?? "salarie_service",
        feeCents: fee,
        trackingToken: newTrackingToken(),
        createdBy,
      })),
    )
    .returning({
      id: cncCandidacies.id,
      mention: cncCandidacies.mention,
      trackingToken: cncCandidacies.trackingToken,
    });
  return { candidateId: candidate.id, candidacies };
}

/** The pieces of candidacies, without their content. */
export async function piecesOf(db: Queryable, candidacyIds: string[]) {
  if (candidacyIds.length === 0) return [];
  return db
    .select({
      candidacyId: cncPieces.candidacyId,
      code: cncPieces.code,
      provided: cncPieces.provided,
      filename: cncPieces.filename,
      mimeType: cncPieces.mimeType,
      size: cncPieces.size,
      providedBy: cncPieces.providedBy,
      providedAt: cncPieces.providedAt,
    })
    .from(cncPieces)
    .where(inArray(cncPieces.candidacyId, candidacyIds));
}

export async function latestDecision(db: Queryable, candidacyId: string): Promise<DecisionRow | null> {
  const [row] = await db
    .select()
    .from(cncDecisions)
    .where(eq(cncDecisions.candidacyId, candidacyId))
    .orderBy(desc(cncDecisions.decidedAt))
    .limit(1);
  return row ?? null;
}

export async function latestContest(db: Queryable, candidacyId: string) {
  const [row] = await db
    .select({
      contest: cncContests,
      memberName: cncCommissionMembers.name,
      memberRole: cncCommissionMembers.role,
    })
    .from(cncContests)
    .leftJoin(cncCommissionMembers, eq(cncCommissionMembers.id, cncContests.interviewMemberId))
    .where(eq(cncContests.candidacyId, candidacyId))
    .orderBy(desc(cncContests.createdAt))
    .limit(1);
  return row ?? null;
}

export async function membersOf(db: Queryable, commissionId: string): Promise<MemberRow[]> {
  return db
    .select()
    .from(cncCommissionMembers)
    .where(eq(cncCommissionMembers.commissionId, commissionId))
    .orderBy(asc(cncCommissionMembers.position));
}

export async function findCommission(db: Queryable, id: string): Promise<CommissionRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(cncCommissions).where(eq(cncCommissions.id, id));
  return row ?? null;
}

export async function experiencesOf(db: Queryable, candidateId: string): Promise<ExperienceRow[]> {
  return db
    .select()
    .from(cncExperiences)
    .where(eq(cncExperiences.candidateId, candidateId))
    .orderBy(asc(cncExperiences.fromDate));
}

/** Everything the dossier page shows about one candidacy. */
export async function loadCandidacy(db: Queryable, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ candidacy: cncCandidacies, candidate: cncCandidates })
    .from(cncCandidacies)
    .innerJoin(cncCandidates, eq(cncCandidates.id, cncCandidacies.candidateId))
    .where(eq(cncCandidacies.id, id));
  if (!row) return null;
  return loadDetails(db, row.candidacy, row.candidate);
}

async function loadDetails(db: Queryable, candidacy: CandidacyRow, candidate: CandidateRow) {
  const [experiences, pieces, decision, contest, commission, others, linkedUser] = await Promise.all([
    experiencesOf(db, candidate.id),
    piecesOf(db, [candidacy.id]),
    latestDecision(db, candidacy.id),
    latestContest(db, candidacy.id),
    candidacy.commissionId ? findCommission(db, candidacy.commissionId) : Promise.resolve(null),
    db
      .select({ id: cncCandidacies.id, mention: cncCandidacies.mention, status: cncCandidacies.status })
      .from(cncCandidacies)
      .where(eq(cncCandidacies.candidateId, candidate.id))
      .orderBy(asc(cncCandidacies.mention)),
    candidate.userId
      ? db
          .select({ email: users.email })
          .from(users)
          .where(eq(users.id, candidate.userId))
          .then((r) => r[0]?.email ?? null)
      : Promise.resolve(null),
  ]);
  const members = commission ? await membersOf(db, commission.id) : [];
  return {
    candidacy,
    candidate,
    experiences,
    pieces,
    decision,
    contest,
    commission,
    members,
    siblings: others,
    linkedUserEmail: linkedUser,
  };
}

export type CandidacyDetails = NonNullable<Awaited<ReturnType<typeof loadCandidacy>>>;

/** The candidacies of the candidate who holds this private link, with their details. */
export async function loadByToken(db: Queryable, token: string) {
  if (!isTrackingToken(token)) return null;
  const [row] = await db
    .select({ candidateId: cncCandidacies.candidateId })
    .from(cncCandidacies)
    .where(eq(cncCandidacies.trackingToken, token));
  if (!row) return null;
  const rows = await db
    .select({ candidacy: cncCandidacies, candidate: cncCandidates })
    .from(cncCandidacies)
    .innerJoin(cncCandidates, eq(cncCandidates.id, cncCandidacies.candidateId))
    .where(eq(cncCandidacies.candidateId, row.candidateId))
    .orderBy(asc(cncCandidacies.mention));
  return Promise.all(rows.map((r) => loadDetails(db, r.candidacy, r.candidate)));
}

export async function findCandidacyByToken(db: Queryable, token: string): Promise<CandidacyRow | null> {
  if (!isTrackingToken(token)) return null;
  const [row] = await db.select().from(cncCandidacies).where(eq(cncCandidacies.trackingToken, token));
  return row ?? null;
}

export async function pieceFile(db: Queryable, candidacyId: string, code: string) {
  if (!isUuid(candidacyId)) return null;
  const [row] = await db
    .select({ filename: cncPieces.filename, mimeType: cncPieces.mimeType, content: cncPieces.content })
    .from(cncPieces)
    .where(and(eq(cncPieces.candidacyId, candidacyId), eq(cncPieces.code, code)));
  return row?.content && row.filename ? row : null;
}

/** Records a piece as provided, with its file when one is uploaded (replacing the previous one). */
export async function providePiece(
  tx: Tx,
  candidacyId: string,
  code: string,
  upload: Upload | null,
  by: "service" | "candidat",
): Promise<void> {
  const values = {
    provided: true,
    filename: upload?.filename ?? null,
    mimeType: upload?.mimeType ?? null,
    size: upload?.data.length ?? null,
    content: upload?.data ?? null,
    providedBy: by,
    providedAt: new Date(),
  };
  await tx
    .insert(cncPieces)
    .values({ candidacyId, code, ...values })
    .onConflictDoUpdate({ target: [cncPieces.candidacyId, cncPieces.code], set: values });
}

export async function removePiece(tx: Tx, candidacyId: string, code: string): Promise<void> {
  await tx.delete(cncPieces).where(and(eq(cncPieces.candidacyId, candidacyId), eq(cncPieces.code, code)));
}

export async function recordPayment(tx: Tx, candidacyId: string, paidOn: string | null): Promise<void> {
  await tx
    .update(cncCandidacies)
    .set({ feePaidOn: paidOn, updatedAt: new Date() })
    .where(eq(cncCandidacies.id, candidacyId));
}

export async function setRequests(
  tx: Tx,
  candidacyId: string,
  dispenses: string[],
  allegements: string[],
): Promise<void> {
  await tx
    .update(cncCandidacies)
    .set({ requestedDispenses: dispenses, requestedAllegements: allegements, updatedAt: new Date() })
    .where(eq(cncCandidacies.id, candidacyId));
}

export async function setStatus(tx: Tx, candidacyId: string, status: CandidacyStatus): Promise<void> {
  await tx
    .update(cncCandidacies)
    .set({ status, updatedAt: new Date() })
    .where(eq(cncCandidacies.id, candidacyId));
}

/** Locks the candidacy row for the rest of the transaction (two changes of the same dossier queue up). */
export async function lockCandidacy(tx: Tx, id: string): Promise<CandidacyRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await tx.select().from(cncCandidacies).where(eq(cncCandidacies.id, id)).for("update");
  return row ?? null;
}

export async function presentToCommission(tx: Tx, candidacyId: string, commissionId: string) {
  await tx
    .update(cncCandidacies)
    .set({ status: "en_commission", commissionId, presentedAt: new Date(), updatedAt: new Date() })
    .where(eq(cncCandidacies.id, candidacyId));
}

export async function listCommissions(db: Queryable) {
  return db
    .select({
      id: cncCommissions.id,
      meetsOn: cncCommissions.meetsOn,
      place: cncCommissions.place,
      members: sql<number>`(select count(*)::int from ${cncCommissionMembers} m where m.commission_id = ${outer(cncCommissions.id)})`,
      candidacies: sql<number>`(select count(*)::int from ${cncCandidacies} c where c.commission_id = ${outer(cncCommissions.id)})`,
      undecided: sql<number>`(select count(*)::int from ${cncCandidacies} c where c.commission_id = ${outer(cncCommissions.id)} and c.status in ('en_commission', 'entretien_planifie'))`,
    })
    .from(cncCommissions)
    .orderBy(desc(cncCommissions.meetsOn));
}

export async function upcomingCommissions(db: Queryable, today: string) {
  return db
    .select({ id: cncCommissions.id, meetsOn: cncCommissions.meetsOn, place: cncCommissions.place })
    .from(cncCommissions)
    .where(gte(cncCommissions.meetsOn, today))
    .orderBy(asc(cncCommissions.meetsOn));
}

export async function createCommission(
  tx: Tx,
  input: { meetsOn: string; place: string | null },
  members: readonly MemberInput[],
  createdBy: string,
): Promise<string> {
  const [row] = await tx
    .insert(cncCommissions)
    .values({ meetsOn: input.meetsOn, place: input.place, createdBy })
    .returning({ id: cncCommissions.id });
  if (!row) throw new Error("insert returned no row");
  await tx.insert(cncCommissionMembers).values(
    members.map((m, i) => ({
      commissionId: row.id,
      name: m.name ?? "",
      role: m.role ?? "professional",
      position: i,
    })),
  );
  return row.id;
}

/** The candidacies presented to a commission, with their candidate. */
export async function candidaciesOfCommission(db: Queryable, commissionId: string) {
  return db
    .select({ candidacy: cncCandidacies, candidate: cncCandidates })
    .from(cncCandidacies)
    .innerJoin(cncCandidates, eq(cncCandidates.id, cncCandidacies.candidateId))
    .where(eq(cncCandidacies.commissionId, commissionId))
    .orderBy(asc(cncCandidates.lastName), asc(cncCandidates.firstName), asc(cncCandidacies.mention));
}

export async function recordDecision(
  tx: Tx,
  candidacy: CandidacyRow,
  commissionId: string,
  input: DecisionInput,
  result: { internshipDispensed: boolean; theoryHoursDue: number | null },
  decidedBy: string,
): Promise<void> {
  await tx.insert(cncDecisions).values({
    candidacyId: candidacy.id,
    commissionId,
    outcome: input.outcome,
    dispensedModules: input.dispensed,
    allegedModules: input.alleged,
    entryDate: input.entryDate,
    internshipDispensed: result.internshipDispensed,
    theoryHoursDue: result.theoryHoursDue,
    comment: input.comment,
    decidedBy,
  });
  await setStatus(tx, candidacy.id, input.outcome);
}

export async function recordContest(
  tx: Tx,
  candidacyId: string,
  input: { contestedOn: string; reason: string; source: "service" | "candidat" },
): Promise<void> {
  const decision = await latestDecision(tx, candidacyId);
  await tx.insert(cncContests).values({
    candidacyId,
    decisionId: decision?.id ?? null,
    contestedOn: input.contestedOn,
    reason: input.reason,
    source: input.source,
  });
  await setStatus(tx, candidacyId, "conteste");
}

export async function scheduleInterview(
  tx: Tx,
  contestId: string,
  candidacyId: string,
  input: { interviewOn: string; memberId: string },
): Promise<void> {
  await tx
    .update(cncContests)
    .set({ interviewOn: input.interviewOn, interviewMemberId: input.memberId })
    .where(eq(cncContests.id, contestId));
  await setStatus(tx, candidacyId, "entretien_planifie");
}

/** After a change of pieces, payment or requests, an open dossier takes the status its pieces give. */
export async function refreshOpenStatus(
  tx: Tx,
  candidacy: Pick<CandidacyRow, "id" | "status">,
  status: CandidacyStatus,
): Promise<void> {
  if (dossierOpen(candidacy.status) && candidacy.status !== status) await setStatus(tx, candidacy.id, status);
}
