// A 403 means the order's state does not allow what was asked (the reference): it may have moved
// on, for instance a phone already confirmed from another try. Read the order again and go to
// the step where it stands, so the seller is not stuck on a screen that can no longer work.
import { commands, type AppError } from "./bindings";
import { settle } from "./errors";
import type { Flow } from "./flow.svelte";

/** Returns whether the flow moved to another step. */
export async function reorientAfter(error: AppError, flow: Flow): Promise<boolean> {
  const handle = flow.handle;
  if (error.code !== "forbidden" || !handle) return false;
  const order = await settle(commands.getOrder(handle));
  if (order.status !== "ok" || order.data.step === flow.screen || flow.handle !== handle) return false;
  flow.standsAt(order.data.step);
  return true;
}
