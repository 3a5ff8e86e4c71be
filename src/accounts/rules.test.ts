import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  type AttemptCounts,
  hashResetToken,
  newResetToken,
  pairDelayMinutes,
  passwordProblem,
  safeBack,
  THROTTLE,
  throttleDecision,
  throttleMessage,
} from "./rules.ts";

const now = new Date("2026-03-10T10:00:00Z");
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const none: AttemptCounts = {
  pairFailures: 0,
  lastPairFailureAt: null,
  ipFailures: 0,
  oldestIpFailureAt: null,
  accountFailures: 0,
  oldestAccountFailureAt: null,
  knownAddress: false,
};

describe("login throttling", () => {
  test("the pause for one account from one address grows 0, 0, 0, 1, 2, 4 … up to 60 minutes", () => {
    const table: [number, number][] = [
      [0, 0],
      [2, 0],
      [3, 1],
      [4, 2],
      [5, 4],
      [8, 32],
      [9, 60],
      [40, 60],
    ];
    for (const [failures, delay] of table) assert.equal(pairDelayMinutes(failures), delay, `${failures}`);
  });

  const cases: { name: string; counts: Partial<AttemptCounts>; expected: string }[] = [
    { name: "nothing yet", counts: {}, expected: "allowed" },
    {
      name: "two failures from this address just now",
      counts: { pairFailures: 2, lastPairFailureAt: ago(0) },
      expected: "allowed",
    },
    {
      name: "three failures, the last 30 s ago: pause of 1 minute",
      counts: { pairFailures: 3, lastPairFailureAt: ago(0.5) },
      expected: "compte_et_adresse 1",
    },
    {
      name: "three failures, the last 2 minutes ago: the pause is over",
      counts: { pairFailures: 3, lastPairFailureAt: ago(2) },
      expected: "allowed",
    },
    {
      name: "five failures, the last 1 minute ago: 3 minutes left of 4",
      counts: { pairFailures: 5, lastPairFailureAt: ago(1) },
      expected: "compte_et_adresse 3",
    },
    {
      name: "20 failures from this address on any account in 15 minutes, the oldest 5 minutes ago",
      counts: { ipFailures: 20, oldestIpFailureAt: ago(5) },
      expected: "adresse 10",
    },
    {
      name: "19 failures from this address",
      counts: { ipFailures: 19, oldestIpFailureAt: ago(5) },
      expected: "allowed",
    },
    {
      name: "many failures on the account from elsewhere, this address never used: cap",
      counts: { accountFailures: THROTTLE.accountMaxFailures, oldestAccountFailureAt: ago(20) },
      expected: "compte 40",
    },
    {
      name: "many failures on the account from elsewhere, the owner's usual address: allowed",
      counts: {
        accountFailures: THROTTLE.accountMaxFailures + 50,
        oldestAccountFailureAt: ago(20),
        knownAddress: true,
      },
      expected: "allowed",
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const decision = throttleDecision({ ...none, ...c.counts }, now);
      assert.equal(
        decision.allowed ? "allowed" : `${decision.reason} ${decision.retryAfterMinutes}`,
        c.expected,
      );
    });
  }

  test("the French messages say who is throttled and how long to wait", () => {
    assert.equal(
      throttleMessage({ reason: "compte_et_adresse", retryAfterMinutes: 1 }),
      "Trop de tentatives pour ce compte depuis cette adresse. Réessayez dans 1 minute.",
    );
    assert.equal(
      throttleMessage({ reason: "adresse", retryAfterMinutes: 10 }),
      "Trop de tentatives depuis cette adresse. Réessayez dans 10 minutes.",
    );
  });
});

describe("the page to go back to after login", () => {
  const table: [string, string | undefined][] = [
    ["/", "/"],
    ["/personnes?q=a", "/personnes?q=a"],
    [
      "/mesures/0b7f8c1e-2f7d-4a55-9d2e-6c1b1b1b1b1b?onglet=plan",
      "/mesures/0b7f8c1e-2f7d-4a55-9d2e-6c1b1b1b1b1b?onglet=plan",
    ],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/\\evil.example", undefined],
    ["/\t/evil.example", undefined],
    ["/\n/evil.example", undefined],
    ["/ /evil.example", undefined],
    ["//evil.example", undefined],
    ["///evil.example", undefined],
    ["https://evil.example", undefined],
    ["http:/evil.example", undefined],
    ["javascript:alert(1)", undefined],
    ["evil.example", undefined],
    ["/personnes\\..\\..\\evil", undefined],
    ["", undefined],
  ];
  for (const [value, expected] of table) {
    test(JSON.stringify(value), () => assert.equal(safeBack(value), expected));
  }
  test("not a string", () => {
    assert.equal(safeBack(["/a"]), undefined);
    assert.equal(safeBack(undefined), undefined);
  });
});

describe("password strength", () => {
  const table: [string, string[], RegExp | null][] = [
    ["court", [], /au moins 12 caractères/],
    ["motdepasse123", [], /trop facile à deviner/],
    ["azertyuiopqsdf", [], /trop facile à deviner.*clavier/],
    ["Bordeaux33000", [], /trop facile à deviner/],
    ["martinmartin12", [], /trop facile à deviner\. Les caractères répétés .* sont faciles à deviner\. /],
    ["mot-de-passe-de-test", [], null],
    ["cheval-agrafe-batterie-correcte", [], null],
  ];
  for (const [password, inputs, expected] of table) {
    test(password, () => {
      const problem = passwordProblem(password, inputs);
      if (expected === null) assert.equal(problem, null);
      else assert.match(problem ?? "", expected);
    });
  }
});

describe("reset tokens", () => {
  test("a new token is random and only its SHA-256 is kept", () => {
    const a = newResetToken();
    const b = newResetToken();
    assert.notEqual(a.token, b.token);
    assert.equal(a.hash, hashResetToken(a.token));
    assert.match(a.hash, /^[0-9a-f]{64}$/);
    assert.ok(!a.hash.includes(a.token));
  });
});
