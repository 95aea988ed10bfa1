import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backoffDelay, defaultSleep, isRetryableStatus, parseRetryAfter } from "./retry";

describe("parseRetryAfter", () => {
  const now = Date.parse("2024-05-01T12:00:00Z");

  it("reads delay-seconds and HTTP dates", () => {
    expect(parseRetryAfter("1", now)).toBe(1000);
    expect(parseRetryAfter(" 120 ", now)).toBe(120_000);
    expect(parseRetryAfter("Wed, 01 May 2024 12:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Wed, 01 May 2024 11:00:00 GMT", now)).toBe(0);
  });

  it("ignores absent or malformed values", () => {
    for (const value of [null, undefined, "", "-5", "1.5", "soon"]) expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});

describe("backoffDelay", () => {
  it("stays within [0, min(cap, base·2^(attempt-1))) — full jitter", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (attempt, r) => {
        const delay = backoffDelay(attempt, 500, 20_000, () => r);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(Math.min(20_000, 500 * 2 ** (attempt - 1)));
      }),
    );
    expect(backoffDelay(3, 500, 20_000, () => 0.5)).toBe(1000);
  });
});

describe("isRetryableStatus", () => {
  it("retries 429/502/503/504 for idempotent requests and only 429 otherwise", () => {
    expect([429, 502, 503, 504, 500, 404].map((s) => isRetryableStatus(s, true))).toEqual([true, true, true, true, false, false]);
    expect([429, 502, 503, 504].map((s) => isRetryableStatus(s, false))).toEqual([true, false, false, false]);
  });
});

describe("defaultSleep", () => {
  it("rejects as soon as the signal aborts", async () => {
    const controller = new AbortController();
    const started = Date.now();
    const pending = defaultSleep(10_000, controller.signal);
    controller.abort(new Error("stop"));
    await expect(pending).rejects.toThrow("stop");
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
