// Switching the language: the screen on show, the navigation and <html lang> change at once,
// with no restart; Settings saves the choice on its own.
import { describe, expect, it } from "vitest";
import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import type { AppInfo, Settings as SettingsData } from "../lib/bindings";
import { Flow } from "../lib/flow.svelte";
import { currentLocale, setLanguagePreference } from "../lib/i18n.svelte";
import { applySavedLanguage } from "../lib/startup-language";
import { callsTo, mockCommands, type Handler } from "../test/ipc";
import App from "../App.svelte";
import Settings from "./Settings.svelte";

function appInfo(osLocale = "en-US"): AppInfo {
  return {
    version: "0.1.0",
    sandbox: false,
    baseUrl: "https://api.cardcoins.co",
    idStorage: "keyring",
    idStorageNote: "",
    vaultDamage: null,
    captchaProblem: null,
    osLocale,
  };
}

const savedSettings: SettingsData = {
  baseUrl: "https://api.cardcoins.co",
  sandbox: false,
  proxy: null,
  notifications: true,
  sandboxDialect: "extended",
  sandboxUplink: "unlimited",
  sandboxExpiryAtEnd: false,
  payoutWatch: false,
  esploraUrl: null,
  explorerUrl: null,
  language: null,
};

function openSettings(overrides: Record<string, Handler> = {}) {
  const calls = mockCommands({
    get_settings: () => savedSettings,
    // The wallet section loads on its own; none is set here.
    get_wallet: () => null,
    save_settings: () => null,
    app_info: () => appInfo(),
    ...overrides,
  });
  const flow = new Flow();
  flow.openAside("settings");
  render(Settings, { props: { flow } });
  return calls;
}

describe("the language", () => {
  it("re-renders the screen on show in Spanish the moment it changes", async () => {
    mockCommands({ app_info: () => appInfo() });
    render(App);
    expect(screen.getByRole("heading", { name: "Sell a gift card for bitcoin" })).toBeTruthy();
    setLanguagePreference("es-US");
    expect(await screen.findByRole("heading", { name: "Vende una tarjeta de regalo por bitcoin" })).toBeTruthy();
    expect(screen.getByTestId("open-settings").textContent?.trim()).toBe("Configuración");
    expect(screen.getByRole("button", { name: "Comenzar" })).toBeTruthy();
    expect(document.documentElement.lang).toBe("es-US");
  });

  it("is chosen in Settings, each language named in itself, and applies and saves at once", async () => {
    const calls = openSettings();
    const select = (await screen.findByTestId("settings-language")) as HTMLSelectElement;
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ["", "Same as this computer (English)"],
      ["en-US", "English"],
      ["es-US", "Español"],
    ]);
    expect(select.value).toBe("");
    // An edit not saved yet stays out of the language's own save.
    await userEvent.type(screen.getByTestId("settings-proxy"), "socks5h://127.0.0.1:9050");
    await userEvent.selectOptions(select, "es-US");
    expect(await screen.findByRole("heading", { name: "Configuración" })).toBeTruthy();
    expect(currentLocale()).toBe("es-US");
    await waitFor(() => expect(callsTo(calls, "save_settings")).toHaveLength(1));
    expect(callsTo(calls, "save_settings")[0]?.args).toEqual({ settings: { ...savedSettings, language: "es-US" } });
    expect(screen.getByTestId("settings-language-saved").textContent).toBe("Idioma guardado.");
    expect(select.options[0]?.textContent).toBe("Igual que esta computadora (English)");
    // The whole form, saved later, keeps the language.
    await userEvent.click(screen.getByTestId("settings-save"));
    await waitFor(() => expect(callsTo(calls, "save_settings")).toHaveLength(2));
    expect(callsTo(calls, "save_settings")[1]?.args).toEqual({
      settings: { ...savedSettings, language: "es-US", proxy: "socks5h://127.0.0.1:9050" },
    });
  });

  it("follows a Spanish computer, named as such, until told otherwise", async () => {
    const calls = openSettings({ app_info: () => appInfo("es_US.UTF-8") });
    expect(await screen.findByRole("option", { name: "Igual que esta computadora (Español)" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Configuración" })).toBeTruthy();
    await userEvent.selectOptions(screen.getByTestId("settings-language"), "en-US");
    expect(await screen.findByRole("heading", { name: "Settings" })).toBeTruthy();
    await waitFor(() => expect(callsTo(calls, "save_settings")).toHaveLength(1));
    expect((callsTo(calls, "save_settings")[0]?.args.settings as SettingsData).language).toBe("en-US");
  });

  it("shows the pseudo-locale in the menu only when it is the one set", async () => {
    openSettings({ get_settings: () => ({ ...savedSettings, language: "en-XA" }) });
    const select = (await screen.findByTestId("settings-language")) as HTMLSelectElement;
    await waitFor(() => expect(select.value).toBe("en-XA"));
    expect(select.options).toHaveLength(4);
  });

  it("says when the language could not be saved, and still speaks it for now", async () => {
    openSettings({
      save_settings: () => {
        const reason = { id: "reason-settings-not-saved", args: { path: { text: "/home/a/.config/co.cardcoins.desktop/settings.json" } } };
        throw { code: "settings_not_saved", kind: "permanent", reason, serverMessage: null, retryAfterSecs: null };
      },
    });
    await userEvent.selectOptions(await screen.findByTestId("settings-language"), "es-US");
    // The reason is worded in the language just chosen, its path as Rust gave it.
    const shown = (await screen.findByTestId("settings-language-error")).textContent;
    expect(shown).toContain("No se pudo guardar la configuración en /home/a/.config/co.cardcoins.desktop/settings.json.");
    expect(shown).not.toMatch(/could not be saved/);
    expect(currentLocale()).toBe("es-US");
  });

  it("is the saved one from the first screen on", async () => {
    mockCommands({ app_info: () => appInfo("en-US"), get_settings: () => ({ ...savedSettings, language: "es-US" }) });
    await applySavedLanguage();
    expect(currentLocale()).toBe("es-US");
    expect(document.documentElement.lang).toBe("es-US");
  });
});
