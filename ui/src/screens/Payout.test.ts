import { describe, expect, it } from "vitest";
import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { Flow } from "../lib/flow.svelte";
import { setLanguagePreference } from "../lib/i18n.svelte";
import type { DestinationView, FreshAddress, WalletView } from "../lib/bindings";
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
    get_wallet: () => null,
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

const FRESH = "bc1qm97vqzgj934vnaq9s53ynkyf9dgr05rargr04n";

function wallet(overrides: Partial<WalletView> = {}): WalletView {
  return {
    kind: "p2wpkh",
    origin: "wpkh([73c5da0a/84'/0'/0'])",
    gapLimit: 20,
    firstAddresses: [],
    next: { index: 4, address: FRESH },
    inFlight: 0,
    unusedBeforeNext: 0,
    gap: "clear",
    keyMissing: false,
    ...overrides,
  };
}

function freshAddress(overrides: Partial<FreshAddress> = {}): FreshAddress {
  return { index: 4, address: FRESH, heldByThisOrder: false, gap: "clear", ...overrides };
}

function withWallet(overrides: Record<string, Handler> = {}, nameRequired = false) {
  return setup({ get_wallet: () => wallet(), fresh_address: () => freshAddress(), submit_payment_from_wallet: () => null, ...overrides }, nameRequired);
}

describe("Payout step with the seller's wallet", () => {
  it("starts on a fresh address from the wallet, with its number, and sends the step with it", async () => {
    const { calls, flow } = withWallet();
    const walletChoice = (await screen.findByTestId("payout-choice-wallet")) as HTMLInputElement;
    expect(walletChoice.checked).toBe(true);
    expect(screen.getByRole("group", { name: "Payout address" })).toBeTruthy();
    expect((await screen.findByTestId("payout-fresh-number")).textContent).toBe("#4");
    expect(screen.getByTestId("payout-fresh").textContent).toMatch(/Address #4 from your wallet/);
    expect(screen.getByTestId("payout-fresh-address").textContent).toBe(FRESH);
    expect(screen.getByTestId("payout-fresh-help").textContent).toMatch(/No other sale gets this address/);
    expect(screen.queryByTestId("destination-input")).toBeNull();
    expect(screen.getByTestId("rbf-note")).toBeTruthy();
    expect(callsTo(calls, "fresh_address")[0]?.args).toEqual({ handle: HANDLE });
    await userEvent.click(screen.getByTestId("continue"));
    await waitFor(() => expect(flow.screen).toBe("photos"));
    expect(callsTo(calls, "submit_payment_from_wallet")[0]?.args).toEqual({ handle: HANDLE, firstName: null, lastName: null, captchaToken: null });
    expect(callsTo(calls, "submit_payment")).toHaveLength(0);
  });

  it("can be switched to pasting, and then sends the pasted address", async () => {
    const { calls, flow } = withWallet();
    const walletChoice = (await screen.findByTestId("payout-choice-wallet")) as HTMLInputElement;
    const pasteChoice = screen.getByTestId("payout-choice-paste") as HTMLInputElement;
    // Native radio buttons of one name: the arrow keys move between them (jsdom cannot press them).
    expect([walletChoice.type, pasteChoice.type, pasteChoice.name]).toEqual(["radio", "radio", walletChoice.name]);
    await screen.findByTestId("payout-fresh-address");
    await userEvent.click(pasteChoice);
    expect(pasteChoice.checked).toBe(true);
    await userEvent.type(await screen.findByTestId("destination-input"), `${ADDRESS}{Enter}`);
    await waitFor(() => expect(flow.screen).toBe("photos"));
    expect(callsTo(calls, "submit_payment")[0]?.args).toMatchObject({ destination: ADDRESS });
    expect(callsTo(calls, "submit_payment_from_wallet")).toHaveLength(0);
  });

  it("asks for the names CardCoins needs, and sends them with the wallet's address", async () => {
    const { calls, flow } = withWallet({}, true);
    await screen.findByTestId("payout-fresh-address");
    await userEvent.click(screen.getByTestId("continue"));
    expect((await screen.findByTestId("name-error")).textContent).toMatch(/first and last name/);
    expect(callsTo(calls, "submit_payment_from_wallet")).toHaveLength(0);
    await userEvent.type(screen.getByTestId("first-name"), "Ada");
    await userEvent.type(screen.getByTestId("last-name"), "Lovelace{Enter}");
    await waitFor(() => expect(flow.screen).toBe("photos"));
    expect(callsTo(calls, "submit_payment_from_wallet")[0]?.args).toEqual({ handle: HANDLE, firstName: "Ada", lastName: "Lovelace", captchaToken: null });
  });

  it("after a refusal offers the names and a captcha, and sends them with the wallet's address", async () => {
    let tries = 0;
    const { calls, flow } = withWallet({
      submit_payment_from_wallet: (args) => {
        tries += 1;
        if (tries === 1) return fail("payment_refused", { serverMessage: "Payment details refused." });
        return args.captchaToken ? null : fail("payment_refused", { serverMessage: "Still not." });
      },
    });
    await screen.findByTestId("payout-fresh-address");
    await userEvent.click(screen.getByTestId("continue"));
    await screen.findByTestId("name-fields");
    await userEvent.click(screen.getByTestId("payment-with-captcha"));
    await userEvent.click(screen.getByTestId("continue"));
    await waitFor(() => expect(flow.screen).toBe("photos"));
    expect(callsTo(calls, "submit_payment_from_wallet")[1]?.args).toMatchObject({ captchaToken: "captcha-token-1" });
    expect(callsTo(calls, "solve_captcha")).toHaveLength(1);
  });

  it("says when the address is the one this order already has", async () => {
    withWallet({ fresh_address: () => freshAddress({ heldByThisOrder: true }) });
    expect((await screen.findByTestId("payout-fresh-help")).textContent).toMatch(/This order already has this address/);
  });

  it("warns briefly near the gap limit", async () => {
    withWallet({ fresh_address: () => freshAddress({ gap: "beyond" }) });
    const warning = await screen.findByTestId("payout-gap-warning");
    expect(warning.getAttribute("data-level")).toBe("beyond");
    expect(warning.textContent).toMatch(/restored wallet may miss/);
    expect(warning.textContent).toMatch(/paste an address instead/);
  });

  it("shows why no fresh address came, and the paste choice still works", async () => {
    const { flow } = withWallet({ fresh_address: () => fail("invalid_wallet", { reason: { id: "reason-wallet-used-up", args: {} } }) });
    expect((await screen.findByTestId("payout-fresh-error")).textContent).toMatch(/all been used/);
    expect((screen.getByTestId("continue") as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(screen.getByTestId("payout-choice-paste"));
    await userEvent.type(screen.getByTestId("destination-input"), `${ADDRESS}{Enter}`);
    await waitFor(() => expect(flow.screen).toBe("photos"));
  });

  it("keeps a pasted destination when the order was sent with one", async () => {
    const calls = mockCommands({
      get_order: () => orderView({ step: "photos" }),
      check_destination: checkDestination,
      get_wallet: () => wallet(),
      fresh_address: () => freshAddress(),
    });
    const flow = new Flow();
    flow.handle = HANDLE;
    flow.reached = "photos";
    flow.screen = "payout";
    render(Payout, { props: { flow } });
    await waitFor(() => expect((screen.getByTestId("payout-choice-paste") as HTMLInputElement).checked).toBe(true));
    expect((screen.getByTestId("destination-input") as HTMLInputElement).value).toBe(ADDRESS);
    expect(callsTo(calls, "fresh_address")).toHaveLength(0);
  });

  it("back from a later step, goes on without sending the wallet's address again", async () => {
    const calls = mockCommands({
      get_order: () => orderView({ step: "photos", destination: FRESH, walletAddressNumber: 4 }),
      check_destination: checkDestination,
      get_wallet: () => wallet(),
      fresh_address: () => freshAddress({ heldByThisOrder: true }),
      submit_payment_from_wallet: () => null,
    });
    const flow = new Flow();
    flow.handle = HANDLE;
    flow.reached = "photos";
    flow.screen = "payout";
    render(Payout, { props: { flow } });
    await screen.findByTestId("payout-fresh-address");
    await userEvent.click(screen.getByTestId("continue"));
    await waitFor(() => expect(flow.screen).toBe("photos"));
    expect(callsTo(calls, "submit_payment_from_wallet")).toHaveLength(0);
  });

  it("turns to the paste field when the wallet's key went away meanwhile", async () => {
    withWallet({ submit_payment_from_wallet: () => fail("wallet_not_set", {}) });
    await screen.findByTestId("payout-fresh-address");
    await userEvent.click(screen.getByTestId("continue"));
    expect((await screen.findByTestId("payout-submit-error")).getAttribute("data-code")).toBe("wallet_not_set");
    expect((screen.getByTestId("payout-choice-paste") as HTMLInputElement).checked).toBe(true);
    expect(screen.getByTestId("destination-input")).toBeTruthy();
  });
});

describe("Payout step without a wallet", () => {
  it("is the paste field alone, with one line to Settings → Your wallet", async () => {
    const { flow } = setup();
    const offer = await screen.findByTestId("payout-wallet-settings");
    expect(offer.textContent).toMatch(/add your wallet in Settings/);
    expect(screen.queryByTestId("payout-choice")).toBeNull();
    await userEvent.click(offer);
    expect(flow.screen).toBe("settings");
    expect(flow.asideSection).toBe("wallet");
  });

  it("offers no choice when the wallet's key is gone, and says where to paste it again", async () => {
    setup({ get_wallet: () => wallet({ keyMissing: true, next: null }) });
    expect((await screen.findByTestId("payout-wallet-settings")).textContent).toMatch(/pasted again/);
    expect(screen.queryByTestId("payout-choice")).toBeNull();
  });

  it("is the paste field when the wallet cannot be read", async () => {
    setup({ get_wallet: () => fail("io", {}) });
    await userEvent.type(screen.getByTestId("destination-input"), ADDRESS);
    await screen.findByTestId("destination-kind");
    expect(screen.queryByTestId("payout-choice")).toBeNull();
    expect(screen.queryByTestId("error")).toBeNull();
  });
});

describe("Payout step with a wallet, in Spanish", () => {
  it("words the choice and the address from the catalog", async () => {
    setLanguagePreference("es-US");
    withWallet();
    await screen.findByTestId("payout-fresh-address");
    expect(screen.getByTestId("payout-fresh").textContent).toMatch(/Dirección #4 de tu billetera/);
    expect(screen.getByRole("radio", { name: "Usar una dirección nueva de tu billetera" })).toBeTruthy();
  });
});
