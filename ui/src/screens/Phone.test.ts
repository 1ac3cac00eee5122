import { afterEach, describe, expect, it, vi } from "vitest";
import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { Flow } from "../lib/flow.svelte";
import { HANDLE, callsTo, fail, mockCommands, type Handler } from "../test/ipc";
import Phone from "./Phone.svelte";

const E164 = "+14155550123";

function setup(overrides: Record<string, Handler> = {}) {
  const calls = mockCommands({
    check_phone: (args) =>
      String(args.input).replace(/\D/g, "").length === 10 && args.region === "US"
        ? { e164: E164, display: "(415) 555-0123" }
        : fail("invalid_phone", { reason: { id: "reason-phone-too-short", args: {} } }),
    app_info: () => ({ version: "0.1.0", sandbox: false, baseUrl: "https://api.cardcoins.co/v2", idStorage: "keyring", idStorageNote: "", vaultDamage: null, captchaProblem: null }),
    solve_captcha: () => "captcha-token-1",
    send_phone_code: () => null,
    verify_phone_code: (args) => (args.code === "123456" ? null : fail("code_refused")),
    ...overrides,
  });
  const flow = new Flow();
  flow.screen = "phone";
  flow.handle = HANDLE;
  render(Phone, { props: { flow } });
  return { calls, flow };
}

async function sendCode() {
  await userEvent.type(screen.getByTestId("phone-input"), "(415) 555-0123");
  await userEvent.click(screen.getByTestId("send-code"));
  await screen.findByTestId("code-input");
}

afterEach(() => vi.useRealTimers());

describe("Phone step", () => {
  it("normalises the number, runs the captcha, sends the code and verifies it", async () => {
    const { calls, flow } = setup();
    await sendCode();
    expect(callsTo(calls, "check_phone")[0]?.args).toEqual({ input: "(415) 555-0123", region: "US" });
    expect(callsTo(calls, "solve_captcha")).toHaveLength(1);
    expect(callsTo(calls, "send_phone_code")[0]?.args).toEqual({
      handle: HANDLE,
      phone: E164,
      call: false,
      captchaToken: "captcha-token-1",
    });
    // Shown as the seller writes it, sent to the API in E.164.
    expect(screen.getByTestId("code-sent").textContent).toContain("(415) 555-0123");
    expect(flow.phone).toBe(E164);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("code-input")));
    await userEvent.type(screen.getByTestId("code-input"), "123456{Enter}");
    await waitFor(() => expect(flow.screen).toBe("payout"));
    expect(callsTo(calls, "verify_phone_code")[0]?.args).toEqual({
      handle: HANDLE,
      phone: E164,
      code: "123456",
      captchaToken: null,
    });
  });

  it("sends by phone call when asked", async () => {
    const { calls } = setup();
    await userEvent.click(screen.getByTestId("call-option"));
    await sendCode();
    expect(callsTo(calls, "send_phone_code")[0]?.args.call).toBe(true);
    expect(screen.getByTestId("code-sent").textContent).toMatch(/calling/i);
  });

  it("explains an invalid number inline and opens no captcha", async () => {
    const { calls } = setup();
    await userEvent.type(screen.getByTestId("phone-input"), "12345{Enter}");
    const error = await screen.findByText("This phone number is too short: check that no digits are missing.");
    expect(error.getAttribute("data-testid")).toBe("phone-error");
    expect(callsTo(calls, "solve_captcha")).toHaveLength(0);
  });

  it("says what to do when the captcha window is closed", async () => {
    const { calls } = setup({
      solve_captcha: () => fail("captcha_not_completed"),
    });
    await userEvent.type(screen.getByTestId("phone-input"), "4155550123{Enter}");
    const error = await screen.findByTestId("send-error");
    expect(error.textContent).toMatch(/Solve it to get the code sent/);
    expect(callsTo(calls, "send_phone_code")).toHaveLength(0);
  });

  it("shows a wrong code inline and lets the seller try again", async () => {
    const { flow } = setup();
    await sendCode();
    await userEvent.type(screen.getByTestId("code-input"), "000000{Enter}");
    expect((await screen.findByTestId("code-error")).textContent).toMatch(/did not accept the code/);
    expect(flow.screen).toBe("phone");
  });

  it("after a refused code, offers a new captcha with the next try and shows CardCoins' words", async () => {
    let tries = 0;
    const { calls, flow } = setup({
      verify_phone_code: (args) => {
        tries += 1;
        if (args.captchaToken) return null;
        // Whatever the words, the code decides: the app never reads them.
        return fail("code_refused", {
          serverMessage: tries === 1 ? "Ungültiger Code" : "Bad Request -- The request submitted is malformed or otherwise invalid.",
        });
      },
    });
    await sendCode();
    expect(screen.queryByTestId("captcha-again")).toBeNull();
    await userEvent.type(screen.getByTestId("code-input"), "111111{Enter}");
    expect((await screen.findByTestId("code-error")).textContent).toMatch(/did not accept the code/);
    expect(screen.getByTestId("code-server-words").textContent).toMatch(/Ungültiger Code/);
    expect(screen.getByTestId("resend-code")).toBeTruthy();
    // Without the captcha ticked the next try goes without one, and is refused again.
    await userEvent.click(screen.getByTestId("verify-code"));
    await waitFor(() => expect(screen.getByTestId("code-server-words").textContent).toMatch(/Bad Request/));
    expect(callsTo(calls, "solve_captcha")).toHaveLength(1);
    await userEvent.click(screen.getByTestId("with-captcha"));
    await userEvent.click(screen.getByTestId("verify-code"));
    await waitFor(() => expect(flow.screen).toBe("payout"));
    expect(callsTo(calls, "solve_captcha")).toHaveLength(2);
    expect(callsTo(calls, "verify_phone_code")[2]?.args.captchaToken).toMatch(/^captcha-token/);
  });

  it("asks for the code when Verify is pressed with nothing typed", async () => {
    const { calls } = setup();
    await sendCode();
    await userEvent.click(screen.getByTestId("verify-code"));
    expect(screen.getByTestId("code-error").textContent).toMatch(/type the code/i);
    expect(callsTo(calls, "verify_phone_code")).toHaveLength(0);
  });

  it("lets the seller resend only after a visible cooldown", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { calls } = setup();
    await user.type(screen.getByTestId("phone-input"), "4155550123{Enter}");
    await screen.findByTestId("code-input");
    const resend = screen.getByTestId("resend-code") as HTMLButtonElement;
    expect(resend.disabled).toBe(true);
    expect(screen.getByTestId("resend-cooldown").textContent).toMatch(/30 s/);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(screen.getByTestId("resend-cooldown").textContent).toMatch(/20 s/);
    await vi.advanceTimersByTimeAsync(20_000);
    await waitFor(() => expect(resend.disabled).toBe(false));
    await user.click(resend);
    await waitFor(() => expect(callsTo(calls, "send_phone_code")).toHaveLength(2));
    expect(callsTo(calls, "solve_captcha")).toHaveLength(2);
  });

  it("says so when this build cannot verify a phone, and opens nothing", async () => {
    const problem = { id: "reason-captcha-not-set-up", args: {} };
    const { calls } = setup({
      app_info: () => ({ version: "0.1.0", sandbox: false, baseUrl: "https://api.cardcoins.co/v2", idStorage: "keyring", idStorageNote: "", vaultDamage: null, captchaProblem: problem }),
    });
    const note = await screen.findByTestId("captcha-not-set-up");
    expect(note.textContent).toContain("Codes cannot be sent from this copy");
    expect(note.textContent).toContain("not set up in this build");
    expect(note.textContent).toContain("CARDCOINS_RECAPTCHA_SITE_KEY");
    // It stays on screen: announced once as a status, not as an alert at every render.
    expect(note.getAttribute("role")).toBe("status");
    const send = screen.getByTestId("send-code") as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    await userEvent.type(screen.getByTestId("phone-input"), "4155550123{Enter}");
    expect(callsTo(calls, "check_phone")).toHaveLength(0);
    expect(callsTo(calls, "solve_captcha")).toHaveLength(0);
    expect(callsTo(calls, "send_phone_code")).toHaveLength(0);
  });

  it("lets a build that can verify send as usual, with no note", async () => {
    setup();
    await sendCode();
    expect(screen.queryByTestId("captcha-not-set-up")).toBeNull();
  });
});

describe("Phone step, back from a later step", () => {
  it("says the number is confirmed and asks for nothing", async () => {
    const calls = mockCommands({
      app_info: () => ({ version: "0.1.0", sandbox: false, baseUrl: "https://api.cardcoins.co/v2", idStorage: "keyring", idStorageNote: "", vaultDamage: null, captchaProblem: null }),
    });
    const flow = new Flow();
    flow.handle = HANDLE;
    flow.reached = "payout";
    flow.screen = "phone";
    render(Phone, { props: { flow } });
    expect((await screen.findByTestId("phone-done")).textContent).toMatch(/confirmed/);
    expect(screen.queryByTestId("phone-input")).toBeNull();
    await userEvent.click(screen.getByTestId("continue"));
    expect(flow.screen).toBe("payout");
    expect(callsTo(calls, "send_phone_code")).toHaveLength(0);
  });
});
