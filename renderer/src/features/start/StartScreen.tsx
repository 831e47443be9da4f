import { ShieldIcon } from '@blueprintjs/icons';
import { useTranslation } from 'react-i18next';
import { SettingsButton } from '../settings/SettingsDialog';
import { CreateCaseForm } from './CreateCaseForm';
import { DemoCard } from './DemoCard';
import { OpenCaseForm } from './OpenCaseForm';
import './start.css';

export function StartScreen() {
  const { t } = useTranslation();
  return (
    <main className="start">
      <header className="start-header">
        <ShieldIcon size={28} className="brand-icon" />
        <div>
          <h1 className="brand">{t('app.name')}</h1>
          <p className="muted">{t('app.tagline')}</p>
        </div>
        <div className="start-settings">
          <SettingsButton minimal={false} />
        </div>
      </header>
      <div className="start-grid">
        <OpenCaseForm />
        <CreateCaseForm />
        <DemoCard />
      </div>
      <footer className="start-footer muted">{t('start.offline')}</footer>
    </main>
  );
}
