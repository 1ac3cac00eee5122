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
        ? E164
        : fail("invalid_phone", "That doesn't look like a phone number from the country you chose. Check the number and the country."),
    solve_captcha: () => "captcha-token-1",
    send_phone_code: () => null,
    verify_phone_code: (args) => (args.code === "123456" ? null : fail("wrong_code", "That code isn't right. Check the message and type it again.")),
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
    expect(screen.getByTestId("code-sent").textContent).toContain(E164);
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
    const error = await screen.findByText(/doesn't look like a phone number/);
    expect(error.getAttribute("data-testid")).toBe("phone-error");
    expect(callsTo(calls, "solve_captcha")).toHaveLength(0);
  });

  it("says what to do when the captcha window is closed", async () => {
    const { calls } = setup({
      solve_captcha: () => fail("captcha_not_completed", "The check wasn't finished. Press Send code to open it again."),
    });
    await userEvent.type(screen.getByTestId("phone-input"), "4155550123{Enter}");
    const error = await screen.findByTestId("send-error");
    expect(error.textContent).toMatch(/Press Send code to open it again/);
    expect(callsTo(calls, "send_phone_code")).toHaveLength(0);
  });

  it("shows a wrong code inline and lets the seller try again", async () => {
    const { flow } = setup();
    await sendCode();
    await userEvent.type(screen.getByTestId("code-input"), "000000{Enter}");
    expect((await screen.findByTestId("code-error")).textContent).toMatch(/code isn't right/);
    expect(flow.screen).toBe("phone");
  });

  it("after too many tries, asks for the captcha again and sends its token with the code", async () => {
    let tries = 0;
    const { calls, flow } = setup({
      verify_phone_code: (args) => {
        tries += 1;
        if (tries === 1) fail("too_many_attempts", "Too many wrong codes. Complete the check again, then type the code.");
        return args.captchaToken ? null : fail("captcha_required", "Complete the check first.");
      },
    });
    await sendCode();
    await userEvent.type(screen.getByTestId("code-input"), "111111{Enter}");
    expect((await screen.findByTestId("code-error")).textContent).toMatch(/Too many wrong codes/);
    expect(screen.getByTestId("captcha-again")).toBeTruthy();
    await userEvent.click(screen.getByTestId("verify-code"));
    await waitFor(() => expect(flow.screen).toBe("payout"));
    expect(callsTo(calls, "solve_captcha")).toHaveLength(2);
    expect(callsTo(calls, "verify_phone_code")[1]?.args.captchaToken).toBe("captcha-token-1");
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
});
