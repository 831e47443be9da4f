import { Button, Dialog, DialogBody, DialogFooter, FormGroup, HTMLSelect, InputGroup, Callout } from '@blueprintjs/core';
import { ExportIcon } from '@blueprintjs/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorCallout } from '../../app/ErrorCallout';
import type { ChartController } from './controller';
import { exportPng, exportSvg, type ExportText } from './exportImage';

interface Props {
  ctl: ChartController;
  name: string;
  defaultDir: string;
  onClose(): void;
}

/** Export as PNG (at 1×–4×) or SVG, written by the core to the path given. */
export function ExportDialog({ ctl, name, defaultDir, onClose }: Props) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<'png' | 'svg'>('png');
  const [scale, setScale] = useState(2);
  const base = `${defaultDir}${name.replace(/[^\p{L}\p{N} _-]+/gu, '_')}`;
  const [path, setPath] = useState(`${base}.png`);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const text: ExportText = {
    title: name,
    legendTitle: t('chart.export.legend'),
    strong: t('chart.export.strong'),
    weak: t('chart.export.weak'),
    footer: (handling, tlp) =>
      t('chart.export.footer', { handling: handling ?? t('chart.export.noHandling'), tlp: tlp ? `TLP:${tlp}` : t('chart.export.noTlp') }),
  };
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const handling = { handling: null as string | null, tlp: null as string | null };
      let data: string;
      let size = '';
      if (format === 'png') {
        const png = await exportPng(ctl.cy, scale, { ...text, footer: (h, tl) => ((handling.handling = h), (handling.tlp = tl), text.footer(h, tl)) });
        data = png.dataUrl;
        size = `${png.width} × ${png.height} px`;
      } else {
        data = exportSvg(ctl.cy, { ...text, footer: (h, tl) => ((handling.handling = h), (handling.tlp = tl), text.footer(h, tl)) });
      }
      const r = await call('chart.export', { id: ctl.chartId, path, format, data, handling: handling.handling, tlp: handling.tlp });
      setDone(t('chart.export.done', { path: r.path, size }));
    } catch (err) {
      setError(err);
    }
    setBusy(false);
  };
  return (
    <Dialog isOpen onClose={onClose} title={t('chart.export.title')} icon={<ExportIcon />} className="form-dialog">
      <DialogBody>
        <div className="form-row">
          <FormGroup label={t('chart.export.format')} labelFor="export-format">
            <HTMLSelect
              id="export-format"
              value={format}
              onChange={(e) => {
                const f = e.currentTarget.value as 'png' | 'svg';
                setFormat(f);
                setPath((p) => p.replace(/\.(png|svg)$/i, `.${f}`));
              }}
            >
              <option value="png">PNG</option>
              <option value="svg">SVG</option>
            </HTMLSelect>
          </FormGroup>
          {format === 'png' && (
            <FormGroup label={t('chart.export.scale')} labelFor="export-scale">
              <HTMLSelect id="export-scale" value={scale} onChange={(e) => setScale(Number(e.currentTarget.value))}>
                {[1, 2, 3, 4].map((s) => (
                  <option key={s} value={s}>
                    {s}×
                  </option>
                ))}
              </HTMLSelect>
            </FormGroup>
          )}
        </div>
        <FormGroup label={t('chart.export.path')} labelFor="export-path">
          <InputGroup id="export-path" className="mono" value={path} onValueChange={setPath} />
        </FormGroup>
        {done && (
          <Callout intent="success" role="status" className="export-done">
            {done}
          </Callout>
        )}
        <ErrorCallout error={error} />
      </DialogBody>
      <DialogFooter
        actions={
          <>
            <Button text={t('chart.close')} onClick={onClose} />
            <Button intent="primary" loading={busy} text={t('chart.export.run')} onClick={() => void run()} />
          </>
        }
      />
    </Dialog>
  );
}
