import { describe, expect, it } from "vitest";
import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { Flow } from "../lib/flow.svelte";
import { HANDLE, callsTo, fail, mockCommands, summary, type Handler } from "../test/ipc";
import History from "./History.svelte";

const OTHER = "9f0e8d7c-0000-4000-8000-000000000001";

function setup(overrides: Record<string, Handler> = {}) {
  const calls = mockCommands({
    list_orders: () => [
      summary({ step: "photos", status: "authorized", statusLabel: "Waiting for photos" }),
      summary({ handle: OTHER, amountCents: 2000, amountText: "$20.00", step: "status", status: "approved", statusLabel: "Approved" }),
    ],
    copy_order_id: () => null,
    forget_order: () => null,
    ...overrides,
  });
  const flow = new Flow();
  flow.screen = "welcome";
  flow.openAside("history");
  render(History, { props: { flow } });
  return { calls, flow };
}

describe("History", () => {
  it("lists the orders and resumes one at its step", async () => {
    const { flow } = setup();
    const items = await screen.findAllByTestId("history-item");
    expect(items).toHaveLength(2);
    expect(items[0]?.textContent).toContain("$55.00");
    expect(items[1]?.textContent).toContain("Approved");
    await userEvent.click(screen.getAllByTestId("resume")[0]!);
    expect(flow.screen).toBe("photos");
    expect(flow.handle).toBe(HANDLE);
  });

  it("has Rust copy the order ID, by handle only", async () => {
    const { calls } = setup();
    await userEvent.click((await screen.findAllByTestId("copy-order-id"))[1]!);
    expect(callsTo(calls, "copy_order_id")[0]?.args).toEqual({ handle: OTHER });
    await waitFor(() => expect(screen.getAllByTestId("copy-order-id")[1]?.textContent).toMatch(/copied/i));
  });

  it("forgets an order only after confirmation", async () => {
    const { calls } = setup();
    await userEvent.click((await screen.findAllByTestId("forget-order"))[0]!);
    expect(callsTo(calls, "forget_order")).toHaveLength(0);
    await userEvent.click(screen.getByTestId("forget-cancel"));
    expect(screen.getAllByTestId("history-item")).toHaveLength(2);
    await userEvent.click(screen.getAllByTestId("forget-order")[0]!);
    await userEvent.click(screen.getByTestId("forget-confirm"));
    await waitFor(() => expect(screen.getAllByTestId("history-item")).toHaveLength(1));
    expect(callsTo(calls, "forget_order")[0]?.args).toEqual({ handle: HANDLE });
  });

  it("explains when the saved orders can't be read, and retries", async () => {
    let unlocked = false;
    setup({
      list_orders: () => (unlocked ? [] : fail("vault_unavailable")),
    });
    expect((await screen.findByTestId("history-error")).textContent).toMatch(/could not use the orders saved on this computer/);
    unlocked = true;
    await userEvent.click(screen.getByTestId("history-error-retry"));
    expect(await screen.findByTestId("history-empty")).toBeTruthy();
  });

  it("goes back where it came from", async () => {
    const { flow } = setup();
    await screen.findAllByTestId("history-item");
    await userEvent.click(screen.getByTestId("back"));
    expect(flow.screen).toBe("welcome");
  });
});
