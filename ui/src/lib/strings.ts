// Every user-visible string lives here, so a translation is one file.
export const strings = {
  productName: "CardCoins",
  sandboxBanner: "SANDBOX: practice mode. No real card, no real bitcoin.",
  welcome: {
    title: "Sell a gift card for bitcoin",
    lead: "Turn a Visa or Mastercard gift card into bitcoin in a few guided steps. You'll need the card, your phone, and a bitcoin wallet.",
    steps: [
      "Enter the card's value and see your quote",
      "Confirm your phone number with a code",
      "Tell us where to send the bitcoin",
      "Add photos of the card",
      "Follow the order until the bitcoin arrives",
    ],
    start: "Start",
    safety: "Your order is saved as you go. You can close the app and pick up where you left off.",
  },
} as const;
