// A prepared photo's warnings in the seller's language, from the code and the numbers Rust sends
// beside its English `message`: in full under the photo, and in a few words for its summary.
import type { PhotoWarningView } from "./bindings";
import { formatDigits } from "./format";
import { t } from "./i18n.svelte";

/** A message and, by its variables, the name of the number each reads from `values`. */
interface Wording {
  id: string;
  reads: Record<string, string>;
}

const full: Record<string, Wording> = {
  "photo.warning.too_small": { id: "photos-warning-too-small", reads: { pixels: "long_side", recommended: "recommended" } },
  "photo.warning.blurry": { id: "photos-warning-blurry", reads: {} },
  "photo.warning.too_dark": { id: "photos-warning-too-dark", reads: {} },
  "photo.warning.blown_out": { id: "photos-warning-blown-out", reads: { percent: "clipped_percent" } },
};

const short: Record<string, Wording> = {
  "photo.warning.too_small": { id: "photos-warning-short-too-small", reads: { pixels: "long_side" } },
  "photo.warning.blurry": { id: "photos-warning-short-blurry", reads: { sharpness: "sharpness" } },
  "photo.warning.too_dark": { id: "photos-warning-short-too-dark", reads: { brightness: "brightness" } },
  "photo.warning.blown_out": { id: "photos-warning-short-blown-out", reads: { percent: "clipped_percent" } },
};

type Warning = Pick<PhotoWarningView, "code" | "values">;

/**
 * The warning worded from `wordings`, its numbers written for the language; null for a code this
 * version does not know or a number the view lacks (a newer or older backend), whose English is
 * better than a gap.
 */
function worded(wordings: Record<string, Wording>, warning: Warning): string | null {
  const wording = Object.hasOwn(wordings, warning.code) ? wordings[warning.code] : undefined;
  if (!wording) return null;
  const args: Record<string, string> = {};
  for (const [variable, name] of Object.entries(wording.reads)) {
    const value = warning.values[name];
    if (value === undefined) return null;
    args[variable] = formatDigits(value);
  }
  return t(wording.id, args);
}

/** What is wrong and what to do: "The photo is dark, … Take it again in better light." */
export function photoWarning(warning: Pick<PhotoWarningView, "code" | "values" | "message">): string {
  return worded(full, warning) ?? warning.message;
}

/** A few words for the photo's summary line: "dark (brightness 31/255)"; null when not known. */
export function photoWarningShort(warning: Warning): string | null {
  return worded(short, warning);
}
