import { describe, expect, it } from "vitest";
import type { ImageSlot } from "./bindings";
import { handleDrop } from "./drops";
import { PhotoUploads } from "./photos.svelte";
import { HANDLE, callsTo, mockCommands, prepared } from "../test/ipc";

function uploadsWith(uploaded: ImageSlot[] = []) {
  const calls = mockCommands({
    prepare_photo: (args) => prepared(args.slot as ImageSlot),
    upload_photo: () => prepared("Image1"),
  });
  const slots: ImageSlot[] = ["Image1", "Image2", "GovidImageFront"];
  const uploads = new PhotoUploads(
    HANDLE,
    slots.map((slot) => ({ slot, description: slot, serverDescription: null, uploaded: uploaded.includes(slot), feedback: [] })),
  );
  return { calls, uploads };
}

describe("handleDrop", () => {
  it("puts one file dropped on a slot into that slot, even one already filled", async () => {
    const { calls, uploads } = uploadsWith(["Image2"]);
    expect(await handleDrop(uploads, ["/tmp/back.jpg"], "Image2")).toBe(0);
    expect(callsTo(calls, "prepare_photo").map((c) => c.args.slot)).toEqual(["Image2"]);
    expect(uploads.find("Image2")?.prepared).not.toBeNull();
  });

  it("fills the empty slots in order, skipping filled ones, and reports the extra files", async () => {
    const { calls, uploads } = uploadsWith(["Image1"]);
    expect(await handleDrop(uploads, ["/tmp/a.jpg", "/tmp/b.jpg", "/tmp/c.jpg"], null)).toBe(1);
    expect(callsTo(calls, "prepare_photo").map((c) => [c.args.slot, c.args.path])).toEqual([
      ["Image2", "/tmp/a.jpg"],
      ["GovidImageFront", "/tmp/b.jpg"],
    ]);
    expect(uploads.allUploaded).toBe(true);
  });

  it("uses the empty slots for a single file dropped beside the slots", async () => {
    const { calls, uploads } = uploadsWith();
    await handleDrop(uploads, ["/tmp/a.jpg"], null);
    expect(callsTo(calls, "prepare_photo").map((c) => c.args.slot)).toEqual(["Image1"]);
    expect(uploads.missingCount).toBe(2);
  });
});
