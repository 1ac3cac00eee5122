// The catalog's .ftl files, keyed by path (".../catalog/es-US/ui.ftl"), built into the app.
// Every file of every locale folder: adding one needs no code change.
export const catalogFiles: Record<string, string> = import.meta.glob<string>("../../../catalog/*/*.ftl", {
  query: "?raw",
  import: "default",
  eager: true,
});
