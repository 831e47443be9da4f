import type { Handlers } from '../../../shared/api';
import type { entitiesApi } from '../../../shared/entities/api';
import type { Session } from '../session';
import { searchEntities } from '../store/search';
import { searchWithAttachments } from '../attachments/search';
import { commsLinkViews } from '../comms/links';
import { createSource, getSource, listSources, requireSource } from '../store/sources';

// Entities, links and source reports, as statements in the case's store (store/entities.ts,
// store/sources.ts), and search.

export function entitiesHandlers(session: Session): Pick<Handlers, keyof typeof entitiesApi> {
  return {
    'entity.list': async ({ offset, limit, schema }) => session.case.entities.list(offset, limit, schema),
    'entity.get': async ({ id }) => {
      const c = session.case;
      const detail = c.entities.get(id);
      // A phone's call records are events, not link rows: they show as its aggregated links (comms/links.ts).
      if (detail.schema === 'Phone') {
        const members = detail.mergedFrom?.map((m) => m.id) ?? [detail.id];
        detail.links.push(...commsLinkViews(c.db, members, Math.max(0, 5000 - detail.links.length)));
      }
      return detail;
    },
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
    search: async ({ query, limit, schema }) => {
      const db = session.case.db;
      const found = searchEntities(db, query, limit, schema);
      // A type filter names entity types; words inside attachments are searched without one.
      return schema ? found : searchWithAttachments(db, found, query, limit);
    },
  };
}
