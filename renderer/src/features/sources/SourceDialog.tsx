import { Button, Dialog, DialogBody, DialogFooter, FormGroup, HTMLSelect, InputGroup } from '@blueprintjs/core';
import { DocumentIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BUREAU_RE } from '../../app/bureau';
import { GRADING_SCHEMES, isValidGrade, SCHEMES, TLP_LEVELS, type GradingScheme, type Tlp } from '../../../../shared/grading';
import { isValidDate } from '../../../../shared/values';
import { call } from '../../api';
import { afterWrite } from '../../app/caseActions';
import { ErrorCallout } from '../../app/ErrorCallout';


/** A source report and the grading of what it supports, in the scheme's own codes. */
export function SourceDialog({ isOpen, onClose }: { isOpen: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [scheme, setScheme] = useState<GradingScheme>('eu4x4');
  const [grade, setGrade] = useState('');
  const [handling, setHandling] = useState('');
  const [conditions, setConditions] = useState('');
  const [tlp, setTlp] = useState<Tlp | ''>('');
  const [reference, setReference] = useState('');
  const [reportDate, setReportDate] = useState('');
  const [restricted, setRestricted] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const def = SCHEMES[scheme];
  const gradeOk = isValidGrade(scheme, grade);
  const dateOk = reportDate.trim() === '' || isValidDate(reportDate.trim());
  const bureaus = restricted.split(/[\s,;]+/).filter(Boolean);
  const bureausOk = bureaus.every((b) => BUREAU_RE.test(b));
  const ready = title.trim() !== '' && gradeOk && dateOk && bureausOk && !busy;

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await call('source.create', {
        title: title.trim(),
        scheme,
        grade,
        ...(handling ? { handling } : {}),
        ...(handling && conditions.trim() ? { handlingConditions: conditions.trim() } : {}),
        ...(tlp ? { tlp } : {}),
        ...(reference.trim() ? { reference: reference.trim() } : {}),
        ...(reportDate.trim() ? { reportDate: reportDate.trim() } : {}),
        ...(bureaus.length ? { restrictedTo: bureaus } : {}),
      });
      await afterWrite();
      onClose();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <Dialog isOpen={isOpen} onClose={onClose} title={t('sourceForm.title')} icon={<DocumentIcon />} className="form-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) void submit();
        }}
      >
        <DialogBody>
          <FormGroup label={t('sourceForm.reportTitle')} labelFor="source-title" labelInfo={t('form.required')}>
            <InputGroup id="source-title" value={title} onValueChange={setTitle} />
          </FormGroup>
          <div className="form-row">
            <FormGroup label={t('sourceForm.scheme')} labelFor="source-scheme" className="grow">
              <HTMLSelect
                id="source-scheme"
                fill
                value={scheme}
                onChange={(e) => {
                  setScheme(e.currentTarget.value as GradingScheme);
                  setHandling('');
                }}
                options={GRADING_SCHEMES.map((s) => ({ value: s, label: SCHEMES[s].label }))}
              />
            </FormGroup>
            <FormGroup
              label={t('sourceForm.grade')}
              labelFor="source-grade"
              labelInfo={t('form.required')}
              intent={grade && !gradeOk ? 'danger' : 'none'}
              helperText={t(grade && !gradeOk ? 'sourceForm.gradeInvalid' : 'sourceForm.gradeHelp', {
                scheme: def.label,
                source: def.source.join(' '),
                information: def.information.join(' '),
                example: `${def.source[1]}${def.information[1]}`,
              })}
            >
              <InputGroup id="source-grade" value={grade} onValueChange={(v) => setGrade(v.trim().toUpperCase())} maxLength={2} className="mono" intent={grade && !gradeOk ? 'danger' : 'none'} />
            </FormGroup>
          </div>
          <div className="form-row">
            <FormGroup label={t('sourceForm.handling')} labelFor="source-handling" className="grow" helperText={def.handling.length ? undefined : t('sourceForm.noHandling', { scheme: def.label })}>
              <HTMLSelect
                id="source-handling"
                fill
                disabled={def.handling.length === 0}
                value={handling}
                onChange={(e) => setHandling(e.currentTarget.value)}
                options={[{ value: '', label: t('sourceForm.handlingNone') }, ...def.handling.map((h) => ({ value: h, label: t(`handling.${h}`, { defaultValue: h }) }))]}
              />
            </FormGroup>
            <FormGroup label={t('sourceForm.tlp')} labelFor="source-tlp" className="grow">
              <HTMLSelect
                id="source-tlp"
                fill
                value={tlp}
                onChange={(e) => setTlp(e.currentTarget.value as Tlp | '')}
                options={[{ value: '', label: t('sourceForm.tlpNone') }, ...TLP_LEVELS.map((l) => ({ value: l, label: `TLP:${l}` }))]}
              />
            </FormGroup>
          </div>
          {handling && (
            <FormGroup label={t('sourceForm.conditions')} labelFor="source-conditions" helperText={t('sourceForm.conditionsHelp')}>
              <InputGroup id="source-conditions" value={conditions} onValueChange={setConditions} />
            </FormGroup>
          )}
          <div className="form-row">
            <FormGroup label={t('sourceForm.reference')} labelFor="source-reference" className="grow">
              <InputGroup id="source-reference" value={reference} onValueChange={setReference} className="mono" />
            </FormGroup>
            <FormGroup
              label={t('sourceForm.reportDate')}
              labelFor="source-date"
              className="grow"
              intent={dateOk ? 'none' : 'danger'}
              helperText={dateOk ? t('form.datePlaceholder') : t('sourceForm.dateInvalid')}
            >
              <InputGroup id="source-date" value={reportDate} onValueChange={setReportDate} placeholder={t('form.datePlaceholder')} />
            </FormGroup>
          </div>
          <FormGroup
            label={t('sourceForm.restricted')}
            labelFor="source-restricted"
            intent={bureausOk ? 'none' : 'danger'}
            helperText={bureausOk ? t('sourceForm.restrictedHelp') : t('start.bureauInvalid')}
          >
            <InputGroup id="source-restricted" value={restricted} onValueChange={(v) => setRestricted(v.toUpperCase())} placeholder="NL_NCB, BE_NCB" />
          </FormGroup>
          <ErrorCallout error={error} />
        </DialogBody>
        <DialogFooter
          minimal
          actions={
            <>
              <Button text={t('form.cancel')} onClick={onClose} />
              <Button type="submit" intent="primary" text={t('sourceForm.create')} disabled={!ready} loading={busy} />
            </>
          }
        />
      </form>
    </Dialog>
  );
}
