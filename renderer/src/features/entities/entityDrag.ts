// Entities dragged out of a list (the case's entity list) carry their ids under our own type, so a
// drop target (a chart) can tell them from text or files dragged in from elsewhere.

export const ENTITY_DRAG_TYPE = 'application/x-cordon-entities';

/** Something with DataTransfer's getData/setData/types (a test can pass a plain stand-in). */
interface Transfer {
  readonly types: readonly string[];
  setData(format: string, data: string): void;
  getData(format: string): string;
}

export function writeEntityDrag(dt: Transfer, ids: readonly string[], text: string): void {
  dt.setData(ENTITY_DRAG_TYPE, JSON.stringify(ids));
  dt.setData('text/plain', text);
}

/** Whether a drag carries entities (only the types can be read before the drop). */
export function carriesEntities(dt: Pick<Transfer, 'types'>): boolean {
  return dt.types.includes(ENTITY_DRAG_TYPE);
}

/** The dragged ids, or none when the data is not ours or not well formed. */
export function readEntityDrag(dt: Transfer): string[] {
  if (!carriesEntities(dt)) return [];
  try {
    const v: unknown = JSON.parse(dt.getData(ENTITY_DRAG_TYPE));
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length > 0 && x.length <= 200).slice(0, 10_000) : [];
  } catch {
    return [];
  }
}
