// How a backend error is shown: a message on what is wrong and what to do, worded here from the
// reason Rust sends (a catalog message and its values) or, without one, from the error's code;
// the UI adds a title and, for the states that pass by themselves, a retry.
import type { AppError, Reason, Result } from "./bindings";
import { formatBytes, formatDigits, formatDollars, formatSats } from "./format";
import { t, type MessageArgs } from "./i18n.svelte";

/**
 * A reason's values written for the language: dollars, sizes and sats as the rest of the UI
 * writes them, technical numbers without grouping, counts as numbers a plural can choose by.
 */
export function reasonArgs(args: Reason["args"]): MessageArgs {
  const worded: MessageArgs = {};
  for (const [name, arg] of Object.entries(args)) {
    if (arg === undefined) continue;
    if ("text" in arg) worded[name] = arg.text;
    else if ("count" in arg) worded[name] = arg.count;
    else if ("digits" in arg) worded[name] = formatDigits(arg.digits);
    else if ("cents" in arg) worded[name] = formatDollars(arg.cents);
    else if ("bytes" in arg) worded[name] = formatBytes(arg.bytes);
    // Thousandths of a sat come only with an invoice's odd amount; Intl rounds the quotient
    // back to exactly those three decimals.
    else worded[name] = formatSats(arg.millisats % 1000 === 0 ? Math.trunc(arg.millisats / 1000) : arg.millisats / 1000);
  }
  return worded;
}

/** A reason in the seller's language. */
export function reasonText(reason: Reason): string {
  return t(reason.id, reasonArgs(reason.args));
}

/**
 * What went wrong and what to do, in the seller's language: the reason when Rust gave one (it
 * names the character mistyped, the minutes to wait), else the catalog's sentence for the code.
 * CardCoins' own words (`serverMessage`) are shown apart, as it wrote them, in every language.
 */
export function errorMessage(error: AppError): string {
  return error.reason ? reasonText(error.reason) : t(`error-code-${error.code}`);
}

/** Errors that go away by themselves (network, maintenance, a busy server): worth a retry. Rust decides which. */
export function isTransient(error: AppError): boolean {
  return error.kind === "transient";
}

/**
 * CardCoins (or a firewall in front of it) turned this network away: nothing may ask again
 * until the wait is over, neither automatic polling nor a "try again".
 */
export function isBlock(error: AppError): boolean {
  return error.kind === "blocked";
}

export function errorTitle(error: AppError): string {
  switch (error.code) {
    case "offline":
    case "timeout":
      return t("error-offline-title");
    case "maintenance":
      return t("error-maintenance-title");
    case "temporarily_blocked":
      return t("error-blocked-title");
    case "server_error":
      return t("error-busy-title");
    case "wallet_private_key":
      return t("error-private-key-title");
    default:
      return t("error-title");
  }
}

/** A sentence on what to do next, shown under the backend's message when the code calls for one. */
export function errorNextStep(error: AppError): string | null {
  switch (error.code) {
    case "offline":
    case "timeout":
      return t("error-offline-next");
    case "maintenance":
      return t("error-maintenance-next");
    case "temporarily_blocked":
      return t("error-blocked-next");
    case "server_error":
      return t("error-busy-next");
    default:
      return null;
  }
}

/** A command that threw instead of answering (a bug or a broken bridge), as an error the UI can show. */
export function unexpectedError(): AppError {
  return { code: "internal", kind: "permanent", reason: { id: "error-unexpected", args: {} }, serverMessage: null, retryAfterSecs: null };
}

/** Awaits a command wrapper, turning a thrown exception into an error the screen can show. */
export async function settle<T>(pending: Promise<Result<T, AppError>>): Promise<Result<T, AppError>> {
  try {
    return await pending;
  } catch {
    return { status: "error", error: unexpectedError() };
  }
}
