// Path text as the user types it (no Node in the renderer): the core resolves and checks it.

/** The separator the user's own path uses (Windows paths may use backslashes only). */
function separatorOf(path: string): string {
  return path.includes('\\') && !path.includes('/') ? '\\' : '/';
}

/** The folder part of a path ("" when there is none). */
export function folderOf(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return i < 0 ? '' : path.slice(0, i);
}

/** A file inside a folder, with the folder's own separator. */
export function joinPath(folder: string, name: string): string {
  const f = folder.trim();
  if (!f) return name;
  const sep = separatorOf(f);
  return f.endsWith('/') || f.endsWith('\\') ? `${f}${name}` : `${f}${sep}${name}`;
}

/** Something safe as part of a file name: letters, digits and dashes only. */
export function fileSlug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase() || 'file'
  );
}

/** Today as YYYY-MM-DD (for file names; local date, as the officer reads it on the drive). */
export function today(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
