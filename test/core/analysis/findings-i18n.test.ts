import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { runMeasures } from '../../../electron/core/analysis/run';
import en from '../../../renderer/src/i18n/en.json';
import { asCase, caviarGraph, krebsGraph, montagnaGraph } from './fixtures';

// The key-players report reaches the UI as message keys with values, translated there; the CLI
// and the audit keep the English sentence. The English catalogue must say exactly that sentence,
// for every kind of finding the real networks produce.

describe('key-player findings through i18n', () => {
  it('every finding renders from analysis.finding.<key> to the same sentence as its text', async () => {
    const t = i18next.createInstance();
    await t.init({ resources: { en: { translation: en } }, lng: 'en', interpolation: { escapeValue: false } });
    const seen = new Set<string>();
    for (const g of [caviarGraph(), montagnaGraph('meetings'), montagnaGraph('phonecalls'), krebsGraph()]) {
      const r = await runMeasures(asCase(g), { measures: ['betweenness', 'louvain', 'cuts'], weighted: false, top: 5 });
      for (const f of r.keyPlayers.findings) {
        expect(t.exists(`analysis.finding.${f.message.key}`), f.message.key).toBe(true);
        expect(t.t(`analysis.finding.${f.message.key}`, f.message.params)).toBe(f.text);
        seen.add(f.message.key);
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(5);
  });
});
