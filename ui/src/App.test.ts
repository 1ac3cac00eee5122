import { describe, expect, it } from "vitest";
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import App from "./App.svelte";

function mockAppInfo(sandbox: boolean) {
  mockWindows("main");
  mockIPC((cmd) => {
    if (cmd === "app_info") return { version: "0.1.0", sandbox };
    throw new Error(`unexpected command ${cmd}`);
  });
}

describe("App", () => {
  it("shows the welcome screen and moves on when Start is pressed", async () => {
    mockAppInfo(false);
    render(App);
    expect(screen.getByRole("heading", { name: /sell a gift card for bitcoin/i })).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Start" }));
    expect(screen.getByRole("heading", { name: /how much is on the card/i })).toBeTruthy();
  });

  it("shows the sandbox banner only in sandbox mode", async () => {
    mockAppInfo(true);
    render(App);
    expect(await screen.findByTestId("sandbox-banner")).toBeTruthy();
  });

  it("shows no banner outside sandbox mode", async () => {
    mockAppInfo(false);
    render(App);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.queryByTestId("sandbox-banner")).toBeNull();
  });
});
