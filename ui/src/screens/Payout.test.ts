import { describe, expect, it } from "vitest";
import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { Flow } from "../lib/flow.svelte";
import { setLanguagePreference } from "../lib/i18n.svelte";
import type { DestinationView } from "../lib/bindings";
import { HANDLE, callsTo, fail, mockCommands, orderView, type Handler } from "../test/ipc";
import Payout from "./Payout.svelte";

const ADDRESS = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";

const checkDestination: Handler = (args) => {
  const input = String(args.input);
  if (input.startsWith("tb1")) fail("testnet_address", { reason: { id: "reason-address-test-network", args: { network: { text: "testnet" } } } });
  if (input.startsWith("lnbc10u")) fail("invoice_has_amount", { reason: { id: "reason-invoice-has-amount", args: { amount: { millisats: 1_000_000 } } } });
  if (input === ADDRESS || input === `bitcoin:${ADDRESS}`) {
    return { kind: "p2wpkh", kindLabel: "Bitcoin address (SegWit)", apiValue: ADDRESS, isLightning: false, notes: [] } satisfies DestinationView;
  }
  fail("invalid_destination", { reason: { id: "reason-destination-unrecognised", args: {} } });
};

function setup(overrides: Record<string, Handler> = {}, nameRequired = false) {
  const calls = mockCommands({
    get_order: () => orderView({ status: "created", step: "payout", destination: null, nameRequired }),
    check_destination: checkDestination,
    submit_payment: () => null,
    solve_captcha: () => "captcha-token-1",
    ...overrides,
  });
  const flow = new Flow();
  flow.screen = "payout";
  flow.handle = HANDLE;
  render(Payout, { props: { flow } });
  return { calls, flow };
}

describe("Payout step", () => {
  it("checks the destination as it is typed and submits it", async () => {
    const { calls, flow } = setup();
    await userEvent.type(screen.getByTestId("destination-input"), `bitcoin:${ADDRESS}`);
    expect((await screen.findByTestId("destination-kind")).textContent).toMatch(/Bitcoin address/);
    expect(screen.getByTestId("rbf-note").textContent).toMatch(/RBF/);
    expect(screen.queryByTestId("name-fields")).toBeNull();
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(flow.screen).toBe("photos"));
    expect(callsTo(calls, "submit_payment")[0]?.args).toEqual({
      handle: HANDLE,
      destination: `bitcoin:${ADDRESS}`,
      firstName: null,
      lastName: null,
      captchaToken: null,
    });
  });

  it("says what was left out of a pasted link, in the seller's language", async () => {
    const link = `bitcoin:${ADDRESS}?amount=0.001&req-x=1`;
    setup({
      check_destination: (args) =>
        args.input === link
          ? ({
              kind: "p2wpkh",
              kindLabel: "Bitcoin address (SegWit)",
              apiValue: ADDRESS,
              isLightning: false,
              notes: [
                { code: "amount_ignored", values: { amount: "0.001" }, text: "Rust's English, which the screen does not show" },
                { code: "other_ignored", values: { keys: "req-x" }, text: "Rust's English, which the screen does not show" },
              ],
            } satisfies DestinationView)
          : checkDestination(args),
    });
    await userEvent.type(screen.getByTestId("destination-input"), link);
    const notes = () => screen.getAllByTestId("destination-note").map((note) => note.textContent);
    await waitFor(() =>
      expect(notes()).toEqual([
        "the amount in the link (0.001 BTC) was ignored: CardCoins pays out the card's value",
        "other details in the link were ignored (req-x)",
      ]),
    );
    setLanguagePreference("es-US");
    await waitFor(() =>
      expect(notes()).toEqual([
        "no se tomó en cuenta el monto del enlace (0.001 BTC): CardCoins paga el valor de la tarjeta",
        "no se tomaron en cuenta otros datos del enlace (req-x)",
      ]),
    );
  });

  it("explains each refusal and does not submit", async () => {
    const { calls, flow } = setup();
    const input = screen.getByTestId("destination-input");
    await userEvent.type(input, "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx");
    await waitFor(() => expect(screen.getByTestId("destination-error").textContent).toMatch(/this is a testnet \(or signet\) address; CardCoins pays out on bitcoin mainnet/));
    await userEvent.clear(input);
    await userEvent.type(input, "lnbc10u1pexample");
    await waitFor(() => expect(screen.getByTestId("destination-error").textContent).toMatch(/^This invoice asks for 1,000 sats; create an invoice with no amount/));
    expect(input.getAttribute("aria-invalid")).toBe("true");
    await userEvent.click(screen.getByTestId("continue"));
    expect(callsTo(calls, "submit_payment")).toHaveLength(0);
    expect(flow.screen).toBe("payout");
  });

  it("asks for first and last name when the order needs them", async () => {
    const { calls, flow } = setup({}, true);
    await screen.findByTestId("name-fields");
    await userEvent.type(screen.getByTestId("destination-input"), ADDRESS);
    await userEvent.click(screen.getByTestId("continue"));
    expect((await screen.findByTestId("name-error")).textContent).toMatch(/first and last name/);
    expect(callsTo(calls, "submit_payment")).toHaveLength(0);
    await userEvent.type(screen.getByTestId("first-name"), "Ada");
    await userEvent.type(screen.getByTestId("last-name"), "Lovelace{Enter}");
    await waitFor(() => expect(flow.screen).toBe("photos"));
    expect(callsTo(calls, "submit_payment")[0]?.args).toMatchObject({ firstName: "Ada", lastName: "Lovelace" });
  });

  it("after a refused payment offers the name fields and a captcha, whatever CardCoins' words", async () => {
    let tries = 0;
    const { calls, flow } = setup({
      submit_payment: (args) => {
        tries += 1;
        if (tries === 1) {
          return fail("payment_refused", {
            serverMessage: "Bad Request -- The request submitted is malformed or otherwise invalid.",
          });
        }
        return args.firstName === "Ada" && args.captchaToken ? null : fail("payment_refused");
      },
    });
    expect(screen.queryByTestId("name-fields")).toBeNull();
    await userEvent.type(screen.getByTestId("destination-input"), `${ADDRESS}{Enter}`);
    await screen.findByTestId("name-fields");
    expect(screen.getByTestId("payout-submit-error").textContent).toMatch(/CardCoins said: .Bad Request/);
    // The names are offered, not demanded: one name alone is refused here, none is allowed.
    await userEvent.type(screen.getByTestId("first-name"), "Ada");
    await userEvent.click(screen.getByTestId("continue"));
    expect((await screen.findByTestId("name-error")).textContent).toMatch(/first and last name/);
    await userEvent.type(screen.getByTestId("last-name"), "Lovelace");
    await userEvent.click(screen.getByTestId("payment-with-captcha"));
    await userEvent.click(screen.getByTestId("continue"));
    await waitFor(() => expect(flow.screen).toBe("photos"));
    const sent = callsTo(calls, "submit_payment")[1]?.args;
    expect(sent).toMatchObject({ firstName: "Ada", lastName: "Lovelace" });
    expect(typeof sent?.captchaToken).toBe("string");
    expect(callsTo(calls, "solve_captcha")).toHaveLength(1);
  });

  it("shows a server error from the payment where it happened", async () => {
    const { flow } = setup({ submit_payment: () => fail("maintenance", { kind: "transient" }) });
    await userEvent.type(screen.getByTestId("destination-input"), `${ADDRESS}{Enter}`);
    const error = await screen.findByTestId("payout-submit-error");
    expect(error.textContent).toMatch(/offline for maintenance/);
    expect(screen.getByTestId("payout-submit-error-retry")).toBeTruthy();
    expect(flow.screen).toBe("payout");
  });
});

describe("Payout step, back from a later step", () => {
  it("shows the destination already sent and goes on without sending it again", async () => {
    const calls = mockCommands({
      get_order: () => orderView({ step: "photos" }),
      check_destination: checkDestination,
      submit_payment: () => null,
    });
    const flow = new Flow();
    flow.handle = HANDLE;
    flow.reached = "photos";
    flow.screen = "payout";
    render(Payout, { props: { flow } });
    await waitFor(() => expect((screen.getByTestId("destination-input") as HTMLInputElement).value).toBe(ADDRESS));
    await screen.findByTestId("destination-kind");
    await userEvent.click(screen.getByTestId("continue"));
    await waitFor(() => expect(flow.screen).toBe("photos"));
    expect(callsTo(calls, "submit_payment")).toHaveLength(0);
  });
});

describe("in Spanish", () => {
  it("names the destination from its code and a refusal from its reason, not the backend's English", async () => {
    setLanguagePreference("es-US");
    setup();
    const input = screen.getByTestId("destination-input");
    await userEvent.type(input, "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx");
    const testnet = /^Esta dirección es para una red de prueba, no para bitcoin real\..*\(esta es una dirección de testnet \(o signet\);/;
    await waitFor(() => expect(screen.getByTestId("destination-error").textContent).toMatch(testnet));
    await userEvent.clear(input);
    await userEvent.type(input, ADDRESS);
    expect((await screen.findByTestId("destination-kind")).textContent).toBe("Se ve bien: dirección de bitcoin (SegWit)");
  });
});
