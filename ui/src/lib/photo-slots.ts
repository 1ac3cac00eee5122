// What each requested photo shows. CardCoins' own description is shown as it wrote it; without
// one the app names the slot in the seller's language (Rust's English default for the same is
// `ImageSlot::description()`, sent as `description`).
import type { ImageSlot, RequiredImageView } from "./bindings";
import { t } from "./i18n.svelte";

const slots = {
  Image1: "photos-slot-image1",
  Image2: "photos-slot-image2",
  GovidImageFront: "photos-slot-govid-front",
  GovidImageBack: "photos-slot-govid-back",
  GovidImageSelfPortrait: "photos-slot-govid-selfie",
} as const satisfies Record<ImageSlot, string>;

/** "Front of the card", or CardCoins' words for it. */
export function photoDescription(image: Pick<RequiredImageView, "slot" | "serverDescription">): string {
  return image.serverDescription ?? t(slots[image.slot]);
}
