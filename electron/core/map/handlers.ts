import type { Handlers } from '../../../shared/api';
import type { Session } from '../session';
import type { Case } from '../store/case';
import { createSource, requireSource } from '../store/sources';
import { mapData, unplacedAddresses } from './data';
import { gazetteer } from './gazetteer';

// The contract's map.* methods (issue 19).

type Names = 'map.data' | 'map.unplaced' | 'map.gazetteer' | 'map.place';

/** The source of coordinates placed without one: how they were found, said once per case. */
const PLACED = {
  hand: { title: 'Placed on the map by hand', reference: 'Dragged onto the map by an analyst; precision as drawn.' },
  gazetteer: { title: 'Offline gazetteer (city centre)', reference: 'GeoNames cities of 15,000+ people, bundled with Cordon; the coordinates are the city centre, not the address.' },
} as const;

function placedSource(c: Case, via: keyof typeof PLACED): string {
  const { title, reference } = PLACED[via];
  const known = c.db.prepare('SELECT id FROM sources WHERE title = ? AND reference = ? ORDER BY created_at LIMIT 1').pluck().get(title, reference) as string | undefined;
  if (known) return known;
  // F6: the reliability and truth of a drawn or looked-up place cannot be judged.
  return createSource(c, { title, reference, scheme: 'admiralty', grade: 'F6', reportDate: new Date().toISOString().slice(0, 10) });
}

export function mapHandlers(session: Session): Pick<Handlers, Names> {
  return {
    'map.data': async ({ limit }) => mapData(session.case.db, limit),
    'map.unplaced': async ({ limit }) => unplacedAddresses(session.case.db, limit),
    'map.gazetteer': async ({ city, country, limit }) => gazetteer(city, country, limit),
    'map.place': async ({ id, latitude, longitude, via, sourceId }) => {
      const c = session.case;
      requireSource(c.db, sourceId);
      c.write(() => {
        const source = sourceId ?? placedSource(c, via);
        c.entities.update(id, [
          { prop: 'latitude', value: String(latitude) },
          { prop: 'longitude', value: String(longitude) },
        ], [], source);
      });
      return c.entities.get(id);
    },
  };
}
