// The saved language, applied before the first screen renders, so the app does not open in one
// language and switch to another a moment later.
import { commands } from "./bindings";
import { settle } from "./errors";
import { setLanguagePreference, setSystemLocale } from "./i18n.svelte";

/** Past this the window opens anyway, rather than stay blank; a late answer still applies. */
const waitAtMostMs = 1_500;

export async function applySavedLanguage(): Promise<void> {
  const applied = Promise.all([settle(commands.appInfo()), settle(commands.getSettings())]).then(([info, settings]) => {
    if (info.status === "ok") setSystemLocale(info.data.osLocale);
    if (settings.status === "ok") setLanguagePreference(settings.data.language ?? null);
  });
  const late = new Promise<void>((resolve) => setTimeout(resolve, waitAtMostMs));
  await Promise.race([applied, late]);
}
