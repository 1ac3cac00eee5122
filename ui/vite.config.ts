import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { searchForWorkspaceRoot } from "vite";

/** The message catalog lives beside ui/, shared with whoever translates: the dev server must serve it. */
const catalog = fileURLToPath(new URL("../catalog", import.meta.url));

// Tauri serves the built files from inside the app; the dev server is only for `tauri dev`.
export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  server: {
    port: 5173,
    strictPort: true,
    host: "127.0.0.1",
    fs: { allow: [searchForWorkspaceRoot(process.cwd()), catalog] },
  },
  build: {
    target: "safari15",
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 200,
    rolldownOptions: {
      output: {
        // Only the photo screens need the window/webview API (drag and drop): keep it out of the
        // first screen's chunk, where the bundler would otherwise hoist shared modules.
        codeSplitting: {
          groups: [{ name: "tauri-webview", test: /@tauri-apps[\\/]api[\\/](webview|window|webviewWindow|dpi|image)\.js/, includeDependenciesRecursively: false }],
        },
      },
    },
  },
  resolve: process.env.VITEST ? { conditions: ["browser"] } : undefined,
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts"],
    setupFiles: ["src/test/setup.ts"],
  },
});
