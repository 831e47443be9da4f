import { z } from 'zod';
import { id, method } from '../contract';
import type { EntityDetail } from '../entities/dto';
import type { GazetteerHit, MapData, UnplacedAddress } from './dto';

// The map's slice of the contract (issue 19): one call for everything located, the addresses
// still to place, the offline gazetteer, and placing an entity (coordinates as sourced values).

const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);

export const mapApi = {
  'map.data': method<MapData>()(z.object({ limit: z.number().int().min(1).max(2_000_000).default(1_000_000) })),
  'map.unplaced': method<UnplacedAddress[]>()(z.object({ limit: z.number().int().min(1).max(1000).default(200) })),
  'map.gazetteer': method<GazetteerHit[]>()(
    z.object({ city: z.string().trim().min(1).max(200), country: z.string().trim().toLowerCase().regex(/^[a-z]{2}$/).optional(), limit: z.number().int().min(1).max(50).default(10) }),
  ),
  /** Gives an entity coordinates: by hand (dropped on the map) or from the gazetteer. Without a
   * source the values get one that says how they were found. */
  'map.place': method<EntityDetail>()(z.object({ id, latitude, longitude, via: z.enum(['hand', 'gazetteer']), sourceId: id.optional() })),
};
