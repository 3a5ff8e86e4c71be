import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { formatFileSize } from "./rules.ts";

describe("file sizes in French", () => {
  const cases: [number, string][] = [
    [0, "0 o"],
    [1023, "1023 o"],
    [1024, "1 Ko"],
    [1500, "1 Ko"],
    [120 * 1024, "120 Ko"],
    [1024 * 1024, "1 Mo"],
    [3.45 * 1024 * 1024, "3,5 Mo"],
    [15 * 1024 * 1024, "15 Mo"],
  ];
  for (const [size, expected] of cases)
    test(`${size} → ${expected}`, () => assert.equal(formatFileSize(size), expected));
});
