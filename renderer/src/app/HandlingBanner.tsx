import { useTranslation } from 'react-i18next';
import { useSession } from '../state/session';

/** The most restrictive handling code and TLP in the open case, always on screen (DESIGN.md §10). */
export function HandlingBanner() {
  const { t } = useTranslation();
  const handling = useSession((s) => s.info?.handling ?? null);
  const tlp = useSession((s) => s.info?.tlp ?? null);
  const level = tlp ? tlp.toLowerCase().replace('+', '-') : 'none';
  return (
    <div className={`handling-banner tlp-${level}`} role="status" aria-label={t('banner.label')} data-testid="handling-banner">
      {handling || tlp ? (
        <>
          {tlp && <span className="banner-tlp">{`TLP:${tlp}`}</span>}
          {handling && <span className="banner-handling">{t('banner.handling', { code: handling })}</span>}
        </>
      ) : (
        <span>{t('banner.none')}</span>
      )}
    </div>
  );
}
