import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { backoffDelay, startPolling, statusBackoff, type PollOutcome } from "./polling";

describe("backoffDelay", () => {
  it("starts at 10 s, the app's shortest gap between reads, and grows by half each time", () => {
    expect(backoffDelay(0)).toBe(10_000);
    expect(backoffDelay(1)).toBe(15_000);
    expect(backoffDelay(2)).toBe(22_500);
  });

  it("never goes past 30 s", () => {
    expect(backoffDelay(20)).toBe(30_000);
    expect(backoffDelay(1_000)).toBe(statusBackoff.maxMs);
  });

  it("treats a negative or fractional attempt as the nearest sensible one", () => {
    expect(backoffDelay(-3)).toBe(10_000);
    expect(backoffDelay(1.7)).toBe(15_000);
  });
});

describe("startPolling", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function scripted(outcomes: PollOutcome[]) {
    const task = vi.fn(async (): Promise<PollOutcome> => outcomes.shift() ?? "unchanged");
    return task;
  }

  it("runs at once, then backs off while nothing changes", async () => {
    const task = scripted([]);
    const delays: number[] = [];
    const poller = startPolling(task, { onScheduled: (d) => delays.push(d) });
    await vi.advanceTimersByTimeAsync(0);
    expect(task).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(task).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(task).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(task).toHaveBeenCalledTimes(3);
    expect(delays).toEqual([10_000, 15_000, 22_500]);
    poller.stop();
  });

  it("goes back to the fast pace when something changes", async () => {
    const task = scripted(["unchanged", "unchanged", "changed"]);
    const delays: number[] = [];
    const poller = startPolling(task, { onScheduled: (d) => delays.push(d) });
    await vi.advanceTimersByTimeAsync(10_000 + 15_000);
    expect(delays).toEqual([10_000, 15_000, 10_000]);
    poller.stop();
  });

  it("stops when the task says so", async () => {
    const task = scripted(["unchanged", "stop"]);
    startPolling(task);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(task).toHaveBeenCalledTimes(2);
  });

  it("stops when asked, with no try after", async () => {
    const task = scripted([]);
    const poller = startPolling(task);
    await vi.advanceTimersByTimeAsync(0);
    poller.stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it("checks now on request without waiting for the timer", async () => {
    const task = scripted([]);
    const poller = startPolling(task);
    await vi.advanceTimersByTimeAsync(0);
    poller.pollNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(task).toHaveBeenCalledTimes(2);
    poller.stop();
  });

  it("never polls faster than the backoff over a long wait", async () => {
    const task = scripted([]);
    const poller = startPolling(task);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    // 10 + 15 + 22.5 s, then every 30 s: about 20 tries in 10 minutes.
    expect(task.mock.calls.length).toBeLessThan(25);
    expect(task.mock.calls.length).toBeGreaterThan(15);
    poller.stop();
  });

  it("keeps going at a slower pace when the task throws", async () => {
    const task = vi.fn(async (): Promise<PollOutcome> => {
      throw new Error("bug");
    });
    const delays: number[] = [];
    const poller = startPolling(task, { onScheduled: (d) => delays.push(d) });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(delays).toEqual([10_000, 15_000]);
    poller.stop();
  });
});
