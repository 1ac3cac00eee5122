// Polling with backoff: the status screen asks the server again and again, starting quickly and
// slowing down while nothing changes, so a long verification never hammers the server.

export interface Backoff {
  initialMs: number;
  maxMs: number;
  factor: number;
}

/** 2 s, 3 s, 4.5 s, … up to 30 s. */
export const statusBackoff: Backoff = { initialMs: 2_000, maxMs: 30_000, factor: 1.5 };

/** Delay before try number `attempt` (0-based) when nothing has changed since `attempt` tries. */
export function backoffDelay(attempt: number, backoff: Backoff = statusBackoff): number {
  const safeAttempt = Math.max(0, Math.floor(attempt));
  const delay = backoff.initialMs * Math.pow(backoff.factor, safeAttempt);
  return Math.min(backoff.maxMs, Math.round(delay));
}

/** What one poll found: something new (start fast again), nothing new (slow down), or done. */
export type PollOutcome = "changed" | "unchanged" | "stop";

export interface Poller {
  /** Cancels the pending try and runs one right away (a "Check now" button, the network coming back). */
  pollNow(): void;
  stop(): void;
}

export interface PollOptions {
  backoff?: Backoff;
  /** Told each time a try is scheduled, so the screen can say "checking again in N s". */
  onScheduled?: (delayMs: number) => void;
}

/** Runs `task` now, then again after each backoff delay until it answers "stop" or `stop()` is called. */
export function startPolling(task: () => Promise<PollOutcome>, options: PollOptions = {}): Poller {
  const backoff = options.backoff ?? statusBackoff;
  /** Tries in a row that found nothing new: each one lengthens the next wait. */
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  let running = false;

  const schedule = () => {
    if (stopped) return;
    const delay = backoffDelay(attempt, backoff);
    attempt += 1;
    options.onScheduled?.(delay);
    timer = setTimeout(run, delay);
  };

  const run = async () => {
    timer = null;
    if (stopped || running) return;
    running = true;
    let outcome: PollOutcome;
    try {
      outcome = await task();
    } catch {
      // A thrown error is a bug in the task, not a reason to hammer: treat it as "nothing new".
      outcome = "unchanged";
    }
    running = false;
    if (outcome === "stop") {
      stopped = true;
      return;
    }
    if (outcome === "changed") attempt = 0;
    schedule();
  };

  void run();

  return {
    pollNow() {
      if (stopped || running) return;
      if (timer !== null) clearTimeout(timer);
      void run();
    },
    stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
