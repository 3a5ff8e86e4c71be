/**
 * French that reads right: counts with their noun, elision before a vowel, agreement of "non
 * renseigné" with the label it answers. Pure functions, used by every view.
 */

/**
 * "0 jour", "1 jour", "2 jours": in French 0 and 1 take the singular. `many` defaults to `one`
 * followed by "s"; a phrase of several words is given whole ("bonne réponse", "bonnes réponses").
 * `zero` replaces the whole phrase when n is 0 ("Aucun dossier").
 */
export function plural(n: number, one: string, many = `${one}s`, options: { zero?: string } = {}): string {
  if (n === 0 && options.zero !== undefined) return options.zero;
  return `${n} ${pluralWord(n, one, many)}`;
}

/** The noun alone, agreed with n ("place" for 0 and 1, "places" from 2). */
export function pluralWord(n: number, one: string, many = `${one}s`): string {
  return Math.abs(n) >= 2 ? many : one;
}

/** "1 inscrit·e sur 16", "3 inscrit·es sur 16": a count out of a total, agreed with the count. */
export function countOutOf(n: number, total: number, one: string, many = `${one}s`): string {
  return `${plural(n, one, many)} sur ${total}`;
}

const VOWEL = /^[aeiouyàâäéèêëîïôöùûüÿæœ]/i;

/**
 * Words and first names starting with a silent h ("h muet"), which elide like a vowel. Every other
 * word starting with h is treated as an aspirated h ("de Hollande"): the list is short on purpose.
 */
const SILENT_H = [
  "habilitation",
  "habitation",
  "habitude",
  "hébergement",
  "hélène",
  "henri",
  "heure",
  "hervé",
  "histoire",
  "homme",
  "honoré",
  "hôpital",
  "horaire",
  "hortense",
  "hospitalisation",
  "hubert",
  "hugo",
  "huissier",
  "hygiène",
  "hippolyte",
];

/** Whether a word is pronounced starting with a vowel (so "de", "le", "que" elide before it). */
export function startsWithVowelSound(word: string): boolean {
  const w = word.trim().toLowerCase();
  if (VOWEL.test(w)) return true;
  return SILENT_H.some(
    (h) => w === h || w.startsWith(`${h}s`) || w.startsWith(`${h} `) || w.startsWith(`${h}-`),
  );
}

const ELIDED: Record<string, string> = {
  de: "d'",
  le: "l'",
  la: "l'",
  que: "qu'",
  je: "j'",
  ne: "n'",
  se: "s'",
};

/** `elide("de", "Inès")` → "d'Inès", `elide("de", "Paul")` → "de Paul"; keeps the case of the article. */
export function elide(article: string, word: string): string {
  const elided = ELIDED[article.toLowerCase()];
  if (!elided || !startsWithVowelSound(word)) return `${article} ${word}`;
  const first = article.charAt(0);
  const cased = first === first.toUpperCase() ? elided.charAt(0).toUpperCase() + elided.slice(1) : elided;
  return `${cased}${word}`;
}

/* Agreement of "Non renseigné" with the label's head noun (its first word). */

const FEMININE = new Set([
  "adresse",
  "association",
  "base",
  "candidature",
  "catégorie",
  "commission",
  "date",
  "décision",
  "durée",
  "équivalence",
  "évaluation",
  "évolution",
  "fin",
  "fonction",
  "formation",
  "heure",
  "inscription",
  "issue",
  "juridiction",
  "mention",
  "mesure",
  "nature",
  "note",
  "période",
  "personne",
  "présence",
  "référence",
  "session",
  "situation",
  "synthèse",
  "validité",
  "version",
]);
const FEMININE_PLURAL = new Set([
  "candidatures",
  "conditions",
  "dates",
  "dispenses",
  "notes",
  "parties",
  "précisions",
]);
const MASCULINE_PLURAL = new Set([
  "allègements",
  "besoins",
  "diplômes",
  "formateurs",
  "justificatifs",
  "objectifs",
]);

export type Gender = "m" | "f" | "mp" | "fp";

/** The gender and number of a label such as "Situation familiale" (f) or "Nom d'usage" (m). */
export function genderOf(label: string): Gender {
  const head = (label.trim().split(/[\s'’]/)[0] ?? "").toLowerCase();
  if (FEMININE.has(head)) return "f";
  if (FEMININE_PLURAL.has(head)) return "fp";
  if (MASCULINE_PLURAL.has(head)) return "mp";
  return "m";
}

const NOT_PROVIDED: Record<Gender, string> = {
  m: "Non renseigné",
  f: "Non renseignée",
  mp: "Non renseignés",
  fp: "Non renseignées",
};

/** "Non renseignée" for "Situation familiale", "Non renseigné" for "Téléphone". */
export function notProvided(label: string, gender: Gender = genderOf(label)): string {
  return NOT_PROVIDED[gender];
}
