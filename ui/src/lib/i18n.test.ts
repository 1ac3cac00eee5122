import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Message, Visitor, parse, type VariableReference } from "@fluent/syntax";
import { currentLocale, negotiate, pseudoLocale, setLanguagePreference, setSystemLocale, systemLocale, t } from "./i18n.svelte";
import { pseudoText } from "./pseudo";

afterEach(() => {
  setLanguagePreference(null);
  setSystemLocale("en-US");
});

describe("choosing the language", () => {
  it.each([
    ["en-US", "en-US"],
    ["es-US", "es-US"],
    ["es_US.UTF-8", "es-US"],
    ["es_ES@euro", "es-US"],
    ["es-419", "es-US"],
    ["es", "es-US"],
    ["en-GB", "en-US"],
    ["fr_FR.UTF-8", "en-US"],
    ["C", "en-US"],
    ["", "en-US"],
    ["en-XA", "en-XA"],
  ])("speaks %s as %s", (wanted, spoken) => {
    expect(negotiate(wanted)).toBe(spoken);
  });

  it("follows the computer until Settings names a language, and says so on <html>", () => {
    setSystemLocale("es_MX.UTF-8");
    expect(currentLocale()).toBe("es-US");
    expect(systemLocale()).toBe("es-US");
    expect(document.documentElement.lang).toBe("es-US");
    expect(t("welcome-title")).toBe("Vende una tarjeta de regalo por bitcoin");
    setLanguagePreference("en-US");
    expect(document.documentElement.lang).toBe("en-US");
    expect(t("welcome-title")).toBe("Sell a gift card for bitcoin");
    setLanguagePreference(null);
    expect(currentLocale()).toBe("es-US");
  });

  it("chooses the plural form the language needs", () => {
    expect(t("photos-missing", { count: 1 })).toBe("One photo is still missing.");
    expect(t("photos-missing", { count: 3 })).toBe("3 photos are still missing.");
    setLanguagePreference("es-US");
    expect(t("photos-missing", { count: 1 })).toBe("Falta una foto.");
    expect(t("photos-missing", { count: 3 })).toBe("Faltan 3 fotos.");
  });

  it("puts no bidi isolation marks around values", () => {
    expect(t("records-saved-as", { name: "/home/me/a.csv" })).toBe("Saved as /home/me/a.csv");
  });

  it("shows the ID of a message no catalog has, rather than nothing", () => {
    expect(t("no-such-message")).toBe("no-such-message");
  });
});

describe("the pseudo-locale", () => {
  const source = readFileSync(resolve(import.meta.dirname, "../../../catalog/en-US/ui.ftl"), "utf8");
  const messages = parse(source, {}).body.filter((entry): entry is Message => entry instanceof Message && entry.value !== null);

  class VariableNames extends Visitor {
    names = new Set<string>();
    override visitVariableReference(node: VariableReference): void {
      this.names.add(node.id.name);
    }
  }

  /** Each variable as a marker that shows where its value went. */
  function markers(message: Message): Record<string, string> {
    const visitor = new VariableNames();
    visitor.visit(message);
    return Object.fromEntries([...visitor.names].map((name) => [name, `⟦${name}⟧`]));
  }

  function inBoth(id: string, args: Record<string, string>): { english: string; pseudo: string } {
    setLanguagePreference("en-US");
    const english = t(id, args);
    setLanguagePreference(pseudoLocale);
    const pseudo = t(id, args);
    return { english, pseudo };
  }

  it("covers the whole catalog", () => {
    expect(messages.length).toBeGreaterThan(200);
  });

  it("keeps every value where the message puts it, bracketed, accented, and at least 1.3 times as long", () => {
    const problems: string[] = [];
    for (const message of messages) {
      const id = message.id.name;
      const args = markers(message);
      const { english, pseudo } = inBoth(id, args);
      for (const marker of Object.values(args)) {
        if (english.includes(marker) && !pseudo.includes(marker)) problems.push(`${id}: lost ${marker}`);
      }
      if (!pseudo.startsWith("[") || !pseudo.endsWith("]")) problems.push(`${id}: not bracketed: ${pseudo}`);
      // The text's own length, values aside: that is what a translation makes longer.
      const words = (text: string) => Object.values(args).reduce((rest, marker) => rest.replaceAll(marker, ""), text);
      if (words(pseudo).length < 1.3 * words(english).length) problems.push(`${id}: only ${words(pseudo).length}/${words(english).length}: ${pseudo}`);
      if (/[A-Za-z]{2}/.test(words(english)) && !/[^\x00-\x7F~⟦⟧]/.test(words(pseudo))) problems.push(`${id}: not accented: ${pseudo}`);
    }
    expect(problems).toEqual([]);
  });

  it("leaves selector keys alone, so each variant is still chosen", () => {
    const call = inBoth("phone-code-sent", { method: "call", phone: "(415) 555-0123" });
    const sms = inBoth("phone-code-sent", { method: "sms", phone: "(415) 555-0123" });
    expect(call.english).toBe("We're calling (415) 555-0123 with your code.");
    expect(call.pseudo).toContain(pseudoText(" with your code."));
    expect(sms.pseudo).toContain(pseudoText("We sent a code to "));
    setLanguagePreference(pseudoLocale);
    expect(t("photos-missing", { count: 1 })).toBe(`[${pseudoText("One photo is still missing.")}]`);
  });
});
