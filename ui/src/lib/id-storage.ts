// Where order IDs are kept in this run, in the seller's language; Rust's `idStorageNote` says
// the same in English.
import type { IdStorage } from "./bindings";
import { t } from "./i18n.svelte";

const notes = {
  keyring: "vault-storage-keyring",
  thisRunOnly: "vault-storage-this-run",
  plainFile: "vault-storage-plain-file",
} as const satisfies Record<IdStorage, string>;

export function idStorageNote(storage: IdStorage): string {
  return t(notes[storage]);
}
