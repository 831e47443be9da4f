import { CordonError } from '../../../shared/errors';
import { TIMELINE_BUCKETS, TIMELINE_KINDS, type TimelineBucket, type TimelineKind } from '../../../shared/timeline/dto';
import { jsonOption, str, type Command } from '../cli/command';
import { EXIT } from '../cli/exit-codes';
import { UsageError } from '../cli/passphrase';
import { checkTimeZone } from '../cooperation/time';

// `cordon timeline` (issue 18): the case's events per bucket aligned in a zone, and the events
// themselves when entities are named or the range is short. JSON as the issue gives it
// ({"buckets":[{"start","count"}],"events":[{"id","kind","time","entities"}]}), with a few more fields.

/** Events are listed with --entities, or when the range is at most this many days. */
const SHORT_RANGE_DAYS = 31;
/** At most this many events printed. */
const CLI_EVENT_LIMIT = 1000;

const csv = (v: unknown) =>
  (str(v) ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

function kindsOf(v: unknown): TimelineKind[] | undefined {
  const kinds = csv(v);
  if (kinds.length === 0) return undefined;
  const bad = kinds.filter((k) => !(TIMELINE_KINDS as readonly string[]).includes(k));
  if (bad.length) throw new UsageError(`--kinds: unknown kind ${bad.join(', ')} (kinds: ${TIMELINE_KINDS.join(', ')})`);
  return kinds as TimelineKind[];
}

function shortRange(from: string | undefined, to: string | undefined): boolean {
  if (!from || !to) return false;
  const days = (Date.parse(to.slice(0, 10)) - Date.parse(from.slice(0, 10))) / 86_400_000;
  return Number.isFinite(days) && days <= SHORT_RANGE_DAYS;
}

export const TIMELINE_COMMANDS: Record<string, Command> = {
  timeline: {
    usage: `cordon timeline FILE [--entities ID,ID] [--kinds ${TIMELINE_KINDS.join(',')}] [--from DATE] [--to DATE] [--bucket ${TIMELINE_BUCKETS.join('|')}] [--tz ZONE] [--json]`,
    summary: `The case's events counted per hour, day, week or month (starts aligned in --tz, else the case's zone, else UTC), and the events themselves (at most ${CLI_EVENT_LIMIT}) when --entities is given or the range is at most ${SHORT_RANGE_DAYS} days. Dates YYYY-MM-DD or YYYY-MM-DDTHH:mm, from 1900 to 2100.`,
    positionals: ['FILE'],
    options: { ...jsonOption, entities: { type: 'string' }, kinds: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, bucket: { type: 'string' }, tz: { type: 'string' } },
    async run(ctx) {
      const tz = str(ctx.values.tz);
      if (tz) {
        try {
          checkTimeZone(tz);
        } catch (e) {
          if (e instanceof CordonError) throw new UsageError(`--tz: ${e.message}`);
          throw e;
        }
      }
      const bucket = (str(ctx.values.bucket) ?? 'day') as TimelineBucket;
      if (!TIMELINE_BUCKETS.includes(bucket)) throw new UsageError(`--bucket takes ${TIMELINE_BUCKETS.join(', ')}, not "${bucket}"`);
      const kinds = kindsOf(ctx.values.kinds);
      const entities = csv(ctx.values.entities);
      const from = str(ctx.values.from);
      const to = str(ctx.values.to);
      const scope = { ...(entities.length ? { entities } : {}), ...(kinds ? { kinds } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}), ...(tz ? { timeZone: tz } : {}) };
      await ctx.openCase(ctx.positionals[0]!);
      const h = await ctx.call('timeline.histogram', { ...scope, bucket });
      const withEvents = entities.length > 0 || shortRange(from, to);
      const ev = withEvents ? await ctx.call('timeline.events', { ...scope, limit: CLI_EVENT_LIMIT }) : null;
      if (ctx.json) {
        ctx.outJson({
          time_zone: h.timeZone,
          bucket: h.bucket,
          total: h.total,
          buckets: h.buckets.map((b) => ({ start: b.start, count: b.count, by_kind: b.byKind })),
          ...(ev
            ? {
                events: ev.events.map((e) => ({ id: e.id, kind: e.kind, time: e.time, entities: e.entities, end: e.end, label: e.label })),
                events_total: ev.total,
                truncated: ev.truncated,
                lines: ev.lines,
                undated: ev.undated,
              }
            : { undated_count: h.undated }),
        });
        return EXIT.ok;
      }
      ctx.out(`${h.total} events per ${h.bucket} (${h.timeZone}):`);
      for (const b of h.buckets) if (b.count > 0) ctx.out(`  ${b.start}  ${String(b.count).padStart(7)}  ${Object.entries(b.byKind).map(([k, n]) => `${k} ${n}`).join(', ')}`);
      if (ev) {
        ctx.out(`events${ev.truncated ? ` (first ${ev.events.length} of ${ev.total})` : ''}:`);
        for (const e of ev.events) ctx.out(`  ${e.time}  ${e.kind.padEnd(10)} ${e.label}  [${e.entities.join(', ')}]`);
        for (const l of ev.lines) {
          ctx.out(`line ${l.caption}: ${l.events} events, ${l.gaps.length} gaps, ${l.bursts.length} bursts`);
          for (const g of l.gaps) ctx.out(`  gap ${g.from} … ${g.to}`);
          for (const b of l.bursts) ctx.out(`  burst ${b.from} … ${b.to}: ${b.count} events (usual ${b.usual} a day)`);
        }
        if (ev.undated.length) ctx.out(`without a usable date (${ev.undated.length}):`);
        for (const u of ev.undated) ctx.out(`  ${u.kind.padEnd(10)} ${u.label} (${u.reason}${u.value ? `: ${u.value}` : ''})`);
      } else if (h.undated) ctx.out(`${h.undated} events without a usable date (listed with --entities)`);
      return EXIT.ok;
    },
  },
};
