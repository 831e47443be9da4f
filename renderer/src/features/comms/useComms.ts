import { useEffect, useState } from 'react';
import type { ActivityResult, SilenceResult, TopResult } from '../../../../shared/comms/dto';
import { call } from '../../api';

export interface CommsData {
  top: TopResult;
  activity: ActivityResult;
  silence: SilenceResult;
}

/** A phone's analyses for the panel, read again when the case's data changes. */
export function useComms(phoneId: string, version: number): { data: CommsData | null; error: unknown; loading: boolean } {
  const [data, setData] = useState<CommsData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    Promise.all([call('comms.top', { phone: phoneId, top: 50 }), call('comms.activity', { phone: phoneId }), call('comms.silence', { phone: phoneId })])
      .then(([top, activity, silence]) => {
        if (live) setData({ top, activity, silence });
      })
      .catch((err: unknown) => {
        if (live) {
          setData(null);
          setError(err);
        }
      })
      .finally(() => {
        if (live) setLoading(false);
      });
    return () => {
      live = false;
    };
  }, [phoneId, version]);
  return { data, error, loading };
}
