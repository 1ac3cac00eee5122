// The catalog files themselves, read from disk and parsed as Fluent: every language says the same
// messages with the same variables, and the code asks only for messages that exist.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { Junk, Message, Term, Visitor, parse, type Resource, type VariableReference } from "@fluent/syntax";

const catalogDir = resolve(import.meta.dirname, "../../../catalog");
const srcDir = resolve(import.meta.dirname, "..") + "/";
const base = "en-US";

/** What a message must keep in every language: its attributes and the variables it reads. */
interface Shape {
  attributes: string[];
  variables: string[];
}

class VariableNames extends Visitor {
  names = new Set<string>();
  override visitVariableReference(node: VariableReference): void {
    this.names.add(node.id.name);
  }
}

function shapeOf(entry: Message | Term): Shape {
  // The visitor walks the value, every attribute, selectors and every variant.
  const visitor = new VariableNames();
  visitor.visit(entry);
  return { attributes: entry.attributes.map((a) => a.id.name).sort(), variables: [...visitor.names].sort() };
}

/** Messages and terms ("-name") of one locale's files, with what is wrong in them. */
function readCatalog(files: { name: string; source: string }[]): { entries: Map<string, Shape>; problems: string[] } {
  const entries = new Map<string, Shape>();
  const problems: string[] = [];
  for (const { name, source } of files) {
    const resource: Resource = parse(source, { withSpans: true });
    for (const entry of resource.body) {
      if (entry instanceof Junk) problems.push(`${name}: cannot parse: ${entry.content.trim().split("\n")[0]}`);
      if (!(entry instanceof Message || entry instanceof Term)) continue;
      const id = entry instanceof Term ? `-${entry.id.name}` : entry.id.name;
      if (entries.has(id)) problems.push(`${name}: ${id} is defined twice`);
      entries.set(id, shapeOf(entry));
    }
  }
  return { entries, problems };
}

/** How `other` differs from the base catalog: missing or extra messages, other variables or attributes. */
function differences(baseEntries: Map<string, Shape>, other: Map<string, Shape>, locale: string): string[] {
  const problems: string[] = [];
  for (const [id, shape] of baseEntries) {
    const theirs = other.get(id);
    if (!theirs) {
      problems.push(`${locale} lacks ${id}`);
      continue;
    }
    if (theirs.variables.join() !== shape.variables.join()) {
      problems.push(`${locale} ${id} uses {${theirs.variables.map((v) => `$${v}`).join(", ")}}, ${base} {${shape.variables.map((v) => `$${v}`).join(", ")}}`);
    }
    if (theirs.attributes.join() !== shape.attributes.join()) {
      problems.push(`${locale} ${id} has attributes [${theirs.attributes.join(", ")}], ${base} [${shape.attributes.join(", ")}]`);
    }
  }
  for (const id of other.keys()) if (!baseEntries.has(id)) problems.push(`${locale} has ${id}, which ${base} lacks`);
  return problems;
}

function localeFiles(locale: string): { name: string; source: string }[] {
  const dir = join(catalogDir, locale);
  return readdirSync(dir)
    .filter((file) => file.endsWith(".ftl"))
    .map((file) => ({ name: `${locale}/${file}`, source: readFileSync(join(dir, file), "utf8") }));
}

const locales = readdirSync(catalogDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

describe("the catalog files", () => {
  it("has the base language and at least one other", () => {
    expect(locales).toContain(base);
    expect(locales.length).toBeGreaterThan(1);
  });

  it.each(locales)("%s parses cleanly, each message defined once", (locale) => {
    const { entries, problems } = readCatalog(localeFiles(locale));
    expect(problems).toEqual([]);
    expect(entries.size).toBeGreaterThan(0);
  });

  it.each(locales.filter((l) => l !== base))("%s has every en-US message and no other, with the same variables", (locale) => {
    const ours = readCatalog(localeFiles(base)).entries;
    const theirs = readCatalog(localeFiles(locale)).entries;
    expect(differences(ours, theirs, locale)).toEqual([]);
  });
});

describe("the comparison itself", () => {
  // Proof that the check above bites: the same comparison on a catalog broken on purpose.
  const english = readCatalog([
    {
      name: "en",
      source: [
        "title = Your order",
        "quote = You get about { $usd } ({ $sats })",
        "missing = { $count -> \n [one] One photo is missing.\n *[other] { $count } photos are missing.\n}",
        "copy = Copy\n  .aria-label = Copy { $what }",
      ].join("\n"),
    },
  ]).entries;

  it("finds a missing message", () => {
    const spanish = readCatalog([{ name: "es", source: "quote = Recibes { $usd } ({ $sats })\nmissing = Faltan { $count }.\ncopy = Copiar\n  .aria-label = Copiar { $what }" }]).entries;
    expect(differences(english, spanish, "es")).toEqual(["es lacks title"]);
  });

  it("finds a renamed variable, in a value, a selector or an attribute", () => {
    const spanish = readCatalog([
      {
        name: "es",
        source: [
          "title = Tu orden",
          "quote = Recibes { $dollars } ({ $sats })",
          "missing = { $n -> \n [one] Falta una.\n *[other] Faltan { $n }.\n}",
          "copy = Copiar\n  .aria-label = Copiar { $que }",
        ].join("\n"),
      },
    ]).entries;
    expect(differences(english, spanish, "es")).toEqual([
      "es quote uses {$dollars, $sats}, en-US {$sats, $usd}",
      "es missing uses {$n}, en-US {$count}",
      "es copy uses {$que}, en-US {$what}",
    ]);
  });

  it("finds a message only the translation has, and a lost attribute", () => {
    const spanish = readCatalog([
      {
        name: "es",
        source: "title = Tu orden\nquote = Recibes { $usd } ({ $sats })\nmissing = Faltan { $count }.\ncopy = Copiar { $what }\nextra = Algo más",
      },
    ]).entries;
    expect(differences(english, spanish, "es")).toEqual(["es copy has attributes [], en-US [aria-label]", "es has extra, which en-US lacks"]);
  });
});

/** Every .svelte and .ts file of the UI, tests and generated bindings aside. */
function sourceFiles(dir: string = srcDir): { path: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "test" ? [] : sourceFiles(path);
    if (!/\.(svelte|ts)$/.test(entry.name) || entry.name.endsWith(".test.ts") || entry.name === "bindings.ts") return [];
    return [{ path: path.slice(srcDir.length), text: readFileSync(path, "utf8") }];
  });
}

/** Message IDs the code asks t() for: its first argument, "a" or cond ? "a" : "b". */
function idsAskedFor(text: string): string[] {
  return [...text.matchAll(/\bt\(([^,)]*)/g)].flatMap((call) =>
    [...(call[1] ?? "").trim().matchAll(/(?:^|[?:])\s*"([a-z][a-z0-9-]*)"/g)].map((m) => m[1] ?? ""),
  );
}

describe("the code and the catalog", () => {
  const english = readCatalog(localeFiles(base)).entries;
  const files = sourceFiles();

  it("asks only for messages en-US has", () => {
    const unknown = files.flatMap(({ path, text }) => idsAskedFor(text).filter((id) => !english.has(id)).map((id) => `${path}: ${id}`));
    expect(unknown).toEqual([]);
  });

  it("uses every message of ui.ftl (other files may be read by code of their own)", () => {
    const uiMessages = readCatalog([{ name: "ui.ftl", source: readFileSync(join(catalogDir, base, "ui.ftl"), "utf8") }]).entries;
    const everything = files.map((f) => f.text).join("\n");
    const unused = [...uiMessages.keys()].filter((id) => !everything.includes(`"${id}"`));
    expect(unused).toEqual([]);
  });
});

/** The parts of a .svelte file a person sees: markup, without script, style, comments or {expressions}. */
function markupOf(svelte: string): string {
  let markup = svelte.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<!--[\s\S]*?-->/g, "");
  // Innermost braces first, until none are left: {a ? {b} : c} nests.
  for (let before = ""; before !== markup; ) {
    before = markup;
    markup = markup.replace(/\{[^{}]*\}/g, "");
  }
  return markup;
}

/** Code without its comments, for looking at its string literals. */
function codeOf(file: { path: string; text: string }): string {
  const code = file.path.endsWith(".svelte") ? [...file.text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join("\n") : file.text;
  return code
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .split("\n")
    .filter((line) => !line.trim().startsWith("//"))
    .join("\n");
}

/** The string literals of some code ('', "", ``), with the code before each on its line. */
function stringLiterals(code: string): { text: string; before: string }[] {
  const found: { text: string; before: string }[] = [];
  let lineStart = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === "\n") lineStart = i + 1;
    if (c !== '"' && c !== "'" && c !== "`") continue;
    let end = i + 1;
    while (end < code.length && code[end] !== c) end += code[end] === "\\" ? 2 : 1;
    found.push({ text: code.slice(i + 1, end), before: code.slice(lineStart, i).trim() });
    i = end;
  }
  return found;
}

describe("the UI's own code", () => {
  const files = sourceFiles();

  it("shows no text of its own in markup: words come from t()", () => {
    const found = files
      .filter((f) => f.path.endsWith(".svelte"))
      .flatMap(({ path, text }) => {
        const markup = markupOf(text);
        const attributes = [...markup.matchAll(/\s(aria-label|aria-valuetext|alt|title|placeholder)="([^"]*[A-Za-z]{2}[^"]*)"/g)]
          // A web address is the same in every language.
          .filter((m) => !/^https?:\/\/\S+$/.test(m[2] ?? ""))
          .map((m) => `${path}: ${m[1]}="${m[2]}"`);
        const words = markup
          .replace(/<[^>]*>/g, "\n")
          .split("\n")
          .map((line) => line.trim())
          .filter((line) => /[A-Za-z]{2}/.test(line))
          .map((line) => `${path}: ${line}`);
        return [...attributes, ...words];
      });
    expect(found).toEqual([]);
  });

  it("holds no sentence in its code: no string literal of words and spaces", () => {
    const found = files.flatMap((file) =>
      stringLiterals(codeOf(file))
        // Words for developers, not sellers: warnings in the console, thrown errors.
        .filter(({ before }) => !/console\.\w+\(|Error\(|warnOnce\(/.test(before))
        .filter(({ text }) => /[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(text))
        .map(({ text }) => `${file.path}: ${text}`),
    );
    expect(found).toEqual([]);
  });
});
