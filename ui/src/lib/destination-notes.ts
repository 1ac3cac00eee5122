// What the seller should know about a pasted destination (parts of a link that were ignored, an
// invoice about to expire), in the seller's language from the code and values Rust sends beside
// its English `text`. Like Rust's, the notes start in lower case: they read as asides under
// "Looks good: …".
import type { DestinationNoteView } from "./bindings";
import { t, type MessageArgs } from "./i18n.svelte";

/** A message and the values it reads; `minutes` arrives as text and is counted for the plural. */
const notes: Record<string, { id: string; reads: readonly ("amount" | "keys" | "minutes")[] }> = {
  amount_ignored: { id: "payout-note-amount-ignored", reads: ["amount"] },
  invoice_used_for_missing_address: { id: "payout-note-invoice-used", reads: [] },
  invoice_ignored: { id: "payout-note-invoice-ignored", reads: [] },
  other_ignored: { id: "payout-note-other-ignored", reads: ["keys"] },
  invoice_expires_soon: { id: "payout-note-invoice-expires-soon", reads: ["minutes"] },
};

/** A note of a code this version does not know, or without its values, keeps Rust's English. */
export function destinationNote(note: DestinationNoteView): string {
  const wording = Object.hasOwn(notes, note.code) ? notes[note.code] : undefined;
  if (!wording) return note.text;
  const args: MessageArgs = {};
  for (const name of wording.reads) {
    const value = note.values[name];
    if (value === undefined) return note.text;
    if (name !== "minutes") {
      args[name] = value;
      continue;
    }
    const minutes = Number(value);
    if (!Number.isInteger(minutes) || minutes < 1) return note.text;
    args[name] = minutes;
  }
  return t(wording.id, args);
}
