import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Handlers } from '../../../shared/api';
import type { caseApi } from '../../../shared/case/api';
import { buildDemo, DEMO_BUREAU, DEMO_NAME, DEMO_PASSPHRASE, ensureDemoChart } from '../demo/caviar';
import type { Session } from '../session';
import { sweepStaleTemps } from '../casefile/durable';
import { Case } from '../store/case';

// The case file's life (create, open, the demo, lock, close), its audit trail and job.cancel.

export function caseHandlers(session: Session): Pick<Handlers, keyof typeof caseApi> {
  return {
    'case.create': async ({ path, passphrase, name, bureau }) => {
      const c = await session.adopt(() => Case.create(path, passphrase, { name, bureau }));
      return c.info();
    },
    'case.open': async ({ path, passphrase }) => {
      const c = await session.adopt(() => Case.open(path, passphrase));
      // What a rekey or restore killed half-way left beside the case (the case itself is whole).
      sweepStaleTemps(path);
      try {
        return c.info();
      } catch (err) {
        // A damaged page met while reading what the case holds: the case is not left open behind the error.
        session.close();
        throw err;
      }
    },
    'case.openDemo': async () => {
      const path = join(session.dataDir, 'demo-caviar.cordon');
      const opening = async (): Promise<Case> => {
        if (existsSync(path)) return Case.open(path, DEMO_PASSPHRASE);
        const c = await Case.create(path, DEMO_PASSPHRASE, { name: DEMO_NAME, bureau: DEMO_BUREAU, demo: true });
        try {
          buildDemo(c);
          return c;
        } catch (err) {
          c.close();
          for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
          throw err;
        }
      };
      const c = await session.adopt(opening);
      // The demo opens on its chart (the renderer shows the case's first chart for a demo case).
      ensureDemoChart(c);
      return c.info();
    },
    'case.close': async () => {
      session.close();
      return null;
    },
    'case.info': async () => session.info(),
    'case.recent': async () => session.recent(),
    'case.lock': async () => {
      session.lock('user');
      return null;
    },
    'case.unlock': async ({ passphrase }) => (await session.unlock(passphrase)).info(),
    'case.setIdleLock': async ({ minutes }) => {
      const c = session.case;
      c.write(() => {
        c.setMeta('idle_lock_minutes', String(minutes));
        c.audit.append({ actor: c.actor, action: 'settings.idle-lock', detail: { minutes } });
      });
      return c.info();
    },
    'audit.list': async ({ offset, limit }) => session.case.audit.list(offset, limit),
    'audit.verify': async () => session.case.audit.verify(),
    'job.cancel': async ({ job }) => ({ cancelled: session.jobs.cancel(job) }),
  };
}
