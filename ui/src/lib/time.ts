// Times from the backend are ISO 8601 strings; the seller sees them in their own clock and language.
import { formatLocale, t } from "./i18n.svelte";

export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleTimeString(formatLocale());
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(formatLocale());
}

/** How long something has been going on, in the seller's words: "45 s", "3 min", "2 h 5 min". */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return t("elapsed-seconds", { seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t("elapsed-minutes", { minutes });
  return t("elapsed-hours-minutes", { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}
