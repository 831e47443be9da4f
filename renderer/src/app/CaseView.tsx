import { useWorkspace } from '../state/workspace';
import { AuditView } from '../features/audit/AuditView';
import { EntitiesView } from '../features/entities/EntitiesView';
import { SourcesView } from '../features/sources/SourcesView';
import { HandlingBanner } from './HandlingBanner';
import { Rail } from './Rail';
import { TopBar } from './TopBar';

export function CaseView() {
  const view = useWorkspace((s) => s.view);
  return (
    <div className="case-view">
      <HandlingBanner />
      <TopBar />
      <div className="case-body">
        <Rail />
        <main className="workspace">
          {view === 'entities' && <EntitiesView />}
          {view === 'sources' && <SourcesView />}
          {view === 'audit' && <AuditView />}
        </main>
      </div>
    </div>
  );
}
