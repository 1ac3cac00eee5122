import { describe, expect, it } from "vitest";
import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { callsTo, fail, mockCommands, summary, type Handler } from "./test/ipc";
import type { AppInfo } from "./lib/bindings";
import App from "./App.svelte";

function appInfo(overrides: Partial<AppInfo> = {}): AppInfo {
  return {
    version: "0.1.0",
    sandbox: false,
    baseUrl: "http://127.0.0.1:8787",
    idStorage: "keyring",
    idStorageNote: "Order IDs are kept in the system keyring.",
    vaultDamage: null,
    captchaProblem: null,
    osLocale: "en-US",
    ...overrides,
  };
}

function mockApp(sandbox: boolean, overrides: Record<string, Handler> = {}) {
  return mockCommands({
    app_info: () => appInfo({ sandbox }),
    get_tickers: () => ({ priceUsdCents: 6_585_000, lastUpdatedAt: "2026-11-24T18:00:00Z", updateFrequencyMs: 60_000 }),
    quote: () => ({
      amountCents: 5500,
      amountText: "$55.00",
      sats: 83523,
      satsText: "83,523 sats",
      btcText: "0.00083523 BTC",
      usdCents: 5500,
      usdText: "$55.00",
      priceUsdCents: 6_585_000,
      priceText: "$65,850.00",
    }),
    create_order: () => summary(),
    check_phone: () => ({ e164: "+14155550123", display: "(415) 555-0123" }),
    solve_captcha: () => "token",
    send_phone_code: () => null,
    sandbox_latest_code: (args) => (args.phone === "+14155550123" ? "482913" : null),
    list_orders: () => [],
    ...overrides,
  });
}

/**
 * A damage notice in the app_info answer: it shows only once that answer is in, so a test can
 * wait for it and then check what the same answer must not show.
 */
const loadedWitness = { kept: 0, unreadable: 1, backup: null };

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
    mockApp(false, { app_info: () => appInfo({ vaultDamage: loadedWitness }) });
    render(App);
    await screen.findByTestId("vault-damage");
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
    // Back from the phone step shows the order already made, at its value; Continue returns.
    await userEvent.keyboard("{Escape}");
    expect((await screen.findByTestId("amount-done")).textContent).toMatch(/order for a \$55\.00 card is made/);
    await userEvent.click(screen.getByTestId("continue"));
    expect(await screen.findByTestId("step-phone")).toBeTruthy();
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

describe("Where order IDs are kept", () => {
  const noKeyring = "No system keyring is available: this computer has no safe place for passwords that the app can use.";

  it("says nothing when the system keyring works", async () => {
    mockApp(false, { app_info: () => appInfo({ vaultDamage: loadedWitness }) });
    render(App);
    await screen.findByTestId("vault-damage");
    expect(screen.queryByTestId("vault-choice")).toBeNull();
    expect(screen.queryByTestId("vault-note")).toBeNull();
  });

  it("without a keyring, asks and keeps IDs for this run when told so", async () => {
    const calls = mockApp(false, { app_info: () => appInfo({ idStorage: "thisRunOnly", idStorageNote: noKeyring }) });
    render(App);
    const choice = await screen.findByTestId("vault-choice");
    expect(choice.textContent).toContain(noKeyring);
    expect(choice.textContent).toMatch(/not encrypted/);
    await userEvent.click(screen.getByTestId("vault-this-run"));
    expect((await screen.findByTestId("vault-note")).textContent).toMatch(/only while the app is open/);
    expect(callsTo(calls, "allow_plain_file_vault")).toHaveLength(0);
  });

  it("stores IDs in the file only after the explicit OK, and Cancel leaves them alone", async () => {
    let allowed = false;
    const calls = mockApp(false, {
      app_info: () => appInfo({ idStorage: allowed ? "plainFile" : "thisRunOnly", idStorageNote: noKeyring }),
      allow_plain_file_vault: () => {
        allowed = true;
        return null;
      },
    });
    render(App);
    await userEvent.click(await screen.findByTestId("vault-use-file"));
    expect(screen.getByTestId("vault-confirm").textContent).toMatch(/unencrypted/);
    await userEvent.click(screen.getByTestId("vault-use-file-cancel"));
    expect(callsTo(calls, "allow_plain_file_vault")).toHaveLength(0);

    await userEvent.click(screen.getByTestId("vault-use-file"));
    await userEvent.click(screen.getByTestId("vault-use-file-yes"));
    await waitFor(() => expect(callsTo(calls, "allow_plain_file_vault")).toHaveLength(1));
    expect((await screen.findByTestId("vault-note")).textContent).toMatch(/saved unencrypted/);
    expect(screen.queryByTestId("vault-choice")).toBeNull();
  });

  it("shows why storing in the file failed and keeps the choice open", async () => {
    mockApp(false, {
      app_info: () => appInfo({ idStorage: "thisRunOnly", idStorageNote: noKeyring }),
      allow_plain_file_vault: () =>
        fail("vault_unavailable", { reason: { id: "reason-vault-write", args: { path: { text: "/home/ana/.local/share/co.cardcoins.desktop/orders.json" } } } }),
    });
    render(App);
    await userEvent.click(await screen.findByTestId("vault-use-file"));
    await userEvent.click(screen.getByTestId("vault-use-file-yes"));
    expect((await screen.findByTestId("vault-error")).textContent).toMatch(/the disk is not full/);
    expect(screen.getByTestId("vault-choice")).toBeTruthy();
  });

  it("reports a damaged order list once, until acknowledged", async () => {
    const damage = { kept: 2, unreadable: 1, backup: "/home/ana/.local/share/co.cardcoins.desktop/orders.json.damaged" };
    mockApp(false, { app_info: () => appInfo({ vaultDamage: damage }) });
    render(App);
    const notice = await screen.findByTestId("vault-damage");
    expect(notice.getAttribute("role")).toBe("status");
    expect(notice.textContent).toContain("2 orders were recovered and 1 entry could not be read.");
    expect(notice.textContent).toContain(`The damaged file was kept as ${damage.backup}.`);
    await userEvent.click(screen.getByTestId("vault-damage-ok"));
    expect(screen.queryByTestId("vault-damage")).toBeNull();
  });
});
