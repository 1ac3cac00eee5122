// The photo slots of one order: each slot takes a file path, has Rust prepare it (size, warnings,
// preview), then uploads it with progress. Shared by the Photos step and the rejected-order resubmit.
import { Channel } from "@tauri-apps/api/core";
import { commands, type AppError, type ImageSlot, type OrderView, type PreparedPhotoView, type UploadProgress } from "./bindings";
import { settle } from "./errors";

export type RequiredImage = OrderView["requiredImages"][number];
export type SlotPhase = "empty" | "preparing" | "uploading" | "uploaded" | "failed";

export class SlotState {
  readonly slot: ImageSlot;
  readonly description: string;
  phase: SlotPhase = $state("empty");
  prepared: PreparedPhotoView | null = $state(null);
  sent = $state(0);
  total = $state(0);
  error: AppError | null = $state(null);
  /** The failed stage decides what "retry" does: prepare the file again, or only upload again. */
  failedAt: "prepare" | "upload" | null = $state(null);
  path: string | null = null;

  constructor(image: RequiredImage) {
    this.slot = image.slot;
    this.description = image.description;
    if (image.uploaded) this.phase = "uploaded";
  }

  get busy(): boolean {
    return this.phase === "preparing" || this.phase === "uploading";
  }

  /** Whether a file dropped on the window should land here. */
  get open(): boolean {
    return this.phase === "empty";
  }

  get percent(): number {
    if (this.total <= 0) return 0;
    return Math.min(100, Math.floor((this.sent * 100) / this.total));
  }
}

export class PhotoUploads {
  readonly handle: string;
  slots: SlotState[] = $state([]);

  constructor(handle: string, required: RequiredImage[]) {
    this.handle = handle;
    this.slots = required.map((image) => new SlotState(image));
  }

  get allUploaded(): boolean {
    return this.slots.length > 0 && this.slots.every((s) => s.phase === "uploaded");
  }

  get missingCount(): number {
    return this.slots.filter((s) => s.phase !== "uploaded").length;
  }

  find(slot: ImageSlot): SlotState | undefined {
    return this.slots.find((s) => s.slot === slot);
  }

  /** Prepares then uploads the file at `path` for `slot`. */
  async assign(slot: ImageSlot, path: string): Promise<void> {
    const state = this.find(slot);
    if (!state || state.busy) return;
    state.path = path;
    state.prepared = null;
    await this.prepare(state, path);
    if (state.phase !== "failed") await this.upload(state);
  }

  /** Hands several dropped files to the slots still without a photo, in order. Returns how many were left over. */
  async assignMany(paths: string[]): Promise<number> {
    const open = this.slots.filter((s) => s.open);
    const pairs = open.slice(0, paths.length).map((s, i) => [s, paths[i]] as const);
    await Promise.all(pairs.map(([s, path]) => (path ? this.assign(s.slot, path) : Promise.resolve())));
    return Math.max(0, paths.length - pairs.length);
  }

  /** Opens the native picker for one slot; cancelling changes nothing. */
  async choose(slot: ImageSlot): Promise<void> {
    const state = this.find(slot);
    if (!state) return;
    const picked = await settle(commands.pickPhotos());
    if (picked.status === "error") {
      state.error = picked.error;
      state.failedAt = null;
      state.phase = state.phase === "uploaded" ? "uploaded" : "failed";
      return;
    }
    const first = picked.data[0];
    if (first !== undefined) await this.assign(slot, first);
  }

  async retry(slot: ImageSlot): Promise<void> {
    const state = this.find(slot);
    if (!state || state.busy) return;
    if (state.failedAt === "upload" && state.prepared) {
      await this.upload(state);
    } else if (state.path) {
      await this.assign(slot, state.path);
    }
  }

  private async prepare(state: SlotState, path: string): Promise<void> {
    state.phase = "preparing";
    state.error = null;
    state.failedAt = null;
    const result = await settle(commands.preparePhoto(this.handle, state.slot, path));
    if (result.status === "error") {
      state.phase = "failed";
      state.error = result.error;
      state.failedAt = "prepare";
      return;
    }
    state.prepared = result.data;
  }

  private async upload(state: SlotState): Promise<void> {
    state.phase = "uploading";
    state.error = null;
    state.failedAt = null;
    state.sent = 0;
    state.total = state.prepared?.bytes ?? 0;
    const progress = new Channel<UploadProgress>();
    progress.onmessage = (message) => {
      state.sent = message.sent;
      state.total = message.total;
    };
    const result = await settle(commands.uploadPhoto(this.handle, state.slot, progress));
    if (result.status === "error") {
      state.phase = "failed";
      state.error = result.error;
      state.failedAt = "upload";
      return;
    }
    state.sent = state.total;
    state.phase = "uploaded";
  }
}
