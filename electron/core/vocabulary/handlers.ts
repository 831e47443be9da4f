import type { Handlers } from '../../../shared/api';
import type { vocabularyApi } from '../../../shared/vocabulary/api';
import type { Case } from '../store/case';
import type { Session } from '../session';

// The case's own entity and link types (issue 24): store/case-types/type-store.ts does the work (below every feature: the store itself checks an entity against its case's types).

/** A change to the types, in one transaction; the catalogue is read again if it rolls back. */
function change<T>(c: Case, fn: () => T): T {
  try {
    return c.write(fn);
  } catch (err) {
    c.types.reload();
    throw err;
  }
}

export function vocabularyHandlers(session: Session): Pick<Handlers, keyof typeof vocabularyApi> {
  return {
    'type.list': async () => session.case.types.list(),
    'type.schemata': async () => [...session.case.types.own()],
    'type.add': async (input) => {
      const c = session.case;
      return change(c, () => c.types.add(input));
    },
    'type.update': async ({ type, ...rest }) => {
      const c = session.case;
      return change(c, () => c.types.update(type, rest));
    },
    'type.renameProperty': async ({ type, property, name }) => {
      const c = session.case;
      return change(c, () => c.types.renameProperty(type, property, name));
    },
    'type.changeDatatype': async ({ type, property, datatype, values }) => {
      const c = session.case;
      return change(c, () => c.types.changeDatatype(type, property, datatype, values));
    },
    'type.remove': async ({ type }) => {
      const c = session.case;
      change(c, () => c.types.remove(type));
      return null;
    },
  };
}
