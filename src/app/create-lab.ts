/** One lab: an engine client, the stores around it, and the wiring between them. */
import { createClient, type EngineClient } from '../engine/client.ts';
import { createConfigStore, type InitialPlayback } from '../store/config.ts';
import { connectStores } from '../store/connect.ts';
import { createHistoryStore } from '../store/history.ts';
import { createPlaybackStore } from '../store/playback.ts';
import { createRunStore } from '../store/run.ts';
import { createUiStore, type UiStore } from '../store/ui.ts';
import type { ExperimentConfig } from '../presets/config.ts';
import type { Lab } from '../views/lab-context.tsx';

/**
 * initial: the experiment to start with (e.g. from a link), the default preset otherwise;
 * playback: its speed and step granularity; ui: the screen's store when the shell made it first.
 */
export function createLab(
  client: EngineClient = createClient(),
  initial?: ExperimentConfig,
  playback?: InitialPlayback,
  ui: UiStore = createUiStore(),
): Lab & { dispose(): void } {
  const run = createRunStore();
  const history = createHistoryStore();
  const config = createConfigStore(client, initial, playback);
  const disconnect = connectStores(client, { run, history, config });
  client.send({ type: 'configure', config: config.getState().experiment });
  client.send({ type: 'set', settings: { speed: config.getState().speed } });
  return {
    config,
    playback: createPlaybackStore(client, config),
    run,
    history,
    ui,
    dispose() {
      disconnect();
      client.dispose();
    },
  };
}
