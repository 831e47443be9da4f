import { Button, Dialog, DialogBody, DialogFooter, FormGroup, HTMLSelect, Radio, RadioGroup } from '@blueprintjs/core';
import { CogIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber, officerTimeZone } from '../../format';
import { chooseDigits, chooseLanguage, currentDigits } from '../../i18n';
import { ENDONYMS, LANGUAGES, isLanguage, type Digits } from '../../i18n/languages';

// Settings of this workstation, not of a case: the interface language and, in Arabic, the digits.
// Reached from the start screen and from the top bar, so a language can be chosen before any case.

export function SettingsButton({ minimal = true }: { minimal?: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant={minimal ? 'minimal' : undefined} icon={<CogIcon />} text={t('settings.open')} onClick={() => setOpen(true)} data-testid="settings-open" />
      {open && <SettingsDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function SettingsDialog({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? 'en';
  const [digits, setDigits] = useState<Digits>(currentDigits());
  const now = new Date().toISOString();
  return (
    <Dialog isOpen onClose={onClose} title={t('settings.title')} icon={<CogIcon />} className="settings-dialog">
      <DialogBody>
        <FormGroup label={t('settings.language')} labelFor="settings-language" helperText={t('settings.languageHelp')}>
          <HTMLSelect
            id="settings-language"
            value={isLanguage(lng) ? lng : 'en'}
            onChange={(e) => void chooseLanguage(e.currentTarget.value as (typeof LANGUAGES)[number])}
            options={LANGUAGES.map((l) => ({ value: l, label: ENDONYMS[l] }))}
          />
        </FormGroup>
        {lng === 'ar' && (
          <RadioGroup
            label={t('settings.digits')}
            selectedValue={digits}
            onChange={(e) => {
              const d = e.currentTarget.value as Digits;
              setDigits(d);
              void chooseDigits(d);
            }}
          >
            <Radio value="arab" label={t('settings.digitsArab', { example: new Intl.NumberFormat('ar-u-nu-arab').format(1234567890) })} />
            <Radio value="latn" label={t('settings.digitsLatn', { example: new Intl.NumberFormat('ar-u-nu-latn').format(1234567890) })} />
          </RadioGroup>
        )}
        <FormGroup label={t('settings.timeZone')} helperText={t('settings.timeZoneHelp')}>
          <div data-testid="settings-time-zone">
            <bdi className="mono">{officerTimeZone()}</bdi> · <bdi>{formatDateTime(now)}</bdi> · <bdi>{formatNumber(1234567.5)}</bdi>
          </div>
        </FormGroup>
      </DialogBody>
      <DialogFooter actions={<Button text={t('settings.close')} onClick={onClose} />} />
    </Dialog>
  );
}
