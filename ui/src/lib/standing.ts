// Where an order stands for the seller, the same on every screen: done, theirs to act on, still
// waiting, or over without a sale. Shown with an icon and words as well as a colour.

export type Standing = "success" | "action" | "waiting" | "failure";

export const standingIcons: Record<Standing, string> = { success: "✓", action: "!", waiting: "…", failure: "✕" };

/** `photosRejected`: the photos were turned down (whatever the status word), so it is the seller's turn. */
export function standingOf(status: string, isFinal: boolean, photosRejected: boolean): Standing {
  if (status === "approved" || status === "completed") return "success";
  if (photosRejected) return "action";
  return isFinal ? "failure" : "waiting";
}
