/**
 * Playback: the commands that drive a run rather than describe it (play, pause, step at a
 * granularity, reset, go back to a checkpoint) and the instruments that ask the worker for a
 * look (gradient check, inspection, the weights as a model file). None of them is a setting:
 * the settings store (config.ts) is the only owner of settings (the step granularity
 * included), and a link never holds these.
 */
import { createStore } from 'zustand/vanilla';
import type { EngineClient } from '../engine/client.ts';
import type { ConfigStore } from './config.ts';

export interface PlaybackState {
  play(): void;
  pause(): void;
  /** One step at the granularity the settings hold (a phase, a batch or an epoch). */
  step(): void;
  /** Starts the run again from its seed, with the settings the worker runs now. */
  reset(): void;
  /** After a divergence: back to the weights of the checkpoint the engine offered. */
  restoreCheckpoint(): void;
  /** Runs a gradient check on the current batch in the worker (sampled per tensor when large). */
  gradientCheck(maxEntriesPerTensor?: number): void;
  /** Asks for a trace of the current batch, or of one sample of it. */
  inspect(sample?: number): void;
  /** Asks the engine for the current weights as a model file (arrives as a `model` event). */
  exportModel(): void;
}

export function createPlaybackStore(client: EngineClient, config: ConfigStore) {
  return createStore<PlaybackState>()(() => ({
    play() {
      client.send({ type: 'play' });
    },
    pause() {
      client.send({ type: 'pause' });
    },
    step() {
      client.send({ type: 'step', granularity: config.getState().granularity });
    },
    reset() {
      client.send({ type: 'reset' });
    },
    restoreCheckpoint() {
      client.send({ type: 'restore-checkpoint' });
    },
    gradientCheck(maxEntriesPerTensor) {
      client.send(maxEntriesPerTensor === undefined ? { type: 'gradient-check' } : { type: 'gradient-check', maxEntriesPerTensor });
    },
    inspect(sample) {
      client.send(sample === undefined ? { type: 'inspect' } : { type: 'inspect', sample });
    },
    exportModel() {
      client.send({ type: 'export-model' });
    },
  }));
}
export type PlaybackStore = ReturnType<typeof createPlaybackStore>;
