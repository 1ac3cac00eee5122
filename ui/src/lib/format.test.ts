import { afterEach, describe, expect, it } from "vitest";
import { formatBtc, formatBytes, formatDigits, formatDollars, formatList, formatSats } from "./format";
import { setLanguagePreference } from "./i18n.svelte";
import { formatDateTime, formatElapsed, formatTime } from "./time";

afterEach(() => setLanguagePreference(null));

describe("formatting in en-US", () => {
  it("writes dollars from cents as the backend does", () => {
    expect(formatDollars(5500)).toBe("$55.00");
    expect(formatDollars(123_456)).toBe("$1,234.56");
    expect(formatDollars(5)).toBe("$0.05");
    expect(formatDollars(0)).toBe("$0.00");
    expect(formatDollars(6_585_000)).toBe("$65,850.00");
    expect(formatDollars(-1_999)).toBe("-$19.99");
  });

  it("keeps every cent of amounts a float would round", () => {
    // 2^53 - 1 cents: divided by 100 as a float, the cents come out wrong.
    expect(formatDollars(9_007_199_254_740_991)).toBe("$90,071,992,547,409.91");
  });

  it("writes sats grouped, and one sat in the singular", () => {
    expect(formatSats(83_523)).toBe("83,523 sats");
    expect(formatSats(1)).toBe("1 sat");
    expect(formatSats(0)).toBe("0 sats");
  });

  it("writes bitcoin with eight decimals from the integer sats", () => {
    expect(formatBtc(83_523)).toBe("0.00083523 BTC");
    expect(formatBtc(100_000_000)).toBe("1.00000000 BTC");
    expect(formatBtc(123_456_789_012)).toBe("1,234.56789012 BTC");
    expect(formatBtc(0)).toBe("0.00000000 BTC");
  });

  it("writes sizes in decimal units, rounded down to a tenth, as the backend does", () => {
    expect(formatBytes(5_000_000)).toBe("5.0 MB");
    expect(formatBytes(3_149_999)).toBe("3.1 MB");
    expect(formatBytes(104_857_600)).toBe("104.8 MB");
    expect(formatBytes(2_500_000_000)).toBe("2.5 GB");
    expect(formatBytes(51_200)).toBe("51 KB");
    expect(formatBytes(0)).toBe("0 bytes");
    expect(formatBytes(1)).toBe("1 byte");
  });

  it("writes pixels and other technical counts ungrouped, as the backend does", () => {
    expect(formatDigits(4000)).toBe("4000");
    expect(formatDigits(12_000_000)).toBe("12000000");
  });

  it("lists facts with commas", () => {
    expect(formatList(["JPEG 1600 x 1000, 3.1 MB", "re-encoded", "metadata removed"])).toBe("JPEG 1600 x 1000, 3.1 MB, re-encoded, metadata removed");
    expect(formatList(["only"])).toBe("only");
  });

  it("writes how long something has gone on", () => {
    expect(formatElapsed(45_000)).toBe("45 s");
    expect(formatElapsed(3 * 60_000 + 5_000)).toBe("3 min");
    expect(formatElapsed(125 * 60_000)).toBe("2 h 5 min");
  });

  it("writes times in the language's clock, and leaves what is not a time as it is", () => {
    expect(formatTime("2026-11-24T18:00:00Z")).toBe(new Date("2026-11-24T18:00:00Z").toLocaleTimeString("en-US"));
    expect(formatTime("soon")).toBe("soon");
  });
});

describe("formatting in es-US", () => {
  it("writes money and numbers the way Intl writes them for es-US", () => {
    setLanguagePreference("es-US");
    const dollars = new Intl.NumberFormat("es-US", { style: "currency", currency: "USD" });
    expect(formatDollars(123_456)).toBe(dollars.format(1234.56));
    expect(formatDollars(5500)).toBe(dollars.format(55));
    const grouped = new Intl.NumberFormat("es-US").format(83_523);
    expect(formatSats(83_523)).toBe(`${grouped} sats`);
    expect(formatSats(1)).toBe("1 sat");
    expect(formatBtc(123_456_789_012)).toBe(`${new Intl.NumberFormat("es-US", { minimumFractionDigits: 8 }).format(1234.56789012)} BTC`);
  });

  it("writes pixels in the language's digits, and lists facts as Spanish does", () => {
    setLanguagePreference("es-US");
    expect(formatDigits(4000)).toBe(new Intl.NumberFormat("es-US", { useGrouping: false }).format(4000));
    expect(formatList(["a", "b", "c"])).toBe("a, b y c");
  });

  it("writes dates and times for es-US", () => {
    setLanguagePreference("es-US");
    const at = "2026-11-24T18:00:00Z";
    expect(formatDateTime(at)).toBe(new Date(at).toLocaleString("es-US"));
    expect(formatTime(at)).toBe(new Date(at).toLocaleTimeString("es-US"));
    // US Spanish writes the day first; en-US the month.
    expect(formatDateTime(at)).not.toBe(new Date(at).toLocaleString("en-US"));
  });
});
