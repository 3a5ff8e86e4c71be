/*
 * A candidate registered twice for the same certificate (and charged a second fee) is caught at entry.
 * Pure rules; the name and birth-date comparison is the persons' one (src/persons/rules.ts).
 */
import { isLikelySamePerson } from "../persons/rules.ts";
import type { Mention } from "./reference.ts";

export interface CandidateForMatch {
  lastName: string;
  firstName: string;
  birthDate: string;
  email: string | null;
}

/** Why a recorded candidate is likely the one entered. */
export type CandidateMatchReason = "email" | "identite";

function sameEmail(a: string | null, b: string | null): boolean {
  return Boolean(a && b && a.trim().toLowerCase() === b.trim().toLowerCase());
}

/**
 * Whether `recorded` is likely the candidate entered, and why: the same e-mail address, or the same
 * birth date and a close name (accents, hyphens, word order ignored). null: another person.
 */
export function candidateMatchReason(
  entered: CandidateForMatch,
  recorded: CandidateForMatch,
): CandidateMatchReason | null {
  if (isLikelySamePerson(entered, recorded)) return "identite";
  if (sameEmail(entered.email, recorded.email)) return "email";
  return null;
}

/** The certificates applied for again: those of the form the recorded candidate already has a candidacy for. */
export function mentionsAppliedAgain(requested: readonly Mention[], recorded: readonly Mention[]): Mention[] {
  return requested.filter((m) => recorded.includes(m));
}
