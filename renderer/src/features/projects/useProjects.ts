import { useEffect, useState } from 'react';
import type { ProjectDetail, ProjectView } from '../../../../shared/exchange/dto';
import { call } from '../../api';
import { useWorkspace } from '../../state/workspace';

/** The central group's projects, refetched after every write. */
export function useProjects(): { projects: ProjectView[] | null; error: unknown } {
  const version = useWorkspace((s) => s.dataVersion);
  const [state, setState] = useState<{ projects: ProjectView[] | null; error: unknown }>({ projects: null, error: null });
  useEffect(() => {
    let live = true;
    call('project.list', {}).then(
      (projects) => live && setState({ projects, error: null }),
      (error: unknown) => live && setState({ projects: [], error }),
    );
    return () => {
      live = false;
    };
  }, [version]);
  return state;
}

/** One project with its first page of contributed items. */
export function useProject(id: string | null): { project: ProjectDetail | null; error: unknown } {
  const version = useWorkspace((s) => s.dataVersion);
  const [state, setState] = useState<{ project: ProjectDetail | null; error: unknown }>({ project: null, error: null });
  useEffect(() => {
    if (!id) {
      setState({ project: null, error: null });
      return;
    }
    let live = true;
    call('project.get', { id, limit: 500 }).then(
      (project) => live && setState({ project, error: null }),
      (error: unknown) => live && setState({ project: null, error }),
    );
    return () => {
      live = false;
    };
  }, [id, version]);
  return state;
}
