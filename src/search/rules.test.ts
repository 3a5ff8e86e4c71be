import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseSearch, type SearchQuery } from "./rules.ts";

describe("reading the search box", () => {
  const cases: [string | undefined, SearchQuery][] = [
    [undefined, { kind: "empty" }],
    ["   ", { kind: "empty" }],
    ["Lefevre", { kind: "name", text: "lefevre" }],
    ["  Le   Goff ", { kind: "name", text: "le goff" }],
    ["12/03/1990", { kind: "birthDate", date: "1990-03-12" }],
    ["1/3/1990", { kind: "birthDate", date: "1990-03-01" }],
    ["12.03.1990", { kind: "birthDate", date: "1990-03-12" }],
    ["1990-03-12", { kind: "birthDate", date: "1990-03-12" }],
    ["31/02/1990", { kind: "name", text: "31/02/1990" }],
    ["2026-0042", { kind: "measureNumber", number: "2026-0042" }],
    ["2026-42", { kind: "measureNumber", number: "2026-0042" }],
    ["2026-10000", { kind: "measureNumber", number: "2026-10000" }],
  ];
  for (const [input, expected] of cases) {
    test(`« ${input ?? ""} »`, () => assert.deepEqual(parseSearch(input), expected));
  }
});
