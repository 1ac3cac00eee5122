import { invoke } from "@tauri-apps/api/core";

export interface AppInfo {
  version: string;
  sandbox: boolean;
}

export function loadAppInfo(): Promise<AppInfo> {
  return invoke<AppInfo>("app_info");
}
