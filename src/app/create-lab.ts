/** One lab: an engine client, the stores around it, and the wiring between them. */
import { createClient, type EngineClient } from '../engine/client.ts';
import { createConfigStore } from '../store/config.ts';
import { connectStores } from '../store/connect.ts';
import { createHistoryStore } from '../store/history.ts';
import { createRunStore } from '../store/run.ts';
import { createUiStore } from '../store/ui.ts';
import type { Lab } from '../views/lab-context.tsx';

export function createLab(client: EngineClient = createClient()): Lab & { dispose(): void } {
  const run = createRunStore();
  const history = createHistoryStore();
  const config = createConfigStore(client);
  const disconnect = connectStores(client, { run, history, config });
  client.send({ type: 'configure', config: config.getState().experiment });
  return {
    config,
    run,
    history,
    ui: createUiStore(),
    dispose() {
      disconnect();
      client.dispose();
    },
  };
}
