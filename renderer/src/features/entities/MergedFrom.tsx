import { Button, Callout } from '@blueprintjs/core';
import { DuplicateIcon } from '@blueprintjs/icons';
import { useTranslation } from 'react-i18next';
import type { EntitySummary } from '../../../../shared/entities/dto';
import { useWorkspace } from '../../state/workspace';

/** On a merged entity's page: which records it is made of, and where to split them again. */
export function MergedFrom({ entity, members }: { entity: EntitySummary; members: readonly EntitySummary[] }) {
  const { t } = useTranslation();
  const reviewCluster = useWorkspace((s) => s.reviewCluster);
  return (
    <Callout className="merged-from" intent="primary" icon={<DuplicateIcon />} title={t('entity.merged.title', { count: members.length })} compact>
      <ul className="merged-members">
        {members.map((m) => (
          <li key={m.id}>
            {m.caption || t('entity.noCaption')} <span className="mono muted small">{m.id}</span>
          </li>
        ))}
      </ul>
      <Button size="small" text={t('entity.merged.review')} onClick={() => reviewCluster({ id: entity.id, schema: entity.schema, caption: entity.caption })} />
    </Callout>
  );
}
