import { Button, HTMLTable, NonIdealState, Tag } from '@blueprintjs/core';
import { AddIcon, TagIcon, TrashIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TypeView } from '../../../../shared/vocabulary/dto';
import { call } from '../../api';
import { afterWrite } from '../../app/caseActions';
import { ErrorCallout } from '../../app/ErrorCallout';
import { SchemaIcon } from '../../app/schemaIcon';
import { schemaLabel } from '../../catalogueText';
import { formatNumber } from '../../format';
import { NewTypeDialog } from './NewTypeDialog';
import { useTypeList } from './useCaseTypes';
import './types.css';

// The case's vocabulary (issue 24): its own entity and link types beside the built-ins they extend.

export function TypesView() {
  const { t } = useTranslation();
  const { types, error } = useTypeList();
  const [creating, setCreating] = useState(false);
  const [removeError, setRemoveError] = useState<unknown>(null);
  const own = types?.filter((x) => !x.builtin) ?? [];
  const remove = async (type: TypeView) => {
    setRemoveError(null);
    try {
      await call('type.remove', { type: type.id });
      await afterWrite();
    } catch (err) {
      setRemoveError(err);
    }
  };
  return (
    <section className="types-view pane" aria-labelledby="types-title">
      <header className="pane-header">
        <h2 className="pane-title" id="types-title">{t('types.title')}</h2>
        <span className="muted">{t('types.count', { count: own.length, n: formatNumber(own.length) })}</span>
        <Button className="pane-action" size="small" intent="primary" icon={<AddIcon />} text={t('types.new')} onClick={() => setCreating(true)} />
      </header>
      <ErrorCallout error={error ?? removeError} />
      {types && own.length === 0 ? (
        <NonIdealState
          icon={<TagIcon size={40} />}
          title={t('types.emptyTitle')}
          description={t('types.emptyText')}
          action={<Button icon={<AddIcon />} intent="primary" text={t('types.new')} onClick={() => setCreating(true)} />}
        />
      ) : (
        <div className="table-scroll">
          <HTMLTable compact striped className="data-table">
            <thead>
              <tr>
                <th>{t('types.colName')}</th>
                <th>{t('types.colKind')}</th>
                <th>{t('types.colParent')}</th>
                <th>{t('types.colProperties')}</th>
                <th>{t('types.colLabel')}</th>
                <th className="num">{t('types.colInUse')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {own.map((x) => (
                <tr key={x.id}>
                  <td>
                    <span className="type-swatch" style={{ backgroundColor: x.color ?? undefined }}>
                      {x.iconSvg ? <img alt="" src={`data:image/svg+xml;utf8,${encodeURIComponent(x.iconSvg)}`} /> : <SchemaIcon schema={x.id} />}
                    </span>
                    <span className="type-name">{x.name}</span>
                    {x.origin && <Tag minimal className="type-origin">{x.origin}</Tag>}
                  </td>
                  <td>{t(`types.kind.${x.kind}`)}</td>
                  <td>{x.parent ? schemaLabel(x.parent) : '—'}</td>
                  <td>
                    {x.properties
                      .filter((p) => !p.inherited)
                      .map((p) => (
                        <Tag key={p.id} minimal className="type-prop">
                          {`${p.name}: ${t(`types.datatype.${p.datatype}`)}${p.required ? ' *' : ''}`}
                        </Tag>
                      ))}
                  </td>
                  <td className="mono">{x.label ?? '—'}</td>
                  <td className="num">{formatNumber(x.inUse)}</td>
                  <td>
                    <Button size="small" variant="minimal" icon={<TrashIcon />} aria-label={t('types.remove', { name: x.name })} onClick={() => void remove(x)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </HTMLTable>
        </div>
      )}
      {creating && types && <NewTypeDialog types={types} onClose={() => setCreating(false)} />}
    </section>
  );
}
