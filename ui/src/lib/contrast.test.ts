// WCAG 2.2 AA contrast, text and non-text, for both themes, computed from the colour variables in app.css. Every
// component takes its colours from these variables (the last test checks that), so checking
// the pairs the components use covers every screen.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const srcDir = join(__dirname, "..");
const css = readFileSync(join(srcDir, "app.css"), "utf8");

function variables(block: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [, name, value] of block.matchAll(/--([a-z-]+):\s*(#[0-9a-fA-F]{6})/g)) {
    if (name && value) found[name] = value;
  }
  return found;
}

const light = variables(css.slice(0, css.indexOf("@media (prefers-color-scheme: dark)")));
const dark = { ...light, ...variables(css.slice(css.indexOf("@media (prefers-color-scheme: dark)"))) };

function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

export function contrast(a: string, b: string): number {
  const [first, second] = [luminance(a), luminance(b)];
  return (Math.max(first, second) + 0.05) / (Math.min(first, second) + 0.05);
}

/** A theme colour by name; a missing one fails the test that asks for it. */
function colour(theme: Record<string, string>, name: string): string {
  const value = theme[name];
  if (!value) throw new Error(`--${name} is not defined in this theme`);
  return value;
}

/** Text on a background: 4.5:1 (AA, normal-size text). A disabled button's words are `muted`. */
const textPairs: [string, string][] = [
  ["fg", "bg"], ["fg", "card"], ["muted", "bg"], ["muted", "card"],
  ["accent-fg", "accent"], ["warn-fg", "warn-bg"], ["error", "bg"], ["error", "card"],
  ["ok", "bg"], ["ok", "card"], ["link", "bg"], ["link", "card"], ["accent", "bg"],
  // The status icons: a tick, "!" or a cross in the background colour on the state's colour.
  ["bg", "ok"], ["bg", "action"], ["bg", "error"],
];
/**
 * The parts of controls a person must see, against what surrounds them: 3:1 (AA, 1.4.11). Focus
 * rings; the edges of fields, secondary buttons, unticked boxes and radio buttons, and the dashed
 * edge of a disabled button (`border`); a primary button, a ticked box's fill and a chosen radio's
 * dot (`accent`); the tick on that fill (`accent-fg` on `accent`).
 */
const uiPairs: [string, string][] = [
  ["focus", "bg"], ["focus", "card"], ["border", "bg"], ["border", "card"], ["accent", "bg"], ["accent", "card"],
  ["accent-fg", "accent"], ["error", "bg"],
  ["action", "bg"], ["action", "card"], ["ok", "card"], ["error", "card"],
];

describe.each([
  ["light", light],
  ["dark", dark],
])("the %s theme", (_name, theme) => {
  it("defines every colour the checks need", () => {
    for (const [a, b] of [...textPairs, ...uiPairs]) {
      expect(theme[a], a).toMatch(/^#/);
      expect(theme[b], b).toMatch(/^#/);
    }
  });

  it.each(textPairs)("text %s on %s is at least 4.5:1", (fg, bg) => {
    expect(contrast(colour(theme, fg), colour(theme, bg))).toBeGreaterThanOrEqual(4.5);
  });

  it.each(uiPairs)("%s against %s is at least 3:1", (fg, bg) => {
    expect(contrast(colour(theme, fg), colour(theme, bg))).toBeGreaterThanOrEqual(3);
  });
});

describe("the contrast arithmetic", () => {
  it("matches WCAG's reference values", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });
});

describe("components", () => {
  function svelteFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? svelteFiles(join(dir, entry.name)) : entry.name.endsWith(".svelte") ? [join(dir, entry.name)] : [],
    );
  }

  it("take every colour from the theme variables", () => {
    const files = svelteFiles(srcDir);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      expect(text.match(/#[0-9a-fA-F]{3,8}\b|rgba?\(|hsla?\(/g), file).toBeNull();
    }
  });

  it("never fade: a colour at partial opacity is a pair these checks do not see", () => {
    for (const file of [join(srcDir, "app.css"), ...svelteFiles(srcDir)]) {
      expect(readFileSync(file, "utf8").match(/opacity:\s*0?\.\d+/g), file).toBeNull();
    }
  });
});
