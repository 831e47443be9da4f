import { z } from 'zod';
import { id, method } from '../contract';
import type { TimelineEvents, TimelineHistogram } from './dto';
import { TIMELINE_BUCKETS, TIMELINE_KINDS } from './dto';

// The timeline slice of the contract (issue 18): the case's events counted per bucket in a time
// zone (computed in the core: the renderer never receives every event), and the events of chosen
// entities in a range. Registered in shared/api.ts with one spread line. The zone and the years
// 1900–2100 are checked by the core (electron/core/timeline/zone.ts), which knows the zone data.

/** YYYY-MM-DD (a whole day in the zone asked for) or an instant YYYY-MM-DDTHH:mm[:ss][Z|±hh:mm]. */
export const timelineDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/, 'a date is YYYY-MM-DD or YYYY-MM-DDTHH:mm[:ss][Z|±hh:mm]');

/** At most this many events in one answer. */
export const TIMELINE_EVENT_LIMIT = 100_000;

const scope = {
  /** Only events involving at least one of these entities (all the case's events without). */
  entities: z.array(id).max(1000).optional(),
  kinds: z.array(z.enum(TIMELINE_KINDS)).max(TIMELINE_KINDS.length).optional(),
  from: timelineDate.optional(),
  to: timelineDate.optional(),
  /** An IANA zone; the case's zone (or UTC) without. */
  timeZone: z.string().trim().min(1).max(100).optional(),
};

export const timelineApi = {
  'timeline.histogram': method<TimelineHistogram>()(z.object({ ...scope, bucket: z.enum(TIMELINE_BUCKETS).default('day') })),
  'timeline.events': method<TimelineEvents>()(
    z.object({
      ...scope,
      limit: z.number().int().min(1).max(TIMELINE_EVENT_LIMIT).default(1000),
      /** Silences of a line longer than this many hours are its gaps. */
      gapHours: z.number().positive().max(24 * 366 * 10).default(24 * 7),
    }),
  ),
} as const;
