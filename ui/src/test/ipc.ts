// The command layer stood in for by Tauri's mockIPC: handlers keyed by the Rust (snake_case)
// command names answer with contract-shaped data; `fail` makes a command answer with an AppError,
// the way the Rust side rejects (a plain object, not an Error).
import { mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import type { AppError, ErrorCode, ErrorKind, OrderSummary, OrderView, PreparedPhotoView, Reason } from "../lib/bindings";

export type Handler = (args: Record<string, unknown>) => unknown;

export interface Recorded {
  cmd: string;
  args: Record<string, unknown>;
}

export class CommandFailure {
  constructor(readonly error: AppError) {}
}

/** A command's failure: its code, and what Rust would send beside it when the test cares. */
export function fail(code: ErrorCode, extra: { reason?: Reason; serverMessage?: string; retryAfterSecs?: number; kind?: ErrorKind } = {}): never {
  throw new CommandFailure({
    code,
    // As Rust decides: a block is blocked; anything else says so when the test cares.
    kind: extra.kind ?? (code === "temporarily_blocked" ? "blocked" : "permanent"),
    reason: extra.reason ?? null,
    serverMessage: extra.serverMessage ?? null,
    retryAfterSecs: extra.retryAfterSecs ?? null,
  });
}

export function mockCommands(handlers: Record<string, Handler>): Recorded[] {
  const calls: Recorded[] = [];
  mockWindows("main");
  mockIPC(
    async (cmd, payload) => {
      const args = (payload ?? {}) as Record<string, unknown>;
      calls.push({ cmd, args });
      const handler = handlers[cmd];
      if (!handler) throw new Error(`unexpected command ${cmd}`);
      try {
        return await handler(args);
      } catch (e) {
        if (e instanceof CommandFailure) throw e.error;
        throw e;
      }
    },
    { shouldMockEvents: true },
  );
  return calls;
}

export function callsTo(calls: Recorded[], cmd: string): Recorded[] {
  return calls.filter((c) => c.cmd === cmd);
}

export const HANDLE = "4b1d6c1e-1111-4222-8333-944455556666";

export function summary(overrides: Partial<OrderSummary> = {}): OrderSummary {
  return {
    handle: HANDLE,
    amountCents: 5500,
    amountText: "$55.00",
    createdAt: "2026-11-24T18:00:00Z",
    status: "created",
    statusLabel: "Started",
    step: "phone",
    history: [],
    isFinal: false,
    quote: null,
    ...overrides,
  };
}

export function orderView(overrides: Partial<OrderView> = {}): OrderView {
  return {
    handle: HANDLE,
    status: "authorized",
    statusLabel: "Waiting for photos",
    statusExplanation: "Upload the photos CardCoins asks for, then submit them for review.",
    amountCents: 5500,
    amountText: "$55.00",
    sats: 83523,
    satsText: "83,523 sats",
    btcText: "0.00083523 BTC",
    phoneVerified: true,
    nameRequired: false,
    destination: "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
    payoutDestination: { text: "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", short: "bc1qar0…f5mdq", lightning: false },
    serverDestinationDiffers: null,
    quote: {
      sats: 83523,
      satsText: "83,523 sats",
      btcText: "0.00083523 BTC",
      usdCents: 5500,
      usdText: "$55.00",
      priceCents: 6_585_000,
      priceText: "$65,850.00",
      at: "2026-11-24T18:00:00Z",
    },
    quotedFirst: null,
    phoneLastDigits: "0000",
    requiredImages: [
      { slot: "Image1", description: "Front of the card", serverDescription: null, uploaded: false, feedback: [] },
      { slot: "Image2", description: "Back of the card", serverDescription: null, uploaded: false, feedback: [] },
    ],
    generalFeedback: [],
    photosRejected: false,
    payout: null,
    step: "photos",
    isFinal: false,
    history: [],
    payoutWatch: null,
    payoutTimeline: [],
    lightningPaid: null,
    walletAddressNumber: null,
    ...overrides,
  };
}

export function prepared(slot: PreparedPhotoView["slot"], overrides: Partial<PreparedPhotoView> = {}): PreparedPhotoView {
  return {
    slot,
    width: 1600,
    height: 1000,
    bytes: 3_100_000,
    sizeText: "3.1 MB",
    format: "JPEG",
    reencoded: true,
    sourceFormat: "JPEG",
    sourceBytes: 3_100_000,
    sourceWidth: 1600,
    sourceHeight: 1000,
    jpegQuality: 90,
    orientationApplied: 1,
    summary: "JPEG 1600 x 1000, 3.1 MB, re-encoded at quality 90, metadata removed",
    warnings: [],
    previewDataUrl: "data:image/jpeg;base64,AAAA",
    ...overrides,
  };
}
