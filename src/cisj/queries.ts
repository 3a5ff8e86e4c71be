import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { associations, type Role, users } from "../accounts/tables.ts";
import { isUuid } from "../persons/queries.ts";
import type { Queryable, Tx } from "../platform/db.ts";
import type { IsoDate, TrainingCategory } from "../training/reference.ts";
import { certificateNumber } from "../training/rules.ts";
import { enrolments, trainingSessions, trainings } from "../training/tables.ts";
import { type EquivalenceInput, type PathItem, type PathProgress, pathProgress } from "./rules.ts";
import {
  cisjCertificates,
  cisjDossiers,
  cisjEquivalences,
  cisjJuryMembers,
  type Decision,
  type DossierStatus,
} from "./tables.ts";

/** Roles of the professionals who follow the CISJ path. */
export const TRAINEE_ROLES: readonly Role[] = ["intervenant", "chef_service"];

// ---------------------------------------------------------------------------------------------
// People on the path
// ---------------------------------------------------------------------------------------------

export interface Trainee {
  id: string;
  firstName: string;
  lastName: string;
  role: Role;
  associationId: string | null;
  associationName: string | null;
}

export function traineeName(t: { firstName: string; lastName: string }): string {
  return `${t.firstName} ${t.lastName.toLocaleUpperCase("fr-FR")}`;
}

const traineeColumns = {
  id: users.id,
  firstName: users.firstName,
  lastName: users.lastName,
  role: users.role,
  associationId: users.associationId,
  associationName: associations.name,
};

/** A professional who can follow the path (intervenant or chef de service), or null. */
export async function findTrainee(db: Queryable, userId: string): Promise<Trainee | null> {
  if (!isUuid(userId)) return null;
  const [row] = await db
    .select(traineeColumns)
    .from(users)
    .leftJoin(associations, eq(associations.id, users.associationId))
    .where(and(eq(users.id, userId), inArray(users.role, [...TRAINEE_ROLES])));
  return row ?? null;
}

/** The active intervenants and chefs de service of an association. */
export async function staffOf(db: Queryable, associationId: string): Promise<Trainee[]> {
  return db
    .select(traineeColumns)
    .from(users)
    .leftJoin(associations, eq(associations.id, users.associationId))
    .where(
      and(
        eq(users.associationId, associationId),
        eq(users.active, true),
        inArray(users.role, [...TRAINEE_ROLES]),
      ),
    )
    .orderBy(asc(users.lastName), asc(users.firstName));
}

/** Intervenants and chefs de service whose name starts with or contains `q` (accents and case ignored). */
export async function searchTrainees(db: Queryable, q: string, limit = 50): Promise<Trainee[]> {
  const pattern = `%${q.trim()}%`;
  return db
    .select(traineeColumns)
    .from(users)
    .leftJoin(associations, eq(associations.id, users.associationId))
    .where(
      and(
        inArray(users.role, [...TRAINEE_ROLES]),
        sql`unaccent(lower(${users.lastName} || ' ' || ${users.firstName} || ' ' || ${users.lastName})) like unaccent(lower(${pattern}))`,
      ),
    )
    .orderBy(asc(users.lastName), asc(users.firstName))
    .limit(limit);
}

/** Every active intervenant and chef de service (for the training service's overview). */
export async function allTrainees(db: Queryable): Promise<Trainee[]> {
  return db
    .select(traineeColumns)
    .from(users)
    .leftJoin(associations, eq(associations.id, users.associationId))
    .where(and(eq(users.active, true), inArray(users.role, [...TRAINEE_ROLES])))
    .orderBy(asc(users.lastName), asc(users.firstName));
}

// ---------------------------------------------------------------------------------------------
// The path: validated trainings and équivalences
// ---------------------------------------------------------------------------------------------

/** Trainings validated by the trainees (one line per validated enrolment). */
async function validatedItems(db: Queryable, traineeIds: readonly string[]) {
  if (traineeIds.length === 0) return [];
  return db
    .select({
      traineeId: enrolments.traineeId,
      trainingId: trainings.id,
      code: trainings.code,
      title: trainings.title,
      category: trainings.category,
      hours: trainings.hours,
      countsForCisj: trainings.countsForCisj,
      validatedOn: enrolments.validatedOn,
      basis: enrolments.validationBasis,
      sessionStart: trainingSessions.startsOn,
    })
    .from(enrolments)
    .innerJoin(trainingSessions, eq(trainingSessions.id, enrolments.sessionId))
    .innerJoin(trainings, eq(trainings.id, trainingSessions.trainingId))
    .where(and(inArray(enrolments.traineeId, [...traineeIds]), eq(enrolments.validated, true)))
    .orderBy(asc(enrolments.validatedOn), asc(trainings.code));
}

export interface EquivalenceRow extends EquivalenceInput {
  traineeId: string;
  grantedByName: string | null;
}

export async function equivalencesOf(
  db: Queryable,
  traineeIds: readonly string[],
): Promise<EquivalenceRow[]> {
  if (traineeIds.length === 0) return [];
  const grantor = alias(users, "grantor");
  const rows = await db
    .select({
      id: cisjEquivalences.id,
      traineeId: cisjEquivalences.traineeId,
      reason: cisjEquivalences.reason,
      grantedOn: cisjEquivalences.grantedOn,
      category: cisjEquivalences.category,
      trainingId: trainings.id,
      trainingCode: trainings.code,
      trainingTitle: trainings.title,
      trainingCategory: trainings.category,
      trainingHours: trainings.hours,
      grantorFirst: grantor.firstName,
      grantorLast: grantor.lastName,
    })
    .from(cisjEquivalences)
    .leftJoin(trainings, eq(trainings.id, cisjEquivalences.trainingId))
    .leftJoin(grantor, eq(grantor.id, cisjEquivalences.grantedBy))
    .where(inArray(cisjEquivalences.traineeId, [...traineeIds]))
    .orderBy(asc(cisjEquivalences.grantedOn), asc(cisjEquivalences.createdAt));
  return rows.map((r) => ({
    id: r.id,
    traineeId: r.traineeId,
    reason: r.reason,
    grantedOn: r.grantedOn,
    category: r.category,
    training:
      r.trainingId && r.trainingCode && r.trainingTitle && r.trainingCategory && r.trainingHours !== null
        ? {
            id: r.trainingId,
            code: r.trainingCode,
            title: r.trainingTitle,
            category: r.trainingCategory,
            hours: r.trainingHours,
          }
        : null,
    grantedByName: r.grantorFirst && r.grantorLast ? `${r.grantorFirst} ${r.grantorLast}` : null,
  }));
}

export interface TraineePath {
  items: PathItem[];
  equivalences: EquivalenceRow[];
  progress: PathProgress;
}

/** The paths of several trainees, by trainee id (every id present, empty paths included). */
export async function pathsOf(
  db: Queryable,
  traineeIds: readonly string[],
): Promise<Map<string, TraineePath>> {
  const [items, equivalences] = await Promise.all([
    validatedItems(db, traineeIds),
    equivalencesOf(db, traineeIds),
  ]);
  const result = new Map<string, TraineePath>();
  for (const id of traineeIds) {
    const own: PathItem[] = items
      .filter((i) => i.traineeId === id)
      .map((i) => ({
        trainingId: i.trainingId,
        code: i.code,
        title: i.title,
        category: i.category,
        hours: i.hours,
        validated: true,
        validatedOn: i.validatedOn,
        countsForCisj: i.countsForCisj,
        source: "formation",
        basis: i.basis,
        sessionStart: i.sessionStart,
      }));
    const eqs = equivalences.filter((e) => e.traineeId === id);
    result.set(id, { items: own, equivalences: eqs, progress: pathProgress(own, eqs) });
  }
  return result;
}

export async function pathOf(db: Queryable, traineeId: string): Promise<TraineePath> {
  const paths = await pathsOf(db, [traineeId]);
  const path = paths.get(traineeId);
  if (!path) throw new Error("path not computed");
  return path;
}

/** Trainings of the catalogue that belong to the CISJ, for the équivalence form. */
export async function cisjTrainings(db: Queryable) {
  return db
    .select({ id: trainings.id, code: trainings.code, title: trainings.title, category: trainings.category })
    .from(trainings)
    .where(eq(trainings.countsForCisj, true))
    .orderBy(asc(trainings.category), asc(trainings.code));
}

export async function findCisjTraining(db: Queryable, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ id: trainings.id, category: trainings.category })
    .from(trainings)
    .where(and(eq(trainings.id, id), eq(trainings.countsForCisj, true)));
  return row ?? null;
}

export async function addEquivalence(
  tx: Tx,
  input: {
    traineeId: string;
    trainingId: string | null;
    category: TrainingCategory | null;
    reason: string;
    grantedOn: IsoDate;
    grantedBy: string;
  },
): Promise<void> {
  await tx.insert(cisjEquivalences).values(input);
}

// ---------------------------------------------------------------------------------------------
// Dossiers
// ---------------------------------------------------------------------------------------------

const dossierColumns = {
  id: cisjDossiers.id,
  traineeId: cisjDossiers.traineeId,
  status: cisjDossiers.status,
  openedAt: cisjDossiers.openedAt,
  memoireFilename: cisjDossiers.memoireFilename,
  memoirePages: cisjDossiers.memoirePages,
  memoireUploadedAt: cisjDossiers.memoireUploadedAt,
  checkedParts: cisjDossiers.checkedParts,
  soutenanceDate: cisjDossiers.soutenanceDate,
  decision: cisjDossiers.decision,
  decisionComment: cisjDossiers.decisionComment,
  decidedOn: cisjDossiers.decidedOn,
};

export type DossierRow = {
  id: string;
  traineeId: string;
  status: DossierStatus;
  openedAt: Date;
  memoireFilename: string | null;
  memoirePages: number | null;
  memoireUploadedAt: Date | null;
  checkedParts: string[];
  soutenanceDate: string | null;
  decision: Decision | null;
  decisionComment: string | null;
  decidedOn: string | null;
};

export interface JuryMemberRow {
  position: number;
  name: string;
  role: string;
}

export interface CertificateRow {
  id: string;
  number: string;
  holderName: string;
  issuedOn: string;
  revoked: boolean;
  revokedOn: string | null;
  revocationReason: string | null;
}

export interface DossierDetail {
  dossier: DossierRow;
  jury: JuryMemberRow[];
  certificate: CertificateRow | null;
}

const certificateColumns = {
  id: cisjCertificates.id,
  number: cisjCertificates.number,
  holderName: cisjCertificates.holderName,
  issuedOn: cisjCertificates.issuedOn,
  revoked: cisjCertificates.revoked,
  revokedOn: cisjCertificates.revokedOn,
  revocationReason: cisjCertificates.revocationReason,
};

async function detailOf(db: Queryable, dossier: DossierRow): Promise<DossierDetail> {
  const [jury, [certificate]] = await Promise.all([
    db
      .select({ position: cisjJuryMembers.position, name: cisjJuryMembers.name, role: cisjJuryMembers.role })
      .from(cisjJuryMembers)
      .where(eq(cisjJuryMembers.dossierId, dossier.id))
      .orderBy(asc(cisjJuryMembers.position)),
    db.select(certificateColumns).from(cisjCertificates).where(eq(cisjCertificates.dossierId, dossier.id)),
  ]);
  return { dossier, jury, certificate: certificate ?? null };
}

export async function findDossier(db: Queryable, id: string): Promise<DossierDetail | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select(dossierColumns).from(cisjDossiers).where(eq(cisjDossiers.id, id));
  return row ? detailOf(db, row) : null;
}

export async function findDossierOfTrainee(db: Queryable, traineeId: string): Promise<DossierDetail | null> {
  const [row] = await db
    .select(dossierColumns)
    .from(cisjDossiers)
    .where(eq(cisjDossiers.traineeId, traineeId));
  return row ? detailOf(db, row) : null;
}

/** Locks the dossier's row for the rest of the transaction (two people deciding at once). */
export async function lockDossier(tx: Tx, id: string): Promise<DossierRow | null> {
  const [row] = await tx
    .select(dossierColumns)
    .from(cisjDossiers)
    .where(eq(cisjDossiers.id, id))
    .for("update");
  return row ?? null;
}

/** Opens the trainee's dossier, or returns the one already open. */
export async function openDossier(tx: Tx, traineeId: string, openedBy: string): Promise<string> {
  await tx.insert(cisjDossiers).values({ traineeId, openedBy }).onConflictDoNothing();
  const [row] = await tx
    .select({ id: cisjDossiers.id })
    .from(cisjDossiers)
    .where(eq(cisjDossiers.traineeId, traineeId));
  if (!row) throw new Error("dossier not created");
  return row.id;
}

export async function saveMemoire(
  tx: Tx,
  id: string,
  file: { content: Buffer; filename: string; pages: number; by: string; status: DossierStatus },
): Promise<void> {
  await tx
    .update(cisjDossiers)
    .set({
      memoireContent: file.content,
      memoireFilename: file.filename,
      memoirePages: file.pages,
      memoireUploadedAt: new Date(),
      memoireUploadedBy: file.by,
      status: file.status,
      updatedAt: new Date(),
    })
    .where(eq(cisjDossiers.id, id));
}

export async function saveParts(tx: Tx, id: string, codes: string[]): Promise<void> {
  await tx
    .update(cisjDossiers)
    .set({ checkedParts: codes, updatedAt: new Date() })
    .where(eq(cisjDossiers.id, id));
}

export async function saveSoutenance(
  tx: Tx,
  id: string,
  date: IsoDate,
  jury: { name: string; role: string }[],
): Promise<void> {
  await tx
    .update(cisjDossiers)
    .set({
      soutenanceDate: date,
      status: "soutenance_planifiee",
      decision: null,
      decisionComment: null,
      decidedOn: null,
      decidedBy: null,
      updatedAt: new Date(),
    })
    .where(eq(cisjDossiers.id, id));
  await tx.delete(cisjJuryMembers).where(eq(cisjJuryMembers.dossierId, id));
  if (jury.length > 0) {
    await tx
      .insert(cisjJuryMembers)
      .values(jury.map((m, i) => ({ dossierId: id, position: i + 1, name: m.name, role: m.role })));
  }
}

export async function saveDecision(
  tx: Tx,
  id: string,
  d: { decision: Decision; comment: string | null; on: IsoDate; by: string; status: DossierStatus },
): Promise<void> {
  await tx
    .update(cisjDossiers)
    .set({
      decision: d.decision,
      decisionComment: d.comment,
      decidedOn: d.on,
      decidedBy: d.by,
      status: d.status,
      updatedAt: new Date(),
    })
    .where(eq(cisjDossiers.id, id));
}

// ---------------------------------------------------------------------------------------------
// Certificates
// ---------------------------------------------------------------------------------------------

/** Key of the advisory lock that serialises the numbering of certificates, per year. */
const CERTIFICATE_LOCK = 724_187_101;

/**
 * Issues the certificate of a dossier: the next number of the year, taken under a transaction-wide
 * advisory lock so that two certificates issued at once get different numbers (the unique index is
 * the last guard).
 */
export async function issueCertificate(
  tx: Tx,
  input: { dossierId: string; traineeId: string; holderName: string; issuedOn: IsoDate },
  makePdf?: (number: string) => Promise<Buffer>,
): Promise<{ id: string; number: string }> {
  const year = Number(input.issuedOn.slice(0, 4));
  await tx.execute(sql`select pg_advisory_xact_lock(${CERTIFICATE_LOCK}, ${year})`);
  const [last] = await tx
    .select({ max: sql<number | null>`max(${cisjCertificates.sequence})` })
    .from(cisjCertificates)
    .where(eq(cisjCertificates.year, year));
  const sequence = Number(last?.max ?? 0) + 1;
  const number = certificateNumber(year, sequence);
  const [row] = await tx
    .insert(cisjCertificates)
    .values({
      dossierId: input.dossierId,
      traineeId: input.traineeId,
      number,
      year,
      sequence,
      holderName: input.holderName,
      issuedOn: input.issuedOn,
      pdf: makePdf ? await makePdf(number) : null,
    })
    .returning({ id: cisjCertificates.id });
  if (!row) throw new Error("certificate not created");
  return { id: row.id, number };
}

export async function setCertificatePdf(db: Queryable, id: string, pdf: Buffer): Promise<void> {
  await db.update(cisjCertificates).set({ pdf }).where(eq(cisjCertificates.id, id));
}

export async function revokeCertificate(tx: Tx, id: string, on: IsoDate, reason: string): Promise<void> {
  await tx
    .update(cisjCertificates)
    .set({ revoked: true, revokedOn: on, revocationReason: reason })
    .where(eq(cisjCertificates.id, id));
}

/** The public record of a certificate, by number. */
export async function findCertificateByNumber(db: Queryable, number: string) {
  const [row] = await db
    .select({
      number: cisjCertificates.number,
      holderName: cisjCertificates.holderName,
      issuedOn: cisjCertificates.issuedOn,
      revoked: cisjCertificates.revoked,
    })
    .from(cisjCertificates)
    .where(eq(cisjCertificates.number, number));
  return row ?? null;
}

export async function certificateFile(db: Queryable, dossierId: string) {
  const [row] = await db
    .select({
      id: cisjCertificates.id,
      number: cisjCertificates.number,
      holderName: cisjCertificates.holderName,
      issuedOn: cisjCertificates.issuedOn,
      pdf: cisjCertificates.pdf,
      soutenanceDate: cisjDossiers.soutenanceDate,
    })
    .from(cisjCertificates)
    .innerJoin(cisjDossiers, eq(cisjDossiers.id, cisjCertificates.dossierId))
    .where(eq(cisjCertificates.dossierId, dossierId));
  return row ?? null;
}

export async function memoireFile(db: Queryable, dossierId: string) {
  const [row] = await db
    .select({ filename: cisjDossiers.memoireFilename, content: cisjDossiers.memoireContent })
    .from(cisjDossiers)
    .where(and(eq(cisjDossiers.id, dossierId), isNotNull(cisjDossiers.memoireContent)));
  return row?.content && row.filename ? { filename: row.filename, content: row.content } : null;
}

// ---------------------------------------------------------------------------------------------
// Lists
// ---------------------------------------------------------------------------------------------

export interface DossierListRow {
  id: string;
  traineeId: string;
  firstName: string;
  lastName: string;
  associationName: string | null;
  status: DossierStatus;
  openedAt: Date;
  memoirePages: number | null;
  soutenanceDate: string | null;
  certificateNumber: string | null;
}

export async function listDossiers(db: Queryable, traineeIds?: readonly string[]): Promise<DossierListRow[]> {
  if (traineeIds && traineeIds.length === 0) return [];
  return db
    .select({
      id: cisjDossiers.id,
      traineeId: cisjDossiers.traineeId,
      firstName: users.firstName,
      lastName: users.lastName,
      associationName: associations.name,
      status: cisjDossiers.status,
      openedAt: cisjDossiers.openedAt,
      memoirePages: cisjDossiers.memoirePages,
      soutenanceDate: cisjDossiers.soutenanceDate,
      certificateNumber: cisjCertificates.number,
    })
    .from(cisjDossiers)
    .innerJoin(users, eq(users.id, cisjDossiers.traineeId))
    .leftJoin(associations, eq(associations.id, users.associationId))
    .leftJoin(cisjCertificates, eq(cisjCertificates.dossierId, cisjDossiers.id))
    .where(traineeIds ? inArray(cisjDossiers.traineeId, [...traineeIds]) : undefined)
    .orderBy(asc(users.lastName), asc(users.firstName));
}
