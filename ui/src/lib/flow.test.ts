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

  it("goes back to every step before, which then shows what was done", () => {
    const flow = new Flow();
    flow.start();
    expect(flow.backTarget).toBe("welcome");
    expect(flow.isDone("amount")).toBe(false);
    flow.orderCreated(summary());
    expect(flow.screen).toBe("phone");
    expect(flow.isDone("amount")).toBe(true);
    expect(flow.isDone("phone")).toBe(false);
    flow.go("payout");
    flow.go("photos");
    flow.go("review");
    for (const step of ["photos", "payout", "phone", "amount"] as const) {
      expect(flow.back()).toBe(true);
      expect(flow.screen).toBe(step);
    }
    // Going back does not undo: the later steps are still done.
    expect(flow.isDone("payout")).toBe(true);
    flow.go("status");
    expect(flow.back()).toBe(false);
  });

  it("takes the order's own step as where it stands", () => {
    const flow = new Flow();
    flow.resume(summary({ step: "photos" }));
    expect(flow.isDone("phone")).toBe(true);
    flow.standsAt("phone");
    expect(flow.isDone("phone")).toBe(false);
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
