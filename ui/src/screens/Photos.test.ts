import { describe, expect, it } from "vitest";
import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { emit } from "@tauri-apps/api/event";
import type { Channel } from "@tauri-apps/api/core";
import { Flow } from "../lib/flow.svelte";
import { setLanguagePreference } from "../lib/i18n.svelte";
import type { ImageSlot, UploadProgress } from "../lib/bindings";
import { HANDLE, callsTo, fail, mockCommands, orderView, prepared, type Handler } from "../test/ipc";
import Photos from "./Photos.svelte";

/** Sends one progress message through the channel the way Rust does (index-ordered callback). */
function sendProgress(channel: Channel<UploadProgress>, index: number, message: UploadProgress) {
  const internals = (window as unknown as { __TAURI_INTERNALS__: { runCallback: (id: number, data: unknown) => void } })
    .__TAURI_INTERNALS__;
  internals.runCallback(channel.id, { index, message });
}

function setup(overrides: Record<string, Handler> = {}) {
  const calls = mockCommands({
    get_order: () => orderView(),
    pick_photos: () => ["/home/seller/Pictures/front.jpg"],
    prepare_photo: (args) => prepared(args.slot as ImageSlot),
    upload_photo: (args) => prepared(args.slot as ImageSlot),
    ...overrides,
  });
  const flow = new Flow();
  flow.screen = "photos";
  flow.handle = HANDLE;
  render(Photos, { props: { flow } });
  return { calls, flow };
}

describe("Photos step", () => {
  it("shows one slot per required image, named for what it shows, and the guide", async () => {
    setup();
    const front = await screen.findByTestId("photo-slot-Image1");
    expect(front.textContent).toContain("Front of the card");
    expect(screen.getByTestId("photo-slot-Image2").textContent).toContain("Back of the card");
    expect(screen.getByText(/No glare/)).toBeTruthy();
    expect((screen.getByTestId("continue") as HTMLButtonElement).disabled).toBe(true);
  });

  it("picks, prepares and uploads with progress, then continues", async () => {
    let finishUpload: (() => void) | null = null;
    let channel: Channel<UploadProgress> | null = null;
    const { calls, flow } = setup({
      upload_photo: (args) =>
        args.slot !== "Image1" ? prepared(args.slot as ImageSlot) : new Promise((resolve) => {
          channel = args.onProgress as Channel<UploadProgress>;
          finishUpload = () => resolve(prepared("Image1", { bytes: 280_000, sizeText: "280 KB" }));
        }),
      prepare_photo: (args) =>
        prepared(args.slot as ImageSlot, {
          warnings: [{ code: "photo.warning.too_dark", message: "The photo is dark, and the card may be hard to read. Take it again in better light.", values: { brightness: 31, threshold: 50 } }],
        }),
    });
    await userEvent.click(await screen.findByTestId("choose-photo-Image1"));
    await waitFor(() => expect(channel).not.toBeNull());
    expect(callsTo(calls, "prepare_photo")[0]?.args).toEqual({ handle: HANDLE, slot: "Image1", path: "/home/seller/Pictures/front.jpg" });
    expect(screen.getByTestId("photo-size-Image1").textContent).toContain("3.1 MB");
    expect(screen.getByTestId("photo-warnings-Image1").textContent).toMatch(/photo is dark/);
    expect(screen.getByRole("img").getAttribute("src")).toBe("data:image/jpeg;base64,AAAA");

    sendProgress(channel!, 0, { slot: "Image1", phase: "waiting", sent: 0, total: 0 });
    await waitFor(() => expect(screen.getByTestId("photo-status-Image1").textContent).toMatch(/one at a time/));
    sendProgress(channel!, 1, { slot: "Image1", phase: "sending", sent: 140_000, total: 280_000 });
    await waitFor(() => expect((screen.getByTestId("upload-progress-Image1") as HTMLProgressElement).value).toBe(50));
    // Every byte handed over is not yet stored: no 100%, an indeterminate bar and "Finishing".
    sendProgress(channel!, 2, { slot: "Image1", phase: "finishing", sent: 280_000, total: 280_000 });
    await waitFor(() => expect(screen.getByTestId("photo-status-Image1").textContent).toMatch(/Finishing/));
    expect((screen.getByTestId("upload-progress-Image1") as HTMLProgressElement).hasAttribute("value")).toBe(false);
    finishUpload!();
    await waitFor(() => expect(screen.getByTestId("photo-status-Image1").textContent).toMatch(/Uploaded/));
    // What was sent, fitted to the connection.
    expect(screen.getByTestId("photo-size-Image1").textContent).toContain("Sent: 280 KB");

    await userEvent.click(screen.getByTestId("choose-photo-Image2"));
    await waitFor(() => expect((screen.getByTestId("continue") as HTMLButtonElement).disabled).toBe(false));
    await userEvent.click(screen.getByTestId("continue"));
    expect(flow.screen).toBe("review");
  });

  it("says what each photo shows and what was done to it, in the seller's language", async () => {
    const big = prepared("Image1", {
      width: 4096,
      height: 3440,
      bytes: 4_812_345,
      sizeText: "4.8 MB",
      jpegQuality: 88,
      sourceFormat: "PNG",
      sourceBytes: 60_300_000,
      sourceWidth: 5000,
      sourceHeight: 4200,
      orientationApplied: 6,
      summary: "Rust's English, which the screen does not show",
      warnings: [{ code: "photo.warning.too_small", message: "ignored", values: { long_side: 640, recommended: 1000 } }],
    });
    setup({
      get_order: () =>
        orderView({
          requiredImages: [
            { slot: "Image1", description: "Front of the card", serverDescription: null, uploaded: false, feedback: [] },
            { slot: "Image2", description: "Back, PIN uncovered", serverDescription: "Back, PIN uncovered", uploaded: false, feedback: [] },
          ],
        }),
      prepare_photo: () => big,
      upload_photo: () => big,
    });
    await userEvent.click(await screen.findByTestId("choose-photo-Image1"));
    const summary = await screen.findByTestId("photo-summary-Image1");
    expect(summary.textContent).toBe(
      "JPEG 4096 x 3440, 4.8 MB, converted from PNG, re-encoded at quality 88, scaled down from 5000 x 4200 (60.3 MB), rotated 90° clockwise, metadata removed; warnings: small (640 px long side)",
    );
    const warnings = screen.getByTestId("photo-warnings-Image1");
    expect(warnings.textContent).toMatch(/^The photo is small \(640 pixels on its long side; 1000 or more is better\), so the reviewer/);
    const heading = (slot: ImageSlot) => screen.getByTestId(`photo-slot-${slot}`).querySelector("h2")?.textContent;
    expect(heading("Image1")).toBe("Front of the card");
    expect(heading("Image2")).toBe("Back, PIN uncovered");

    setLanguagePreference("es-US");
    await waitFor(() => expect(heading("Image1")).toBe("Frente de la tarjeta"));
    expect(heading("Image2")).toBe("Back, PIN uncovered");
    expect(summary.textContent).toBe(
      "JPEG de 4096 x 3440, 4.8 MB, convertida de PNG, codificada de nuevo con calidad 88, reducida de 5000 x 4200 (60.3 MB), girada 90° a la derecha y metadatos eliminados; avisos: pequeña (640 px en el lado más largo)",
    );
    expect(warnings.textContent).toMatch(/^La foto es pequeña \(640 píxeles/);
    expect(screen.getByRole("img").getAttribute("alt")).toBe("Vista previa de la foto de Frente de la tarjeta");
  });

  it("assigns files dropped on the window to the empty slots in order", async () => {
    const { calls } = setup();
    await screen.findByTestId("photo-slot-Image1");
    // The drop listener registers asynchronously after the screen mounts.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await emit("tauri://drag-drop", { paths: ["/tmp/a.jpg", "/tmp/b.png", "/tmp/c.jpg"], position: { x: 0, y: 0 } });
    await waitFor(() => expect(callsTo(calls, "upload_photo")).toHaveLength(2));
    const prepares = callsTo(calls, "prepare_photo").map((c) => [c.args.slot, c.args.path]);
    expect(prepares).toEqual([
      ["Image1", "/tmp/a.jpg"],
      ["Image2", "/tmp/b.png"],
    ]);
    expect(await screen.findByTestId("drop-left-over")).toBeTruthy();
  });

  it("explains a refused file and keeps the slot open for another", async () => {
    const { calls } = setup({
      prepare_photo: () => fail("photo_heic", { reason: { id: "reason-photo-heic", args: {} } }),
    });
    await userEvent.click(await screen.findByTestId("choose-photo-Image1"));
    expect((await screen.findByTestId("photo-error-Image1")).textContent).toMatch(/Export it as JPEG and choose that file/);
    // Trying the same file again can't help: the way forward is another photo.
    expect(screen.queryByTestId("photo-error-Image1-retry")).toBeNull();
    expect(screen.getByTestId("choose-photo-Image1").textContent).toMatch(/Choose photo/);
    expect(callsTo(calls, "upload_photo")).toHaveLength(0);
  });

  it("retries a failed upload without preparing again", async () => {
    let attempts = 0;
    const { calls } = setup({
      upload_photo: () => {
        attempts += 1;
        return attempts === 1 ? fail("upload_expired") : prepared("Image1");
      },
    });
    await userEvent.click(await screen.findByTestId("choose-photo-Image1"));
    await screen.findByTestId("photo-error-Image1");
    await userEvent.click(screen.getByTestId("photo-error-Image1-retry"));
    await waitFor(() => expect(screen.getByTestId("photo-status-Image1").textContent).toMatch(/Uploaded/));
    expect(callsTo(calls, "prepare_photo")).toHaveLength(1);
    expect(callsTo(calls, "upload_photo")).toHaveLength(2);
  });

  it("offers to send anyway a photo the connection is too slow for", async () => {
    const { calls } = setup({
      upload_photo: (args) =>
        args.anyway
          ? prepared("Image1")
          : fail("upload_too_slow", {
              reason: {
                id: "reason-upload-too-slow",
                args: { rate: { text: "64 kbit/s" }, seconds: { count: 38 }, size: { bytes: 301_000 }, width: { digits: 2000 }, height: { digits: 1500 } },
              },
            }),
    });
    await userEvent.click(await screen.findByTestId("choose-photo-Image1"));
    expect((await screen.findByTestId("photo-error-Image1")).textContent).toMatch(
      /sends about 64 kbit\/s, so even at its smallest \(301 KB, 2000 x 1500\) this photo needs about 38 seconds.* faster network/,
    );
    await userEvent.click(screen.getByTestId("upload-anyway-Image1"));
    await waitFor(() => expect(screen.getByTestId("photo-status-Image1").textContent).toMatch(/Uploaded/));
    expect(callsTo(calls, "upload_photo").map((call) => call.args.anyway)).toEqual([false, true]);
    expect(callsTo(calls, "prepare_photo")).toHaveLength(1);
  });

  it("changes nothing when the picker is cancelled", async () => {
    const { calls } = setup({ pick_photos: () => [] });
    await userEvent.click(await screen.findByTestId("choose-photo-Image1"));
    await waitFor(() => expect(callsTo(calls, "pick_photos")).toHaveLength(1));
    expect(callsTo(calls, "prepare_photo")).toHaveLength(0);
    expect(screen.getByTestId("photo-status-Image1").textContent).toMatch(/No photo yet/);
  });

  it("offers to replace a photo uploaded in an earlier session", async () => {
    setup({
      get_order: () =>
        orderView({ requiredImages: [{ slot: "Image1", description: "Front of the card", serverDescription: null, uploaded: true, feedback: [] }] }),
    });
    expect((await screen.findByTestId("choose-photo-Image1")).textContent).toMatch(/Replace photo/);
    expect((screen.getByTestId("continue") as HTMLButtonElement).disabled).toBe(false);
  });
});
