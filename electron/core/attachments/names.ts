// The name an attachment is shown and saved under. It comes from outside (a file on a stick, a
// partner's package), so it is treated as hostile: no folders (`../`, `/`, `\`), no control or
// bidirectional-override characters (a "gpj.exe" shown as "exe.jpg"), no reserved Windows names,
// bounded length. What is left is for display and for a suggested file name only; the bytes are
// never found by name.

const MAX_NAME = 200;
// C0/C1 controls, DEL, and the Unicode format characters that reorder or hide text.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

export function sanitiseName(raw: string): string {
  // Only the last path segment, whichever separator the sender's system used.
  let name = raw.split(/[/\\]/).pop() ?? '';
  name = name.normalize('NFC').replace(UNSAFE, '').replace(/[<>:"|?*]/g, '_').trim();
  // No name made only of dots (".", "..") and none that hides as a dot file.
  name = name.replace(/^\.+/, '').replace(/[. ]+$/, '');
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`;
  if (name.length > MAX_NAME) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = name.slice(0, MAX_NAME - ext.length) + ext;
  }
  return name === '' ? 'attachment' : name;
}

/** The extension a name claims, lower case without the dot ('' when none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}
