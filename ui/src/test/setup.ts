import { afterEach } from "vitest";
import { cleanup } from "@testing-library/svelte";
import { clearMocks } from "@tauri-apps/api/mocks";
import { setLanguagePreference, setSystemLocale } from "../lib/i18n.svelte";

afterEach(() => {
  cleanup();
  clearMocks();
  // Tests speak English unless they say otherwise; one that switches must not leak into the next.
  setLanguagePreference(null);
  setSystemLocale("en-US");
});
