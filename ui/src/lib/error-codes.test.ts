// Every error code the backend can send has a sentence of its own in every language, read from
// the generated bindings at test time: a new code without a message fails here. And the English
// screens keep showing the backend's own message, which end-to-end tests look for.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { Message, parse } from "@fluent/syntax";
import type { AppError, ErrorCode } from "./bindings";
import { errorMessage } from "./errors";
import { setLanguagePreference } from "./i18n.svelte";

const catalogDir = resolve(import.meta.dirname, "../../../catalog");

/** The ErrorCode union as bindings.ts spells it, without the doc comments between its members. */
function errorCodes(): string[] {
  const bindings = readFileSync(resolve(import.meta.dirname, "bindings.ts"), "utf8");
  const start = bindings.indexOf("export type ErrorCode =");
  expect(start).toBeGreaterThan(-1);
  const end = bindings.indexOf("export type ", start + 1);
  const union = bindings.slice(start, end).replace(/\/\*[\s\S]*?\*\//g, "");
  return [...union.matchAll(/"([a-z0-9_]+)"/g)].map((m) => m[1] ?? "");
}

/** Message IDs of every .ftl file of one locale. */
function messageIds(locale: string): Set<string> {
  const dir = join(catalogDir, locale);
  const ids = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ftl"))) {
    for (const entry of parse(readFileSync(join(dir, file), "utf8"), {}).body) {
      if (entry instanceof Message) ids.add(entry.id.name);
    }
  }
  return ids;
}

const locales = readdirSync(catalogDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

function appError(code: ErrorCode): AppError {
  return { code, kind: "permanent", message: "The backend's own English.", serverMessage: "CardCoins' words", retryAfterSecs: null };
}

describe("error codes", () => {
  const codes = errorCodes();

  it("are read from the bindings", () => {
    expect(codes.length).toBeGreaterThan(40);
    expect(codes).toContain("order_not_found");
    expect(codes).toContain("internal");
  });

  it.each(locales)("each has an error-code- message in %s, and no code is left over", (locale) => {
    const ids = messageIds(locale);
    expect(codes.filter((code) => !ids.has(`error-code-${code}`))).toEqual([]);
    const leftOver = [...ids].filter((id) => id.startsWith("error-code-") && !codes.includes(id.slice("error-code-".length)));
    expect(leftOver).toEqual([]);
  });
});

describe("the message shown for an error", () => {
  it("is the backend's own in English", () => {
    expect(errorMessage(appError("offline"))).toBe("The backend's own English.");
  });

  it("is the catalog's for its code in any other language", () => {
    setLanguagePreference("es-US");
    expect(errorMessage(appError("offline"))).toMatch(/^No se pudo conectar con CardCoins\./);
    setLanguagePreference("en-XA");
    expect(errorMessage(appError("offline"))).toMatch(/^\[/);
    expect(errorMessage(appError("offline"))).not.toContain("backend");
  });
});
