// A language whose catalog lacks a message, against a catalog of its own: the seller sees the
// English, never the message's ID, and the gap is reported once.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("./catalog-files", () => ({
  catalogFiles: {
    "../../../catalog/en-US/ui.ftl": "language-name = English\ngreeting = Hello, { $name }\nfarewell = Goodbye",
    "../../../catalog/en-US/app.ftl": "error-offline = You are offline",
    "../../../catalog/es-US/ui.ftl": "language-name = Español\ngreeting = Hola, { $name }",
  },
}));

// The test setup has loaded the real catalog already: this file takes a fresh copy of the module.
let i18n: typeof import("./i18n.svelte");
beforeAll(async () => {
  vi.resetModules();
  i18n = await import("./i18n.svelte");
});

afterEach(() => {
  i18n.setLanguagePreference(null);
  vi.restoreAllMocks();
});

describe("a message missing in a language", () => {
  it("is shown in English, and reported once", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    i18n.setLanguagePreference("es-US");
    expect(i18n.t("greeting", { name: "Ana" })).toBe("Hola, Ana");
    expect(i18n.t("farewell")).toBe("Goodbye");
    expect(i18n.t("farewell")).toBe("Goodbye");
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/es-US.*farewell/);
  });

  it("comes from any file of the locale folder", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(i18n.t("error-offline")).toBe("You are offline");
    i18n.setLanguagePreference("es-US");
    expect(i18n.t("error-offline")).toBe("You are offline");
    expect(warn).toHaveBeenCalled();
  });
});
