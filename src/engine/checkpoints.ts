/**
 * Weights to go back to after a divergence: a copy at a starting point and every `every`
 * steps; the two latest are kept and the older one is offered (it is further from the trouble).
 */
import { cloneParams, type LayerParams } from '../core/network.ts';

export interface Checkpoint {
  readonly step: number;
  readonly params: LayerParams[];
}

export class Checkpoints {
  private kept: Checkpoint[] = [];

  constructor(readonly every: number) {}

  /** Forget everything and start from these weights. */
  startAt(step: number, params: readonly LayerParams[]): void {
    this.kept = [{ step, params: cloneParams(params) }];
  }

  /** Called after each good step with the step count after it. */
  afterStep(step: number, params: readonly LayerParams[]): void {
    if (step % this.every === 0) this.kept = [...this.kept, { step, params: cloneParams(params) }].slice(-2);
  }

  /** The checkpoint a diverged run is offered. */
  get offered(): Checkpoint | undefined {
    return this.kept[0];
  }

  /** Going back to the offered checkpoint: it becomes the only one kept. */
  takeOffered(): Checkpoint {
    const checkpoint = this.kept[0];
    if (checkpoint === undefined) throw new Error('there is no checkpoint to go back to');
    this.kept = [checkpoint];
    return checkpoint;
  }
}
