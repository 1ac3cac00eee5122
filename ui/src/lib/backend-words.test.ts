// The sentences the UI now words itself instead of showing the backend's English: in en-US they
// must stay word for word what Rust says (end-to-end tests look for them in the real window), so
// the expected English is read from the Rust sources themselves.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { IdStorage, PayoutWatchStateName } from "./bindings";
import { destinationKind } from "./destination-kind";
import { setLanguagePreference } from "./i18n.svelte";
import { idStorageNote } from "./id-storage";
import { payoutDetail, payoutHeadline } from "./payout-words";
import { photoWarning } from "./photo-warnings";
import { knownStatusLabel, statusExplanation, statusLabel, type KnownStatus } from "./status-words";

const crates = resolve(import.meta.dirname, "../../../crates");

function rust(path: string): string {
  return readFileSync(resolve(crates, path), "utf8");
}

/** The body of a Rust function, from its `fn name(` to the next `fn `. */
function rustFn(source: string, name: string): string {
  const start = source.indexOf(`fn ${name}(`);
  expect(start, `fn ${name}`).toBeGreaterThan(-1);
  const end = source.indexOf("fn ", start + 3);
  return source.slice(start, end === -1 ? undefined : end);
}

/** `Enum::Variant => "text"` arms (and `Variant(_) =>`, `Variant { .. } =>`), a string literal
 * continued over lines with `\` read as Rust reads it. */
function arms(body: string, enumName: string): Map<string, string> {
  const found = new Map<string, string>();
  const arm = new RegExp(`${enumName}::(\\w+)(?:\\s*\\(_\\)|\\s*\\{ \\.\\. \\})?\\s*=>\\s*"((?:[^"\\\\]|\\\\[\\s\\S])*)"`, "g");
  for (const [, variant, text] of body.matchAll(arm)) found.set(variant ?? "", (text ?? "").replace(/\\\n\s*/g, ""));
  return found;
}

const statuses: KnownStatus[] = ["created", "authorized", "processing", "approved", "completed", "rejected", "expired", "cancelled", "gone"];

function variantOf(status: string): string {
  return status.charAt(0).toUpperCase() + status.slice(1);
}

describe("order statuses", () => {
  const words = rust("core/src/status_words.rs");
  const labels = arms(rustFn(words, "label"), "OrderStatus");
  const explanations = arms(rustFn(words, "explanation"), "OrderStatus");

  it.each(statuses)("%s reads in en-US as Rust says it", (status) => {
    expect(labels.get(variantOf(status))).toBeDefined();
    expect(statusLabel(status, "ignored")).toBe(labels.get(variantOf(status)));
    expect(knownStatusLabel(status)).toBe(labels.get(variantOf(status)));
    expect(statusExplanation(status)).toBe(explanations.get(variantOf(status)));
  });

  it("keeps CardCoins' own word for a status it does not know, with the catalog's explanation", () => {
    expect(statusLabel("on_hold", "On hold")).toBe("On hold");
    expect(statusExplanation("on_hold")).toBe(explanations.get("Unknown"));
    setLanguagePreference("es-US");
    expect(statusLabel("on_hold", "On hold")).toBe("On hold");
    expect(statusExplanation("on_hold")).toMatch(/^Esta es la palabra que usa CardCoins/);
  });

  it("words a status with no word in it, as Rust does", () => {
    const notGiven = /None => "([^"]+)"/.exec(rustFn(words, "readable_word"))?.[1];
    expect(notGiven).toBe("Status not given");
    for (const raw of ["", "___", "  ", `${"-".repeat(40)}late`]) expect(statusLabel(raw, "Status not given")).toBe(notGiven);
    expect(statusLabel(`${"-".repeat(39)}x`, "X")).toBe("X");
    setLanguagePreference("es-US");
    expect(statusLabel("", "Status not given")).toBe("Estado no indicado");
  });

  it("speaks Spanish for every status", () => {
    setLanguagePreference("es-US");
    expect(statuses.map((s) => statusLabel(s, ""))).toEqual([
      "Iniciada",
      "Esperando fotos",
      "En revisión",
      "Aprobada",
      "Completada",
      "Fotos rechazadas",
      "Vencida",
      "Cancelada",
      "Ya no está registrada",
    ]);
    for (const status of statuses) expect(statusExplanation(status)).not.toBe(explanations.get(variantOf(status)));
  });
});

describe("the payout watch", () => {
  // As payout_views.rs writes them, format! placeholders included.
  const templates: Record<PayoutWatchStateName, [string, string]> = {
    waiting: ["Waiting for the payment", "CardCoins approved the payout; the bitcoin has not been seen on the network yet."],
    seen: ["Payment seen", "Payment seen — it may be replaced by a bigger batch: that is normal; don't spend it yet."],
    replaced: [
      "Payment replaced by a bigger batch",
      "CardCoins replaced the transaction with a bigger batch that pays you the same amount: that is normal. Don't spend it yet.",
    ],
    confirmed: ["{confirmations} confirmations", "In a block. Don't spend it until it has {CONFIRMATIONS_DONE} confirmations."],
    done: ["{CONFIRMATIONS_DONE} confirmations: done", "The bitcoin is yours to spend."],
  };
  const source = rust("app/src/payout_views.rs");
  const done = /CONFIRMATIONS_DONE: u32 = (\d+);/.exec(rust("payout-watch/src/watch.rs"))?.[1] ?? "";

  it.each(Object.entries(templates))("%s reads in en-US as Rust says it", (state, [headline, detail]) => {
    expect(done).toMatch(/^\d+$/);
    const confirmations = state === "confirmed" ? 2 : state === "done" ? Number(done) : 0;
    const filled = (template: string) => template.replaceAll("{CONFIRMATIONS_DONE}", done).replaceAll("{confirmations}", String(confirmations));
    for (const template of [headline, detail]) expect(source).toContain(`"${template}"`);
    const watch = { state: state as PayoutWatchStateName, confirmations };
    expect(payoutHeadline(watch)).toBe(filled(headline));
    expect(payoutDetail(watch)).toBe(filled(detail));
  });

  it("counts one confirmation in the singular", () => {
    expect(rust("app/src/payout_views.rs")).toContain('"1 confirmation"');
    expect(payoutHeadline({ state: "confirmed", confirmations: 1 })).toBe("1 confirmation");
    setLanguagePreference("es-US");
    expect(payoutHeadline({ state: "confirmed", confirmations: 1 })).toBe("1 confirmación");
    expect(payoutHeadline({ state: "confirmed", confirmations: 2 })).toBe("2 confirmaciones");
    expect(payoutDetail({ state: "done" })).toBe("El bitcoin es tuyo para gastarlo.");
  });
});

describe("where order IDs are kept", () => {
  const rustNames: Record<IdStorage, string> = { keyring: "OsKeyring", thisRunOnly: "SessionOnly", plainFile: "PlainFileWithConsent" };
  const notes = arms(rustFn(rust("vault/src/key_store.rs"), "explanation"), "KeyStore");

  it.each(Object.entries(rustNames))("%s reads in en-US as Rust says it", (storage, variant) => {
    expect(notes.get(variant)).toBeDefined();
    expect(idStorageNote(storage as IdStorage)).toBe(notes.get(variant));
    setLanguagePreference("es-US");
    expect(idStorageNote(storage as IdStorage)).toMatch(/ID de orden/);
  });
});

describe("what a destination is", () => {
  const onchain = arms(rustFn(rust("core/src/destination/onchain.rs"), "label"), "OnChainKind");
  const other = arms(rustFn(rust("core/src/destination/mod.rs"), "kind_label"), "Destination");
  const english: Record<string, string | undefined> = {
    p2pkh: onchain.get("P2pkh"),
    p2sh: onchain.get("P2sh"),
    p2wpkh: onchain.get("P2wpkh"),
    p2wsh: onchain.get("P2wsh"),
    p2tr: onchain.get("P2tr"),
    bolt11: other.get("Bolt11"),
    lightning_address: other.get("LightningAddress"),
  };

  it.each(Object.entries(english))("%s reads in en-US as Rust says it", (kind, label) => {
    expect(label).toBeDefined();
    expect(destinationKind({ kind, kindLabel: "ignored" })).toBe(label);
  });

  it("keeps Rust's words for a kind this version does not know", () => {
    setLanguagePreference("es-US");
    expect(destinationKind({ kind: "p2tr", kindLabel: "Bitcoin address (Taproot)" })).toBe("dirección de bitcoin (Taproot)");
    expect(destinationKind({ kind: "silent_payment", kindLabel: "Silent payment address" })).toBe("Silent payment address");
  });
});

describe("a photo's warnings", () => {
  const messages = arms(rustFn(rust("photos/src/quality_checks.rs"), "message"), "PhotoWarning");

  it.each([
    ["photo.warning.blurry", "Blurry"],
    ["photo.warning.too_dark", "TooDark"],
  ])("%s reads in en-US as Rust says it", (code, variant) => {
    expect(messages.get(variant)).toBeDefined();
    expect(photoWarning({ code, message: "ignored" })).toBe(messages.get(variant));
    setLanguagePreference("es-US");
    expect(photoWarning({ code, message: "ignored" })).toMatch(/^La foto/);
  });

  it("keeps Rust's words for a warning with numbers the view does not carry", () => {
    setLanguagePreference("es-US");
    const small = { code: "photo.warning.too_small", message: "The photo is small (640 pixels on its long side; 1200 or more is better)." };
    expect(photoWarning(small)).toBe(small.message);
  });
});
