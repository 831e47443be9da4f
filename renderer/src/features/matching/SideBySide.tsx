import { HTMLTable } from '@blueprintjs/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getSchema } from '../../../../shared/catalogue';
import type { EntityDetail } from '../../../../shared/entities/dto';
import { call } from '../../api';
import { ErrorCallout } from '../../app/ErrorCallout';
import { SchemaIcon } from '../../app/schemaIcon';
import { propLabel, schemaLabel } from '../../catalogueText';
import { countryName, formatPartialDate } from '../../format';

/** Two entities' properties in two columns; values both hold are marked. */
export function SideBySide({ a, b }: { a: string; b: string }) {
  const { t } = useTranslation();
  const [pair, setPair] = useState<[EntityDetail, EntityDetail] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    setPair(null);
    Promise.all([call('entity.get', { id: a }), call('entity.get', { id: b })]).then(
      (p) => live && setPair(p),
      (err: unknown) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [a, b]);
  if (error) return <ErrorCallout error={error} />;
  if (!pair) return null;
  const [ea, eb] = pair;
  const schema = getSchema(ea.schema);
  const props = [...new Set([...Object.keys(ea.properties), ...Object.keys(eb.properties)])];
  const values = (e: EntityDetail, p: string) => (e.properties[p] ?? []).map((s) => s.value);
  const shown = (p: string, v: string) => {
    const type = schema?.properties.find((d) => d.name === p)?.type;
    return type === 'date' ? formatPartialDate(v) : type === 'country' ? countryName(v) : v;
  };
  const cell = (p: string, mine: string[], theirs: string[]) =>
    mine.length === 0 ? (
      <span className="muted">—</span>
    ) : (
      mine.map((v, i) => (
        <div key={i} className={theirs.includes(v) ? 'value-shared' : undefined}>
          {shown(p, v)}
        </div>
      ))
    );
  return (
    <HTMLTable compact className="data-table side-by-side" aria-label={t('matching.compare')}>
      <thead>
        <tr>
          <th>{t('matching.property')}</th>
          {[ea, eb].map((e) => (
            <th key={e.id}>
              <SchemaIcon schema={e.schema} /> {e.caption || t('entity.noCaption')} <span className="muted">· {schemaLabel(e.schema)}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.map((p) => {
          const va = values(ea, p);
          const vb = values(eb, p);
          return (
            <tr key={p}>
              <th scope="row">{propLabel(schema, schema?.properties.find((d) => d.name === p), p)}</th>
              <td>{cell(p, va, vb)}</td>
              <td>{cell(p, vb, va)}</td>
            </tr>
          );
        })}
      </tbody>
    </HTMLTable>
  );
}
