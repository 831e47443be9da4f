import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import type { Handlers } from '../../../shared/api';
import { CordonError } from '../../../shared/errors';
import type { Session } from '../session';
import { getOfficer, importCard, initIdentity, listOfficers, myCard, revokeOfficer, selfOfficer, verifyOfficer } from './directory';
import { fingerprintGroups } from './keys';
import { listReceivedPlans, openReceivedPlan } from './plans-in';
import { addItems, createProject, getProject, listProjects, removeItems } from './projects';
import { exportPackage, reviewExport } from './export-package';
import { importPackage, listPackages, verifyPackage, writeReceipt } from './service';

// The exchange slice of the contract. Package work runs as jobs: progress events, cancellable.

type ExchangeMethod = Extract<keyof Handlers, `officer.${string}` | `project.${string}` | `package.${string}`>;

export function exchangeHandlers(session: Session): Pick<Handlers, ExchangeMethod> {
  return {
    'officer.init': async (input) => initIdentity(session.case, input),
    'officer.me': async () => selfOfficer(session.case.db),
    'officer.list': async () => listOfficers(session.case.db),
    'officer.get': async ({ id }) => getOfficer(session.case.db, id),
    'officer.exportCard': async ({ path }) => {
      const c = session.case;
      const card = myCard(c.db);
      if (existsSync(path)) throw new CordonError('FILE_EXISTS', `A file already exists at ${path}; choose another name.`);
      writeFileSync(path, `${JSON.stringify(card, null, 2)}\n`, { mode: 0o644, flag: 'wx' });
      c.write(() => c.audit.append({ actor: c.actor, action: 'officer.card', target: selfOfficer(c.db)!.id, detail: { fingerprint: card.fingerprint } }));
      return { path, fingerprint: card.fingerprint, fingerprintGroups: fingerprintGroups(card.fingerprint) };
    },
    'officer.importCard': async ({ path, verified }) => {
      const c = session.case;
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        throw new CordonError('FILE_NOT_FOUND', `Cannot read a contact card at ${path}.`);
      }
      return importCard(c, text, { verified });
    },
    'officer.verify': async ({ id, fingerprint }) => verifyOfficer(session.case, id, fingerprint),
    'officer.revoke': async ({ id, reason }) => revokeOfficer(session.case, id, reason),

    'project.create': async (input) => createProject(session.case, input),
    'project.list': async () => listProjects(session.case.db),
    'project.get': async ({ id, offset, limit }) => getProject(session.case.db, id, offset, limit),
    'project.addItems': async ({ id, entityIds, sourceIds }) => addItems(session.case, id, entityIds, sourceIds),
    'project.removeItems': async ({ id, entityIds, sourceIds }) => removeItems(session.case, id, entityIds, sourceIds),

    'package.review': async ({ to, scope, operations }) => reviewExport(session.case, to, scope, operations),
    'package.export': async (input) => session.jobs.run('Writing exchange package', 0, (job) => exportPackage(session.case, input, job)),
    'package.verify': async ({ path }) => session.jobs.run('Verifying exchange package', 0, (job) => verifyPackage(session.case, session.dataDir, path, job)),
    'package.import': async ({ path, accept }) =>
      session.jobs.run('Importing exchange package', 0, (job) => importPackage(session.case, session.dataDir, { path, accept }, job)),
    'package.receipt': async (input) => session.jobs.run('Writing receipt', 0, (job) => writeReceipt(session.case, input, job)),
    'package.list': async () => listPackages(session.case),
    'package.receivedPlans': async () => listReceivedPlans(session.case.db),
    'package.receivedPlan': async ({ id }) => openReceivedPlan(session.case.db, id),
  };
}
