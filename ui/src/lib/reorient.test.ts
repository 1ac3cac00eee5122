import { describe, expect, it } from "vitest";
import { Flow } from "./flow.svelte";
import { reorientAfter } from "./reorient";
import { HANDLE, callsTo, mockCommands, orderView } from "../test/ipc";

function flowAt(screen: Flow["screen"]): Flow {
  const flow = new Flow();
  flow.handle = HANDLE;
  flow.screen = screen;
  return flow;
}

const forbidden = { code: "forbidden", kind: "permanent", reason: null, serverMessage: null, retryAfterSecs: null } as const;

describe("after a 403", () => {
  it("reads the order again and goes where it stands", async () => {
    const calls = mockCommands({ get_order: () => orderView({ step: "payout" }) });
    const flow = flowAt("phone");
    expect(await reorientAfter(forbidden, flow)).toBe(true);
    expect(flow.screen).toBe("payout");
    expect(callsTo(calls, "get_order")).toHaveLength(1);
  });

  it("stays when the order is where the screen is, and ignores other errors", async () => {
    const calls = mockCommands({ get_order: () => orderView({ step: "phone" }) });
    const flow = flowAt("phone");
    expect(await reorientAfter(forbidden, flow)).toBe(false);
    expect(await reorientAfter({ ...forbidden, code: "code_refused" }, flow)).toBe(false);
    expect(flow.screen).toBe("phone");
    expect(callsTo(calls, "get_order")).toHaveLength(1);
  });
});
