// Bureau codes as the contract takes them (shared/contract.ts `bureau`): the renderer checks them as
// the user types, so the form says what is wrong before the core refuses it.
export const BUREAU_RE = /^[A-Z0-9][A-Z0-9_]{0,15}$/;

/** "es, FR; nl_ncb" → ["ES", "FR", "NL_NCB"]. */
export function bureauList(text: string): string[] {
  return text
    .toUpperCase()
    .split(/[\s,;]+/)
    .filter(Boolean);
}
