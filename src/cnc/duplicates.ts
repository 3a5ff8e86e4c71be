import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { auditLog } from "../audit/tables.ts";
import type { Tx } from "../platform/db.ts";
import { type CandidateMatchReason, candidateMatchReason, mentionsAppliedAgain } from "./duplicate-rules.ts";
import type { CandidateInput } from "./form.ts";
import type { Mention } from "./reference.ts";
import type { CandidacyStatus } from "./rules.ts";
import { cncCandidacies, cncCandidates } from "./tables.ts";

/** A recorded candidate likely the one entered, with their candidacies for the certificates asked again. */
export interface CandidateMatch {
  id: string;
  lastName: string;
  firstName: string;
  birthDate: string;
  email: string | null;
  reason: CandidateMatchReason;
  candidacies: {
    id: string;
    mention: Mention;
    status: CandidacyStatus;
    feeCents: number;
    feePaidOn: string | null;
  }[];
}

/** How many records are compared at most. */
const CANDIDATES = 50;

/**
 * The candidates of the training service likely the one entered who already applied for one of the
 * certificates asked: those born the same day or with the same e-mail are read, then
 * `candidateMatchReason` decides.
 */
export async function findLikelyCandidateDuplicates(
  tx: Tx,
  input: CandidateInput,
): Promise<CandidateMatch[]> {
  const requested = input.candidacies.map((c) => c.mention);
  if (requested.length === 0) return [];
  const sameDayOrEmail = input.email
    ? or(eq(cncCandidates.birthDate, input.birthDate), sql`lower(${cncCandidates.email}) = ${input.email}`)
    : eq(cncCandidates.birthDate, input.birthDate);
  const rows = await tx
    .select({
      candidateId: cncCandidates.id,
      lastName: cncCandidates.lastName,
      firstName: cncCandidates.firstName,
      birthDate: cncCandidates.birthDate,
      email: cncCandidates.email,
      candidacyId: cncCandidacies.id,
      mention: cncCandidacies.mention,
      status: cncCandidacies.status,
      feeCents: cncCandidacies.feeCents,
      feePaidOn: cncCandidacies.feePaidOn,
    })
    .from(cncCandidates)
    .innerJoin(cncCandidacies, eq(cncCandidacies.candidateId, cncCandidates.id))
    .where(and(sameDayOrEmail, inArray(cncCandidacies.mention, requested)))
    .orderBy(asc(cncCandidates.lastName), asc(cncCandidates.createdAt), asc(cncCandidacies.mention))
    .limit(CANDIDATES * requested.length);
  const byId = new Map<string, CandidateMatch>();
  for (const row of rows) {
    let match = byId.get(row.candidateId);
    if (!match) {
      const reason = candidateMatchReason(input, row);
      if (!reason) continue;
      match = {
        id: row.candidateId,
        lastName: row.lastName,
        firstName: row.firstName,
        birthDate: row.birthDate,
        email: row.email,
        reason,
        candidacies: [],
      };
      byId.set(row.candidateId, match);
    }
    match.candidacies.push({
      id: row.candidacyId,
      mention: row.mention,
      status: row.status,
      feeCents: row.feeCents,
      feePaidOn: row.feePaidOn,
    });
  }
  return [...byId.values()].filter(
    (m) =>
      mentionsAppliedAgain(
        requested,
        m.candidacies.map((c) => c.mention),
      ).length > 0,
  );
}

/**
 * « Créer quand même »: the candidate was created although these matches were shown. CNC data has no
 * association (training data of the federation): the row has none either.
 */
export async function recordConfirmedCandidateDuplicate(
  tx: Tx,
  userId: string,
  candidateId: string,
  matches: readonly CandidateMatch[],
): Promise<void> {
  await tx.insert(auditLog).values({
    userId,
    action: "doublon_confirme",
    entity: "cnc_candidate",
    entityId: candidateId,
    detail: { matches: matches.map((m) => m.id) },
  });
}
