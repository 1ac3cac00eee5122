import { describe, expect, it } from "vitest";
import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { callsTo, mockCommands, summary, type Handler } from "./test/ipc";
import App from "./App.svelte";

function mockApp(sandbox: boolean, overrides: Record<string, Handler> = {}) {
  return mockCommands({
    app_info: () => ({ version: "0.1.0", sandbox, baseUrl: "http://127.0.0.1:8787", keyringAvailable: true }),
    get_tickers: () => ({ priceUsdCents: 6_585_000, lastUpdatedAt: "2026-11-24T18:00:00Z", updateFrequencyMs: 60_000 }),
    quote: () => ({ amountCents: 5500, amountText: "$55.00", sats: 83523, satsText: "83,523 sats", btcText: "0.00083523 BTC" }),
    create_order: () => summary(),
    check_phone: () => "+14155550123",
    solve_captcha: () => "token",
    send_phone_code: () => null,
    sandbox_latest_code: (args) => (args.phone === "+14155550123" ? "482913" : null),
    list_orders: () => [],
    ...overrides,
  });
}

describe("App", () => {
  it("shows the welcome screen and moves on when Start is pressed", async () => {
    mockApp(false);
    render(App);
    expect(screen.getByRole("heading", { name: /sell a gift card for bitcoin/i })).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Start" }));
    expect(await screen.findByRole("heading", { name: /how much is on the card/i })).toBeTruthy();
    expect(screen.getByTestId("step-amount")).toBeTruthy();
  });

  it("shows the sandbox banner only in sandbox mode", async () => {
    mockApp(true);
    render(App);
    expect(await screen.findByTestId("sandbox-banner")).toBeTruthy();
  });

  it("shows no banner outside sandbox mode", async () => {
    mockApp(false);
    render(App);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.queryByTestId("sandbox-banner")).toBeNull();
  });

  it("goes from amount to phone with the keyboard, and Escape goes back from the amount step", async () => {
    mockApp(false);
    render(App);
    await userEvent.click(screen.getByTestId("start"));
    const heading = await screen.findByRole("heading", { name: /how much is on the card/i });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    await userEvent.keyboard("{Escape}");
    expect(await screen.findByTestId("welcome")).toBeTruthy();
    await userEvent.click(screen.getByTestId("start"));
    await screen.findByTestId("quote-updated");
    await userEvent.type(screen.getByTestId("amount-input"), "55{Enter}");
    expect(await screen.findByTestId("step-phone")).toBeTruthy();
    // Once the order exists there is no going back to the amount: Escape leaves the phone step alone.
    await userEvent.keyboard("{Escape}");
    expect(screen.getByTestId("step-phone")).toBeTruthy();
  });

  it("shows the latest sandbox code in the banner once a code is sent", async () => {
    const calls = mockApp(true);
    render(App);
    await userEvent.click(await screen.findByTestId("start"));
    await screen.findByTestId("quote-updated");
    await userEvent.type(screen.getByTestId("amount-input"), "55{Enter}");
    await userEvent.type(await screen.findByTestId("phone-input"), "4155550123{Enter}");
    await screen.findByTestId("code-input");
    await waitFor(() => expect(screen.getByTestId("sandbox-code").textContent).toContain("482913"), { timeout: 4_000 });
    expect(callsTo(calls, "sandbox_latest_code").some((c) => c.args.phone === "+14155550123")).toBe(true);
  });

  it("opens the order history and comes back with Escape", async () => {
    mockApp(false);
    render(App);
    await userEvent.click(screen.getByTestId("open-history"));
    expect(await screen.findByTestId("history")).toBeTruthy();
    await userEvent.keyboard("{Escape}");
    expect(await screen.findByTestId("welcome")).toBeTruthy();
  });
});
