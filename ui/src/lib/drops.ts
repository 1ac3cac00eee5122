// Files dropped on the window. Tauri gives paths and a position (physical pixels), not File objects:
// one file dropped on a slot goes to that slot; anything else fills the empty slots in order.
import { getCurrentWebview } from "@tauri-apps/api/webview";
import type { ImageSlot } from "./bindings";
import type { PhotoUploads } from "./photos.svelte";

export interface DropHandlers {
  uploads: () => PhotoUploads | null;
  /** The slot under the pointer while dragging, or null. */
  onHover: (slot: ImageSlot | null) => void;
  /** Files that found no empty slot. */
  onLeftOver: (count: number) => void;
}

function slotAt(position: { x: number; y: number }): ImageSlot | null {
  const ratio = window.devicePixelRatio || 1;
  const element = document.elementFromPoint?.(position.x / ratio, position.y / ratio);
  const slot = element?.closest<HTMLElement>("[data-slot]")?.dataset.slot;
  return (slot as ImageSlot | undefined) ?? null;
}

export async function handleDrop(uploads: PhotoUploads, paths: string[], target: ImageSlot | null): Promise<number> {
  const first = paths[0];
  if (paths.length === 1 && first !== undefined && target !== null) {
    await uploads.assign(target, first);
    return 0;
  }
  return uploads.assignMany(paths);
}

/** Starts listening; the returned function stops. Outside Tauri (no webview) it does nothing. */
export async function listenForDrops(handlers: DropHandlers): Promise<() => void> {
  try {
    const unlisten = await getCurrentWebview().onDragDropEvent((event) => {
      const payload = event.payload;
      if (payload.type === "enter" || payload.type === "over") {
        handlers.onHover(slotAt(payload.position));
      } else if (payload.type === "leave") {
        handlers.onHover(null);
      } else if (payload.type === "drop") {
        handlers.onHover(null);
        const uploads = handlers.uploads();
        if (!uploads) return;
        const target = slotAt(payload.position);
        void handleDrop(uploads, payload.paths, target).then((left) => {
          if (left > 0) handlers.onLeftOver(left);
        });
      }
    });
    // Unlistening is asynchronous; a failure then (the window closing) is of no consequence.
    return () => void Promise.resolve(unlisten() as unknown).catch(() => {});
  } catch {
    return () => {};
  }
}
