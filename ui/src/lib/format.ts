// Money and sizes for the seller's language. Amounts stay integers (cents, sats, bytes) all the
// way here; the decimals are written from integer division and remainders, never from a float.
import { formatLocale, t } from "./i18n.svelte";

const satsPerBtc = 100_000_000;

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

/** The language's decimal mark ("." in en-US and es-US, "," in es-ES). */
function decimalMark(locale: string): string {
  return numberFormat(locale).formatToParts(1.5).find((part) => part.type === "decimal")?.value ?? ".";
}

/** A whole number with the language's grouping: "83,523". */
export function formatInteger(value: number): string {
  return numberFormat(formatLocale(), { maximumFractionDigits: 0 }).format(value);
}

/**
 * A whole number in the language's digits but without grouping, as pixels and other technical
 * counts are written beside their unit ("4000 x 3000", "640 pixels"), the backend's way too.
 */
export function formatDigits(value: number): string {
  return numberFormat(formatLocale(), { maximumFractionDigits: 0, useGrouping: false }).format(value);
}

/** Facts in a row, as the language lists them: "a, b, c" in en-US, "a, b y c" in es-US. */
export function formatList(items: readonly string[]): string {
  return new Intl.ListFormat(formatLocale(), { type: "unit", style: "short" }).format(items);
}

/** `whole` grouped, then a decimal mark and `fraction` exactly as given. */
function withFraction(whole: number, fraction: string): string {
  const locale = formatLocale();
  return `${numberFormat(locale, { maximumFractionDigits: 0 }).format(whole)}${decimalMark(locale)}${fraction}`;
}

/** US dollars from cents: "$1,234.56" in en-US, however the language writes dollars. */
export function formatDollars(cents: number): string {
  const negative = cents < 0;
  const abs = Math.abs(Math.trunc(cents));
  const whole = Math.floor(abs / 100);
  const fraction = String(abs % 100).padStart(2, "0");
  const format = numberFormat(formatLocale(), { style: "currency", currency: "USD" });
  // The language places the sign, the symbol and the grouping; the cents come from the integer.
  return format
    .formatToParts(negative ? -whole : whole)
    .map((part) => (part.type === "fraction" ? fraction : part.value))
    .join("");
}

/** "83,523 sats" (or "1 sat"), grouped for the language. */
export function formatSats(sats: number): string {
  return t("money-sats", { count: sats });
}

/** "0.00083523 BTC": eight decimals, always, from the integer sats. */
export function formatBtc(sats: number): string {
  const whole = Math.floor(sats / satsPerBtc);
  const fraction = String(sats % satsPerBtc).padStart(8, "0");
  return t("money-btc", { amount: withFraction(whole, fraction) });
}

const kilo = 1_000;
const mega = 1_000_000;
const giga = 1_000_000_000;

/**
 * A file's size in decimal units (the upload limit "5 MB" means 5,000,000 bytes), rounded down
 * to one decimal as the backend writes it: "3.1 MB", "51 KB", "1 byte".
 */
export function formatBytes(bytes: number): string {
  if (bytes >= giga) return t("size-gb", { size: withFraction(Math.floor(bytes / giga), String(Math.floor((bytes % giga) / (giga / 10)))) });
  if (bytes >= mega) return t("size-mb", { size: withFraction(Math.floor(bytes / mega), String(Math.floor((bytes % mega) / (mega / 10)))) });
  if (bytes >= kilo) return t("size-kb", { size: formatInteger(Math.floor(bytes / kilo)) });
  return t("size-bytes", { count: bytes });
}

/** The currency symbol the language writes before or after dollars, for beside the amount field. */
export function dollarSign(): string {
  return numberFormat(formatLocale(), { style: "currency", currency: "USD" }).formatToParts(0).find((part) => part.type === "currency")?.value ?? "$";
}
