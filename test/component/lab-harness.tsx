/** Renders views inside a lab whose engine is a recording fake. */
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { EngineClient } from '../../src/engine/client.ts';
import type { Command, Event } from '../../src/engine/protocol.ts';
import { I18nContext, translator, type Language } from '../../src/i18n/i18n.ts';
import { createConfigStore } from '../../src/store/config.ts';
import { connectStores } from '../../src/store/connect.ts';
import { createHistoryStore } from '../../src/store/history.ts';
import { createPlaybackStore } from '../../src/store/playback.ts';
import { createRunStore } from '../../src/store/run.ts';
import { createUiStore } from '../../src/store/ui.ts';
import { LabContext } from '../../src/views/lab-context.tsx';
import { findPreset } from '../../src/presets/catalog.ts';

export function renderInLab(ui: ReactElement, language: Language = 'en') {
  const sent: Command[] = [];
  const listeners = new Set<(e: Event) => void>();
  const client: EngineClient = { send: (c) => sent.push(c), subscribe: (l) => (listeners.add(l), () => listeners.delete(l)), dispose() {} };
  const config = createConfigStore(client);
  const lab = { config, playback: createPlaybackStore(client, config), run: createRunStore(), history: createHistoryStore(), ui: createUiStore() };
  connectStores(client, lab);
  const emit = (e: Event) => listeners.forEach((l) => l(e));
  const i18n = { language, t: translator(language), setLanguage() {} };
  const result = render(
    <I18nContext.Provider value={i18n}>
      <LabContext.Provider value={lab}>{ui}</LabContext.Provider>
    </I18nContext.Provider>,
  );
  const ready = () => {
    const p = findPreset('planar-2-4-1')!;
    emit({ type: 'ready', info: { name: p.name, network: p.network, hyper: p.hyper, batchSize: 400, trainSize: 400, testSize: 0, stepsPerEpoch: 1, parameterCount: 17 } });
    emit({ type: 'status', status: 'idle', step: 0 });
  };
  return { ...result, lab, sent, emit, ready };
}
