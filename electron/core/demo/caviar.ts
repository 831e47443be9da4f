import { parse } from 'csv-parse/sync';
import { CordonError } from '../../../shared/errors';
import { layoutEntities } from '../charts/from-import';
import { createChart, listCharts } from '../charts/store';
import type { Case } from '../store/case';
import { createSource } from '../store/sources';
import { CAVIAR_PHASES } from './caviar-data';

// The demo case: the CAVIAR network (Morselli 2009), 107 actors and their intercepted calls per
// investigation phase, so a newcomer sees a real network at once.

export const DEMO_PASSPHRASE = 'cordon-demo-caviar';
export const DEMO_BUREAU = 'DEMO';
export const DEMO_NAME = 'Demo: Project CAVIAR (Montreal, 1994–1996)';

export interface CallMatrix {
  phase: number;
  calls: Array<{ caller: string; receiver: string; count: number }>;
}

/** Parses one phase: header `"players",<ids>`, then one row per caller. */
export function parsePhase(csv: string, phase: number): CallMatrix {
  const rows = parse(csv, { skip_empty_lines: true }) as string[][];
  const [header, ...body] = rows;
  if (!header || header[0] !== 'players') throw new CordonError('INVALID_INPUT', `CAVIAR phase ${phase}: missing "players" header.`);
  const receivers = header.slice(1);
  const calls: CallMatrix['calls'] = [];
  for (const row of body) {
    const caller = row[0]!;
    row.slice(1).forEach((cell, i) => {
      const count = Number(cell);
      if (!Number.isFinite(count)) throw new CordonError('INVALID_INPUT', `CAVIAR phase ${phase}: "${cell}" is not a number.`);
      if (count > 0) calls.push({ caller, receiver: receivers[i]!, count });
    });
  }
  return { phase, calls };
}

/** The phases are published as consecutive periods of about two months from 1994 to 1996; the
 * day boundaries are not published, so the dates are month-precise approximations, and say so. */
export function phasePeriod(phase: number): { start: string; end: string } {
  const month = (offset: number) => {
    const y = 1994 + Math.floor(offset / 12);
    return `${y}-${String((offset % 12) + 1).padStart(2, '0')}`;
  };
  return { start: month((phase - 1) * 2), end: month((phase - 1) * 2 + 1) };
}

export function buildDemo(c: Case): { actors: number; calls: number } {
  const phases = CAVIAR_PHASES.map((csv, i) => parsePhase(csv, i + 1));
  return c.write(() => {
    const sources = phases.map(({ phase }) => {
      const period = phasePeriod(phase);
      return createSource(c, {
        title: `CAVIAR intercepted calls, phase ${phase} of 11`,
        reference: `Morselli (2009) Inside Criminal Networks; phase ${phase} call matrix. Period ${period.start} to ${period.end} is approximate.`,
        reportDate: period.end,
        scheme: 'eu4x4',
        grade: 'A2',
        handling: 'H0',
        tlp: 'CLEAR',
      });
    });
    const ids = new Map<string, string>();
    const actor = (n: string, phase: number): string => {
      let id = ids.get(n);
      if (!id) {
        const num = Number(n);
        id = c.entities.createEntity(
          {
            schema: 'Person',
            properties: {
              name: [`N${n}`],
              notes: [num <= 82 ? `Trafficker (Morselli's N1–N82); first intercepted in phase ${phase}` : `Non-trafficker (Morselli's N83–N110); first intercepted in phase ${phase}`],
            },
            sourceId: sources[phase - 1],
          },
          { audit: false },
        ).id;
        ids.set(n, id);
      }
      return id;
    };
    let calls = 0;
    for (const { phase, calls: list } of phases) {
      const period = phasePeriod(phase);
      for (const call of list) {
        c.entities.createLink(
          {
            schema: 'Call',
            from: actor(call.caller, phase),
            to: actor(call.receiver, phase),
            properties: {
              count: [String(call.count)],
              weight: [String(call.count)],
              startDate: [period.start],
              endDate: [period.end],
              summary: [`${call.count} intercepted call${call.count === 1 ? '' : 's'} in phase ${phase}`],
            },
            sourceId: sources[phase - 1],
          },
          { audit: false },
        );
        calls++;
      }
    }
    c.audit.append({ actor: c.actor, action: 'demo.build', detail: { dataset: 'CAVIAR', actors: ids.size, calls } });
    return { actors: ids.size, calls };
  });
}

export const DEMO_CHART = 'CAVIAR network';

/**
 * The demo's first impression: a chart of the whole network, laid out here in the core and sized
 * by betweenness (the brokers Morselli found stand out), one line per pair of actors (650 calls
 * over 11 phases are 214 ties), which the demo case opens on. Made once;
 * a demo case from before it was made gets it when next opened. Returns the chart's id.
 */
export function ensureDemoChart(c: Case): string {
  const existing = listCharts(c)[0];
  if (existing) return existing.id;
  const ids = c.db.prepare('SELECT id FROM entities WHERE deleted = 0 AND is_link = 0 ORDER BY id').pluck().all() as string[];
  return createChart(c, DEMO_CHART, { placed: layoutEntities(c.db, ids) }, { rules: [{ kind: 'size', measure: 'betweenness' }], mergeParallel: true }).id;
}
