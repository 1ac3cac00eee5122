// An order's status in the seller's language, from the API's status word. Rust sends English
// beside the word (statusLabel, statusExplanation); only a word this app does not know keeps
// Rust's label: that is CardCoins' own word made readable, which no catalog can hold.
import { t } from "./i18n.svelte";

/** The status words the app knows, as Rust writes them in `status`. */
const labels = {
  created: "status-label-created",
  authorized: "status-label-authorized",
  processing: "status-label-processing",
  approved: "status-label-approved",
  completed: "status-label-completed",
  rejected: "status-label-rejected",
  expired: "status-label-expired",
  cancelled: "status-label-cancelled",
  gone: "status-label-gone",
} as const;

export type KnownStatus = keyof typeof labels;

const explanations = {
  created: "status-explanation-created",
  authorized: "status-explanation-authorized",
  processing: "status-explanation-processing",
  approved: "status-explanation-approved",
  completed: "status-explanation-completed",
  rejected: "status-explanation-rejected",
  expired: "status-explanation-expired",
  cancelled: "status-explanation-cancelled",
  gone: "status-explanation-gone",
} as const satisfies Record<KnownStatus, string>;

function known(status: string): status is KnownStatus {
  return Object.hasOwn(labels, status);
}

/**
 * Rust reads a word from at most the first 40 characters of a status, letters and digits only;
 * with none there it says "Status not given", the app's words rather than CardCoins'.
 */
function hasNoWord(status: string): boolean {
  return !/[\p{Alphabetic}\p{N}]/u.test([...status.trim()].slice(0, 40).join(""));
}

/** The label of a status the app knows, for the stages of the timeline. */
export function knownStatusLabel(status: KnownStatus): string {
  return t(labels[status]);
}

/** A short label: "Being reviewed"; for a word the app does not know, `rustLabel` ("On hold"). */
export function statusLabel(status: string, rustLabel: string): string {
  if (known(status)) return knownStatusLabel(status);
  return hasNoWord(status) ? t("status-label-not-given") : rustLabel;
}

/** What the status means for the seller, and what to do. */
export function statusExplanation(status: string): string {
  return known(status) ? t(explanations[status]) : t("status-explanation-unknown");
}
