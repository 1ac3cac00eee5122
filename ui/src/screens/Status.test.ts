import { afterEach, describe, expect, it, vi } from "vitest";
import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { emit } from "@tauri-apps/api/event";
import { Flow } from "../lib/flow.svelte";
import type { OrderView } from "../lib/bindings";
import { HANDLE, callsTo, fail, mockCommands, orderView, prepared, type Handler } from "../test/ipc";
import Status from "./Status.svelte";

const processing = orderView({
  status: "processing",
  statusLabel: "Being checked",
  statusExplanation: "CardCoins is checking the card. This usually takes a few minutes.",
  step: "status",
  requiredImages: [
    { slot: "Image1", description: "Front of the card", uploaded: true, feedback: [] },
    { slot: "Image2", description: "Back of the card", uploaded: true, feedback: [] },
  ],
});
const rejected = orderView({
  ...processing,
  status: "rejected",
  statusLabel: "Needs new photos",
  statusExplanation: "One photo couldn't be read. Replace it and send again.",
  photosRejected: true,
  requiredImages: [
    { slot: "Image1", description: "Front of the card", uploaded: true, feedback: [] },
    { slot: "Image2", description: "Back of the card", uploaded: true, feedback: ["The numbers on the back are blurry."] },
  ],
});
const approved = orderView({
  ...processing,
  status: "approved",
  statusLabel: "Bitcoin sent",
  statusExplanation: "The bitcoin is on its way to your wallet.",
  isFinal: true,
  payout: {
    satsText: "83,523 sats",
    destination: "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
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
    expect((await screen.findByTestId("status-label")).textContent).toBe("Being checked");
    expect(screen.getByTestId("status-explanation").textContent).toMatch(/few minutes/);
    const current = screen.getByTestId("status-timeline").querySelector('[aria-current="step"]');
    expect(current?.getAttribute("data-stage")).toBe("processing");
  });

  it("polls with backoff and stops once the order is final, then shows the payout", async () => {
    vi.useFakeTimers();
    const { calls } = setup(sequence(processing, processing, approved));
    await vi.advanceTimersByTimeAsync(0);
    expect(callsTo(calls, "get_order")).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(callsTo(calls, "get_order")).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2_999);
    expect(callsTo(calls, "get_order")).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(callsTo(calls, "get_order")).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(callsTo(calls, "get_order")).toHaveLength(3);
    const payout = screen.getByTestId("payout");
    expect(payout.textContent).toContain("83,523 sats");
    expect(screen.getByTestId("payout-txid").textContent).toBe(approved.payout?.txid);
    expect(screen.getByTestId("copy-txid")).toBeTruthy();
  });

  it("keeps trying while offline and says so", async () => {
    vi.useFakeTimers();
    let online = false;
    const { calls } = setup(() => (online ? processing : fail("offline", "No internet connection.")));
    await vi.advanceTimersByTimeAsync(0);
    expect(screen.getByTestId("status-error").textContent).toMatch(/offline/i);
    online = true;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(callsTo(calls, "get_order")).toHaveLength(2);
    expect(screen.queryByTestId("status-error")).toBeNull();
    expect(screen.getByTestId("status-label").textContent).toBe("Being checked");
  });

  it("shows rejection feedback beside the photo, takes a replacement and resubmits", async () => {
    const { calls } = setup(sequence(rejected, processing), {
      pick_photos: () => ["/home/seller/back-sharp.jpg"],
      prepare_photo: () => prepared("Image2"),
      upload_photo: () => null,
      submit_for_verification: () => null,
    });
    const slot = await screen.findByTestId("photo-slot-Image2");
    expect(screen.getByTestId("feedback-Image2").textContent).toMatch(/blurry/);
    // Every photo may be replaced; only the one CardCoins named must be.
    expect(screen.getByTestId("photo-slot-Image1").getAttribute("data-phase")).toBe("uploaded");
    expect(slot.getAttribute("data-phase")).toBe("empty");
    expect(slot.textContent).toContain("Back of the card");
    const resubmit = screen.getByTestId("resubmit") as HTMLButtonElement;
    expect(resubmit.disabled).toBe(true);
    await userEvent.click(screen.getByTestId("choose-photo-Image2"));
    await waitFor(() => expect(resubmit.disabled).toBe(false));
    await userEvent.click(resubmit);
    await waitFor(() => expect(callsTo(calls, "submit_for_verification")).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId("status-label").textContent).toBe("Being checked"));
    expect(screen.queryByTestId("resubmit")).toBeNull();
  });

  it("checks at once when the backend says this order changed", async () => {
    vi.useFakeTimers();
    const { calls } = setup(sequence(processing, approved));
    await vi.advanceTimersByTimeAsync(10);
    expect(callsTo(calls, "get_order")).toHaveLength(1);
    await emit("order-status-changed", { handle: "someone-else", status: "approved", statusLabel: "Bitcoin sent" });
    await vi.advanceTimersByTimeAsync(10);
    expect(callsTo(calls, "get_order")).toHaveLength(1);
    await emit("order-status-changed", { handle: HANDLE, status: "approved", statusLabel: "Bitcoin sent" });
    await vi.advanceTimersByTimeAsync(10);
    expect(callsTo(calls, "get_order")).toHaveLength(2);
    expect(screen.getByTestId("status-label").textContent).toBe("Bitcoin sent");
  });

  it("stops polling and explains an error that won't pass by itself", async () => {
    vi.useFakeTimers();
    const { calls } = setup(() => fail("order_not_found", "CardCoins no longer has this order. Start a new one."));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(callsTo(calls, "get_order")).toHaveLength(1);
    expect(screen.getByTestId("status-error").textContent).toMatch(/Start a new one/);
    expect(screen.getByTestId("new-order")).toBeTruthy();
    expect(screen.queryByTestId("check-now")).toBeNull();
  });

  it("after a block stops polling, and holds the retry until the wait is over", async () => {
    vi.useFakeTimers();
    let blocked = true;
    const { calls } = setup(() =>
      blocked ? fail("temporarily_blocked", "CardCoins is refusing requests from this network for a while.", { retryAfterSecs: 30 }) : processing,
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
    expect(screen.getByTestId("status-label").textContent).toBe("Being checked");
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
    await vi.advanceTimersByTimeAsync(2_000);
    expect(screen.getByTestId("status-label").textContent).toBe("Declined");
    expect(screen.getByTestId("general-feedback").textContent).toMatch(/not readable/);
    // No photo named: every one may be replaced, none has to be.
    expect(screen.getByTestId("photo-slot-Image1").getAttribute("data-phase")).toBe("uploaded");
    expect(screen.getByTestId("photo-slot-Image2").getAttribute("data-phase")).toBe("uploaded");
    expect((screen.getByTestId("resubmit") as HTMLButtonElement).disabled).toBe(false);
  });
});
