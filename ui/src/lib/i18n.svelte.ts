// The language the app speaks. Every .ftl file under catalog/<locale>/ is loaded, so a new file
// or a new language folder needs no code here. The current locale is Svelte state: whatever
// calls t() while rendering renders again when it changes.
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import { negotiateLanguages } from "@fluent/langneg";
import { catalogFiles } from "./catalog-files";
import { pseudoText, pseudoWrap } from "./pseudo";

export type MessageArgs = Record<string, FluentVariable>;

/** The catalog every other language is checked against, and falls back to. */
export const baseLocale = "en-US";
/** Accented, lengthened English made from the base at run time, to see what a longer language cuts off. */
export const pseudoLocale = "en-XA";

function catalogSources(): Map<string, string[]> {
  const byLocale = new Map<string, string[]>();
  for (const path of Object.keys(catalogFiles).sort()) {
    const locale = path.split("/").at(-2);
    const source = catalogFiles[path];
    if (!locale || source === undefined) continue;
    byLocale.set(locale, [...(byLocale.get(locale) ?? []), source]);
  }
  return byLocale;
}

const sources = catalogSources();

/** The languages with a catalog, base first: the ones a seller can choose. */
export const catalogLocales: readonly string[] = [baseLocale, ...[...sources.keys()].filter((l) => l !== baseLocale).sort()];

const bundles = new Map<string, FluentBundle>();

function newBundle(locales: string[], transform?: (text: string) => string): FluentBundle {
  // Bidi isolation marks around values are for mixing right-to-left text; every catalog here is
  // left-to-right, and the marks would ride along into copied addresses and break text matching.
  return new FluentBundle(locales, { useIsolating: false, ...(transform ? { transform } : {}) });
}

function addAll(bundle: FluentBundle, locale: string, resources: FluentResource[]): void {
  for (const resource of resources) {
    for (const error of bundle.addResource(resource)) console.warn(`catalog ${locale}: ${error.message}`);
  }
}

function bundleFor(locale: string): FluentBundle {
  const made = bundles.get(locale);
  if (made) return made;
  const pseudo = locale === pseudoLocale;
  const bundle = pseudo ? newBundle([pseudoLocale, baseLocale], pseudoText) : newBundle([locale]);
  const resources = (sources.get(pseudo ? baseLocale : locale) ?? []).map((source) => new FluentResource(source));
  addAll(bundle, locale, resources);
  bundles.set(locale, bundle);
  return bundle;
}

/** A POSIX locale ("es_US.UTF-8", "C") as a BCP 47 tag ("es-US", the base). */
export function normalizeTag(raw: string): string {
  const bare = (raw.trim().split(/[.@]/)[0] ?? "").replace(/_/g, "-");
  return bare === "" || bare === "C" || bare === "POSIX" ? baseLocale : bare;
}

/** The catalog locale to speak for a wanted language: "es-419" and "es_ES" get Spanish, "fr" English. */
export function negotiate(wanted: string): string {
  const tag = normalizeTag(wanted);
  if (tag.toLowerCase() === pseudoLocale.toLowerCase()) return pseudoLocale;
  // The bare language as a second choice: "es-419" matches no catalog region, "es" does.
  const language = tag.split("-")[0] ?? tag;
  try {
    const [best] = negotiateLanguages([tag, language], catalogLocales, { defaultLocale: baseLocale, strategy: "lookup" });
    return best ?? baseLocale;
  } catch {
    return baseLocale;
  }
}

function initialSystemLocale(): string {
  return typeof navigator !== "undefined" && navigator.language ? navigator.language : baseLocale;
}

const state = $state({
  /** Settings' choice; null follows the computer. */
  preference: null as string | null,
  /** The computer's language as reported, before negotiation. */
  system: initialSystemLocale(),
  locale: negotiate(initialSystemLocale()),
});

/** Screen readers and hyphenation read <html lang>: it must name the language on screen. */
function markDocument(): void {
  if (typeof document !== "undefined") document.documentElement.lang = state.locale;
}

markDocument();

function apply(): void {
  state.locale = negotiate(state.preference ?? state.system);
  markDocument();
}

/** The computer's language, as the backend reads it (it may be POSIX-style: "es_US.UTF-8"). */
export function setSystemLocale(tag: string | null | undefined): void {
  if (!tag || tag === state.system) return;
  state.system = tag;
  apply();
}

/** Settings' language: a BCP 47 tag, or null to follow the computer. Takes effect at once. */
export function setLanguagePreference(tag: string | null): void {
  state.preference = tag;
  apply();
}

export function currentLocale(): string {
  return state.locale;
}

/** The catalog locale the computer's language resolves to, for "Same as this computer (…)". */
export function systemLocale(): string {
  return negotiate(state.system);
}

/** Locale for Intl formatting: the pseudo-locale formats numbers and dates as its base does. */
export function formatLocale(): string {
  return state.locale === pseudoLocale ? baseLocale : state.locale;
}

const warned = new Set<string>();

function warnOnce(key: string, text: string): void {
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(text);
}

function formatIn(locale: string, id: string, args: MessageArgs | undefined): string | null {
  const bundle = bundleFor(locale);
  const message = bundle.getMessage(id);
  if (!message?.value) return null;
  const errors: Error[] = [];
  const text = bundle.formatPattern(message.value, args, errors);
  if (errors.length > 0) warnOnce(`${locale}:${id}:format`, `catalog ${locale}: ${id}: ${errors.map((e) => e.message).join("; ")}`);
  return locale === pseudoLocale ? pseudoWrap(text) : text;
}

/**
 * A message in the current language. Missing there, the base language's is shown (and the gap
 * reported once); the bare ID shows only when the base catalog lacks it too.
 */
export function t(id: string, args?: MessageArgs): string {
  const locale = state.locale;
  const text = formatIn(locale, id, args);
  if (text !== null) return text;
  if (locale !== baseLocale) {
    warnOnce(`${locale}:${id}`, `catalog ${locale}: no message ${id}; showing ${baseLocale}`);
    const fallback = formatIn(baseLocale, id, args);
    if (fallback !== null) return fallback;
  }
  warnOnce(`${baseLocale}:${id}`, `catalog ${baseLocale}: no message ${id}`);
  return id;
}

/** A language's own name for itself ("Español"), whatever language the app speaks now. */
export function nativeName(locale: string): string {
  return formatIn(locale, "language-name", undefined) ?? locale;
}
