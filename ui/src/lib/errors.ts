// How a backend error is shown: a message on what is wrong and what to do (the backend's own, or
// the catalog's for its code); the UI adds a title and, for the states that pass by themselves, a
// retry.
import type { AppError, Result } from "./bindings";
import { baseLocale, currentLocale, t } from "./i18n.svelte";

/**
 * What went wrong and what to do. The backend's message is the most specific (it names the
 * character mistyped, the minutes to wait) but it is English: another language shows the
 * catalog's sentence for the code instead. CardCoins' own words (`serverMessage`) are shown
 * apart, as it wrote them, in every language.
 */
export function errorMessage(error: AppError): string {
  return currentLocale() === baseLocale ? error.message : t(`error-code-${error.code}`);
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
  return { code: "internal", kind: "permanent", message: t("error-unexpected"), serverMessage: null, retryAfterSecs: null };
}

/** Awaits a command wrapper, turning a thrown exception into an error the screen can show. */
export async function settle<T>(pending: Promise<Result<T, AppError>>): Promise<Result<T, AppError>> {
  try {
    return await pending;
  } catch {
    return { status: "error", error: unexpectedError() };
  }
}
