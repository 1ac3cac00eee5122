// A prepared photo's warnings in the seller's language, by code. Only the warnings whose words
// need no value: "too small" names the photo's pixels and the size recommended, "washed out" the
// share of white, and neither number is in the view, so those two keep Rust's English.
import type { PhotoWarningView } from "./bindings";
import { t } from "./i18n.svelte";

const worded: Record<string, string> = {
  "photo.warning.blurry": "photos-warning-blurry",
  "photo.warning.too_dark": "photos-warning-too-dark",
};

export function photoWarning(warning: PhotoWarningView): string {
  const id = Object.hasOwn(worded, warning.code) ? worded[warning.code] : undefined;
  return id ? t(id) : warning.message;
}
