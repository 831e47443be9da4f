import { HTMLTable } from '@blueprintjs/core';
import { useTranslation } from 'react-i18next';
import type { SilenceResult } from '../../../../shared/comms/dto';
import { formatDateTime, formatDuration } from '../../format';

/** Gaps longer than usual in a phone's activity (a switch-off before a meeting is a classic signal). */
export function SilenceList({ silence }: { silence: SilenceResult }) {
  const { t } = useTranslation();
  return (
    <div className="comms-silence">
      <p className="muted small">{t('comms.panel.silenceRule', { threshold: formatDuration(silence.thresholdS), typical: formatDuration(silence.typicalGapS) })}</p>
      {silence.results.length === 0 ? (
        <p className="muted">{t('comms.panel.noSilence')}</p>
      ) : (
        <div className="table-scroll">
          <HTMLTable compact striped className="data-table" aria-label={t('comms.panel.silenceTable')}>
            <thead>
              <tr>
                <th>{t('comms.panel.silentFrom')}</th>
                <th>{t('comms.panel.silentTo')}</th>
                <th className="num">{t('comms.panel.gap')}</th>
              </tr>
            </thead>
            <tbody>
              {silence.results.map((g) => (
                <tr key={g.from}>
                  <td>{formatDateTime(g.from)}</td>
                  <td>{formatDateTime(g.to)}</td>
                  <td className="num">{formatDuration(g.gapS)}</td>
                </tr>
              ))}
            </tbody>
          </HTMLTable>
        </div>
      )}
    </div>
  );
}
