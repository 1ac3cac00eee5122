import { afterEach, describe, expect, it, vi } from "vitest";
import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { emit } from "@tauri-apps/api/event";
import { Flow } from "../lib/flow.svelte";
import { setLanguagePreference } from "../lib/i18n.svelte";
import type { OrderView } from "../lib/bindings";
import { HANDLE, callsTo, fail, mockCommands, orderView, prepared, type Handler } from "../test/ipc";
import Status from "./Status.svelte";

const processing = orderView({
  status: "processing",
  statusLabel: "Being reviewed",
  statusExplanation: "CardCoins is checking your photos. This usually takes a few minutes; you may close the app and come back.",
  step: "status",
  requiredImages: [
    { slot: "Image1", description: "Front of the card", serverDescription: null, uploaded: true, feedback: [] },
    { slot: "Image2", description: "Back of the card", serverDescription: null, uploaded: true, feedback: [] },
  ],
});
const rejected = orderView({
  ...processing,
  status: "rejected",
  statusLabel: "Photos rejected",
  statusExplanation: "Some photos were not accepted. Read the feedback, upload new photos and submit them again.",
  photosRejected: true,
  requiredImages: [
    { slot: "Image1", description: "Front of the card", serverDescription: null, uploaded: true, feedback: [] },
    { slot: "Image2", description: "Back of the card", serverDescription: null, uploaded: true, feedback: ["The numbers on the back are blurry."] },
  ],
});
const approved = orderView({
  ...processing,
  status: "approved",
  statusLabel: "Approved",
  statusExplanation: "The card was accepted and the bitcoin is on its way.",
  isFinal: true,
  payout: {
    sats: 83523,
    satsText: "83,523 sats",
    usdCents: 5500,
    usdText: "$55.00",
    destination: { text: "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", short: "bc1qar0…f5mdq", lightning: false },
    txid: "f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16",
    paymentHash: null,
  },
});

function setup(getOrder: Handler, overrides: Record<string, Handler> = {}) {
  const calls = mockCommands({ get_order: getOrder, ...overrides });
  const flow = new Flow();
  flow.screen = "status";
  flow.handle = HANDLE;
  render(Status, { props: { flow } });
  return { calls, flow };
}

function sequence(...views: OrderView[]): Handler {
  return () => (views.length > 1 ? views.shift() : views[0]);
}

afterEach(() => vi.useRealTimers());

describe("Status step", () => {
  it("shows the timeline and the plain-language explanation", async () => {
    setup(() => processing);
    expect((await screen.findByTestId("status-label")).textContent).toBe("Being reviewed");
    expect(screen.getByTestId("status-explanation").textContent).toMatch(/few minutes/);
    const current = screen.getByTestId("status-timeline").querySelector('[aria-current="step"]');
    expect(current?.getAttribute("data-stage")).toBe("processing");
  });

  it("polls with backoff and stops once the order is final, then shows the payout", async () => {
    vi.useFakeTimers();
    const { calls } = setup(sequence(processing, processing, approved));
    await vi.advanceTimersByTimeAsync(0);
    expect(callsTo(calls, "get_order")).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(callsTo(calls, "get_order")).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(14_999);
    expect(callsTo(calls, "get_order")).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(callsTo(calls, "get_order")).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(callsTo(calls, "get_order")).toHaveLength(3);
    // A clear success: the card, the sats, where they went, their dollars; the transaction once.
    expect(screen.getByTestId("status-card").getAttribute("data-tone")).toBe("success");
    expect(screen.getByTestId("payout-summary").textContent?.replace(/\s+/g, " ").trim()).toBe(
      "$55.00 card → 83,523 sats sent to bc1qar0…f5mdq",
    );
    expect(screen.getByTestId("payout-usd").textContent).toMatch(/\$55\.00/);
    expect(screen.getByTestId("payout-destination").textContent).toBe(approved.payout?.destination.text);
    expect(screen.getByTestId("payout-txid").textContent).toBe(approved.payout?.txid);
    expect(screen.getByTestId("copy-txid")).toBeTruthy();
    const txid = approved.payout?.txid ?? "";
    expect(document.body.textContent?.split(txid).length).toBe(2);
  });

  it("keeps trying while offline and says so", async () => {
    vi.useFakeTimers();
    let online = false;
    const { calls } = setup(() => (online ? processing : fail("offline", { kind: "transient" })));
    await vi.advanceTimersByTimeAsync(0);
    expect(screen.getByTestId("status-error").textContent).toMatch(/offline/i);
    online = true;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(callsTo(calls, "get_order")).toHaveLength(2);
    expect(screen.queryByTestId("status-error")).toBeNull();
    expect(screen.getByTestId("status-label").textContent).toBe("Being reviewed");
  });

  it("shows rejection feedback beside the photo, takes a replacement and resubmits", async () => {
    const { calls } = setup(sequence(rejected, processing), {
      pick_photos: () => ["/home/seller/back-sharp.jpg"],
      prepare_photo: () => prepared("Image2"),
      upload_photo: () => prepared("Image1"),
      submit_for_verification: () => null,
    });
    const slot = await screen.findByTestId("photo-slot-Image2");
    expect(screen.getByTestId("feedback-Image2").textContent).toMatch(/blurry/);
    // Every photo may be replaced; only the one CardCoins named must be, and only it is marked:
    // the accepted one is folded away.
    expect(screen.getByTestId("rejection-title").textContent?.trim()).toBe("1 photo needs replacing");
    expect(screen.getByTestId("accepted-Image1").hasAttribute("open")).toBe(false);
    expect(screen.getByTestId("accepted-Image1").textContent).toMatch(/Accepted:\s+Front of the card/);
    expect(screen.queryByTestId("accepted-Image2")).toBeNull();
    expect(screen.getByTestId("photo-slot-Image1").getAttribute("data-phase")).toBe("uploaded");
    expect(slot.getAttribute("data-phase")).toBe("empty");
    expect(slot.textContent).toContain("Back of the card");
    const resubmit = screen.getByTestId("resubmit") as HTMLButtonElement;
    expect(resubmit.disabled).toBe(true);
    expect(screen.getByTestId("resubmit-ready").textContent).toMatch(/Replace the photo above first/);
    await userEvent.click(screen.getByTestId("choose-photo-Image2"));
    await waitFor(() => expect(resubmit.disabled).toBe(false));
    await userEvent.click(resubmit);
    await waitFor(() => expect(callsTo(calls, "submit_for_verification")).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId("status-label").textContent).toBe("Being reviewed"));
    expect(screen.queryByTestId("resubmit")).toBeNull();
  });

  it("checks at once when the backend says this order changed", async () => {
    vi.useFakeTimers();
    const { calls } = setup(sequence(processing, approved));
    await vi.advanceTimersByTimeAsync(10);
    expect(callsTo(calls, "get_order")).toHaveLength(1);
    await emit("order-status-changed", { handle: "someone-else", status: "approved", statusLabel: "Approved" });
    await vi.advanceTimersByTimeAsync(10);
    expect(callsTo(calls, "get_order")).toHaveLength(1);
    await emit("order-status-changed", { handle: HANDLE, status: "approved", statusLabel: "Approved" });
    await vi.advanceTimersByTimeAsync(10);
    expect(callsTo(calls, "get_order")).toHaveLength(2);
    expect(screen.getByTestId("status-label").textContent).toBe("Approved");
  });

  it("stops polling and explains an error that won't pass by itself", async () => {
    vi.useFakeTimers();
    const { calls } = setup(() => fail("order_not_found"));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(callsTo(calls, "get_order")).toHaveLength(1);
    expect(screen.getByTestId("status-error").textContent).toMatch(/Start a new order/);
    expect(screen.getByTestId("new-order")).toBeTruthy();
    expect(screen.queryByTestId("check-now")).toBeNull();
  });

  it("after a block stops polling, and holds the retry until the wait is over", async () => {
    vi.useFakeTimers();
    let blocked = true;
    const { calls } = setup(() =>
      blocked ? fail("temporarily_blocked", { retryAfterSecs: 30 }) : processing,
    );
    await vi.advanceTimersByTimeAsync(0);
    const retry = screen.getByTestId("status-error-retry") as HTMLButtonElement;
    expect(retry.disabled).toBe(true);
    expect(retry.textContent).toMatch(/30 s/);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(callsTo(calls, "get_order")).toHaveLength(1);
    expect(retry.disabled).toBe(false);
    blocked = false;
    retry.click();
    await vi.advanceTimersByTimeAsync(0);
    expect(callsTo(calls, "get_order")).toHaveLength(2);
    expect(screen.getByTestId("status-label").textContent).toBe("Being reviewed");
  });

  it("shows a status word it does not know, and a rejection's words that name no photo", async () => {
    vi.useFakeTimers();
    const declined = orderView({
      ...processing,
      status: "declined",
      statusLabel: "Declined",
      photosRejected: true,
      generalFeedback: ["The card number is not readable. Please retake the photos."],
    });
    setup(sequence(orderView({ ...processing, status: "in_review", statusLabel: "In review" }), declined));
    await vi.advanceTimersByTimeAsync(0);
    expect(screen.getByTestId("status-label").textContent).toBe("In review");
    await vi.advanceTimersByTimeAsync(10_000);
    expect(screen.getByTestId("status-label").textContent).toBe("Declined");
    expect(screen.getByTestId("general-feedback").textContent).toMatch(/not readable/);
    // No photo named: every one may be replaced, none has to be.
    expect(screen.getByTestId("photo-slot-Image1").getAttribute("data-phase")).toBe("uploaded");
    expect(screen.getByTestId("photo-slot-Image2").getAttribute("data-phase")).toBe("uploaded");
    expect((screen.getByTestId("resubmit") as HTMLButtonElement).disabled).toBe(false);
  });
});

const TXID_A = "a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1";
const TXID_B = "b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2";

function watching(state: NonNullable<OrderView["payoutWatch"]>["state"], overrides: Partial<NonNullable<OrderView["payoutWatch"]>> = {}): OrderView {
  const words = {
    waiting: ["Waiting for the payment", "CardCoins approved the payout; the bitcoin has not been seen on the network yet."],
    seen: ["Payment seen", "Payment seen — it may be replaced by a bigger batch: that is normal; don't spend it yet."],
    replaced: ["Payment replaced by a bigger batch", "CardCoins replaced the transaction with a bigger batch that pays you the same amount: that is normal. Don't spend it yet."],
    confirmed: ["1 confirmation", "In a block. Don't spend it until it has 3 confirmations."],
    done: ["3 confirmations: done", "The bitcoin is yours to spend."],
  } as const;
  const paying = state === "waiting" ? null : state === "seen" ? TXID_A : TXID_B;
  return orderView({
    ...approved,
    // The payout names the transaction that pays: the watch's, once it has seen one.
    payout: approved.payout ? { ...approved.payout, txid: overrides.txid ?? paying ?? approved.payout.txid } : null,
    payoutWatch: {
      on: true,
      state,
      txid: state === "waiting" ? null : state === "seen" ? TXID_A : TXID_B,
      oldTxid: state === "replaced" ? TXID_A : null,
      confirmations: state === "confirmed" ? 1 : state === "done" ? 3 : 0,
      headline: words[state][0],
      detail: words[state][1],
      lastCheckedAt: "2026-12-04T03:00:00Z",
      problem: null,
      ...overrides,
    },
  });
}

describe("Your bitcoin", () => {
  it("waits for the payment while the watch is on", async () => {
    setup(() => watching("waiting"));
    expect((await screen.findByTestId("payout-watch-headline")).textContent).toBe("Waiting for the payment");
    expect(screen.getByTestId("payout-watch").getAttribute("data-state")).toBe("waiting");
    expect(screen.queryByTestId("payout-watch-txid")).toBeNull();
    expect(screen.getByTestId("payout-watch-checked").textContent).toMatch(/Checked at/);
    expect(screen.queryByTestId("payout-watch-off")).toBeNull();
  });

  it("says a seen payment may be replaced, with its transaction to copy", async () => {
    setup(() => watching("seen"));
    expect((await screen.findByTestId("payout-watch-headline")).textContent).toBe("Payment seen");
    expect(screen.getByTestId("payout-watch-detail").textContent).toBe(
      "Payment seen — it may be replaced by a bigger batch: that is normal; don't spend it yet.",
    );
    expect(screen.getByTestId("payout-txid").textContent).toBe(TXID_A);
    expect(screen.getByTestId("copy-txid")).toBeTruthy();
  });

  it("shows the new transaction after a replacement, and the one it replaced", async () => {
    setup(() => watching("replaced"));
    expect((await screen.findByTestId("payout-watch-headline")).textContent).toBe("Payment replaced by a bigger batch");
    expect(screen.getByTestId("payout-txid").textContent).toBe(TXID_B);
    expect(screen.getByTestId("payout-watch-old-txid").textContent).toBe(TXID_A);
    expect(document.body.textContent?.split(TXID_B).length).toBe(2);
  });

  it("counts the first confirmation", async () => {
    setup(() => watching("confirmed"));
    expect((await screen.findByTestId("payout-watch-headline")).textContent).toBe("1 confirmation");
    expect(screen.getByTestId("payout-watch-detail").textContent).toMatch(/3 confirmations/);
  });

  it("is done at 3 confirmations, with the timeline of what the watch saw", async () => {
    setup(() =>
      orderView({
        ...watching("done"),
        payoutTimeline: [
          // Kept before the app recorded what happened: shown as it was said.
          { at: "2026-12-04T03:00:02Z", kind: null, confirmations: null, blockHeight: null, title: "Payment seen", body: `Your bitcoin is on its way. Transaction ${TXID_A}.`, txid: TXID_A },
          { at: "2026-12-04T03:00:12Z", kind: "replaced", confirmations: null, blockHeight: null, title: "(words of the moment)", body: "", txid: TXID_B },
          { at: "2026-12-04T03:00:20Z", kind: "confirmed", confirmations: 1, blockHeight: null, title: "(words of the moment)", body: "", txid: TXID_B },
          { at: "2026-12-04T03:00:40Z", kind: "done", confirmations: null, blockHeight: 871234, title: "(words of the moment)", body: "", txid: TXID_B },
        ],
      }),
    );
    expect((await screen.findByTestId("payout-watch-headline")).textContent).toBe("3 confirmations: done");
    expect(screen.getByTestId("payout-watch").getAttribute("data-state")).toBe("done");
    const lines = [...screen.getByTestId("payout-timeline").querySelectorAll("li")];
    expect(lines.map((line) => line.querySelector("strong")?.textContent)).toEqual([
      "Payment seen",
      "Payment replaced by a bigger batch",
      "Payment confirmed",
      "Payment complete",
    ]);
    expect(lines[0]?.querySelector("time")?.getAttribute("datetime")).toBe("2026-12-04T03:00:02Z");
    expect(lines[2]?.querySelector(".note-body")?.textContent).toMatch(/1 confirmation of the 3/);
    expect(lines[3]?.querySelector(".note-body")?.textContent).toMatch(/block 871234\)/);
    expect(screen.queryByTestId("payout-watch-checked")).toBeNull();
    setLanguagePreference("es-US");
    await waitFor(() => expect(lines[1]?.querySelector("strong")?.textContent).not.toBe("Payment replaced by a bigger batch"));
    expect(lines[0]?.querySelector("strong")?.textContent).toBe("Payment seen");
    setLanguagePreference(null);
  });

  it("shows a calm word when the payout server fails, in the seller's language", async () => {
    setup(() => watching("seen", { problem: "unreadable" }));
    const problem = await screen.findByTestId("payout-watch-problem");
    expect(problem.textContent).toBe(
      "The payout server's answer could not be read; the watch will try again later. If this lasts, check the server in Settings.",
    );
    expect(screen.getByTestId("payout-watch-headline").textContent).toBe("Payment seen");
    setLanguagePreference("es-US");
    await waitFor(() => expect(problem.textContent).toMatch(/^No se pudo leer la respuesta del servidor de pagos; .* en Configuración\.$/));
  });

  it("says when the payout server did not answer", async () => {
    setup(() => watching("waiting", { problem: "unreachable" }));
    expect((await screen.findByTestId("payout-watch-problem")).textContent).toBe("The payout server did not answer; the watch will try again in a while.");
  });

  it("offers to turn the watch on when it is off", async () => {
    const { flow } = setup(() => watching("waiting", { on: false }));
    await userEvent.click(await screen.findByTestId("open-payout-settings"));
    expect(flow.screen).toBe("settings");
    expect(screen.queryByTestId("payout-watch-headline")).toBeNull();
  });

  it("reads the order again when the watch moves on, after polling stopped", async () => {
    vi.useFakeTimers();
    const { calls } = setup(sequence(watching("seen"), watching("replaced")));
    await vi.advanceTimersByTimeAsync(10);
    expect(screen.getByTestId("payout-watch-headline").textContent).toBe("Payment seen");
    await emit("payout-watch-changed", { handle: "someone-else" });
    await vi.advanceTimersByTimeAsync(10);
    expect(callsTo(calls, "get_order")).toHaveLength(1);
    await emit("payout-watch-changed", { handle: HANDLE });
    await vi.advanceTimersByTimeAsync(10);
    expect(callsTo(calls, "get_order")).toHaveLength(2);
    expect(screen.getByTestId("payout-watch-headline").textContent).toBe("Payment replaced by a bigger batch");
  });

  it("shows a Lightning payment's hash and time, with nothing to watch", async () => {
    setup(() =>
      orderView({
        ...approved,
        payout: approved.payout
          ? { ...approved.payout, txid: null, paymentHash: "c3".repeat(32), destination: { text: "me@wallet.example", short: "me@wallet.example", lightning: true } }
          : null,
        lightningPaid: { paymentHash: "c3".repeat(32), sentAt: "2026-12-04T03:00:00Z" },
      }),
    );
    expect((await screen.findByTestId("lightning-paid")).textContent).toMatch(/nothing to watch/);
    expect(screen.getByTestId("payout-hash").textContent).toBe("c3".repeat(32));
    expect(document.body.textContent?.split("c3".repeat(32)).length).toBe(2);
    expect(screen.getByTestId("lightning-sent-at").querySelector("time")?.getAttribute("datetime")).toBe("2026-12-04T03:00:00Z");
    expect(screen.queryByTestId("payout-watch")).toBeNull();
  });
});

describe("What the seller is shown", () => {
  it("warns plainly when CardCoins names another payout address than the one given", async () => {
    setup(() => orderView({ ...approved, serverDestinationDiffers: "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4" }));
    const warning = await screen.findByTestId("destination-differs");
    expect(warning.textContent).toMatch(/different payout address/);
    expect(warning.textContent).toContain("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq");
    expect(screen.getByTestId("destination-named").textContent).toBe("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4");
    expect(warning.textContent).toMatch(/contact CardCoins support/);
  });

  it("shows waiting as waiting: a spinner, how long, and that a notification comes", async () => {
    setup(() => orderView({ ...processing, photosRejected: false, history: [{ status: "processing", statusLabel: "Being reviewed", at: new Date(Date.now() - 125_000).toISOString(), message: null }] }));
    const card = await screen.findByTestId("status-card");
    expect(card.getAttribute("data-tone")).toBe("waiting");
    expect(card.querySelector(".spinner")).toBeTruthy();
    expect(screen.getByTestId("status-waiting").textContent).toMatch(/Waiting for 2 min\..*notifies you/);
  });

  it("marks a rejection as the seller's to act on, with an icon as well as a colour", async () => {
    setup(() => rejected);
    const card = await screen.findByTestId("status-card");
    await waitFor(() => expect(card.getAttribute("data-tone")).toBe("action"));
    expect(card.querySelector(".icon")?.textContent).toBe("!");
  });
});

describe("The receipt", () => {
  it("is saved as a PDF for this order, with the order ID only when ticked", async () => {
    const { calls } = setup(() => approved, { save_receipt: () => "/home/seller/cardcoins-receipt.pdf" });
    await userEvent.click(await screen.findByTestId("receipt-save"));
    await waitFor(() => expect(screen.getByTestId("receipt-saved").textContent).toMatch(/cardcoins-receipt\.pdf/));
    expect(callsTo(calls, "save_receipt")[0]?.args).toEqual({ handle: HANDLE, includeOrderId: false });
    await userEvent.click(screen.getByTestId("receipt-include-ids"));
    expect(screen.getByTestId("receipt-ids-warning").textContent).toMatch(/controls that order/);
    await userEvent.click(screen.getByTestId("receipt-save"));
    await waitFor(() => expect(callsTo(calls, "save_receipt")).toHaveLength(2));
    expect(callsTo(calls, "save_receipt")[1]?.args).toEqual({ handle: HANDLE, includeOrderId: true });
  });
});

describe("in Spanish", () => {
  // The backend's fields are English; the screen words the status and the watch from their codes.
  it("words the status, its stages and its history from the status word", async () => {
    setLanguagePreference("es-US");
    setup(() => ({ ...rejected, history: [{ status: "processing", statusLabel: "Being reviewed", at: "2026-12-03T10:20:00Z", message: null }] }));
    expect((await screen.findByTestId("status-label")).textContent).toBe("Fotos rechazadas");
    expect(screen.getByTestId("status-explanation").textContent).toMatch(/^Algunas fotos no fueron aceptadas/);
    expect(screen.getByTestId("status-timeline").textContent).toContain("Esperando fotos");
    expect(screen.getByTestId("status-history").textContent).toContain("En revisión");
    expect(document.body.textContent).not.toMatch(/Photos rejected|Being reviewed|Some photos were not accepted/);
  });

  it("keeps CardCoins' own word for a status it does not know", async () => {
    setLanguagePreference("es-US");
    setup(() => orderView({ ...processing, status: "on_hold", statusLabel: "On hold", statusExplanation: "This is CardCoins' own word." }));
    expect((await screen.findByTestId("status-label")).textContent).toBe("On hold");
    expect(screen.getByTestId("status-explanation").textContent).toMatch(/^Esta es la palabra que usa CardCoins/);
  });

  it("words the payout watch from its state", async () => {
    setLanguagePreference("es-US");
    setup(() => watching("confirmed"));
    expect((await screen.findByTestId("payout-watch-headline")).textContent).toBe("1 confirmación");
    expect(screen.getByTestId("payout-watch-detail").textContent).toBe("Ya está en un bloque. No lo gastes hasta que tenga 3 confirmaciones.");
  });
});

describe("Status step, paid to an address from the seller's wallet", () => {
  it("names its number in the wallet beside the address", async () => {
    setup(() => ({ ...approved, walletAddressNumber: 7 }));
    expect((await screen.findByTestId("payout-wallet-address")).textContent).toBe("(address #7 from your wallet)");
    expect(screen.getByTestId("payout-summary").textContent).toMatch(/sent to\s+bc1qar0…f5mdq\s+\(address #7 from your wallet\)/);
  });

  it("says nothing of a wallet for a pasted address", async () => {
    setup(() => approved);
    await screen.findByTestId("payout-summary");
    expect(screen.queryByTestId("payout-wallet-address")).toBeNull();
  });
});
