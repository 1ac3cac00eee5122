// What was done to a prepared photo, in one line of the seller's language, from the facts Rust
// sends beside its English `summary` (built the same way: `PreparedPhoto::summary` in
// crates/photos): "JPEG 4000 x 3000, 4.8 MB, converted from PNG, re-encoded at quality 88, …".
import type { PreparedPhotoView } from "./bindings";
import { formatBytes, formatDigits, formatList } from "./format";
import { t } from "./i18n.svelte";
import { photoWarningShort } from "./photo-warnings";

/** The EXIF orientations that needed a turn (1 needs none), as the photo was turned upright. */
const turns: Record<number, string> = {
  2: "photos-summary-turn-mirrored",
  3: "photos-summary-turn-180",
  4: "photos-summary-turn-upside-down",
  5: "photos-summary-turn-left-mirrored",
  6: "photos-summary-turn-right",
  7: "photos-summary-turn-right-mirrored",
  8: "photos-summary-turn-left",
};

type Photo = Omit<PreparedPhotoView, "summary" | "previewDataUrl" | "sizeText" | "slot">;

function encoding(photo: Photo): string {
  if (!photo.reencoded) return t("photos-summary-kept");
  return photo.jpegQuality === null ? t("photos-summary-reencoded") : t("photos-summary-quality", { quality: formatDigits(photo.jpegQuality) });
}

export function photoSummary(photo: Photo): string {
  const parts = [
    t("photos-summary-file", { format: photo.format, width: formatDigits(photo.width), height: formatDigits(photo.height), size: formatBytes(photo.bytes) }),
  ];
  if (photo.sourceFormat !== photo.format) parts.push(t("photos-summary-converted", { format: photo.sourceFormat }));
  parts.push(encoding(photo));
  if (photo.width !== photo.sourceWidth || photo.height !== photo.sourceHeight) {
    parts.push(
      t("photos-summary-scaled", { width: formatDigits(photo.sourceWidth), height: formatDigits(photo.sourceHeight), size: formatBytes(photo.sourceBytes) }),
    );
  }
  const turn = Object.hasOwn(turns, photo.orientationApplied) ? turns[photo.orientationApplied] : undefined;
  if (turn) parts.push(t(turn));
  parts.push(t("photos-summary-metadata-removed"));
  const line = formatList(parts);
  const warnings = photo.warnings.map(photoWarningShort).filter((words): words is string => words !== null);
  return warnings.length === 0 ? line : t("photos-summary-warnings", { summary: line, warnings: formatList(warnings) });
}
