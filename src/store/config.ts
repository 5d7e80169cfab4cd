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
import { ConfigError } from '../core/errors.ts';
import { validateHyperparameters, type Hyperparameters } from '../core/spec.ts';
import type { EngineClient } from '../engine/client.ts';
import type { Event, Granularity, Speed } from '../engine/protocol.ts';
import { findPreset, PRESETS } from '../presets/catalog.ts';
import { validateExperimentConfig, type ExperimentConfig } from '../presets/config.ts';
import { checkBatchSize } from '../presets/experiment.ts';
import { checkedSpeed, startingSpeed } from './speed.ts';

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
  importModel(text: string): void;
  /**
   * The engine's word on the settings: on `ready` and `applied` they are confirmed (and taken
   * up when an imported model brought its own architecture or regularization); an error naming
   * a live setting's field takes that setting back to its last confirmed value.
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
    /** Runs a change; a ConfigError is kept as `refused` instead of thrown. */
    const attempt = (change: () => void) => {
      try {
        change();
        if (get().refused !== null) set({ refused: null });
      } catch (e) {
        if (!(e instanceof ConfigError)) throw e;
        set({ refused: { field: e.field, message: e.message, refusal: e.refusal, ...(e.place ? { place: e.place } : {}) } });
      }
    };
    /**
     * An import is under way (sent, its settings not yet confirmed), and whether the
     * hyperparameters were changed meanwhile: those changes went out with the regularization
     * from before the import and must go out again with the model's.
     */
    let importing = false;
    let editedWhileImporting = false;
    /** The live settings as the engine last confirmed them. */
    let confirmed = { hyper: initial.hyper, batchSize: initial.schedule.batchSize, speed: initialSpeed };
    return {
      experiment: initial,
      speed: initialSpeed,
      granularity: playback.granularity ?? 'batch',
      bugs: [],
      refused: null,
      loadPreset(name) {
        const preset = findPreset(name);
        if (!preset) {
          attempt(() => {
            throw new ConfigError('preset', { code: 'unknown-preset', name });
          });
          return;
        }
        get().configure(preset);
        get().setSpeed(startingSpeed(preset));
      },
      configure(experiment) {
        attempt(() => {
          const checked = validateExperimentConfig(experiment);
          set({ experiment: checked });
          client.send({ type: 'configure', config: checked });
        });
      },
      setHyper(partial) {
        attempt(() => {
          const hyper = validateHyperparameters({ ...get().experiment.hyper, ...partial });
          set({ experiment: { ...get().experiment, hyper } });
          client.send({ type: 'set', settings: { hyper } });
          if (importing) editedWhileImporting = true;
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
          client.send({ type: 'set', settings: { batchSize } });
        });
      },
      setSpeed(speed) {
        attempt(() => {
          checkedSpeed(speed);
          set({ speed });
          client.send({ type: 'set', settings: { speed } });
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
      receive(event) {
        const { experiment, speed } = get();
        if (event.type === 'ready') {
          confirmed = { hyper: event.info.hyper, batchSize: event.info.batchSize, speed };
        } else if (event.type === 'applied') {
          confirmed = {
            hyper: event.settings.hyper ?? confirmed.hyper,
            batchSize: event.settings.batchSize ?? confirmed.batchSize,
            speed: event.settings.speed ?? confirmed.speed,
          };
          // An imported model brings its own network and regularization: show what now runs,
          // keeping every other setting as the user has it. (Other echoes repeat what this store
          // sent; taking them up could undo a newer edit.)
          if (event.model !== undefined) {
            const regularization = event.settings.hyper?.regularization ?? experiment.hyper.regularization;
            const hyper = { ...experiment.hyper, regularization };
            set({ experiment: { ...experiment, network: event.model.network, hyper } });
            if (editedWhileImporting) client.send({ type: 'set', settings: { hyper } });
            importing = false;
            editedWhileImporting = false;
          }
        } else if (event.type === 'error' && event.field !== undefined && /^(hyper|batchSize|speed)/.test(event.field)) {
          set({
            experiment: { ...experiment, hyper: confirmed.hyper, schedule: { ...experiment.schedule, batchSize: confirmed.batchSize } },
            speed: confirmed.speed,
            refused: {
              field: event.field,
              message: `${event.field}: ${event.message.replace(`${event.field}: `, '')}`,
              ...(event.refusal ? { refusal: event.refusal } : {}),
              ...(event.place ? { place: event.place } : {}),
            },
          });
        }
      },
      importModel(text) {
        importing = true;
        editedWhileImporting = false;
        client.send({ type: 'import-model', text });
      },
    };
  });
  return store;
}
export type ConfigStore = ReturnType<typeof createConfigStore>;
