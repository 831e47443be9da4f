import { Button } from '@blueprintjs/core';
import { DuplicateIcon, ImportIcon, LayoutHierarchyIcon, TimelineEventsIcon } from '@blueprintjs/icons';
import { BadgeIcon, ChatIcon, ExchangeIcon, DocumentIcon, FloppyDiskIcon, GraphIcon, HistoryIcon, MapIcon, PeopleIcon, ProjectsIcon, TagIcon, TargetIcon } from '@blueprintjs/icons';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format';
import { useSession } from '../state/session';
import { useWorkspace, type View } from '../state/workspace';

export function Rail() {
  const { t } = useTranslation();
  const view = useWorkspace((s) => s.view);
  const setView = useWorkspace((s) => s.setView);
  const entities = useSession((s) => s.info?.entities ?? 0);
  const sources = useSession((s) => s.info?.sources ?? 0);
  const analysisOpen = useWorkspace((s) => s.analysisOpen);
  const setAnalysisOpen = useWorkspace((s) => s.setAnalysisOpen);
  const timelineOpen = useWorkspace((s) => s.timelineOpen);
  const setTimelineOpen = useWorkspace((s) => s.setTimelineOpen);
  const item = (id: View, icon: ReactElement, count?: number, text = t(`rail.${id}`)) => (
    <Button
      key={id}
      data-rail={id}
      variant="minimal"
      alignText="start"
      fill
      icon={icon}
      active={view === id}
      aria-current={view === id ? 'page' : undefined}
      onClick={() => setView(id)}
      endIcon={count === undefined ? undefined : <span className="rail-count">{formatNumber(count)}</span>}
      text={text}
    />
  );
  return (
    <nav className="rail" aria-label={t('rail.label')}>
      {item('entities', <PeopleIcon />, entities)}
      {item('sources', <DocumentIcon />, sources)}
      {item('types', <TagIcon />)}
      {item('charts', <GraphIcon />)}
      {item('map', <MapIcon />, undefined, t('map.rail'))}
      {item('audit', <HistoryIcon />)}
      {item('casefile', <FloppyDiskIcon />)}
      {item('import', <ImportIcon />)}
      {item('duplicates', <DuplicateIcon />)}
      <Button
        variant="minimal"
        alignText="start"
        fill
        data-rail="analysis"
        icon={<LayoutHierarchyIcon />}
        active={analysisOpen}
        aria-pressed={analysisOpen}
        onClick={() => setAnalysisOpen(!analysisOpen)}
        text={t('analysis.rail')}
      />
      <div className="rail-divider" />
      {item('officers', <BadgeIcon />)}
      {item('projects', <ProjectsIcon />)}
      {item('packages', <ExchangeIcon />)}
      <div className="rail-divider" />
      {item('meetings', <ChatIcon />)}
      {item('operations', <TargetIcon />)}
      {/* Last, so the rail's other buttons keep their places (e2e specs count them). */}
      <div className="rail-divider" />
      <Button
        variant="minimal"
        alignText="start"
        fill
        icon={<TimelineEventsIcon />}
        active={timelineOpen}
        aria-pressed={timelineOpen}
        onClick={() => setTimelineOpen(!timelineOpen)}
        text={t('timeline.rail')}
      />
    </nav>
  );
}
