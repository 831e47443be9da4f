import { Button } from '@blueprintjs/core';
import { ArrowLeftIcon, ArrowRightIcon } from '@blueprintjs/icons';
import { useTranslation } from 'react-i18next';
import { getSchema } from '../../../../shared/catalogue';
import type { LinkView } from '../../../../shared/entities/dto';
import { SchemaIcon } from '../../app/schemaIcon';
import { propLabel, schemaLabel } from '../../catalogueText';
import { useWorkspace } from '../../state/workspace';

/** The entity's links; the link itself and the other endpoint both open their pages. */
export function LinksTable({ links }: { links: LinkView[] }) {
  const { t } = useTranslation();
  const select = useWorkspace((s) => s.select);
  if (links.length === 0) return <p className="muted">{t('entity.noLinks')}</p>;
  return (
    <table className="links-table">
      <thead>
        <tr>
          <th>{t('entity.linkType')}</th>
          <th>{t('entity.linkRole')}</th>
          <th>{t('entity.linkOther')}</th>
        </tr>
      </thead>
      <tbody>
        {links.map((l) => {
          const schema = getSchema(l.schema);
          // The other endpoint's role, named by the link type (e.g. "Organisation" for a membership).
          const role = schema?.edge ? (l.direction === 'out' ? schema.edge.target : schema.edge.source) : null;
          return (
            <tr key={l.id}>
              <td>
                <Button size="small" variant="minimal" icon={<SchemaIcon schema={l.schema} />} text={schemaLabel(l.schema)} onClick={() => select(l.id)} />
                {l.caption && <span className="muted"> {l.caption}</span>}
              </td>
              <td className="muted">
                {l.direction === 'out' ? <ArrowRightIcon size={12} className="dir-icon" /> : <ArrowLeftIcon size={12} className="dir-icon" />}{' '}
                {role ? propLabel(schema, schema?.properties.find((p) => p.name === role), role) : ''}
              </td>
              <td>
                <Button
                  size="small"
                  variant="minimal"
                  icon={<SchemaIcon schema={l.other.schema} />}
                  text={l.other.caption || t('entity.noCaption')}
                  onClick={() => select(l.other.id)}
                  className="link-other"
                />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
