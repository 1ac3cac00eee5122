// Settings → Your wallet: a watch-only key checked and shown before it is kept, then the next
// address, the gap limit and removal; each on its own buttons, apart from Settings' Save.
import { describe, expect, it } from "vitest";
import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { Flow } from "../lib/flow.svelte";
import { setLanguagePreference } from "../lib/i18n.svelte";
import type { WalletPreview, WalletView } from "../lib/bindings";
import { callsTo, fail, mockCommands, type Handler } from "../test/ipc";
import Settings from "./Settings.svelte";

const ZPUB = "zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSdVCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs";
const ADDRESSES = [
  { index: 0, address: "bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu" },
  { index: 1, address: "bc1qnjg0jd8228aq7egyzacy8cys3knf9xvrerkf9g" },
  { index: 2, address: "bc1qp59yckz4ae5c4efgw2s5wfyvrz0ala7rgvuz8z" },
];

function walletView(overrides: Partial<WalletView> = {}): WalletView {
  return {
    kind: "p2wpkh",
    origin: "wpkh([73c5da0a/84'/0'/0'])",
    gapLimit: 20,
    firstAddresses: ADDRESSES,
    next: { index: 4, address: "bc1qm97vqzgj934vnaq9s53ynkyf9dgr05rargr04n" },
    inFlight: 0,
    unusedBeforeNext: 0,
    gap: "clear",
    keyMissing: false,
    ...overrides,
  };
}

const checkWallet: Handler = (args) => {
  const input = String(args.input);
  if (input.startsWith("xprv")) fail("wallet_private_key", { reason: { id: "reason-wallet-private-key", args: {} } });
  if (input === ZPUB) return { kind: "p2wpkh", addresses: ADDRESSES } satisfies WalletPreview;
  fail("invalid_wallet", { reason: { id: "reason-wallet-unrecognized", args: {} } });
};

function setup(overrides: Record<string, Handler> = {}, flow = new Flow()) {
  const calls = mockCommands({
    get_settings: () => ({ baseUrl: "https://api.cardcoins.co", sandbox: false, proxy: null, notifications: true }),
    save_settings: () => null,
    app_info: () => ({ version: "0.1.0", sandbox: false, baseUrl: "https://api.cardcoins.co", idStorage: "keyring", idStorageNote: "", vaultDamage: null }),
    get_wallet: () => null,
    check_wallet: checkWallet,
    set_wallet: (args) => (checkWallet(args), walletView({ next: ADDRESSES[0] ?? null })),
    ...overrides,
  });
  if (flow.screen !== "settings") flow.openAside("settings");
  render(Settings, { props: { flow } });
  return { calls, flow };
}

const input = () => screen.getByTestId("wallet-input") as HTMLTextAreaElement;

describe("Your wallet, none set", () => {
  it("explains, checks a key, shows its type and first addresses, and keeps it only on 'Use this wallet'", async () => {
    const { calls } = setup();
    expect((await screen.findByTestId("wallet-lead")).textContent).toMatch(/new address from your own wallet/);
    expect(screen.getByTestId("wallet-never-private").textContent).toMatch(/seed words/);
    const box = input();
    expect([box.getAttribute("spellcheck"), box.getAttribute("autocomplete"), box.getAttribute("autocapitalize")]).toEqual(["false", "off", "off"]);
    expect(screen.getByLabelText("Extended public key or descriptor")).toBe(box);

    await userEvent.click(box);
    await userEvent.paste(ZPUB);
    await userEvent.click(screen.getByTestId("wallet-check"));
    expect((await screen.findByTestId("wallet-preview-kind")).textContent).toBe("Native SegWit addresses (bc1q…)");
    for (const { index, address } of ADDRESSES) {
      const row = screen.getByTestId(`wallet-preview-address-${index}`);
      expect(row.textContent).toContain(`#${index}`);
      expect(row.textContent).toContain(address);
    }
    expect(screen.getByTestId("wallet-preview").textContent).toMatch(/receive addresses #0, #1 and #2\. If they match, use this wallet\./);
    expect(document.activeElement).toBe(screen.getByTestId("wallet-preview"));
    expect(callsTo(calls, "set_wallet")).toHaveLength(0);

    await userEvent.click(screen.getByTestId("wallet-save"));
    expect((await screen.findByTestId("wallet-next-number")).textContent).toBe("#0");
    expect(callsTo(calls, "set_wallet")[0]?.args).toEqual({ input: ZPUB });
    expect(screen.getByTestId("wallet-done").textContent).toMatch(/Wallet saved/);
    // Nothing of the key stays on screen once it is kept.
    expect(screen.queryByTestId("wallet-input")).toBeNull();
    expect(document.body.textContent).not.toContain(ZPUB);
    // Settings' own Save was never involved.
    expect(callsTo(calls, "save_settings")).toHaveLength(0);
  });

  it("asks for a key before checking an empty box", async () => {
    const { calls } = setup();
    await userEvent.click(await screen.findByTestId("wallet-check"));
    expect(screen.getByTestId("wallet-input-error").textContent).toMatch(/Paste your wallet's extended public key/);
    expect(callsTo(calls, "check_wallet")).toHaveLength(0);
  });

  it("clears a private key from the screen at once, and keeps anything else for fixing", async () => {
    setup();
    await userEvent.click(await screen.findByTestId("wallet-input"));
    await userEvent.paste("zpub-mistyped");
    await userEvent.click(screen.getByTestId("wallet-check"));
    expect((await screen.findByTestId("wallet-error")).getAttribute("data-code")).toBe("invalid_wallet");
    expect(input().value).toBe("zpub-mistyped");

    await userEvent.clear(input());
    await userEvent.paste("xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi");
    await userEvent.click(screen.getByTestId("wallet-check"));
    await waitFor(() => expect(screen.getByTestId("wallet-error").getAttribute("data-code")).toBe("wallet_private_key"));
    expect(input().value).toBe("");
    expect(screen.getByTestId("wallet-error").textContent).toMatch(/Never paste it/);
    expect(screen.getByTestId("wallet-error").textContent).toMatch(/^Not kept: that was private/);
  });

  it("goes back to the box on Cancel, and a changed key must be checked again", async () => {
    const { calls } = setup();
    await userEvent.click(await screen.findByTestId("wallet-input"));
    await userEvent.paste(ZPUB);
    await userEvent.click(screen.getByTestId("wallet-check"));
    await userEvent.click(await screen.findByTestId("wallet-cancel"));
    expect(screen.queryByTestId("wallet-preview")).toBeNull();
    expect(document.activeElement).toBe(input());
    await userEvent.click(screen.getByTestId("wallet-check"));
    await screen.findByTestId("wallet-preview");
    await userEvent.type(input(), "x");
    expect(screen.queryByTestId("wallet-preview")).toBeNull();
    expect(callsTo(calls, "set_wallet")).toHaveLength(0);
  });

  it("lands on this section when opened from the payout step", async () => {
    const flow = new Flow();
    flow.screen = "payout";
    flow.openAside("settings", "wallet");
    setup({}, flow);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("heading", { name: "Your wallet" })));
    expect(flow.asideSection).toBeNull();
  });
});

describe("Your wallet, set", () => {
  it("shows the type, the next address with its number, and the first addresses to compare", async () => {
    setup({ get_wallet: () => walletView() });
    expect((await screen.findByTestId("wallet-kind")).textContent).toBe("Native SegWit addresses (bc1q…)");
    expect(screen.getByTestId("wallet-next").textContent).toMatch(/The next order gets address #4:\s*bc1qm97vqzgj934vnaq9s53ynkyf9dgr05rargr04n/);
    expect(screen.getByTestId("wallet-next-number").textContent).toBe("#4");
    expect(screen.getByTestId("wallet-address-2").textContent).toContain(ADDRESSES[2]?.address);
    expect(screen.queryByTestId("wallet-in-flight")).toBeNull();
    expect(screen.queryByTestId("wallet-gap-warning")).toBeNull();
    expect(screen.queryByTestId("wallet-input")).toBeNull();
  });

  it("counts the open orders holding an address", async () => {
    setup({ get_wallet: () => walletView({ inFlight: 1 }) });
    expect((await screen.findByTestId("wallet-in-flight")).textContent).toMatch(/^One open order is holding an address/);
  });

  it("warns near and past the gap limit, and says what to do", async () => {
    setup({ get_wallet: () => walletView({ inFlight: 17, unusedBeforeNext: 17, gap: "close" }) });
    expect((await screen.findByTestId("wallet-in-flight")).textContent).toMatch(/^17 open orders are holding an address/);
    const warning = screen.getByTestId("wallet-gap-warning");
    expect(warning.getAttribute("data-level")).toBe("close");
    expect(warning.textContent).toMatch(/seed words/);
    expect(warning.textContent).toMatch(/stops after 20 unused ones in a row/);
    expect(warning.textContent).toMatch(/paste an address for the next sale/);
    expect(warning.textContent).toMatch(/raise the gap limit in your wallet/);
  });

  it("saves the gap limit on its own button, refusing what Rust would refuse", async () => {
    const { calls } = setup({ get_wallet: () => walletView(), set_wallet_gap_limit: (args) => walletView({ gapLimit: Number(args.gapLimit) }) });
    const field = (await screen.findByTestId("wallet-gap-limit")) as HTMLInputElement;
    expect(field.value).toBe("20");
    expect(screen.getByLabelText("Gap limit")).toBe(field);
    await userEvent.clear(field);
    await userEvent.type(field, "0");
    await userEvent.click(screen.getByTestId("wallet-gap-limit-save"));
    expect(screen.getByTestId("wallet-gap-limit-error").textContent).toMatch(/from 1 to 1000/);
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(callsTo(calls, "set_wallet_gap_limit")).toHaveLength(0);
    await userEvent.clear(field);
    await userEvent.type(field, "50{Enter}");
    await waitFor(() => expect(screen.getByTestId("wallet-gap-limit-saved").textContent).toMatch(/saved/));
    expect(callsTo(calls, "set_wallet_gap_limit")[0]?.args).toEqual({ gapLimit: 50 });
    expect(callsTo(calls, "save_settings")).toHaveLength(0);
  });

  it("removes the wallet only after a confirmation", async () => {
    const { calls } = setup({ get_wallet: () => walletView(), forget_wallet: () => null });
    await userEvent.click(await screen.findByTestId("wallet-remove"));
    expect(screen.getByTestId("wallet-remove-question").textContent).toMatch(/Orders that already have an address keep it/);
    await userEvent.click(screen.getByTestId("wallet-remove-cancel"));
    expect(callsTo(calls, "forget_wallet")).toHaveLength(0);
    await userEvent.click(screen.getByTestId("wallet-remove"));
    await userEvent.click(screen.getByTestId("wallet-remove-confirm"));
    await waitFor(() => expect(screen.getByTestId("wallet-done").textContent).toMatch(/Wallet removed/));
    expect(callsTo(calls, "forget_wallet")).toHaveLength(1);
    expect(input().value).toBe("");
    expect(screen.queryByTestId("wallet-next")).toBeNull();
  });

  it("asks for the key again when it was kept for the last session only", async () => {
    setup({ get_wallet: () => walletView({ keyMissing: true, firstAddresses: [], next: null }) });
    expect((await screen.findByTestId("wallet-key-missing")).textContent).toMatch(/no system keyring/);
    expect(screen.getByTestId("wallet-kind").textContent).toBe("Native SegWit addresses (bc1q…)");
    expect(screen.getByTestId("wallet-input")).toBeTruthy();
    expect(screen.getByTestId("wallet-remove")).toBeTruthy();
    expect(screen.queryByTestId("wallet-next")).toBeNull();
  });
});

describe("Your wallet in Spanish", () => {
  it("words the section from the catalog, numbers kept apart", async () => {
    setLanguagePreference("es-US");
    setup({ get_wallet: () => walletView({ inFlight: 2, gap: "beyond" }) });
    expect(screen.getByRole("heading", { name: "Tu billetera" })).toBeTruthy();
    expect((await screen.findByTestId("wallet-next")).textContent).toMatch(/^La próxima orden recibe la dirección #4:/);
    expect(screen.getByTestId("wallet-in-flight").textContent).toMatch(/^2 órdenes abiertas/);
    expect(screen.getByTestId("wallet-gap-warning").textContent).toMatch(/palabras semilla/);
  });
});
