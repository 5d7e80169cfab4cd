/** One lab: an engine client, the stores around it, and the wiring between them. */
import { createClient, type EngineClient } from '../engine/client.ts';
import { createConfigStore } from '../store/config.ts';
import { connectStores } from '../store/connect.ts';
import { createHistoryStore } from '../store/history.ts';
import { createPlaybackStore } from '../store/playback.ts';
import { createRunStore } from '../store/run.ts';
import { createUiStore } from '../store/ui.ts';
import type { ExperimentConfig } from '../presets/config.ts';
import type { Lab } from '../views/lab-context.tsx';

/** initial: the experiment to start with (e.g. from a link); the default preset otherwise. */
export function createLab(client: EngineClient = createClient(), initial?: ExperimentConfig): Lab & { dispose(): void } {
  const run = createRunStore();
  const history = createHistoryStore();
  const config = createConfigStore(client, initial);
  const disconnect = connectStores(client, { run, history, config });
  client.send({ type: 'configure', config: config.getState().experiment });
  return {
    config,
    playback: createPlaybackStore(client),
    run,
    history,
    ui: createUiStore(),
    dispose() {
      disconnect();
      client.dispose();
    },
  };
}
