// The photo slots of one order: each slot takes a file path, has Rust prepare it (size, warnings,
// preview), then uploads it with progress. Shared by the Photos step and the rejected-order resubmit.
import { Channel } from "@tauri-apps/api/core";
import {
  commands,
  type AppError,
  type ImageSlot,
  type OrderView,
  type PreparedPhotoView,
  type UploadPhase,
  type UploadProgress,
} from "./bindings";
import { settle } from "./errors";
import { photoDescription } from "./photo-slots";

export type RequiredImage = OrderView["requiredImages"][number];
// "waiting": in the order's upload queue behind another photo; the app sends one at a time.
export type SlotPhase = "empty" | "preparing" | "waiting" | "uploading" | "uploaded" | "failed";

export class SlotState {
  readonly slot: ImageSlot;
  readonly serverDescription: string | null;
  phase: SlotPhase = $state("empty");
  prepared: PreparedPhotoView | null = $state(null);
  sent = $state(0);
  total = $state(0);
  /** While uploading: fitting to the connection, sending, or finishing (all handed over, the store has not answered). */
  uploadPhase: UploadPhase | null = $state(null);
  error: AppError | null = $state(null);
  /** The failed stage decides what "retry" does: prepare the file again, or only upload again. */
  failedAt: "prepare" | "upload" | null = $state(null);
  path: string | null = null;

  constructor(image: RequiredImage) {
    this.slot = image.slot;
    this.serverDescription = image.serverDescription;
    if (image.uploaded) this.phase = "uploaded";
  }

  /** Read while rendering, so that the app's own words follow a change of language. */
  get description(): string {
    return photoDescription(this);
  }

  get busy(): boolean {
    return this.phase === "preparing" || this.phase === "waiting" || this.phase === "uploading";
  }

  /** The connection is too slow for this photo even at its smallest; the person may still try. */
  get tooSlow(): boolean {
    return this.phase === "failed" && this.error?.code === "upload_too_slow";
  }

  /** Whether a file dropped on the window should land here. */
  get open(): boolean {
    return this.phase === "empty";
  }

  /** Share of the bytes handed to the connection; never 100 before the store has answered. */
  get percent(): number {
    if (this.phase === "uploaded") return 100;
    if (this.total <= 0) return 0;
    return Math.min(99, Math.floor((this.sent * 100) / this.total));
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

  /** `anyway`: send a photo the connection is too slow for, at its smallest. */
  async retry(slot: ImageSlot, anyway = false): Promise<void> {
    const state = this.find(slot);
    if (!state || state.busy) return;
    if (state.failedAt === "upload" && state.prepared) {
      await this.upload(state, anyway);
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

  private async upload(state: SlotState, anyway = false): Promise<void> {
    state.phase = "waiting";
    state.uploadPhase = null;
    state.error = null;
    state.failedAt = null;
    state.sent = 0;
    state.total = 0;
    const progress = new Channel<UploadProgress>();
    progress.onmessage = (message) => {
      if (state.phase !== "waiting" && state.phase !== "uploading") return;
      state.phase = message.phase === "waiting" ? "waiting" : "uploading";
      state.uploadPhase = message.phase;
      state.sent = message.sent;
      state.total = message.total;
    };
    const result = await settle(commands.uploadPhoto(this.handle, state.slot, anyway, progress));
    state.uploadPhase = null;
    if (result.status === "error") {
      state.phase = "failed";
      state.error = result.error;
      state.failedAt = "upload";
      return;
    }
    // What was sent: fitted to the connection, it may be smaller than what was prepared.
    state.prepared = result.data;
    state.sent = result.data.bytes;
    state.total = result.data.bytes;
    state.phase = "uploaded";
  }
}
