import { useWorkspace } from '../state/workspace';
import { AnalysisPanel } from '../features/analysis/AnalysisPanel';
import { AuditView } from '../features/audit/AuditView';
import { CaseFileView } from '../features/casefile/CaseFileView';
import { useAutoBackup } from '../features/casefile/useAutoBackup';
import { ChartsView } from '../features/chart/ChartsView';
import { EntitiesView } from '../features/entities/EntitiesView';
import { ImportView } from '../features/import/ImportView';
import { DuplicatesView } from '../features/matching/DuplicatesView';
import { JobsPanel } from '../features/jobs/JobsPanel';
import { MapView } from '../features/map/MapView';
import { MeetingsView } from '../features/meetings/MeetingsView';
import { OperationsView } from '../features/operations/OperationsView';
import { OfficersView } from '../features/officers/OfficersView';
import { PackagesView } from '../features/packages/PackagesView';
import { ProjectsView } from '../features/projects/ProjectsView';
import { SourcesView } from '../features/sources/SourcesView';
import { TypesView } from '../features/types/TypesView';
import { useCaseTypes } from '../features/types/useCaseTypes';
import { TimelinePanel } from '../features/timeline/TimelinePanel';
import { HandlingBanner } from './HandlingBanner';
import { Rail } from './Rail';
import { TopBar } from './TopBar';

export function CaseView() {
  const view = useWorkspace((s) => s.view);
  const analysisOpen = useWorkspace((s) => s.analysisOpen);
  useAutoBackup(true);
  // The case's own types join the catalogue before any view draws them (issue 24).
  useCaseTypes();
  const timelineOpen = useWorkspace((s) => s.timelineOpen);
  return (
    <div className="case-view">
      <HandlingBanner />
      <TopBar />
      <div className="case-body">
        <Rail />
        <main className="workspace">
          {view === 'entities' && <EntitiesView />}
          {view === 'sources' && <SourcesView />}
          {view === 'types' && <TypesView />}
          {view === 'audit' && <AuditView />}
          {view === 'casefile' && <CaseFileView />}
          {view === 'import' && <ImportView />}
          {view === 'duplicates' && <DuplicatesView />}
          {view === 'charts' && <ChartsView />}
          {view === 'map' && <MapView />}
          {view === 'officers' && <OfficersView />}
          {view === 'projects' && <ProjectsView />}
          {view === 'packages' && <PackagesView />}
          {view === 'meetings' && <MeetingsView />}
          {view === 'operations' && <OperationsView />}
          {timelineOpen && <TimelinePanel />}
          {analysisOpen && <AnalysisPanel />}
          <JobsPanel />
        </main>
      </div>
    </div>
  );
}
