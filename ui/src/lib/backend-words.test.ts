// The sentences the UI now words itself instead of showing the backend's English: in en-US they
// must stay word for word what Rust says (end-to-end tests look for them in the real window), so
// the expected English is read from the Rust sources themselves.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { DestinationNoteView, IdStorage, ImageSlot, PayoutProblem, PayoutWatchStateName } from "./bindings";
import { destinationKind } from "./destination-kind";
import { destinationNote } from "./destination-notes";
import { setLanguagePreference } from "./i18n.svelte";
import { idStorageNote } from "./id-storage";
import { payoutDetail, payoutHeadline, payoutProblem } from "./payout-words";
import { photoDescription } from "./photo-slots";
import { photoSummary } from "./photo-summary";
import { photoWarning, photoWarningShort } from "./photo-warnings";
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

/** `Enum::Variant => "text"` arms (and `Variant(_) =>`, `Variant { fields } =>`, `=> format!("…"`,
 * `=> { format!("…"`), a string literal continued over lines with `\` read as Rust reads it. */
function arms(body: string, enumName: string): Map<string, string> {
  const found = new Map<string, string>();
  const arm = new RegExp(`${enumName}::(\\w+)(?:\\s*\\(_\\)|\\s*\\{[^}]*\\})?\\s*=>\\s*(?:\\{\\s*)?(?:format!\\(\\s*)?"((?:[^"\\\\]|\\\\[\\s\\S])*)"`, "g");
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

/** `{name}` and `{}` placeholders of a Rust format string filled in order of `values`. */
function filled(template: string, values: Record<string, string>): string {
  const positional = Object.values(values);
  return template.replace(/\{(\w*)\}/g, (_, name: string) => (name === "" ? positional.shift() : values[name]) ?? `{${name}}`);
}

describe("a photo's warnings", () => {
  const source = rust("photos/src/quality_checks.rs");
  const messages = arms(rustFn(source, "message"), "PhotoWarning");
  const shorts = arms(rustFn(source, "short"), "PhotoWarning");
  const codes = arms(rustFn(source, "code"), "PhotoWarning");
  // Numbers as the backend sends them; 1000 shows that en-US writes pixels ungrouped, as Rust does.
  const warnings: Record<string, Record<string, number>> = {
    TooSmall: { long_side: 640, recommended: 1000 },
    Blurry: { sharpness: 12, threshold: 50 },
    TooDark: { brightness: 31, threshold: 50 },
    BlownOut: { clipped_percent: 41, threshold: 25 },
  };
  const strings = (values: Record<string, number>) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]));

  it.each(Object.entries(warnings))("%s reads in en-US as Rust says it, in full and in short", (variant, values) => {
    const code = codes.get(variant) ?? "";
    expect(code).toMatch(/^photo\.warning\./);
    expect(messages.get(variant)).toBeDefined();
    expect(photoWarning({ code, values, message: "ignored" })).toBe(filled(messages.get(variant) ?? "", strings(values)));
    expect(photoWarningShort({ code, values })).toBe(filled(shorts.get(variant) ?? "", strings(values)));
  });

  it("speaks Spanish for every warning, with its numbers", () => {
    setLanguagePreference("es-US");
    const spanish = Object.entries(warnings).map(([variant, values]) => photoWarning({ code: codes.get(variant) ?? "", values, message: "ignored" }));
    for (const text of spanish) expect(text).not.toMatch(/ignored|photo/);
    expect(spanish[0]).toMatch(/^La foto es pequeña \(640 píxeles en su lado más largo; es mejor 1000 o más\)/);
    expect(spanish[3]).toMatch(/^El 41% de la foto se ve blanco/);
    expect(photoWarningShort({ code: "photo.warning.too_dark", values: warnings.TooDark ?? {} })).toBe("oscura (brillo 31/255)");
    expect(photoWarningShort({ code: "photo.warning.blown_out", values: warnings.BlownOut ?? {} })).toBe("sobreexpuesta (41% en blanco)");
  });

  it("keeps Rust's words for a warning it cannot word: an unknown code, a number missing", () => {
    setLanguagePreference("es-US");
    const newer = { code: "photo.warning.tilted", values: { degrees: 12 }, message: "The photo is tilted." };
    expect(photoWarning(newer)).toBe(newer.message);
    expect(photoWarningShort(newer)).toBeNull();
    const lacking = { code: "photo.warning.too_small", values: {}, message: "The photo is small." };
    expect(photoWarning(lacking)).toBe(lacking.message);
  });
});

describe("a prepared photo's summary", () => {
  const summary = rustFn(rust("photos/src/lib.rs"), "summary");
  const turns = new Map([...rustFn(rust("photos/src/orientation.rs"), "describe").matchAll(/(\d) => Some\("([^"]+)"\)/g)].map(([, n, text]) => [Number(n), text ?? ""]));
  // A JPEG kept upright at its size: each case below changes what the summary has to say.
  const photo = {
    format: "JPEG",
    width: 1600,
    height: 1000,
    bytes: 3_100_000,
    reencoded: true,
    jpegQuality: 90,
    sourceFormat: "JPEG",
    sourceBytes: 3_100_000,
    sourceWidth: 1600,
    sourceHeight: 1000,
    orientationApplied: 1,
    warnings: [],
  };

  it("is put together from the pieces Rust uses", () => {
    // The parts, then how Rust joins them: the wording below is only right while these hold.
    for (const piece of [
      '"{} {} x {}, {}"',
      '"converted from {}"',
      '"image data kept as it was (not re-encoded)"',
      '"re-encoded at quality {quality}"',
      '"re-encoded".to_string()',
      '"scaled down from {} x {} ({})"',
      '"metadata removed"',
      'parts.join(", ")',
      '"; warnings: "',
      'warnings.join(", ")',
    ]) {
      expect(summary).toContain(piece);
    }
    expect(summary.indexOf("converted from")).toBeLessThan(summary.indexOf("re-encoded at"));
    expect(summary.indexOf("re-encoded at")).toBeLessThan(summary.indexOf("scaled down"));
    expect(summary.indexOf("scaled down")).toBeLessThan(summary.indexOf("orientation::describe"));
    expect(summary.indexOf("orientation::describe")).toBeLessThan(summary.indexOf("metadata removed"));
  });

  it("reads in en-US as Rust says it", () => {
    expect(photoSummary(photo)).toBe("JPEG 1600 x 1000, 3.1 MB, re-encoded at quality 90, metadata removed");
    expect(photoSummary({ ...photo, reencoded: false, jpegQuality: null })).toBe(
      "JPEG 1600 x 1000, 3.1 MB, image data kept as it was (not re-encoded), metadata removed",
    );
    expect(photoSummary({ ...photo, format: "PNG", jpegQuality: null, sourceFormat: "PNG" })).toBe("PNG 1600 x 1000, 3.1 MB, re-encoded, metadata removed");
    expect(
      photoSummary({
        ...photo,
        width: 4096,
        height: 3440,
        bytes: 4_812_345,
        jpegQuality: 88,
        sourceFormat: "PNG",
        sourceBytes: 60_300_000,
        sourceWidth: 5000,
        sourceHeight: 4200,
        warnings: [
          { code: "photo.warning.too_dark", values: { brightness: 31, threshold: 50 }, message: "ignored" },
          { code: "photo.warning.blown_out", values: { clipped_percent: 41, threshold: 25 }, message: "ignored" },
        ],
      }),
    ).toBe(
      "JPEG 4096 x 3440, 4.8 MB, converted from PNG, re-encoded at quality 88, scaled down from 5000 x 4200 (60.3 MB), metadata removed; warnings: dark (brightness 31/255), washed out (41% white)",
    );
  });

  it.each([2, 3, 4, 5, 6, 7, 8])("words EXIF orientation %i as Rust describes the turn", (orientation) => {
    expect(turns.get(orientation)).toBeDefined();
    expect(photoSummary({ ...photo, orientationApplied: orientation })).toBe(
      `JPEG 1600 x 1000, 3.1 MB, re-encoded at quality 90, ${turns.get(orientation)}, metadata removed`,
    );
  });

  it("speaks Spanish, listing the facts as Spanish does", () => {
    setLanguagePreference("es-US");
    expect(photoSummary({ ...photo, sourceFormat: "HEIC", sourceWidth: 4032, sourceHeight: 2520, sourceBytes: 2_450_000, orientationApplied: 6 })).toBe(
      "JPEG de 1600 x 1000, 3.1 MB, convertida de HEIC, codificada de nuevo con calidad 90, reducida de 4032 x 2520 (2.4 MB), girada 90° a la derecha y metadatos eliminados",
    );
    expect(
      photoSummary({ ...photo, warnings: [{ code: "photo.warning.too_small", values: { long_side: 640, recommended: 1000 }, message: "ignored" }] }),
    ).toBe("JPEG de 1600 x 1000, 3.1 MB, codificada de nuevo con calidad 90 y metadatos eliminados; avisos: pequeña (640 px en el lado más largo)");
  });
});

describe("what each photo shows", () => {
  const descriptions = arms(rustFn(rust("core/src/image_slot.rs"), "description"), "ImageSlot");
  const slots: ImageSlot[] = ["Image1", "Image2", "GovidImageFront", "GovidImageBack", "GovidImageSelfPortrait"];

  it.each(slots)("%s reads in en-US as Rust's default", (slot) => {
    expect(descriptions.get(slot)).toBeDefined();
    expect(photoDescription({ slot, serverDescription: null })).toBe(descriptions.get(slot));
  });

  it("speaks Spanish for the app's own words, and shows CardCoins' as it wrote them", () => {
    setLanguagePreference("es-US");
    expect(slots.map((slot) => photoDescription({ slot, serverDescription: null }))).toEqual([
      "Frente de la tarjeta",
      "Reverso de la tarjeta",
      "Frente de tu identificación oficial",
      "Reverso de tu identificación oficial",
      "Una selfie sosteniendo tu identificación oficial",
    ]);
    expect(photoDescription({ slot: "Image2", serverDescription: "Back of the card, with the PIN scratched off" })).toBe(
      "Back of the card, with the PIN scratched off",
    );
  });
});

describe("notes on a destination", () => {
  const source = rust("core/src/destination/note.rs");
  const codes = arms(rustFn(source, "code"), "DestinationNote");
  const texts = new Map(
    [...rustFn(source, "fmt").matchAll(/DestinationNote::(\w+)(?:\s*\{[^}]*\})?\s*=>\s*(?:write!\(\s*f,\s*|f\.write_str\(\s*)"((?:[^"\\]|\\[\s\S])*)"/g)].map(
      ([, variant, text]) => [variant ?? "", text ?? ""],
    ),
  );
  const note = (variant: string, values: Record<string, string>): DestinationNoteView => ({ code: codes.get(variant) ?? "", values, text: "ignored" });

  it.each([
    ["AmountIgnored", { amount: "0.00123" }, { amount: "0.00123" }],
    ["InvoiceUsedForMissingAddress", {}, {}],
    ["InvoiceIgnored", {}, {}],
    ["OtherIgnored", { keys: "req-pay, tag" }, { keys: "req-pay, tag" }],
  ] as const)("%s reads in en-US as Rust says it", (variant, values, fill) => {
    expect(texts.get(variant)).toBeDefined();
    expect(destinationNote(note(variant, values))).toBe(filled(texts.get(variant) ?? "", fill));
  });

  it("words an invoice's time left in minutes, as Rust does under two hours", () => {
    const bolt11 = rust("core/src/destination/bolt11.rs");
    expect(rustFn(bolt11, "duration_text")).toContain('60..=7199 => (secs / 60, "minute")');
    expect(rustFn(bolt11, "duration_text")).toContain('format!("1 {unit}")');
    const template = texts.get("InvoiceExpiresSoon") ?? "";
    expect(template).toContain("{}");
    expect(destinationNote(note("InvoiceExpiresSoon", { minutes: "4" }))).toBe(filled(template, { left: "4 minutes" }));
    expect(destinationNote(note("InvoiceExpiresSoon", { minutes: "1" }))).toBe(filled(template, { left: "1 minute" }));
  });

  it("speaks Spanish, in lower case as the asides they are", () => {
    setLanguagePreference("es-US");
    expect(destinationNote(note("AmountIgnored", { amount: "0.00123" }))).toBe(
      "no se tomó en cuenta el monto del enlace (0.00123 BTC): CardCoins paga el valor de la tarjeta",
    );
    expect(destinationNote(note("OtherIgnored", { keys: "req-pay, tag" }))).toBe("no se tomaron en cuenta otros datos del enlace (req-pay, tag)");
    expect(destinationNote(note("InvoiceExpiresSoon", { minutes: "1" }))).toBe("esta factura vence en 1 minuto: envíala ahora o crea una que dure más");
    expect(destinationNote(note("InvoiceExpiresSoon", { minutes: "7" }))).toMatch(/^esta factura vence en 7 minutos:/);
    for (const variant of ["InvoiceUsedForMissingAddress", "InvoiceIgnored"]) expect(destinationNote(note(variant, {}))).toMatch(/factura Lightning/);
  });

  it("keeps Rust's words for a note it cannot word", () => {
    setLanguagePreference("es-US");
    const newer = { code: "label_ignored", values: {}, text: "the label in the link was ignored" };
    expect(destinationNote(newer)).toBe(newer.text);
    const lacking = { code: "invoice_expires_soon", values: {}, text: "this invoice expires in 30 seconds: submit it now" };
    expect(destinationNote(lacking)).toBe(lacking.text);
  });
});

describe("the payout watch's problem", () => {
  // Rust keeps only the code now; these are the sentences it showed before it did
  // (PROBLEM_UNREACHABLE and PROBLEM_UNREADABLE in app/src/payout_watch.rs), which sellers and
  // the end-to-end tests know.
  const english: Record<PayoutProblem, string> = {
    unreachable: "The payout server did not answer; the watch will try again in a while.",
    unreadable: "The payout server's answer could not be read; the watch will try again later. If this lasts, check the server in Settings.",
  };

  it.each(Object.entries(english))("%s reads in en-US as Rust said it", (problem, text) => {
    expect(payoutProblem(problem as PayoutProblem)).toBe(text);
  });

  it("speaks Spanish", () => {
    setLanguagePreference("es-US");
    expect(payoutProblem("unreachable")).toBe("El servidor de pagos no respondió; el seguimiento volverá a intentarlo en un rato.");
    expect(payoutProblem("unreadable")).toMatch(/^No se pudo leer la respuesta del servidor de pagos; .*verifica el servidor en Configuración\.$/);
  });
});
