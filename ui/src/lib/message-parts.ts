// A message with one of its values set apart, so the markup can give that value an element of
// its own (a number in bold, a test id) while translators still write the whole sentence, the
// value where their language puts it.
import { t, type MessageArgs } from "./i18n.svelte";

/** A character no message or value holds: where it lands in the worded text is where the value goes. */
const marker = "\u{E000}";

export interface MessageParts {
  before: string;
  value: string;
  after: string;
}

/** `t(id, args)` split around `args[name]`. A translation without the value keeps it all in `before`. */
export function messageParts(id: string, args: MessageArgs, name: string): MessageParts {
  const value = String(args[name] ?? "");
  const text = t(id, { ...args, [name]: marker });
  const at = text.indexOf(marker);
  if (at < 0) return { before: text, value: "", after: "" };
  return { before: text.slice(0, at), value, after: text.slice(at + marker.length).replaceAll(marker, value) };
}
