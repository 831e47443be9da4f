import { useState } from 'react';
import { EntityList } from './EntityList';
import { EntityPage } from './EntityPage';
import { NewEntityDialog } from './NewEntityDialog';
import './entities.css';

export function EntitiesView() {
  const [creating, setCreating] = useState(false);
  return (
    <div className="entities-view">
      <EntityList onNew={() => setCreating(true)} />
      <EntityPage />
      <NewEntityDialog isOpen={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
