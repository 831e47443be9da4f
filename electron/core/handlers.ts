import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Handlers } from '../../shared/api';
import { analysisHandlers } from './analysis/service';
import { chartHandlers } from './charts/handlers';
import { cooperationHandlers } from './cooperation/handlers';
import { exchangeHandlers } from './exchange/handlers';
import { interchangeHandlers } from './interchange/handlers';
import { buildDemo, DEMO_BUREAU, DEMO_NAME, DEMO_PASSPHRASE } from './demo/caviar';
import { Session } from './session';
import { Case } from './store/case';
import { searchEntities } from './store/search';
import { createSource, getSource, listSources, requireSource } from './store/sources';

// The implementation of every core method of the contract. Inputs arrive already parsed by the
// contract's zod schemas (see dispatch.ts).

export function createHandlers(session: Session): Handlers {
  return {
    'case.create': async ({ path, passphrase, name, bureau }) => {
      const c = await session.adopt(Case.create(path, passphrase, { name, bureau }));
      return c.info();
    },
    'case.open': async ({ path, passphrase }) => (await session.adopt(Case.open(path, passphrase))).info(),
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
      return (await session.adopt(opening())).info();
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

    'entity.list': async ({ offset, limit, schema }) => session.case.entities.list(offset, limit, schema),
    'entity.get': async ({ id }) => session.case.entities.get(id),
    'entity.create': async ({ schema, properties, sourceId }) => {
      const c = session.case;
      requireSource(c.db, sourceId);
      return { id: c.write(() => c.entities.createEntity({ schema, properties, sourceId }).id) };
    },
    'entity.update': async ({ id, add, retract, sourceId }) => {
      const c = session.case;
      requireSource(c.db, sourceId);
      c.write(() => c.entities.update(id, add, retract, sourceId));
      return c.entities.get(id);
    },
    'entity.delete': async ({ id }) => {
      const c = session.case;
      c.write(() => c.entities.delete(id));
      return null;
    },
    'link.create': async ({ schema, from, to, properties, sourceId }) => {
      const c = session.case;
      requireSource(c.db, sourceId);
      return { id: c.write(() => c.entities.createLink({ schema, from, to, properties, sourceId })) };
    },
    'source.create': async (input) => {
      const c = session.case;
      return { id: c.write(() => createSource(c, input)) };
    },
    'source.list': async () => listSources(session.case.db),
    'source.get': async ({ id }) => getSource(session.case.db, id),
    search: async ({ query, limit, schema }) => searchEntities(session.case.db, query, limit, schema),
    'audit.list': async ({ offset, limit }) => session.case.audit.list(offset, limit),
    'audit.verify': async () => session.case.audit.verify(),
    'job.cancel': async ({ job }) => ({ cancelled: session.jobs.cancel(job) }),
    ...analysisHandlers(session),
    ...exchangeHandlers(session),
    ...interchangeHandlers(session),
    ...chartHandlers(session),
    ...cooperationHandlers(session),
  };
}
