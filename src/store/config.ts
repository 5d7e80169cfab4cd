/**
 * Settings: the experiment being run, the playback speed, the step granularity and the bug
 * switches. The single owner of settings (playback commands are playback.ts's);
 * serialisable, so a URL or a saved session can hold it. Every action validates first: an
 * impossible value is refused with a message naming the field and nothing changes. Changes
 * that never reset training (rate, optimizer, λ, batch size, speed) go to the worker as
 * `set`; a change of architecture, data or seed rebuilds from the seed with `configure`.
 */
import type { Shown } from '../core/refusal.ts';
import { createStore } from 'zustand/vanilla';
import { validateBugs, type BugName } from '../core/bugs.ts';
import { ConfigError, shownOf } from '../core/errors.ts';
import { validateHyperparameters, type Hyperparameters } from '../core/spec.ts';
import type { EngineClient } from '../engine/client.ts';
import type { Event, Granularity, SettingsInForce, Speed } from '../engine/protocol.ts';
import { findPreset, PRESETS } from '../presets/catalog.ts';
import { checkCsvFileSize, rememberCsv, validateExperimentConfig, type ExperimentConfig } from '../presets/config.ts';
import { csvExperiment } from '../presets/csv-experiment.ts';
import { checkBatchSize } from '../presets/experiment.ts';
import { checkedSpeed, startingSpeed } from './speed.ts';

export interface CsvReading {
  readonly name: string;
  /** The file's size in bytes. */
  readonly bytes: number;
  readonly stage: 'read' | 'parse';
  readonly done: number;
  readonly total: number;
}

export interface ConfigState {
  readonly experiment: ExperimentConfig;
  readonly speed: Speed;
  /** The bug lab's switched-on mistakes. */
  readonly bugs: readonly BugName[];
  /** The last refused setting, for the control that made it. */
  readonly refused: (Shown & { readonly field: string }) | null;
  loadPreset(name: string): void;
  /** Replaces the experiment and rebuilds it from its seed. */
  configure(experiment: unknown): void;
  setHyper(hyper: Partial<Hyperparameters>): void;
  setLearningRate(learningRate: number): void;
  setBatchSize(batchSize: number): void;
  setSpeed(speed: Speed): void;
  /** What one press of Step takes: a phase, a batch (one update) or an epoch. */
  readonly granularity: Granularity;
  setGranularity(granularity: Granularity): void;
  /** Switches mistakes on or off; the run restarts from its seed with a bug-free twin beside it. */
  setBugs(bugs: readonly BugName[]): void;
  /** Loads a model file's weights (and, if it differs, its architecture) into the run. */
  importModel(source: string | Blob): void;
  /**
   * Trains on a CSV file: its size is checked here, then the worker reads and parses it (the
   * page never does) and the experiment is fitted to its shape and configured. A refusal (size,
   * or a line and column) is kept as `refused` at `data.text`; the experiment is kept.
   */
  readCsv(file: Blob, name: string): void;
  /** The CSV file being read, and how far (bytes read, then characters parsed); null when none is. */
  readonly csvReading: CsvReading | null;
  /**
   * The engine's word on the settings: its reply to the latest settings command (`applied` or
   * an error) states the settings in force, which are then shown (a refused value goes back;
   * an imported model's network and λ come in); an error naming a live setting is kept as
   * `refused`. A restarted worker is given the experiment, bugs and speed shown.
   */
  receive(event: Event): void;
}

/** The first experiment a visitor sees: small, fast, and visibly learning within seconds. */
export const DEFAULT_PRESET = 'planar-2-4-1';

/** How playback starts; the experiment's starting speed and whole steps unless given (e.g. by a link). */
export interface InitialPlayback {
  readonly speed?: Speed;
  readonly granularity?: Granularity;
}

export function createConfigStore(client: EngineClient, initial: ExperimentConfig = findPreset(DEFAULT_PRESET) ?? PRESETS[0]!, playback: InitialPlayback = {}) {
  const initialSpeed = playback.speed ?? startingSpeed(initial);
  const store = createStore<ConfigState>()((set, get) => {
    /** Keeps a refusal as `refused`, for the control that made it. */
    const refuse = (e: ConfigError) => set({ refused: { ...shownOf(e, { code: 'text', text: e.message }), field: e.field } });
    /** Runs a change; a ConfigError is kept as `refused` instead of thrown. */
    const attempt = (change: () => void) => {
      try {
        change();
        if (get().refused !== null) set({ refused: null });
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
        refuse(e);
      }
    };
    /**
     * The number of the latest command that changed what runs: a live setting, an import, or a
     * new experiment. The worker answers each settings command with the settings then in force
     * (protocol.ts SettingsReply); the answer to the latest is taken up whole, so the screen
     * shows exactly what runs. Answers to older ones are superseded: a newer change is on its way.
     */
    let asked = 0;
    /** The number of the latest `read-csv`: progress and answers to older ones are dropped. */
    let csvAsked = 0;
    /** Takes the worker's part of reading a CSV file: progress, the data read, or a refusal. */
    const receiveCsv = (event: Event) => {
      if (event.type === 'worker-restarted') {
        if (get().csvReading !== null) set({ csvReading: null }); // the new worker reads nothing
        return;
      }
      if (!('asked' in event) || event.asked !== csvAsked || get().csvReading === null) return;
      if (event.type === 'csv-progress') {
        set({ csvReading: { ...get().csvReading!, stage: event.stage, done: event.done, total: event.total } });
      } else if (event.type === 'csv-read') {
        set({ csvReading: null });
        rememberCsv(event.data, event.shape); // its shape, so validation here never parses it
        get().configure(csvExperiment(get().experiment, event.data, event.shape));
      } else if (event.type === 'error' && event.command === 'read-csv') {
        set({ csvReading: null, refused: { field: event.field ?? 'data.text', message: event.message, ...(event.refusal ? { refusal: event.refusal } : {}), ...(event.place ? { place: event.place } : {}) } });
      }
    };
    /** Shows the settings the worker reports in force, where they differ from what is shown. */
    const takeUp = (inForce: SettingsInForce) => {
      const { experiment, speed } = get();
      const shown = { network: experiment.network, hyper: experiment.hyper, batchSize: experiment.schedule.batchSize, speed };
      if (JSON.stringify(shown) === JSON.stringify(inForce)) return;
      set({
        experiment: { ...experiment, network: inForce.network, hyper: inForce.hyper, schedule: { ...experiment.schedule, batchSize: inForce.batchSize } },
        speed: inForce.speed,
      });
    };
    return {
      experiment: initial,
      speed: initialSpeed,
      granularity: playback.granularity ?? 'batch',
      bugs: [],
      refused: null,
      csvReading: null,
      loadPreset(name) {
        const preset = findPreset(name);
        if (!preset) {
          refuse(new ConfigError('preset', { code: 'unknown-preset', name }));
          return;
        }
        get().configure(preset);
        get().setSpeed(startingSpeed(preset));
      },
      configure(experiment) {
        attempt(() => {
          const checked = validateExperimentConfig(experiment);
          set({ experiment: checked });
          asked++;
          client.send({ type: 'configure', config: checked });
        });
      },
      setHyper(partial) {
        attempt(() => {
          const hyper = validateHyperparameters({ ...get().experiment.hyper, ...partial });
          set({ experiment: { ...get().experiment, hyper } });
          // Only what changed: the worker keeps the rest as it has it (an imported model's λ).
          const changed = Object.fromEntries(Object.keys(partial).map((k) => [k, hyper[k as keyof Hyperparameters]]));
          client.send({ type: 'set', settings: { hyper: changed }, asked: ++asked });
        });
      },
      setLearningRate(learningRate) {
        get().setHyper({ learningRate });
      },
      setBatchSize(batchSize) {
        attempt(() => {
          checkBatchSize(batchSize);
          const experiment = get().experiment;
          set({ experiment: { ...experiment, schedule: { ...experiment.schedule, batchSize } } });
          client.send({ type: 'set', settings: { batchSize }, asked: ++asked });
        });
      },
      setSpeed(speed) {
        attempt(() => {
          checkedSpeed(speed);
          set({ speed });
          client.send({ type: 'set', settings: { speed }, asked: ++asked });
        });
      },
      setGranularity(granularity) {
        set({ granularity });
      },
      setBugs(bugs) {
        attempt(() => {
          const checked = validateBugs([...bugs]);
          set({ bugs: checked });
          client.send({ type: 'set-bugs', bugs: checked });
        });
      },
      readCsv(file, name) {
        attempt(() => {
          checkCsvFileSize(file.size); // before a byte is read
          set({ csvReading: { name, bytes: file.size, stage: 'read', done: 0, total: file.size } });
          client.send({ type: 'read-csv', file, name, asked: ++csvAsked });
        });
      },
      receive(event) {
        receiveCsv(event);
        if (event.type === 'worker-restarted') {
          // A new worker holds nothing: give it what the screen shows (training starts again).
          const { experiment, bugs, speed } = get();
          asked++;
          client.send({ type: 'configure', config: experiment });
          if (bugs.length > 0) client.send({ type: 'set-bugs', bugs });
          client.send({ type: 'set', settings: { speed } });
          return;
        }
        if ((event.type === 'applied' || event.type === 'error') && event.inForce !== undefined && event.asked === asked) takeUp(event.inForce);
        if (event.type === 'error' && event.field !== undefined && /^(hyper|batchSize|speed)/.test(event.field)) {
          set({
            refused: {
              field: event.field,
              message: `${event.field}: ${event.message.replace(`${event.field}: `, '')}`,
              ...(event.refusal ? { refusal: event.refusal } : {}),
              ...(event.place ? { place: event.place } : {}),
            },
          });
        }
      },
      importModel(source) {
        // A file goes as it is: the worker checks its size and reads it, the page never does.
        client.send({ type: 'import-model', ...(typeof source === 'string' ? { text: source } : { file: source }), asked: ++asked });
      },
    };
  });
  return store;
}
export type ConfigStore = ReturnType<typeof createConfigStore>;
