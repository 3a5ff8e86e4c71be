/** What a search box entry looks like: a birth date, a measure number, or a name. */
export type SearchQuery =
  | { kind: "empty" }
  | { kind: "birthDate"; date: string }
  | { kind: "measureNumber"; number: string }
  | { kind: "name"; text: string };

const FRENCH_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MEASURE_NUMBER = /^(\d{4})-(\d{1,6})$/;

function realDate(y: string, m: string, d: string): string | null {
  const iso = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

export function parseSearch(raw: string | undefined): SearchQuery {
  const q = (raw ?? "").trim().replace(/\s+/g, " ").slice(0, 100);
  if (q.length === 0) return { kind: "empty" };
  const fr = FRENCH_DATE.exec(q);
  if (fr?.[1] && fr[2] && fr[3]) {
    const date = realDate(fr[3], fr[2], fr[1]);
    if (date) return { kind: "birthDate", date };
  }
  const iso = ISO_DATE.exec(q);
  if (iso?.[1] && iso[2] && iso[3]) {
    const date = realDate(iso[1], iso[2], iso[3]);
    if (date) return { kind: "birthDate", date };
  }
  const number = MEASURE_NUMBER.exec(q);
  if (number?.[1] && number[2])
    return { kind: "measureNumber", number: `${number[1]}-${number[2].padStart(4, "0")}` };
  return { kind: "name", text: q.toLowerCase() };
}

/** Below this trigram word similarity a name does not match (0.6 is pg_trgm's default; small typos need less). */
export const NAME_SIMILARITY_THRESHOLD = 0.45;
