/**
 * Hostile values for the property sweep (test/property-sweep.test.ts), with fast-check: what a
 * careless paste, a broken client or an attacker sends to a form field or an API body.
 */
import fc from "fast-check";
import type { Field } from "./html-forms.ts";

/** Control characters: C0 (NUL first), DEL and C1. Tab and newline are ordinary text. */
const controlCharacter = fc.constantFrom(
  "\u0000",
  "\u0001",
  "\u0007",
  "\b",
  "\u000b",
  "\f",
  "\r",
  "\u001b",
  "\u001f",
  "\u007f",
  "\u0085",
  "\u009f",
);

/** About 100 kB of text (over every field's maximum length, under the 1 MB body limit). */
export const HUGE = "Ça déborde. ".repeat(8_400);

const unicodeText = fc.constantFrom(
  // combining marks, alone and stacked
  "e\u0301\u0302\u0303\u0304\u0305\u0306\u0307",
  "\u0301début par un accent",
  "Z\u0351\u0358\u0359a\u0363\u0364l\u036dg\u036eo",
  // right-to-left text and bidirectional overrides
  "مرحبا بالعالم",
  "עברית 123",
  "abc \u202edcba\u202c fin",
  "\u200f\u200e",
  // emoji: sequences, flags, skin tones
  "👩🏽‍⚖️ juge",
  "🇫🇷🇩🇿",
  "🧑‍🤝‍🧑💥",
  // invisible and unusual spaces
  "\u00a0\u2009\u200b\ufeff",
  "   ",
  // markup and injection look-alikes (must come back escaped, never interpreted)
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "'; drop table persons; --",
  "%00%0d%0a",
  "$\u{7b}7*7}{{7*7}}",
  "null",
  "[object Object]",
);

const impossibleDate = fc.constantFrom(
  "0000-01-01",
  "31/04/2020",
  "29/02/2023",
  "2023-02-29",
  "30/02/2024",
  "2020-13-01",
  "00/00/0000",
  "32/01/2020",
  "1899-12-31",
  "9999-12-31",
  "+275760-09-13",
  "-0001-01-01",
  "2020-1-1",
  "1/1/1",
  "31/12/99999",
  "2026-02-30T25:61",
  "demain",
);

const strangeNumber = fc.oneof(
  fc.constantFrom(
    "-1",
    "-0",
    "1e308",
    "-1e308",
    "9007199254740993",
    "99999999999999999999999",
    "NaN",
    "Infinity",
    "0x1F",
    "1,5",
    "٣٤",
    "１２",
  ),
  fc.integer().map(String),
  fc.double({ noNaN: false }).map(String),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
);

/** A hostile text for one field. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  {
    arbitrary: fc.tuple(fc.string(), controlCharacter, fc.string()).map(([a, c, b]) => `${a}${c}${b}`),
    weight: 3,
  },
  { arbitrary: fc.constant(HUGE), weight: 1 },
  { arbitrary: unicodeText, weight: 3 },
  { arbitrary: impossibleDate, weight: 3 },
  { arbitrary: strangeNumber, weight: 2 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }), weight: 2 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 30 }), weight: 1 },
);

/** What one form field receives in a run. */
export type FieldValue =
  | { kind: "page" } // the value the page shows (a plausible submission)
  | { kind: "option"; value: string } // another value the page offers
  | { kind: "omitted" }
  | { kind: "hostile"; value: string }
  | { kind: "duplicated"; values: string[] }; // the field sent twice (or more)

export function fieldArbitrary(field: Field): fc.Arbitrary<FieldValue> {
  const options = field.options.length > 0 ? field.options : [field.value];
  return fc.oneof(
    { arbitrary: fc.constant<FieldValue>({ kind: "page" }), weight: 3 },
    {
      arbitrary: fc.constantFrom(...options).map((value): FieldValue => ({ kind: "option", value })),
      weight: 1,
    },
    { arbitrary: fc.constant<FieldValue>({ kind: "omitted" }), weight: 1 },
    { arbitrary: hostileString.map((value): FieldValue => ({ kind: "hostile", value })), weight: 4 },
    {
      arbitrary: fc
        .array(fc.oneof(hostileString, fc.constantFrom(...options)), { minLength: 2, maxLength: 3 })
        .map((values): FieldValue => ({ kind: "duplicated", values })),
      weight: 1,
    },
  );
}

/** A wrong JSON value for an API body property (or the whole body). */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.boolean(),
  fc.constant(null),
  fc.integer(),
  fc.constantFrom(-1, 0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 0.5),
  fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  fc.constant(JSON.parse('{"__proto__": {"role": "admin"}}')),
);

type Entries = [string, unknown][];

/**
 * The raw JSON text of an API body: each property absent, plausible (a value some page offers), of
 * a wrong type or hostile, or given twice; sometimes an unknown or `__proto__` key; sometimes no
 * object at all.
 */
export function jsonBody(names: string[], known: Map<string, string>): fc.Arbitrary<string> {
  const property = (name: string) =>
    fc.oneof(
      { weight: 2, arbitrary: fc.constant<Entries>(known.has(name) ? [[name, known.get(name)]] : []) },
      { weight: 1, arbitrary: fc.constant<Entries>([]) },
      { weight: 3, arbitrary: hostileJson.map((v): Entries => [[name, v]]) },
      {
        weight: 1,
        arbitrary: fc.tuple(hostileJson, hostileJson).map(
          ([a, b]): Entries => [
            [name, a],
            [name, b],
          ],
        ),
      },
    );
  const extra = fc.option(fc.tuple(fc.constantFrom("__proto__", "constructor", "inconnu"), hostileJson));
  const object = fc.tuple(fc.tuple(...names.map(property)), extra).map(([entries, more]) => {
    const pairs: Entries = [...(entries as Entries[]).flat(), ...(more ? [more] : [])];
    return `{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? "null"}`).join(",")}}`;
  });
  return fc.oneof(
    { weight: 9, arbitrary: object },
    { weight: 1, arbitrary: hostileJson.map((v) => JSON.stringify(v) ?? "null") },
  );
}

/** A short, printable description of a value for failure messages (100 kB strings are summarised). */
export function describe(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    typeof v === "string" && v.length > 60 ? `${v.slice(0, 40)}… (${v.length} characters)` : v,
  );
}
