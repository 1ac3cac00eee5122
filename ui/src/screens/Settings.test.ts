import { describe, expect, it } from "vitest";
import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { Flow } from "../lib/flow.svelte";
import { callsTo, fail, mockCommands, type Handler } from "../test/ipc";
import Settings from "./Settings.svelte";

function setup(overrides: Record<string, Handler> = {}) {
  const calls = mockCommands({
    get_settings: () => ({ baseUrl: "https://api.cardcoins.co", sandbox: false, proxy: null, notifications: true }),
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
      settings: { baseUrl: "https://api.cardcoins.co", sandbox: false, proxy: "socks5h://127.0.0.1:9050", notifications: false },
    });
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

  it("shows why saving failed", async () => {
    setup({ save_settings: () => fail("invalid_settings", "The server address must start with https://.") });
    await userEvent.click(await screen.findByTestId("settings-save"));
    expect((await screen.findByTestId("settings-save-error")).textContent).toMatch(/must start with https/);
    expect(screen.getByTestId("settings-saved").textContent).toBe("");
  });
});
