// Loading what a screen needs from the server, resuming by itself when the network or the server
// comes back: a transient error (offline, maintenance, busy) is retried with backoff, and right away
// when the system reports the network is back.
import type { AppError, Result } from "./bindings";
import { isTransient, settle } from "./errors";
import { startPolling, type Backoff, type Poller } from "./polling";

export interface LoadHandlers<T> {
  onData: (data: T) => void;
  onError: (error: AppError) => void;
  onScheduled?: (delayMs: number) => void;
}

export const loadBackoff: Backoff = { initialMs: 3_000, maxMs: 30_000, factor: 2 };

/** Loads once; on a transient error keeps trying with backoff. Returns a handle to retry now or stop. */
export function loadResuming<T>(load: () => Promise<Result<T, AppError>>, handlers: LoadHandlers<T>): Poller {
  let poller: Poller | null = null;
  const onOnline = () => poller?.pollNow();
  poller = startPolling(
    async () => {
      const result = await settle(load());
      if (result.status === "ok") {
        handlers.onData(result.data);
        cleanup();
        return "stop";
      }
      handlers.onError(result.error);
      if (isTransient(result.error)) return "unchanged";
      cleanup();
      return "stop";
    },
    { backoff: loadBackoff, onScheduled: handlers.onScheduled },
  );
  function cleanup() {
    window.removeEventListener("online", onOnline);
  }
  window.addEventListener("online", onOnline);
  return {
    pollNow: () => poller?.pollNow(),
    stop: () => {
      cleanup();
      poller?.stop();
    },
  };
}
