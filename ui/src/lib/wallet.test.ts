import { describe, expect, it } from "vitest";
import { setLanguagePreference } from "./i18n.svelte";
import { messageParts } from "./message-parts";
import { addressNumber, gapLimitFrom, mustClearWalletInput, payoutChoiceFor, walletKind } from "./wallet";
import type { AppError } from "./bindings";

describe("a wallet's kind in words", () => {
  it("names each kind Rust sends by how its addresses begin", () => {
    expect(walletKind("p2pkh")).toBe("Legacy addresses (1…)");
    expect(walletKind("p2sh-p2wpkh")).toBe("Nested SegWit addresses (3…)");
    expect(walletKind("p2wpkh")).toBe("Native SegWit addresses (bc1q…)");
    expect(walletKind("p2tr")).toBe("Taproot addresses (bc1p…)");
  });

  it("keeps the code of a kind it does not know, rather than saying nothing", () => {
    expect(walletKind("p2xyz")).toBe("Addresses of type p2xyz");
    // Not a message ID by accident: a prototype key is no kind either.
    expect(walletKind("toString")).toBe("Addresses of type toString");
  });

  it("speaks the seller's language", () => {
    setLanguagePreference("es-US");
    expect(walletKind("p2wpkh")).toBe("Direcciones SegWit nativas (bc1q…)");
  });
});

describe("an address's number", () => {
  it("is written as wallets list them, without grouping", () => {
    expect(addressNumber(0)).toBe("#0");
    expect(addressNumber(1234)).toBe("#1234");
  });
});

describe("the payout step's starting choice", () => {
  const wallet = { keyMissing: false };
  const fresh = { destination: null, walletAddressNumber: null };

  it("offers nothing to choose without a wallet, or when its key is gone", () => {
    expect(payoutChoiceFor(null, fresh, false)).toBeNull();
    expect(payoutChoiceFor({ keyMissing: true }, fresh, false)).toBeNull();
  });

  it("starts on the wallet for an order with no destination yet", () => {
    expect(payoutChoiceFor(wallet, fresh, false)).toBe("wallet");
    expect(payoutChoiceFor(wallet, null, false)).toBe("wallet");
  });

  it("starts on the wallet for an order already given an address from it", () => {
    expect(payoutChoiceFor(wallet, { destination: "bc1qexample", walletAddressNumber: 3 }, false)).toBe("wallet");
  });

  it("keeps what the seller pasted: an order sent with a pasted address, or a field already typed in", () => {
    expect(payoutChoiceFor(wallet, { destination: "bc1qexample", walletAddressNumber: null }, false)).toBe("paste");
    expect(payoutChoiceFor(wallet, fresh, true)).toBe("paste");
  });
});

describe("the gap limit as typed", () => {
  it("takes a whole number from 1 to 1000, as Rust does", () => {
    expect(gapLimitFrom(20)).toBe(20);
    expect(gapLimitFrom(1)).toBe(1);
    expect(gapLimitFrom(1000)).toBe(1000);
    expect(gapLimitFrom(" 50 ")).toBe(50);
  });

  it("refuses anything else", () => {
    for (const value of [0, 1001, 20.5, -3, null, undefined, "", "twenty", Number.NaN]) expect(gapLimitFrom(value)).toBeNull();
  });
});

describe("a refused key on screen", () => {
  const error = (code: AppError["code"]): AppError => ({ code, kind: "permanent", reason: null, serverMessage: null, retryAfterSecs: null });

  it("is cleared at once when it was private, and kept for fixing otherwise", () => {
    expect(mustClearWalletInput(error("wallet_private_key"))).toBe(true);
    expect(mustClearWalletInput(error("invalid_wallet"))).toBe(false);
  });
});

describe("a message with a value set apart", () => {
  it("splits the worded sentence around the value", () => {
    expect(messageParts("payout-fresh-title", { number: "#4" }, "number")).toEqual({ before: "Address ", value: "#4", after: " from your wallet" });
  });

  it("follows the language's word order", () => {
    setLanguagePreference("es-US");
    expect(messageParts("wallet-next", { number: "#4" }, "number")).toEqual({ before: "La próxima orden recibe la dirección ", value: "#4", after: ":" });
  });

  it("keeps the pseudo-locale's brackets outside the value", () => {
    setLanguagePreference("en-XA");
    const parts = messageParts("payout-fresh-title", { number: "#4" }, "number");
    expect(parts.value).toBe("#4");
    expect(parts.before.startsWith("[")).toBe(true);
    expect(parts.after.endsWith("]")).toBe(true);
  });
});
