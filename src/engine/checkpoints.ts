/**
 * Weights to go back to after a divergence. A copy is kept at the start of a run and every
 * `every` steps (the latest `keep` of them), each with its size max |θ| and the run's position
 * (samples drawn), so going back restores the epoch counter with the weights.
 *
 * Weights usually grow for a while before anything overflows, so the latest copy may already
 * be ruined (|W| ≈ 10¹⁸³ at rate 10): the one offered is the latest whose size is ordinary,
 * at most GROWTH times the size of the weights the run was initialised with (at least 1 as a
 * yardstick). Imported weights are measured against that yardstick too, so a model file with
 * W = 10³⁰⁸ is not ordinary: when nothing kept is, the advice is to re-initialise (a lower
 * rate cannot mend weights whose forward pass overflows).
 */
import { RefusedError } from '../core/errors.ts';
import { cloneParams, type LayerParams } from '../core/network.ts';

export interface Checkpoint {
  readonly step: number;
  /** Training samples drawn up to this step (the epoch counter's numerator). */
  readonly samplesSeen: number;
  readonly params: LayerParams[];
  /** max |θ| over every weight and bias. */
  readonly size: number;
}

/** A copy whose max |θ| exceeds the start's by more than this factor is not ordinary. */
export const GROWTH = 100;

/** max |θ| over all parameters; Infinity when any is not finite. */
export function paramSize(params: readonly LayerParams[]): number {
  let m = 0;
  for (const { W, b } of params) {
    for (const arr of [W.data, b]) {
      for (let i = 0; i < arr.length; i++) {
        const v = Math.abs(arr[i]!);
        if (!(v <= m)) m = Number.isNaN(v) ? Infinity : v;
      }
    }
  }
  return m;
}

export type Recovery =
  | { readonly kind: 'go-back'; readonly checkpoint: Checkpoint }
  /** No ordinary weights are kept: start again from freshly initialised weights. */
  | { readonly kind: 'reinitialise' };

export class Checkpoints {
  private kept: Checkpoint[] = [];
  /** The yardstick of an ordinary size: the start's size, at least 1. */
  private ordinary = 1;

  constructor(
    readonly every: number,
    readonly keep = 8,
  ) {}

  /**
   * Forget everything and start from these weights. `initialised`: they are freshly drawn
   * from the seed, and set the yardstick; otherwise (imported) they are measured by it.
   */
  startAt(step: number, params: readonly LayerParams[], { samplesSeen = 0, initialised = true } = {}): void {
    const size = paramSize(params);
    if (initialised) this.ordinary = Math.max(1, size) * GROWTH;
    this.kept = [{ step, samplesSeen, params: cloneParams(params), size }];
  }

  /** Called after each good step with the step count after it. */
  afterStep(step: number, params: readonly LayerParams[], { samplesSeen = 0 } = {}): void {
    if (step % this.every !== 0) return;
    const checkpoint = { step, samplesSeen, params: cloneParams(params), size: paramSize(params) };
    this.kept = [...this.kept, checkpoint].slice(-this.keep);
  }

  /** Whether weights of this size are ordinary for this run. */
  isOrdinary(size: number): boolean {
    return size <= this.ordinary;
  }

  /** What a diverged run is offered: the latest checkpoint of ordinary size, or re-initialisation. */
  get recovery(): Recovery {
    for (let i = this.kept.length - 1; i >= 0; i--) {
      const checkpoint = this.kept[i]!;
      if (this.isOrdinary(checkpoint.size)) return { kind: 'go-back', checkpoint };
    }
    return { kind: 'reinitialise' };
  }

  /** The checkpoint a diverged run is offered, if any. */
  get offered(): Checkpoint | undefined {
    const r = this.recovery;
    return r.kind === 'go-back' ? r.checkpoint : undefined;
  }

  /** Going back to the offered checkpoint: the later ones are forgotten, it stays kept. */
  takeOffered(): Checkpoint {
    const checkpoint = this.offered;
    if (checkpoint === undefined) throw new RefusedError({ code: 'no-checkpoint' });
    this.kept = this.kept.filter((c) => c.step <= checkpoint.step);
    return checkpoint;
  }
}
