// Where the seller is in the guided flow, and what the flow knows so far. One instance per app.
import type { FlowStep, OrderSummary, QuoteView } from "./bindings";

export type Screen = "welcome" | "amount" | FlowStep | "history" | "settings";

/** The numbered steps, in order, as the step headers count them. */
export const numberedSteps: readonly Screen[] = ["amount", "phone", "payout", "photos", "review", "status"];

export class Flow {
  screen: Screen = $state("welcome");
  /** The vault's handle for the current order (never the order ID, which stays in Rust). */
  handle: string | null = $state(null);
  /** The dollars exactly as typed, so coming back to the amount step shows them again. */
  amountText = $state("");
  quote: QuoteView | null = $state(null);
  /** The number the code was sent to, in E.164; the sandbox banner looks up its latest code. */
  phone: string | null = $state(null);
  /** The current order as last listed: its value and quote, for the summary above each step. */
  order: OrderSummary | null = $state(null);
  /** The order was picked up again from History, not started in this visit. */
  resumed = $state(false);
  /** The furthest numbered step the order has reached: the steps before it are done. */
  reached: Screen = $state("welcome");
  /** Where History and Settings return to. */
  private returnTo: Screen = "welcome";
  /**
   * The part of Settings to bring into view when it opens: the payout step's "add your wallet"
   * link lands on the wallet, not on the top of a long page. Taken (set back to null) once shown.
   */
  asideSection: "wallet" | null = $state(null);

  go(screen: Screen): void {
    this.screen = screen;
    if (numberedSteps.indexOf(screen) > numberedSteps.indexOf(this.reached)) this.reached = screen;
  }

  /** The order stands at `step`, as CardCoins says: the steps after it are not done. */
  standsAt(step: Screen): void {
    this.screen = step;
    this.reached = step;
  }

  /** The order exists and is past `step`: going back there shows what was done, changes nothing. */
  isDone(step: Screen): boolean {
    return this.handle !== null && numberedSteps.indexOf(this.reached) > numberedSteps.indexOf(step);
  }

  start(): void {
    this.handle = null;
    this.order = null;
    this.resumed = false;
    this.reached = "amount";
    this.amountText = "";
    this.quote = null;
    this.phone = null;
    this.screen = "amount";
  }

  orderCreated(summary: OrderSummary): void {
    this.handle = summary.handle;
    this.order = summary;
    this.resumed = false;
    this.reached = summary.step;
    this.screen = summary.step;
  }

  resume(summary: OrderSummary): void {
    this.handle = summary.handle;
    this.order = summary;
    this.resumed = true;
    this.reached = summary.step;
    this.amountText = "";
    this.quote = null;
    this.phone = null;
    this.screen = summary.step;
  }

  /** Opens History or Settings, remembering where to come back to. */
  openAside(screen: "history" | "settings", section: "wallet" | null = null): void {
    if (this.screen !== "history" && this.screen !== "settings") this.returnTo = this.screen;
    this.asideSection = section;
    this.screen = screen;
  }

  /**
   * The screen Escape/Back goes to, or null where there is none. Going back never undoes
   * anything sent: a step already done shows what was done, and goes on from there.
   */
  get backTarget(): Screen | null {
    switch (this.screen) {
      case "amount":
        return "welcome";
      case "phone":
        return "amount";
      case "payout":
        return "phone";
      case "photos":
        return "payout";
      case "review":
        return "photos";
      case "history":
      case "settings":
        return this.returnTo;
      default:
        return null;
    }
  }

  back(): boolean {
    const target = this.backTarget;
    if (target === null) return false;
    this.screen = target;
    return true;
  }

  /** 1-based step number for the header, or null for screens outside the numbered flow. */
  get stepNumber(): number | null {
    const index = numberedSteps.indexOf(this.screen);
    return index === -1 ? null : index + 1;
  }
}
