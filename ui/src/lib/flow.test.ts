import { describe, expect, it } from "vitest";
import { Flow } from "./flow.svelte";
import { summary } from "../test/ipc";

describe("Flow", () => {
  it("counts the numbered steps and leaves the asides unnumbered", () => {
    const flow = new Flow();
    flow.start();
    expect(flow.stepNumber).toBe(1);
    flow.go("status");
    expect(flow.stepNumber).toBe(6);
    flow.openAside("history");
    expect(flow.stepNumber).toBeNull();
  });

  it("goes back only where nothing already sent would be undone", () => {
    const flow = new Flow();
    flow.start();
    expect(flow.backTarget).toBe("welcome");
    flow.orderCreated(summary());
    expect(flow.screen).toBe("phone");
    expect(flow.back()).toBe(false);
    expect(flow.screen).toBe("phone");
    flow.go("review");
    expect(flow.back()).toBe(true);
    expect(flow.screen).toBe("photos");
    expect(flow.back()).toBe(false);
  });

  it("returns from History and Settings to where the seller was", () => {
    const flow = new Flow();
    flow.go("payout");
    flow.openAside("history");
    flow.openAside("settings");
    expect(flow.back()).toBe(true);
    expect(flow.screen).toBe("payout");
  });

  it("resumes an order at its step with its handle", () => {
    const flow = new Flow();
    flow.resume(summary({ step: "review", handle: "h-2" }));
    expect(flow.screen).toBe("review");
    expect(flow.handle).toBe("h-2");
  });
});
