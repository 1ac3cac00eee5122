// Every error code the backend can send has a sentence of its own in every language, read from
// the generated bindings at test time: a new code without a message fails here. And an error is
// worded here in every language, from Rust's reason (a catalog message and its values) or its code.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Message, parse } from "@fluent/syntax";
import type { AppError, ErrorCode, Reason } from "./bindings";
import { errorMessage, reasonArgs, reasonText, unexpectedError } from "./errors";
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

function appError(code: ErrorCode, reason: Reason | null = null): AppError {
  return { code, kind: "permanent", reason, serverMessage: "CardCoins' words", retryAfterSecs: null };
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
  afterEach(() => setLanguagePreference(null));

  it("is the catalog's for its code when Rust gave no reason, in every language", () => {
    expect(errorMessage(appError("offline"))).toMatch(/^Could not connect to CardCoins\./);
    setLanguagePreference("es-US");
    expect(errorMessage(appError("offline"))).toMatch(/^No se pudo conectar con CardCoins\./);
    setLanguagePreference("en-XA");
    expect(errorMessage(appError("offline"))).toMatch(/^\[/);
  });

  it("words Rust's reason in English, never showing Rust's own text", () => {
    const refused = appError("invalid_order_id", { id: "reason-order-id-too-long", args: { length: { count: 129 }, max: { count: 128 } } });
    expect(errorMessage(refused)).toBe(
      "This order ID is 129 characters long, more than the 128 an order ID can have: check that only the order ID was pasted.",
    );
  });

  it("words the same reason in Spanish, with its values written for the language", () => {
    setLanguagePreference("es-US");
    const tooLarge = appError("invalid_amount", { id: "reason-amount-too-large", args: { amount: { cents: 12_345_600 }, max: { cents: 10_000_000 } } });
    expect(errorMessage(tooLarge)).toBe("$123,456.00 es más de lo que tiene cualquier tarjeta de regalo (como máximo $100,000.00): revisa el número.");
    const character = appError("invalid_destination", { id: "reason-address-base58-character", args: { char: { text: "0" } } });
    expect(errorMessage(character)).toMatch(/^El carácter '0' no puede estar en una dirección de bitcoin/);
    const oneMinute = appError("invoice_expired", { id: "reason-invoice-expired-minutes", args: { count: { count: 1 } } });
    expect(errorMessage(oneMinute)).toBe("Esta factura venció hace 1 minuto: crea una factura nueva sin monto.");
    const network = appError("testnet_address", { id: "reason-address-test-network", args: { network: { text: "any" } } });
    expect(errorMessage(network)).toContain("(esta es una dirección de red de prueba (testnet, signet o regtest);");
  });

  it("writes sizes, pixels, sats and counts as the rest of the UI does", () => {
    const cannotFit = { id: "reason-photo-cannot-fit", args: { budget: { bytes: 5_000_000 }, smallest: { bytes: 5_210_000 }, width: { digits: 12000 }, height: { digits: 9000 } } };
    expect(reasonArgs(cannotFit.args)).toEqual({ budget: "5.0 MB", smallest: "5.2 MB", width: "12000", height: "9000" });
    expect(reasonArgs({ amount: { millisats: 967_878_534 }, whole: { millisats: 50_000_000 }, wait: { count: 3 } })).toEqual({
      amount: "967,878.534 sats",
      whole: "50,000 sats",
      wait: 3,
    });
    setLanguagePreference("es-US");
    expect(reasonText(cannotFit)).toBe(
      "No se pudo ajustar esta foto al límite de subida de 5.0 MB: incluso a 12000 x 9000 píxeles y con baja calidad pesa 5.2 MB. Recorta la foto a la tarjeta y vuelve a intentarlo.",
    );
  });

  it("of a command that threw is worded when shown, in the language of the moment", () => {
    const error = unexpectedError();
    const english = errorMessage(error);
    setLanguagePreference("es-US");
    expect(errorMessage(error)).not.toBe(english);
  });
});
