import { Button, Callout, HTMLTable } from '@blueprintjs/core';
import { SplitColumnsIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchCluster } from '../../../../shared/interchange/dto';
import { call } from '../../api';
import { afterWrite } from '../../app/caseActions';
import { ErrorCallout } from '../../app/ErrorCallout';
import { SchemaIcon } from '../../app/schemaIcon';
import { schemaLabel } from '../../catalogueText';
import { formatNumber } from '../../format';

/** A merged entity: its members, each of which can be split off again (nothing was moved). */
export function ClusterPanel({ cluster, onChange }: { cluster: MatchCluster; onChange(c: MatchCluster): void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const statements = (id: string) => Object.values(cluster.properties).reduce((n, list) => n + list.filter((s) => s.entityId === id).length, 0);
  const split = async (id: string) => {
    setBusy(id);
    setError(null);
    try {
      await call('match.split', { id });
      // What is left of the cluster, seen from another member.
      const rest = cluster.members.find((m) => m.id !== id)!;
      onChange(await call('match.cluster', { id: rest.id }));
      await afterWrite();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };
  const merged = cluster.canonicalId !== null && cluster.members.length > 1;
  return (
    <section className="cluster-panel" data-testid="cluster-panel" aria-labelledby="cluster-title">
      <h3 id="cluster-title" className="map-section-title">
        {merged ? t('matching.clusterTitle', { caption: cluster.caption, count: cluster.members.length }) : t('matching.standsAlone', { caption: cluster.caption })}
      </h3>
      {merged ? (
        <HTMLTable compact striped className="data-table">
          <thead>
            <tr>
              <th>{t('matching.member')}</th>
              <th className="num">{t('matching.statements')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {cluster.members.map((m) => (
              <tr key={m.id}>
                <td>
                  <SchemaIcon schema={m.schema} /> {m.caption || t('entity.noCaption')} <span className="muted">· {schemaLabel(m.schema)}</span>
                  {m.id === cluster.canonicalId && <span className="muted small"> · {t('matching.canonical')}</span>}
                </td>
                <td className="num">{formatNumber(statements(m.id))}</td>
                <td>
                  <Button size="small" icon={<SplitColumnsIcon />} text={t('matching.split')} loading={busy === m.id} disabled={busy !== null} onClick={() => void split(m.id)} />
                </td>
              </tr>
            ))}
          </tbody>
        </HTMLTable>
      ) : (
        <Callout compact>{t('matching.splitDone')}</Callout>
      )}
      <ErrorCallout error={error} />
    </section>
  );
}
