/** Rules of accounts: login throttling, the page to return to after login, password strength. No I/O. */
import { createHash, randomBytes } from "node:crypto";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as zxcvbnCommon from "@zxcvbn-ts/language-common";
import * as zxcvbnFr from "@zxcvbn-ts/language-fr";

export const THROTTLE = {
  /** Failures for one account from one address before the first pause. */
  freeFailures: 3,
  /** Longest pause for one account from one address. */
  maxDelayMinutes: 60,
  /** Failures for one account from one address are counted since its last success there, at most this far back. */
  pairWindowHours: 24,
  /** Failures from one address across every account … */
  ipMaxFailures: 20,
  /** … within this window. */
  ipWindowMinutes: 15,
  /**
   * Failures on one account from every address within an hour, beyond which only the addresses the
   * account already logged in from are allowed: a stranger spreading guesses over many addresses stops,
   * the owner's usual address keeps working.
   */
  accountMaxFailures: 100,
  accountWindowMinutes: 60,
} as const;

export interface AttemptCounts {
  /** Failures for this account from this address since its last success there (within pairWindowHours). */
  pairFailures: number;
  lastPairFailureAt: Date | null;
  /** Failures from this address, every account, within ipWindowMinutes. */
  ipFailures: number;
  /** The oldest of those failures (the address is free again when it leaves the window). */
  oldestIpFailureAt: Date | null;
  /** Failures on this account from every address within accountWindowMinutes. */
  accountFailures: number;
  oldestAccountFailureAt: Date | null;
  /** This account already logged in from this address. */
  knownAddress: boolean;
}

export type ThrottleReason = "compte_et_adresse" | "adresse" | "compte";
export type ThrottleDecision =
  | { allowed: true }
  | { allowed: false; reason: ThrottleReason; retryAfterMinutes: number };

/** Minutes to wait after `failures` failures for one account from one address: 0, then 1, 2, 4… up to 60. */
export function pairDelayMinutes(failures: number): number {
  if (failures < THROTTLE.freeFailures) return 0;
  return Math.min(2 ** (failures - THROTTLE.freeFailures), THROTTLE.maxDelayMinutes);
}

const minutesUntil = (from: Date, plusMinutes: number, now: Date) =>
  Math.max(1, Math.ceil((from.getTime() + plusMinutes * 60_000 - now.getTime()) / 60_000));

/** May this login attempt be checked at all? A refusal never reveals whether the account exists. */
export function throttleDecision(counts: AttemptCounts, now: Date): ThrottleDecision {
  if (counts.ipFailures >= THROTTLE.ipMaxFailures) {
    const since = counts.oldestIpFailureAt ?? now;
    return {
      allowed: false,
      reason: "adresse",
      retryAfterMinutes: minutesUntil(since, THROTTLE.ipWindowMinutes, now),
    };
  }
  const delay = pairDelayMinutes(counts.pairFailures);
  if (delay > 0 && counts.lastPairFailureAt) {
    const until = counts.lastPairFailureAt.getTime() + delay * 60_000;
    if (now.getTime() < until) {
      return {
        allowed: false,
        reason: "compte_et_adresse",
        retryAfterMinutes: minutesUntil(counts.lastPairFailureAt, delay, now),
      };
    }
  }
  if (!counts.knownAddress && counts.accountFailures >= THROTTLE.accountMaxFailures) {
    const since = counts.oldestAccountFailureAt ?? now;
    return {
      allowed: false,
      reason: "compte",
      retryAfterMinutes: minutesUntil(since, THROTTLE.accountWindowMinutes, now),
    };
  }
  return { allowed: true };
}

const minutes = (n: number) => (n === 1 ? "1 minute" : `${n} minutes`);

/** The French message shown at the e-mail field when a login is throttled. */
export function throttleMessage(decision: { reason: ThrottleReason; retryAfterMinutes: number }): string {
  const wait = `Réessayez dans ${minutes(decision.retryAfterMinutes)}.`;
  switch (decision.reason) {
    case "compte_et_adresse":
      return `Trop de tentatives pour ce compte depuis cette adresse. ${wait}`;
    case "adresse":
      return `Trop de tentatives depuis cette adresse. ${wait}`;
    case "compte":
      return `Trop de tentatives pour ce compte. ${wait} Depuis un poste où vous vous êtes déjà connecté·e, la connexion reste possible.`;
  }
}

/**
 * The page to go back to after login: only a path of this site. Refuses `//host`, `/\host`,
 * control characters and spaces (browsers drop tabs and newlines, turning `/<TAB>/host` into `//host`),
 * and anything that would resolve to another origin.
 */
export function safeBack(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return undefined;
  if (!/^\/[^/\\]/.test(value) && value !== "/") return undefined;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused here
  if (/[\u0000-\u0020\u007f-\u009f\\]/.test(value)) return undefined;
  try {
    const base = "http://parcours.invalid";
    return new URL(value, base).origin === base ? value : undefined;
  } catch {
    return undefined;
  }
}

let zxcvbn: ZxcvbnFactory | null = null;

/** Score under which a password is refused (zxcvbn: 0 very weak … 4 very strong). */
export const MIN_PASSWORD_SCORE = 3;
export const MIN_PASSWORD_LENGTH = 12;

/**
 * Why a chosen password is refused, in French, or null when it is strong enough. `userInputs` are the
 * person's own words (name, e-mail) that make a password easy to guess.
 */
export function passwordProblem(password: string, userInputs: string[] = []): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `Le mot de passe doit contenir au moins ${MIN_PASSWORD_LENGTH} caractères.`;
  if (password.length > 200) return "Le mot de passe doit contenir 200 caractères au plus.";
  zxcvbn ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnFr.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
    translations: zxcvbnFr.translations,
  });
  const words = userInputs
    .flatMap((w) =>
      w
        .normalize("NFD")
        .replace(/\p{M}/gu, "")
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u),
    )
    .filter((w) => w.length > 2);
  const result = zxcvbn.check(password, words);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const advice = [result.feedback.warning, ...result.feedback.suggestions]
    .filter((text): text is string => Boolean(text))
    .map((text) => (/[.!?]$/.test(text) ? text : `${text}.`))
    .join(" ");
  return `Ce mot de passe est trop facile à deviner. ${advice || "Ajoutez des mots moins courants."} Une phrase de plusieurs mots inhabituels est à la fois solide et facile à retenir.`;
}

/** A random token for a password link, and the SHA-256 stored in its place. */
export function newResetToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashResetToken(token) };
}

export function hashResetToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A reset link is valid one hour. */
export const RESET_TOKEN_MINUTES = 60;

/** The pseudonymous trace of an e-mail in the audit log of refused logins. */
export function emailHash(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("hex");
}
