// The timeline (issue 18): what the core answers about the case in time. Times cross as ISO 8601
// strings: events in UTC ("…Z"), histogram buckets as the wall-clock start in the zone asked for
// with its offset ("2024-10-27T00:00:00+02:00"), so a reader sees the alignment.

/** What an event is. Calls and messages come from call records (comms_events), the others from the case. */
export const TIMELINE_KINDS = ['event', 'link', 'call', 'sms', 'mms', 'data', 'comm', 'meeting', 'phase', 'action-day'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const TIMELINE_BUCKETS = ['hour', 'day', 'week', 'month'] as const;
export type TimelineBucket = (typeof TIMELINE_BUCKETS)[number];

/** How precisely the case knows when: a year ("1994"), a month, a day, or an instant. */
export type TimePrecision = 'year' | 'month' | 'day' | 'time';

export interface TimelineEvent {
  /** The entity, link, meeting or phase id; `comms:<n>` for a call record, `action-day:<operation>` for an action day. */
  id: string;
  kind: TimelineKind;
  /** Start, UTC. */
  time: string;
  /** End, when the event lasts (a phase, a membership, a call's duration); UTC. */
  end: string | null;
  precision: TimePrecision;
  /** The entities it involves (their canonical ids); two or more: a connector between their lines. */
  entities: string[];
  label: string;
}

/** An event the case holds without a usable date: listed apart, never placed at 1970. */
export interface UndatedEvent {
  id: string;
  kind: TimelineKind;
  entities: string[];
  label: string;
  reason: 'no-date' | 'unreadable' | 'out-of-range';
  /** The date as written, when there was one. */
  value: string | null;
}

export interface TimelinePeriod {
  from: string;
  to: string;
}

/** One theme line: an entity's events, its silences longer than the gap asked for, and its bursts. */
export interface TimelineLine {
  entity: string;
  caption: string;
  events: number;
  first: string | null;
  last: string | null;
  gaps: TimelinePeriod[];
  bursts: Array<TimelinePeriod & { count: number; usual: number }>;
}

export interface TimelineEvents {
  timeZone: string;
  /** Events in the range matching the filters, in time order, at most `limit`. */
  events: TimelineEvent[];
  /** How many matched in all; `truncated` when more than were returned. */
  total: number;
  truncated: boolean;
  /** One per entity asked for (empty without `entities`). */
  lines: TimelineLine[];
  undated: UndatedEvent[];
}

export interface TimelineBucketCount {
  start: string;
  count: number;
  /** Stacked by kind: only the kinds present. */
  byKind: Partial<Record<TimelineKind, number>>;
}

export interface TimelineHistogram {
  timeZone: string;
  bucket: TimelineBucket;
  /** Every bucket from the range's start to its end (or the first to the last event), empty ones included. */
  buckets: TimelineBucketCount[];
  total: number;
  /** Events matching the filters that have no usable date (not counted in any bucket). */
  undated: number;
}
