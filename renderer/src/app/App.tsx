import { Spinner } from '@blueprintjs/core';
import { useEffect, useState } from 'react';
import { call, on } from '../api';
import { StartScreen } from '../features/start/StartScreen';
import { LockScreen } from '../features/lock/LockScreen';
import { useSession } from '../state/session';
import { useWorkspace } from '../state/workspace';
import { CaseView } from './CaseView';

// Three screens: start (no case), case view, lock screen (case open, key dropped).
export function App() {
  const hasCase = useSession((s) => s.info !== null);
  const locked = useSession((s) => s.locked);
  const [booted, setBooted] = useState(false);

  useEffect(() => {
    const offLocked = on('locked', () => useSession.getState().setLocked(true));
    const offClosed = on('closed', () => {
      useSession.getState().setInfo(null);
      useSession.getState().setLocked(false);
      useWorkspace.getState().reset();
    });
    // The core outlives a reload of the window: pick up a case that is already open, or locked.
    call('case.info', {}).then(
      (info) => {
        if (info) {
          useSession.getState().setInfo(info);
          useSession.getState().setLocked(info.locked);
        }
        setBooted(true);
      },
      () => setBooted(true),
    );
    return () => {
      offLocked();
      offClosed();
    };
  }, []);

  if (!booted) return <Spinner className="boot-spinner" />;
  if (!hasCase) return <StartScreen />;
  if (locked) return <LockScreen />;
  return <CaseView />;
}
