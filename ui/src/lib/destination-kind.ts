// What a pasted destination is ("Bitcoin address (Taproot)"), in the seller's language, from the
// kind code Rust sends beside its English `kindLabel`.
import type { DestinationView } from "./bindings";
import { t } from "./i18n.svelte";

const kinds: Record<string, string> = {
  p2pkh: "payout-kind-p2pkh",
  p2sh: "payout-kind-p2sh",
  p2wpkh: "payout-kind-p2wpkh",
  p2wsh: "payout-kind-p2wsh",
  p2tr: "payout-kind-p2tr",
  bolt11: "payout-kind-bolt11",
  lightning_address: "payout-kind-lightning-address",
};

/** A kind this version does not know (a newer backend's) keeps Rust's English rather than none. */
export function destinationKind(view: Pick<DestinationView, "kind" | "kindLabel">): string {
  const id = Object.hasOwn(kinds, view.kind) ? kinds[view.kind] : undefined;
  return id ? t(id) : view.kindLabel;
}
