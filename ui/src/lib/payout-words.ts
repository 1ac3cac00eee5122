// The payout watch in the seller's language, from its state, count of confirmations and problem
// code. Rust sends the headline and detail in English too; the problem it keeps as a code only.
import type { PayoutNoteKind, PayoutNoteView, PayoutProblem, PayoutWatchStateName, PayoutWatchView } from "./bindings";
import { t } from "./i18n.svelte";

const headlines = {
  waiting: "status-bitcoin-headline-waiting",
  seen: "status-bitcoin-headline-seen",
  replaced: "status-bitcoin-headline-replaced",
  confirmed: "status-bitcoin-headline-confirmed",
  done: "status-bitcoin-headline-done",
} as const satisfies Record<PayoutWatchStateName, string>;

const details = {
  waiting: "status-bitcoin-detail-waiting",
  seen: "status-bitcoin-detail-seen",
  replaced: "status-bitcoin-detail-replaced",
  confirmed: "status-bitcoin-detail-confirmed",
  done: "status-bitcoin-detail-done",
} as const satisfies Record<PayoutWatchStateName, string>;

/** "Payment seen", "1 confirmation", "3 confirmations: done". */
export function payoutHeadline(watch: Pick<PayoutWatchView, "state" | "confirmations">): string {
  return t(headlines[watch.state], { confirmations: watch.confirmations });
}

/** What the state means: whether the bitcoin may still move, and when it is safe to spend. */
export function payoutDetail(watch: Pick<PayoutWatchView, "state">): string {
  return t(details[watch.state]);
}

const problems = {
  unreachable: "status-bitcoin-problem-unreachable",
  unreadable: "status-bitcoin-problem-unreadable",
} as const satisfies Record<PayoutProblem, string>;

/** Why the watch could not look lately, and that it keeps trying. */
export function payoutProblem(problem: PayoutProblem): string {
  return t(problems[problem]);
}

const noteWords = {
  seen: ["notice-payout-seen-title", "notice-payout-seen-body"],
  replaced: ["notice-payout-replaced-title", "notice-payout-replaced-body"],
  confirmed: ["notice-payout-confirmed-title", "notice-payout-confirmed-body"],
  done: ["notice-payout-done-title", "notice-payout-done-body"],
} as const satisfies Record<PayoutNoteKind, readonly [string, string]>;

/**
 * A line of the payout timeline in the reader's language, the same words as its notification;
 * a line kept before the app recorded what happened shows the words it was kept with.
 */
export function payoutNoteWords(note: PayoutNoteView): { title: string; body: string } {
  if (note.kind === null) return { title: note.title, body: note.body };
  const [title, body] = noteWords[note.kind];
  // The block number is written without grouping, as explorers show it.
  return { title: t(title), body: t(body, { confirmations: note.confirmations ?? 0, block: String(note.blockHeight ?? "") }) };
}
