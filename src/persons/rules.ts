/*
 * Duplicates caught at entry: is the person being created likely one already recorded? Pure rules, no
 * I/O; the queries only preselect the records to compare (same birth date, or a name close in SQL).
 * Also used for the CNC candidates (src/cnc/duplicates.ts).
 */

/** The name parts of a person: family name(s) and given name(s), in any order. */
export interface NameParts {
  lastName: string;
  firstName: string;
  usedName?: string | null;
}

/** A person as the duplicate rule sees them: names and birth date (ISO, or null when unknown). */
export interface IdentityForMatch extends NameParts {
  birthDate: string | null;
}

/**
 * Below this trigram similarity of the full names, two records with the same birth date are different
 * people. 0.6 keeps typos (« Lefèvre »/« Lefebvre » 0.72, « Mohamed »/« Mohammed » 0.82) and leaves out
 * twins sharing a family name (« Martin Lucas »/« Martin Léa » 0.5).
 */
export const DUPLICATE_NAME_THRESHOLD = 0.6;

/**
 * A name as compared: no accents (« é » → « e », « œ » → « oe »), lower case, hyphens, apostrophes and
 * any other separator as one space.
 */
export function normalizeName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLocaleLowerCase("fr-FR")
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/ß/g, "ss")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The words of a name, normalised and sorted: « Martin Dupont-Durand » and « Dupont Durand Martin » agree. */
export function nameKey(name: string): string {
  return normalizeName(name).split(" ").filter(Boolean).sort().join(" ");
}

/** The trigrams of a normalised text, as pg_trgm counts them: each word padded with two spaces before, one after. */
export function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of normalizeName(text).split(" ")) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

/** Trigram similarity (shared trigrams over all trigrams, 0…1) of two texts; the order of the words does not count. */
export function trigramSimilarity(a: string, b: string): number {
  const ta = trigrams(a);
  const tb = trigrams(b);
  if (ta.size === 0 || tb.size === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}

/** The full names a person may be recorded under: birth name, used name, or both, with the given names. */
function fullNames(p: NameParts): string[] {
  const names = [`${p.lastName} ${p.firstName}`];
  if (p.usedName?.trim())
    names.push(`${p.usedName} ${p.firstName}`, `${p.lastName} ${p.usedName} ${p.firstName}`);
  return names;
}

/** The best similarity between any full name of one and any full name of the other. */
export function nameSimilarity(a: NameParts, b: NameParts): number {
  let best = 0;
  for (const x of fullNames(a)) for (const y of fullNames(b)) best = Math.max(best, trigramSimilarity(x, y));
  return best;
}

/** Whether two records have the same words in their names (accents, case, hyphens and order ignored). */
export function sameNormalizedName(a: NameParts, b: NameParts): boolean {
  const keys = new Set(fullNames(b).map(nameKey));
  return fullNames(a).some((name) => keys.has(nameKey(name)));
}

/**
 * Whether `candidate` is likely the person being entered: the same birth date and a close name
 * (trigram similarity at least DUPLICATE_NAME_THRESHOLD); when either birth date is unknown, the same
 * words in the name. Two different birth dates are two different people.
 */
export function isLikelySamePerson(entered: IdentityForMatch, candidate: IdentityForMatch): boolean {
  if (entered.birthDate && candidate.birthDate) {
    return (
      entered.birthDate === candidate.birthDate &&
      nameSimilarity(entered, candidate) >= DUPLICATE_NAME_THRESHOLD
    );
  }
  return sameNormalizedName(entered, candidate);
}

/** Whether the form asks to create the record although likely duplicates were shown (« Créer quand même »). */
export function duplicateConfirmed(values: Record<string, unknown>): boolean {
  return values.confirmDuplicate === "1";
}
