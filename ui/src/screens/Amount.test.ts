import { afterEach, describe, expect, it, vi } from "vitest";
import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { Flow } from "../lib/flow.svelte";
import type { QuoteView } from "../lib/bindings";
import { HANDLE, callsTo, fail, mockCommands, summary, type Handler } from "../test/ipc";
import Amount from "./Amount.svelte";

const ticker = { priceUsdCents: 6_585_000, lastUpdatedAt: "2026-11-24T18:00:00Z", updateFrequencyMs: 60_000 };

// Mirrors the core's rules closely enough for the screen: whole cents, positive.
const quote: Handler = (args) => {
  const text = String(args.amountText).replace("$", "");
  if (!/^\d+(\.\d{1,2})?$/.test(text) || Number(text) <= 0) {
    fail("invalid_amount", { reason: { id: "reason-amount-too-many-decimals", args: { input: { text: String(args.amountText) } } } });
  }
  const cents = Math.round(Number(text) * 100);
  return {
    amountCents: cents,
    amountText: `$${(cents / 100).toFixed(2)}`,
    sats: 83523,
    satsText: "83,523 sats",
    btcText: "0.00083523 BTC",
    usdCents: 5500,
    usdText: "$55.00",
    priceUsdCents: Number(args.priceUsdCents),
    priceText: "$65,850.00",
  } satisfies QuoteView;
};

function setup(overrides: Record<string, Handler> = {}) {
  const calls = mockCommands({
    get_tickers: () => ticker,
    quote,
    create_order: (args) => summary({ amountCents: Number(args.amountCents) }),
    ...overrides,
  });
  const flow = new Flow();
  flow.screen = "amount";
  render(Amount, { props: { flow } });
  return { calls, flow };
}

afterEach(() => vi.useRealTimers());

describe("Amount step", () => {
  it("quotes the typed dollars and creates the order in cents on Enter", async () => {
    const { calls, flow } = setup();
    await screen.findByTestId("quote-updated");
    await userEvent.type(screen.getByTestId("amount-input"), "55");
    await screen.findByTestId("quote-usd");
    // Dollars first, then the sats, then the price used.
    expect(screen.getByTestId("quote-usd").textContent).toBe("You get about $55.00 in bitcoin");
    expect(screen.getByTestId("quote-sats").textContent).toBe("83,523 sats (0.00083523 BTC)");
    expect(screen.getByTestId("quote-price").textContent).toMatch(/\$65,850.00 per bitcoin/);
    expect(screen.getByTestId("quote-updated").textContent).toMatch(/refreshes every 60 s/);
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(flow.screen).toBe("phone"));
    const quoteCall = callsTo(calls, "quote").at(-1);
    expect(quoteCall?.args).toEqual({ amountText: "55", priceUsdCents: ticker.priceUsdCents });
    expect(callsTo(calls, "create_order").map((c) => c.args)).toEqual([{ amountCents: 5500, quotedPriceUsdCents: ticker.priceUsdCents }]);
    expect(flow.handle).toBe(HANDLE);
  });

  it("shows the backend's reason inline for an invalid amount and does not create an order", async () => {
    const { calls, flow } = setup();
    await screen.findByTestId("quote-updated");
    await userEvent.type(screen.getByTestId("amount-input"), "12.345");
    const error = await screen.findByText('"12.345" is not a dollar amount: cents have at most two decimals, like 55.50.');
    expect(error.getAttribute("data-testid")).toBe("amount-error");
    expect(screen.getByTestId("amount-input").getAttribute("aria-invalid")).toBe("true");
    await userEvent.click(screen.getByTestId("continue"));
    expect(callsTo(calls, "create_order")).toHaveLength(0);
    expect(flow.screen).toBe("amount");
  });

  it("asks for an amount when Continue is pressed with the field empty", async () => {
    const { calls } = setup();
    await screen.findByTestId("quote-updated");
    await userEvent.click(screen.getByTestId("continue"));
    expect(screen.getByTestId("amount-error").textContent).toMatch(/enter the card's value/i);
    expect(callsTo(calls, "create_order")).toHaveLength(0);
  });

  it("says when the price can't be fetched, and recovers on retry", async () => {
    let online = false;
    const { calls } = setup({
      get_tickers: () => (online ? ticker : fail("offline", { kind: "transient" })),
    });
    const error = await screen.findByTestId("ticker-error");
    expect(error.textContent).toMatch(/offline/i);
    expect(error.textContent).toMatch(/Could not connect to CardCoins/);
    expect((screen.getByTestId("continue") as HTMLButtonElement).disabled).toBe(true);
    online = true;
    await userEvent.click(screen.getByTestId("ticker-error-retry"));
    await screen.findByTestId("quote-updated");
    expect(screen.queryByTestId("ticker-error")).toBeNull();
    expect(callsTo(calls, "get_tickers").length).toBeGreaterThanOrEqual(2);
  });

  it("shows an order creation failure where it happened", async () => {
    const { flow } = setup({
      create_order: () => fail("vault_unavailable", { reason: { id: "reason-vault-keyring", args: {} } }),
    });
    await screen.findByTestId("quote-updated");
    await userEvent.type(screen.getByTestId("amount-input"), "20{Enter}");
    const error = await screen.findByTestId("amount-submit-error");
    expect(error.textContent).toMatch(/Check that the keyring is unlocked/);
    expect(flow.screen).toBe("amount");
  });

  it("says when it checked the price if the server doesn't say when it changed", async () => {
    setup({ get_tickers: () => ({ ...ticker, lastUpdatedAt: "" }) });
    expect((await screen.findByTestId("quote-updated")).textContent).toMatch(/Price checked at \S+/);
  });

  it("refreshes the price at the ticker's update frequency", async () => {
    vi.useFakeTimers();
    const { calls } = setup();
    await vi.advanceTimersByTimeAsync(0);
    expect(callsTo(calls, "get_tickers")).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(ticker.updateFrequencyMs - 10);
    expect(callsTo(calls, "get_tickers")).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(20);
    expect(callsTo(calls, "get_tickers")).toHaveLength(2);
  });
});
