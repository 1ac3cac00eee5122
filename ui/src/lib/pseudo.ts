// The pseudo-locale en-XA: English still readable, but accented and about 40% longer, the way
// Spanish or German runs longer, so a screenshot shows what a real translation would cut off.
// Fluent applies `pseudoText` to the text between placeables only: values, variables and selector
// keys stay as they are.

const plain = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const accented = "áƀçðéƒĝĥíĵķļɱñóþǫŕšţúṽŵẋýžÁƁÇÐÉƑĜĤÍĴĶĻṀÑÓÞǪŔŠŢÚṼŴẊÝŽ";
const accentOf = new Map([...plain].map((letter, i) => [letter, [...accented][i] ?? letter]));
const vowels = new Set("aeiouAEIOU");

/** How much longer than the English each piece of text gets, at least. */
export const pseudoGrowth = 1.4;

export function pseudoText(text: string): string {
  const chars = [...text];
  if (!chars.some((c) => accentOf.has(c))) return text;
  const needed = Math.ceil(chars.length * (pseudoGrowth - 1));
  const vowelCount = chars.filter((c) => vowels.has(c)).length;
  // Doubled vowels, spread evenly, lengthen words where they are, as a longer language would;
  // text with too few vowels makes up the rest at its end.
  const share = vowelCount === 0 ? 0 : Math.min(1, needed / vowelCount);
  let owed = 0;
  let added = 0;
  let out = "";
  for (const c of chars) {
    const accent = accentOf.get(c) ?? c;
    out += accent;
    if (!vowels.has(c)) continue;
    owed += share;
    if (owed >= 1 && added < needed) {
      out += accent;
      owed -= 1;
      added += 1;
    }
  }
  return out + "~".repeat(needed - added);
}

/** Brackets around a whole message: a cut-off end shows as a missing "]". */
export function pseudoWrap(message: string): string {
  return `[${message}]`;
}
