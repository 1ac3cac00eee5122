import { describe, expect, it } from "vitest";
import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { Flow } from "../lib/flow.svelte";
import { HANDLE, callsTo, fail, mockCommands, orderView, type Handler } from "../test/ipc";
import Review from "./Review.svelte";

function setup(overrides: Record<string, Handler> = {}) {
  const calls = mockCommands({
    get_order: () =>
      orderView({
        step: "review",
        requiredImages: [
          { slot: "Image1", description: "Front of the card", serverDescription: null, uploaded: true, feedback: [] },
          { slot: "Image2", description: "Back of the card", serverDescription: null, uploaded: true, feedback: [] },
        ],
      }),
    submit_for_verification: () => null,
    ...overrides,
  });
  const flow = new Flow();
  flow.screen = "review";
  flow.handle = HANDLE;
  render(Review, { props: { flow } });
  return { calls, flow };
}

describe("Review step", () => {
  it("shows what will be sent and submits for verification", async () => {
    const { calls, flow } = setup();
    const facts = await screen.findByTestId("review-facts");
    expect(facts.textContent).toContain("$55.00");
    expect(facts.textContent).toContain("83,523 sats");
    expect(facts.textContent).toContain("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq");
    expect(facts.textContent).toContain("2 of 2 uploaded");
    expect(screen.getByTestId("review-receive").textContent).toMatch(/\$55\.00\s+in bitcoin \(83,523 sats\)/);
    expect(screen.getByTestId("review-phone").textContent).toMatch(/ending in 0000/);
    await userEvent.click(screen.getByTestId("submit-verification"));
    await waitFor(() => expect(flow.screen).toBe("status"));
    expect(callsTo(calls, "submit_for_verification")[0]?.args).toEqual({ handle: HANDLE });
  });

  it("shows a refusal where it happened and stays on the step", async () => {
    const { flow } = setup({
      submit_for_verification: () => fail("photos_refused", { reason: { id: "reason-api-verify-refused", args: {} } }),
    });
    await screen.findByTestId("review-facts");
    await userEvent.click(screen.getByTestId("submit-verification"));
    expect((await screen.findByTestId("submit-error")).textContent).toMatch(/did not start the review. Check that every photo it asks for is uploaded/);
    expect(flow.screen).toBe("review");
  });

  it("goes back to the photos with the Back button", async () => {
    const { flow } = setup();
    await screen.findByTestId("review-facts");
    await userEvent.click(screen.getByTestId("back"));
    expect(flow.screen).toBe("photos");
  });
});

describe("Review step, where the money is", () => {
  it("never leaves the destination blank: it says what to do", async () => {
    setup({ get_order: () => orderView({ step: "review", destination: null, payoutDestination: null }) });
    const destination = await screen.findByTestId("review-destination");
    expect(destination.textContent).toMatch(/go back to the payout step/i);
  });

  it("warns when CardCoins shows another address than the one given", async () => {
    setup({ get_order: () => orderView({ step: "review", serverDestinationDiffers: "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4" }) });
    expect((await screen.findByTestId("destination-differs")).textContent).toMatch(/may go to the wrong place/);
  });
});

describe("Review step, an address from the seller's wallet", () => {
  it("names its number in the wallet beside it", async () => {
    mockCommands({ get_order: () => orderView({ step: "review", walletAddressNumber: 7 }) });
    const flow = new Flow();
    flow.screen = "review";
    flow.handle = HANDLE;
    render(Review, { props: { flow } });
    expect((await screen.findByTestId("review-wallet-address")).textContent).toBe("Address #7 from your wallet");
    expect(screen.getByTestId("review-destination").textContent).toContain("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq");
  });

  it("says nothing of a wallet for a pasted address", async () => {
    setup();
    await screen.findByTestId("review-facts");
    expect(screen.queryByTestId("review-wallet-address")).toBeNull();
  });
});
