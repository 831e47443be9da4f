import { call } from '../api';
import { useSession } from '../state/session';
import { useWorkspace } from '../state/workspace';

// Actions shared by several screens. They talk to the core, then update presentation state.

/** After a write: new counts and banner from the core, and cached pages invalidated. */
export async function afterWrite(): Promise<void> {
  useWorkspace.getState().bumpData();
  const info = await call('case.info', {});
  useSession.getState().setInfo(info);
}

export async function lockCase(): Promise<void> {
  await call('case.lock', {});
  useSession.getState().setLocked(true);
}

export async function closeCase(): Promise<void> {
  await call('case.close', {});
  useSession.getState().setInfo(null);
  useSession.getState().setLocked(false);
  useWorkspace.getState().reset();
}
