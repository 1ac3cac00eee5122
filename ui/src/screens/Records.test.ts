// The records on each screen: the status history as a timeline with times, the export from
// "Your orders", and the support file from Settings and from an order's status.
import { describe, expect, it } from "vitest";
import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { Flow } from "../lib/flow.svelte";
import type { StatusEntryView } from "../lib/bindings";
import { t } from "../lib/i18n.svelte";
import { formatDateTime } from "../lib/time";
import { HANDLE, callsTo, fail, mockCommands, orderView, summary, type Handler } from "../test/ipc";
import History from "./History.svelte";
import Settings from "./Settings.svelte";
import Status from "./Status.svelte";

const history: StatusEntryView[] = [
  { status: "created", statusLabel: "Started", at: "2026-12-03T10:00:00Z", message: null },
  { status: "processing", statusLabel: "Being reviewed", at: "2026-12-03T10:20:00Z", message: null },
  { status: "rejected", statusLabel: "Photos rejected", at: "2026-12-03T10:40:00Z", message: "The numbers on the back are blurry." },
  { status: "approved", statusLabel: "Approved", at: "2026-12-03T11:00:00Z", message: null },
];

function historyScreen(overrides: Record<string, Handler> = {}) {
  const calls = mockCommands({
    list_orders: () => [summary({ status: "approved", statusLabel: "Approved", step: "status", history })],
    export_orders: () => "/home/me/cardcoins-orders-2026-12-03.csv",
    ...overrides,
  });
  const flow = new Flow();
  flow.screen = "welcome";
  flow.openAside("history");
  render(History, { props: { flow } });
  return { calls };
}

function settingsScreen(overrides: Record<string, Handler> = {}) {
  const calls = mockCommands({
    get_settings: () => ({ baseUrl: "https://api.cardcoins.co", sandbox: false, proxy: null, notifications: true }),
    // The wallet section loads on its own; none is set here.
    get_wallet: () => null,
    app_info: () => ({ version: "0.1.0", sandbox: false, baseUrl: "https://api.cardcoins.co", idStorage: "keyring", idStorageNote: "", vaultDamage: null }),
    save_support_bundle: () => "/home/me/cardcoins-support-2026-12-03-110000.json",
    ...overrides,
  });
  const flow = new Flow();
  flow.openAside("settings");
  render(Settings, { props: { flow } });
  return { calls };
}

function statusScreen(overrides: Record<string, Handler> = {}) {
  const calls = mockCommands({
    get_order: () => orderView({ status: "approved", statusLabel: "Approved", step: "status", isFinal: true, history }),
    save_support_bundle: () => "/home/me/cardcoins-support-2026-12-03-110000.json",
    ...overrides,
  });
  const flow = new Flow();
  flow.screen = "status";
  flow.handle = HANDLE;
  render(Status, { props: { flow } });
  return { calls };
}

describe("the status history", () => {
  it("shows on the Status screen with times and CardCoins' words", async () => {
    statusScreen();
    const timeline = await screen.findByTestId("status-history");
    const items = within(timeline).getAllByRole("listitem");
    expect(items).toHaveLength(4);
    expect(items[0]?.textContent).toContain("Started");
    expect(items[0]?.textContent).toContain(formatDateTime("2026-12-03T10:00:00Z"));
    expect(items[0]?.querySelector("time")?.getAttribute("datetime")).toBe("2026-12-03T10:00:00Z");
    expect(within(timeline).getByTestId("status-history-message").textContent).toBe(
      t("error-server-said", { words: "The numbers on the back are blurry." }),
    );
  });

  it("shows in Your orders for each order", async () => {
    historyScreen();
    const timeline = await screen.findByTestId("history-timeline");
    expect(within(timeline).getAllByRole("listitem")).toHaveLength(4);
    expect(timeline.textContent).toContain(formatDateTime("2026-12-03T11:00:00Z"));
  });

  it("is left out when nothing was recorded", async () => {
    historyScreen({ list_orders: () => [summary()] });
    await screen.findByTestId("history-item");
    expect(screen.queryByTestId("history-timeline")).toBeNull();
  });
});

describe("the export from Your orders", () => {
  it("exports CSV without order IDs by default and says where it went", async () => {
    const { calls } = historyScreen();
    await userEvent.click(await screen.findByTestId("export-save"));
    await waitFor(() => expect(screen.getByTestId("export-saved").textContent).toBe(t("records-saved-as", { name: "/home/me/cardcoins-orders-2026-12-03.csv" })));
    expect(callsTo(calls, "export_orders")[0]?.args).toMatchObject({ format: "csv", includeOrderIds: false });
    expect(screen.queryByTestId("export-ids-warning")).toBeNull();
  });

  it("exports BIP-329 labels with order IDs once ticked, after the warning", async () => {
    const { calls } = historyScreen({ export_orders: () => "/home/me/cardcoins-orders-2026-12-03.jsonl" });
    await userEvent.click(await screen.findByTestId("export-format-bip329"));
    await userEvent.click(screen.getByTestId("export-include-ids"));
    expect(screen.getByTestId("export-ids-warning").textContent).toBe(t("records-ids-warning"));
    await userEvent.click(screen.getByTestId("export-save"));
    await waitFor(() => expect(callsTo(calls, "export_orders")).toHaveLength(1));
    expect(callsTo(calls, "export_orders")[0]?.args).toMatchObject({ format: "bip329", includeOrderIds: true });
  });

  it("says so when the dialog is cancelled", async () => {
    historyScreen({ export_orders: () => null });
    await userEvent.click(await screen.findByTestId("export-save"));
    await waitFor(() => expect(screen.getByTestId("export-saved").textContent).toBe(t("records-cancelled")));
  });

  it("shows the app's words when the file could not be saved", async () => {
    historyScreen({ export_orders: () => fail("io", { reason: { id: "reason-file-not-saved", args: {} } }) });
    await userEvent.click(await screen.findByTestId("export-save"));
    expect((await screen.findByTestId("export-error")).textContent).toContain("The file could not be saved");
    expect(screen.getByTestId("export-saved").textContent).toBe("");
  });

  it("is not offered without orders", async () => {
    historyScreen({ list_orders: () => [] });
    await screen.findByTestId("history-empty");
    expect(screen.queryByTestId("export")).toBeNull();
  });
});

describe("the support file", () => {
  it("is saved from Settings for every order, without IDs unless ticked", async () => {
    const { calls } = settingsScreen();
    await userEvent.click(await screen.findByTestId("settings-support-save"));
    await waitFor(() => expect(callsTo(calls, "save_support_bundle")).toHaveLength(1));
    expect(callsTo(calls, "save_support_bundle")[0]?.args).toMatchObject({ handle: null, includeOrderIds: false });
    await waitFor(() =>
      expect(screen.getByTestId("settings-support-saved").textContent).toBe(t("records-saved-as", { name: "/home/me/cardcoins-support-2026-12-03-110000.json" })),
    );
    await userEvent.click(screen.getByTestId("settings-support-include-ids"));
    expect(screen.getByTestId("settings-support-ids-warning").textContent).toBe(t("records-ids-warning"));
    await userEvent.click(screen.getByTestId("settings-support-save"));
    await waitFor(() => expect(callsTo(calls, "save_support_bundle")).toHaveLength(2));
    expect(callsTo(calls, "save_support_bundle")[1]?.args).toMatchObject({ handle: null, includeOrderIds: true });
  });

  it("is saved from an order's status for that order", async () => {
    const { calls } = statusScreen();
    await screen.findByTestId("status-history");
    await userEvent.click(screen.getByText(t("records-save-support-order"), { selector: "summary" }));
    await userEvent.click(screen.getByTestId("order-support-save"));
    await waitFor(() => expect(callsTo(calls, "save_support_bundle")).toHaveLength(1));
    expect(callsTo(calls, "save_support_bundle")[0]?.args).toMatchObject({ handle: HANDLE, includeOrderIds: false });
  });

  it("shows why it could not be saved", async () => {
    settingsScreen({ save_support_bundle: () => fail("io", { reason: { id: "reason-file-not-saved", args: {} } }) });
    await userEvent.click(await screen.findByTestId("settings-support-save"));
    expect((await screen.findByTestId("settings-support-error")).textContent).toContain("Choose another folder");
  });
});
