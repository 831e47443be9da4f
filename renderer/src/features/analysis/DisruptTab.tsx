import { Button, Callout, Checkbox, FormGroup, HTMLSelect, NumericInput } from '@blueprintjs/core';
import { GraphRemoveIcon, PlayIcon, TargetIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisruptionResult } from '../../../../shared/analysis/dto';
import type { EntitySummary } from '../../../../shared/entities/dto';
import { ErrorCallout } from '../../app/ErrorCallout';
import { formatNumber } from '../../format';
import type { ChartController } from '../chart/controller';
import { formatScore } from './columns';
import { EntityListPicker } from './EntityList';
import { LccChart } from './LccChart';
import { SaveTargetsDialog } from './SaveTargetsDialog';
import { useAnalysis } from './store';

type Strategy = 'betweenness' | 'degree' | 'ci';

/** What breaks the network: remove chosen targets, or run removal strategies and plot the LCC. */
export function DisruptTab({ ctl }: { ctl: ChartController | null }) {
  const { t } = useTranslation();
  const { curves, targets: impact, disruptStatus, disrupt, removeTargets } = useAnalysis();
  const [targets, setTargets] = useState<EntitySummary[]>([]);
  const [strategies, setStrategies] = useState<Strategy[]>(['betweenness', 'degree']);
  const [mode, setMode] = useState<'sequential' | 'block'>('sequential');
  const [k, setK] = useState(5);
  const busy = disruptStatus.state === 'running';
  // The runs whose removals can become an operation's targets: the chosen targets, or the curves.
  const [saving, setSaving] = useState<DisruptionResult[] | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const saveButton = (runs: DisruptionResult[]) => (
    <Button
      size="small"
      icon={<TargetIcon />}
      text={t('analysis.disrupt.saveTargets')}
      onClick={() => {
        setSaved(null);
        setSaving(runs);
      }}
    />
  );
  const fromSelection = () => {
    if (!ctl) return;
    const sel = ctl.cy.nodes(':selected').not('.group, .ghost').map((n) => ({ id: n.id(), caption: String(n.data('label') ?? ''), schema: String(n.data('schema')) }));
    setTargets([...targets, ...sel.filter((s) => !targets.some((x) => x.id === s.id))]);
  };
  const toggle = (s: Strategy, on: boolean) => setStrategies(on ? [...strategies, s] : strategies.filter((x) => x !== s));
  const im = impact?.impact;
  return (
    <div className="analysis-tab-body analysis-disrupt">
      <section className="analysis-form">
        <h4>{t('analysis.disrupt.targetsTitle')}</h4>
        <EntityListPicker
          id="disrupt-targets"
          value={targets}
          onChange={setTargets}
          extra={ctl && <Button size="small" text={t('analysis.disrupt.fromSelection')} onClick={fromSelection} />}
        />
        <Button intent="primary" icon={<GraphRemoveIcon />} text={t('analysis.disrupt.remove')} disabled={targets.length === 0} loading={busy} onClick={() => void removeTargets(targets.map((x) => x.id), ctl)} />
        {im && (
          <div className="analysis-impact" data-testid="disrupt-impact">
            <p>
              {t('analysis.disrupt.lccChange', { before: formatNumber(im.before.lcc), after: formatNumber(im.after.lcc), cBefore: formatNumber(im.before.components), cAfter: formatNumber(im.after.components) })}
            </p>
            <p>{im.isolated.length === 0 ? t('analysis.disrupt.noneIsolated') : t('analysis.disrupt.isolated', { count: im.isolated.length, names: im.isolated.map((e) => e.caption).join(', ') })}</p>
            {im.brokers.length > 0 && (
              <>
                <h5>{t('analysis.disrupt.brokers')}</h5>
                <ul>
                  {im.brokers.map((b) => (
                    <li key={b.id}>{t('analysis.disrupt.broker', { name: b.caption, before: formatScore(b.before), after: formatScore(b.after), rankBefore: b.rankBefore, rankAfter: b.rankAfter })}</li>
                  ))}
                </ul>
              </>
            )}
            {impact && saveButton([impact])}
          </div>
        )}
      </section>
      <section className="analysis-form">
        <h4>{t('analysis.disrupt.strategyTitle')}</h4>
        <div className="analysis-inline">
          {(['betweenness', 'degree', 'ci'] as const).map((s) => (
            <Checkbox key={s} inline label={t(`analysis.disrupt.strategies.${s}`)} checked={strategies.includes(s)} onChange={(e) => toggle(s, e.currentTarget.checked)} />
          ))}
        </div>
        <div className="analysis-inline">
          <FormGroup label={t('analysis.disrupt.mode')} labelFor="disrupt-mode" inline>
            <HTMLSelect id="disrupt-mode" value={mode} onChange={(e) => setMode(e.currentTarget.value as 'sequential' | 'block')}>
              <option value="sequential">{t('analysis.disrupt.sequential')}</option>
              <option value="block">{t('analysis.disrupt.block')}</option>
            </HTMLSelect>
          </FormGroup>
          {mode === 'block' && (
            <FormGroup label={t('analysis.disrupt.k')} labelFor="disrupt-k" inline>
              <NumericInput id="disrupt-k" size="small" min={1} max={1000} value={k} onValueChange={(v) => setK(Math.min(1000, Math.max(1, Math.round(v) || 1)))} />
            </FormGroup>
          )}
        </div>
        <Button intent="primary" icon={<PlayIcon />} text={t('analysis.disrupt.run')} disabled={strategies.length === 0} loading={busy} onClick={() => void disrupt(strategies, mode, mode === 'block' ? k : 1, ctl)} />
        {disruptStatus.state === 'cancelled' && <Callout intent="warning">{t('analysis.cancelled')}</Callout>}
        {disruptStatus.state === 'failed' && <ErrorCallout error={disruptStatus.error} />}
        {curves.length > 0 && (
          <>
            <LccChart curves={curves} />
            <p className="muted analysis-tie">{curves[0]!.tieRule}</p>
            {saveButton(curves)}
          </>
        )}
        {saved && (
          <Callout intent="success" data-testid="targets-saved">
            {saved}
          </Callout>
        )}
      </section>
      {saving && (
        <SaveTargetsDialog
          runs={saving}
          onClose={() => setSaving(null)}
          onSaved={(operation, count) => {
            setSaving(null);
            setSaved(t('analysis.disrupt.saved', { count, operation }));
          }}
        />
      )}
    </div>
  );
}
