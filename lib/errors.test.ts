import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, toActionFailure } from "@/lib/errors";

describe("toActionFailure", () => {
  it("turns typed errors and validation errors into a message and a field", () => {
    expect(toActionFailure(new AppError("CONFLICT", "Taken.", "email"))).toEqual({ ok: false, error: "Taken.", field: "email" });
    const invalid = z.object({ role: z.enum(["admin"], { error: "Choose a role." }) }).safeParse({ role: "x" });
    expect(toActionFailure(invalid.error)).toEqual({ ok: false, error: "Choose a role.", field: "role" });
  });

  it("rethrows anything unexpected, so a bug is not shown as a form error", () => {
    const bug = new TypeError("undefined is not a function");
    expect(() => toActionFailure(bug)).toThrow(bug);
  });
});
