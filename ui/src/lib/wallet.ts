// The seller's wallet in words, and the choices the screens make from it. Rust sends codes (the
// kind of addresses, how close the gap limit is); these word them and decide what is offered.
import type { AppError, OrderView, WalletView } from "./bindings";
import { formatDigits } from "./format";
import { t } from "./i18n.svelte";

/** Named whole, so the catalog tests find each message. */
const kinds: Record<string, string> = {
  p2pkh: "wallet-kind-p2pkh",
  "p2sh-p2wpkh": "wallet-kind-p2sh-p2wpkh",
  p2wpkh: "wallet-kind-p2wpkh",
  p2tr: "wallet-kind-p2tr",
};

/** "Native SegWit addresses (bc1q…)": what a seller can match against how their addresses begin. */
export function walletKind(kind: string): string {
  const id = Object.hasOwn(kinds, kind) ? kinds[kind] : undefined;
  // A kind a newer backend knows and this version does not: its code beats saying nothing.
  return id ? t(id) : t("wallet-kind-other", { kind });
}

/** "#4", as wallets number their receive addresses (from 0). */
export function addressNumber(index: number): string {
  return t("wallet-address-number", { number: formatDigits(index) });
}

export type PayoutChoice = "wallet" | "paste";

/**
 * Which payout choice the step starts on, or null when there is nothing to choose (no wallet, or
 * its key is gone): then the step is the paste field alone, as before wallets.
 *
 * An order already sent with a pasted destination keeps showing that, and so does a field the
 * seller has started typing in: a choice that flips under them would hide what they did.
 */
export function payoutChoiceFor(
  wallet: Pick<WalletView, "keyMissing"> | null,
  order: Pick<OrderView, "destination" | "walletAddressNumber"> | null,
  typed: boolean,
): PayoutChoice | null {
  if (!wallet || wallet.keyMissing) return null;
  if (typed) return "paste";
  if (order?.destination && order.walletAddressNumber === null) return "paste";
  return "wallet";
}

/** The gap limit as typed, if it is one Rust takes (a whole number from 1 to 1000). */
export function gapLimitFrom(value: unknown): number | null {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof number === "number" && Number.isInteger(number) && number >= 1 && number <= 1000 ? number : null;
}

/**
 * A key refused as private (an xprv, seed words) must not stay on screen a moment longer than
 * needed: anyone looking over a shoulder, or a screenshot, could spend with it. Anything else
 * stays, so a mistyped character can be fixed.
 */
export function mustClearWalletInput(error: AppError): boolean {
  return error.code === "wallet_private_key";
}
