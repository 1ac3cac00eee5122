import { describe, expect, it } from "vitest";
import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { Flow } from "../lib/flow.svelte";
import { callsTo, fail, mockCommands, type Handler } from "../test/ipc";
import Settings from "./Settings.svelte";

function setup(overrides: Record<string, Handler> = {}) {
  const calls = mockCommands({
    get_settings: () => ({ baseUrl: "https://api.cardcoins.co", sandbox: false, proxy: null, notifications: true }),
    // The wallet section loads on its own; none is set here.
    get_wallet: () => null,
    save_settings: () => null,
    app_info: () => ({ version: "0.1.0", sandbox: false, baseUrl: "https://api.cardcoins.co", idStorage: "keyring", idStorageNote: "", vaultDamage: null }),
    ...overrides,
  });
  const flow = new Flow();
  flow.openAside("settings");
  render(Settings, { props: { flow } });
  return { calls };
}

describe("Settings", () => {
  it("says when the app practises because of --sandbox, whatever the setting", async () => {
    setup({
      app_info: () => ({ version: "0.1.0", sandbox: true, baseUrl: "http://127.0.0.1:9", idStorage: "keyring", idStorageNote: "", vaultDamage: null }),
    });
    expect((await screen.findByTestId("settings-sandbox-flag")).textContent).toMatch(/--sandbox/);
    expect((screen.getByTestId("settings-sandbox") as HTMLInputElement).checked).toBe(false);
  });

  it("says nothing more when the setting itself is on", async () => {
    setup({
      get_settings: () => ({ baseUrl: "https://api.cardcoins.co", sandbox: true, proxy: null, notifications: true }),
      app_info: () => ({ version: "0.1.0", sandbox: true, baseUrl: "http://127.0.0.1:9", idStorage: "keyring", idStorageNote: "", vaultDamage: null }),
    });
    await screen.findByTestId("settings-proxy");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.queryByTestId("settings-sandbox-flag")).toBeNull();
  });

  it("loads, edits and saves the settings", async () => {
    const { calls } = setup();
    const proxy = await screen.findByTestId("settings-proxy");
    await userEvent.type(proxy, "socks5h://127.0.0.1:9050");
    await userEvent.click(screen.getByTestId("settings-notifications"));
    await userEvent.click(screen.getByTestId("settings-save"));
    await waitFor(() => expect(screen.getByTestId("settings-saved").textContent).toMatch(/saved/i));
    expect(callsTo(calls, "save_settings")[0]?.args).toEqual({
      settings: { baseUrl: "https://api.cardcoins.co", sandbox: false, proxy: "socks5h://127.0.0.1:9050", notifications: false, payoutWatch: false, esploraUrl: null, explorerUrl: null },
    });
  });

  it("offers the practice server's dialects while practising, and saves the choice", async () => {
    const { calls } = setup({
      get_settings: () => ({ baseUrl: "https://api.cardcoins.co", sandbox: true, proxy: null, notifications: true, sandboxDialect: "extended" }),
    });
    const select = (await screen.findByTestId("settings-dialect")) as HTMLSelectElement;
    expect([...select.options].map((option) => option.value)).toEqual(["extended", "reference", "keyed", "terse"]);
    await userEvent.selectOptions(select, "reference");
    await userEvent.click(screen.getByTestId("settings-save"));
    await waitFor(() => expect(callsTo(calls, "save_settings")).toHaveLength(1));
    expect((callsTo(calls, "save_settings")[0]?.args.settings as { sandboxDialect: unknown }).sandboxDialect).toBe("reference");
  });

  it("slows the practice store to a chosen uplink and saves the choice", async () => {
    const { calls } = setup({
      get_settings: () => ({ baseUrl: "https://api.cardcoins.co", sandbox: true, proxy: null, notifications: true, sandboxDialect: "extended", sandboxUplink: "unlimited", sandboxExpiryAtEnd: false }),
    });
    const select = (await screen.findByTestId("settings-uplink")) as HTMLSelectElement;
    expect([...select.options].map((option) => option.value)).toEqual(["unlimited", "8mbit", "1mbit", "0.25mbit"]);
    await userEvent.selectOptions(select, "1mbit");
    await userEvent.click(screen.getByTestId("settings-expiry-at-end"));
    await userEvent.click(screen.getByTestId("settings-save"));
    await waitFor(() => expect(callsTo(calls, "save_settings")).toHaveLength(1));
    const saved = callsTo(calls, "save_settings")[0]?.args.settings as { sandboxUplink: unknown; sandboxExpiryAtEnd: unknown };
    expect([saved.sandboxUplink, saved.sandboxExpiryAtEnd]).toEqual(["1mbit", true]);
  });

  it("hides the dialects when not practising", async () => {
    setup();
    await screen.findByTestId("settings-proxy");
    expect(screen.queryByTestId("settings-dialect")).toBeNull();
    expect(screen.queryByTestId("settings-uplink")).toBeNull();
  });

  it("sends an empty proxy as none", async () => {
    const { calls } = setup({
      get_settings: () => ({ baseUrl: "https://api.cardcoins.co", sandbox: true, proxy: "http://old:8080", notifications: false }),
    });
    await userEvent.clear(await screen.findByTestId("settings-proxy"));
    await userEvent.click(screen.getByTestId("settings-save"));
    await waitFor(() => expect(callsTo(calls, "save_settings")).toHaveLength(1));
    expect((callsTo(calls, "save_settings")[0]?.args.settings as { proxy: unknown }).proxy).toBeNull();
  });

  it("turns the payout watch on with a server, saying what it reveals", async () => {
    const { calls } = setup({
      get_settings: () => ({ baseUrl: "https://api.cardcoins.co", sandbox: false, proxy: null, notifications: true, payoutWatch: false, esploraUrl: null }),
    });
    const box = (await screen.findByTestId("settings-payout-watch")) as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(box.labels?.[0]?.textContent).toMatch(/Watch my payout until it is confirmed/);
    expect(screen.getByTestId("settings-payout-watch-help").textContent).toBe(
      "Your payout address is sent to the server below, through your proxy if you set one, so it can tell when the bitcoin arrives. CardCoins is not involved.",
    );
    expect(box.getAttribute("aria-describedby")).toBe("payout-watch-help");
    expect(screen.queryByTestId("settings-esplora-practising")).toBeNull();
    await userEvent.click(box);
    await userEvent.type(screen.getByTestId("settings-esplora-url"), "  http://abcdefghij.onion/api ");
    await userEvent.click(screen.getByTestId("settings-save"));
    await waitFor(() => expect(callsTo(calls, "save_settings")).toHaveLength(1));
    const saved = callsTo(calls, "save_settings")[0]?.args.settings as { payoutWatch: unknown; esploraUrl: unknown };
    expect([saved.payoutWatch, saved.esploraUrl]).toEqual([true, "http://abcdefghij.onion/api"]);
  });

  it("sends an empty payout server as none, and says the practice chain is used while practising", async () => {
    const { calls } = setup({
      get_settings: () => ({ baseUrl: "https://api.cardcoins.co", sandbox: true, proxy: null, notifications: true, payoutWatch: true, esploraUrl: "https://mine.example/api" }),
      app_info: () => ({ version: "0.1.0", sandbox: true, baseUrl: "http://127.0.0.1:9", idStorage: "keyring", idStorageNote: "", vaultDamage: null }),
    });
    const field = (await screen.findByTestId("settings-esplora-url")) as HTMLInputElement;
    expect(field.value).toBe("https://mine.example/api");
    expect((await screen.findByTestId("settings-esplora-practising")).textContent).toMatch(/practice server's own chain/);
    expect((screen.getByTestId("settings-payout-watch") as HTMLInputElement).checked).toBe(true);
    await userEvent.clear(field);
    await userEvent.click(screen.getByTestId("settings-save"));
    await waitFor(() => expect(callsTo(calls, "save_settings")).toHaveLength(1));
    expect((callsTo(calls, "save_settings")[0]?.args.settings as { esploraUrl: unknown }).esploraUrl).toBeNull();
  });

  it("opens the log folder", async () => {
    const { calls } = setup({ open_log_folder: () => null });
    await userEvent.click(await screen.findByTestId("open-log-folder"));
    await waitFor(() => expect(callsTo(calls, "open_log_folder")).toHaveLength(1));
    expect(screen.queryByTestId("settings-help-error")).toBeNull();
  });

  it("says where the logs are when the file manager cannot be opened", async () => {
    setup({
      open_log_folder: () => fail("io", { reason: { id: "reason-log-folder-not-opened", args: { folder: { text: "/home/a/.local/share/co.cardcoins.desktop/logs" } } } }),
    });
    await userEvent.click(await screen.findByTestId("open-log-folder"));
    expect((await screen.findByTestId("settings-help-error")).textContent).toMatch(/co\.cardcoins\.desktop\/logs/);
  });

  it("copies the diagnostics and says so", async () => {
    const { calls } = setup({ copy_diagnostics: () => null });
    expect(screen.getByTestId("diagnostics-copied").textContent).toBe("");
    await userEvent.click(await screen.findByTestId("copy-diagnostics"));
    await waitFor(() => expect(screen.getByTestId("diagnostics-copied").textContent).toMatch(/copied/i));
    expect(callsTo(calls, "copy_diagnostics")).toHaveLength(1);
  });

  it("shows why the diagnostics were not copied", async () => {
    setup({ copy_diagnostics: () => fail("internal") });
    await userEvent.click(await screen.findByTestId("copy-diagnostics"));
    expect((await screen.findByTestId("settings-help-error")).textContent).toMatch(/Something went wrong in the app/);
    expect(screen.getByTestId("diagnostics-copied").textContent).toBe("");
  });

  it("offers help even when the settings cannot be read", async () => {
    setup({ get_settings: () => fail("internal") });
    await screen.findByTestId("settings-load-error");
    expect(screen.getByTestId("open-log-folder")).toBeTruthy();
    expect(screen.getByTestId("copy-diagnostics")).toBeTruthy();
  });

  it("shows why saving failed", async () => {
    setup({ save_settings: () => fail("settings_not_saved", { reason: { id: "reason-settings-not-saved", args: { path: { text: "/home/a/.config/co.cardcoins.desktop/settings.json" } } } }) });
    await userEvent.click(await screen.findByTestId("settings-save"));
    expect((await screen.findByTestId("settings-save-error")).textContent).toMatch(/could not be saved to \/home\/a\/.config/);
    expect(screen.getByTestId("settings-saved").textContent).toBe("");
  });
});

describe("Settings → Advanced", () => {
  it("is folded for a seller, and opens when a refusal concerns what it holds", async () => {
    setup({
      save_settings: () => fail("invalid_settings", { reason: { id: "reason-explorer-template", args: {} } }),
    });
    const advanced = (await screen.findByTestId("settings-advanced")) as HTMLDetailsElement;
    expect(advanced.open).toBe(false);
    await userEvent.click(screen.getByTestId("settings-save"));
    await waitFor(() => expect(advanced.open).toBe(true));
    expect(screen.getByTestId("settings-save-error").textContent).toMatch(/block explorer/);
  });

  it("opens by itself when a server of the seller's own is set there", async () => {
    setup({ get_settings: () => ({ baseUrl: "https://api.cardcoins.co", sandbox: false, proxy: null, notifications: true, esploraUrl: "http://abcdefghij.onion/api" }) });
    await waitFor(() => expect((screen.getByTestId("settings-advanced") as HTMLDetailsElement).open).toBe(true));
  });
});
