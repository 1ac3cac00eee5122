// Polling with backoff: the status screen asks the server again and again, starting quickly and
// slowing down while nothing changes, so a long verification never hammers the server.

export interface Backoff {
  initialMs: number;
  maxMs: number;
  factor: number;
}

/**
 * 10 s, 15 s, 22.5 s, then 30 s. The app answers a read within 10 s of its last one from that
 * one (CardCoins' firewall turns away an address that asks more often), so asking sooner only
 * repeats the last answer and, out of step with it, would notice a decision up to 10 s later.
 */
export const statusBackoff: Backoff = { initialMs: 10_000, maxMs: 30_000, factor: 1.5 };

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
