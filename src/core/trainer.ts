/**
 * The trainer owns a network's parameters, the hyperparameters and the optimizer's state,
 * and takes training steps. A step can run whole (`step`) or phase by phase (`begin`); both
 * run the very same PhaseStepper, so they agree bit for bit, and tracing only copies numbers
 * out — it never changes what is computed.
 */
import { applyWithForgottenUpdates, buggyBackwardLayer, cloneBugState, createBugState, validateBugs, type BugName, type BugState } from './bugs.ts';
import { ConfigError } from './errors.ts';
import { BATCH_SIZE } from './limits.ts';
import { checkParamShapes, cloneParams, type LayerParams, type Network } from './network.ts';
import { beginUpdate, computeUpdate, createOptimizerState, sgdStepInPlace, type OptimizerState } from './optimizers.ts';
import { backwardLayer, createWorkspace, listInput, lossOnly, type Batch, type Workspace } from './passes.ts';
import { PhaseStepper, type Divergence, type StepperAccess, type StepResult } from './phase-stepper.ts';
import { DEFAULT_HYPERPARAMETERS, depth, validateHyperparameters, type Hyperparameters, type NetworkSpec } from './spec.ts';
import { allFinite, maxAbs, zeros, type Matrix } from './tensor.ts';

export { PhaseStepper, type Divergence, type StepResult };

/** The most rows a batch may have (see limits.ts). */
export const MAX_BATCH_SIZE = BATCH_SIZE.max;

export class Trainer {
  readonly spec: NetworkSpec;
  private _params: LayerParams[];
  private _hyper: Hyperparameters;
  private optimizer: OptimizerState;
  private ws: Workspace | null = null;
  private readonly updates: { W: Matrix; b: Float64Array }[];
  private _steps = 0;
  /** The bug lab's switched-on mistakes; null (the correct path) unless some are on. */
  private bugState: BugState | null = null;
  /** Bumped whenever a step starts or parameters are replaced; stale steppers refuse to run. */
  private generation = 0;
  /** max |θ| of every tensor (W¹, b¹, W², …), or null when not known. */
  private paramMaxAbs: number[] | null = null;

  constructor(network: Network, hyper: Hyperparameters = DEFAULT_HYPERPARAMETERS) {
    checkParamShapes(network.spec, network.params);
    this.spec = network.spec;
    this._params = cloneParams(network.params);
    this._hyper = validateHyperparameters(hyper);
    this.optimizer = createOptimizerState(this._hyper.optimizer.kind);
    this.updates = this._params.map(({ W, b }) => ({ W: zeros(W.rows, W.cols), b: new Float64Array(b.length) }));
  }

  /** The live parameters. Read them; change them only through setParams. */
  get params(): readonly LayerParams[] {
    return this._params;
  }

  get network(): Network {
    return { spec: this.spec, params: this._params };
  }

  get hyper(): Hyperparameters {
    return this._hyper;
  }

  /** Number of updates applied so far. */
  get steps(): number {
    return this._steps;
  }

  get bugs(): BugName[] {
    return this.bugState === null ? [] : [...this.bugState.bugs];
  }

  /** Switches the bug lab's mistakes (none: the correct path). Carried gradients start at zero. */
  setBugs(bugs: readonly unknown[]): void {
    this.bugState = createBugState(validateBugs(bugs), this._params);
    this.generation++;
  }

  /**
   * The gradients this trainer would apply for a batch now (bugs included), without changing
   * anything: what a gradient check compares with the numerical derivative.
   */
  gradientsOn(batch: Batch): { dW: Float64Array; db: Float64Array }[] {
    checkBatch(this.spec, batch);
    const ws = createWorkspace(this.spec, batch.x.rows);
    listFiniteInput(ws, batch.x);
    const reg = this._hyper.regularization;
    lossOnly(this.spec, this._params, reg, ws, batch);
    const state = cloneBugState(this.bugState);
    for (let l = depth(this.spec); l >= 1; l--) {
      if (state === null) backwardLayer(this.spec, this._params, reg, ws, batch.t, l);
      else buggyBackwardLayer(this.spec, this._params, reg, ws, batch.t, l, state);
    }
    return ws.layers.map((buf) => ({ dW: new Float64Array(buf.dW.data), db: new Float64Array(buf.db) }));
  }

  /**
   * Per weight layer, the Euclidean norm of the last step's ∂L/∂W and the ratio ‖ΔW‖ / ‖W‖ of
   * its applied update to the weights: how vanishing or exploding gradients show. Reads the
   * buffers of the last step; call it right after a step.
   */
  layerNorms(): { gradNorm: number[]; updateRatio: number[] } {
    const gradNorm: number[] = [];
    const updateRatio: number[] = [];
    this._params.forEach(({ W }, i) => {
      const dW = this.ws?.layers[i]!.dW.data;
      const u = this.updates[i]!.W.data;
      let g = 0;
      let du = 0;
      let w = 0;
      for (let s = 0; s < W.data.length; s++) {
        const gs = dW === undefined ? 0 : dW[s]!;
        g += gs * gs;
        du += u[s]! * u[s]!;
        w += W.data[s]! * W.data[s]!;
      }
      gradNorm.push(Math.sqrt(g));
      updateRatio.push(w > 0 ? Math.sqrt(du / w) : 0);
    });
    return { gradNorm, updateRatio };
  }

  /** Validates first; on error nothing changes. Takes effect at the next update. */
  setHyperparameters(hyper: unknown): void {
    this._hyper = validateHyperparameters(hyper);
  }

  /** Replaces the parameters (e.g. an imported model). Optimizer state starts afresh. */
  setParams(params: readonly LayerParams[], steps = this._steps): void {
    checkParamShapes(this.spec, params);
    params.forEach(({ W, b }, i) => {
      if (!allFinite(W.data)) throw new ConfigError(`params[${i}].W`, 'contains NaN or Infinity');
      if (!allFinite(b)) throw new ConfigError(`params[${i}].b`, 'contains NaN or Infinity');
    });
    this._params = cloneParams(params);
    this.paramMaxAbs = null;
    this.optimizer = createOptimizerState(this._hyper.optimizer.kind);
    this.bugState = createBugState(this.bugs, this._params);
    this._steps = steps;
    this.generation++;
  }

  /** Starts a step on a batch, to be run phase by phase. Any unfinished step is abandoned. */
  begin(batch: Batch, options: { trace?: boolean } = {}): PhaseStepper {
    checkBatch(this.spec, batch);
    // Any step under way is over from here: listing x below reuses its workspace.
    this.generation++;
    const m = batch.x.rows;
    if (this.ws === null || this.ws.m !== m) this.ws = createWorkspace(this.spec, m);
    listFiniteInput(this.ws, batch.x);
    return new PhaseStepper(this.spec, this.internals(), batch, this.generation, options.trace ?? false);
  }

  /** One whole step: forward, loss, backward, update. */
  step(batch: Batch, options: { trace?: boolean } = {}): StepResult {
    const stepper = this.begin(batch, options);
    stepper.runAll();
    return stepper.result();
  }

  private internals(): StepperAccess {
    return {
      ws: () => this.ws!,
      params: () => this._params,
      hyper: () => this._hyper,
      bugs: () => this.bugState,
      updates: this.updates,
      steps: () => this._steps,
      isCurrent: (g) => g === this.generation,
      applyUpdate: (lr, gradMaxAbs) => {
        if (this.bugState === null) return this.applyUpdate(lr, gradMaxAbs);
        // The bug lab's forgotten updates: the parameters they leave alone are put back.
        const refused = applyWithForgottenUpdates(this.bugState, this._params, this.updates, () => this.applyUpdate(lr, gradMaxAbs));
        this.paramMaxAbs = null;
        return refused;
      },
    };
  }

  /**
   * True when no SGD update can overflow: every |θ| and |η·g| is below OVERFLOW_SAFE. Then the
   * update is added in the same pass that computes it, with no separate finiteness check, and
   * the numbers are exactly those of the checked path.
   */
  private sgdCannotOverflow(learningRate: number, gradMaxAbs: readonly number[]): boolean {
    this.paramMaxAbs ??= paramsMaxAbs(this._params);
    return this.paramMaxAbs.every((max, s) => max < OVERFLOW_SAFE && Math.abs(learningRate) * gradMaxAbs[s]! < OVERFLOW_SAFE);
  }

  /**
   * Computes every layer's update from its gradient, and adds it only if every new weight
   * is finite. Returns the layer whose weights would have gone non-finite, or null.
   * gradMaxAbs holds max |g| of every tensor (W¹, b¹, W², …), measured in the backward pass.
   */
  private applyUpdate(learningRate: number, gradMaxAbs: readonly number[]): Divergence | null {
    const config = this._hyper.optimizer;
    if (config.kind === 'sgd' && this.sgdCannotOverflow(learningRate, gradMaxAbs)) {
      beginUpdate(this.optimizer, config);
      const L = this._params.length;
      const paramMax: number[] = [];
      for (let i = 0; i < L; i++) {
        const { W, b } = this._params[i]!;
        const layer = this.ws!.layers[i]!;
        paramMax.push(sgdStepInPlace(learningRate, W.data, layer.dW.data, this.updates[i]!.W.data));
        paramMax.push(sgdStepInPlace(learningRate, b, layer.db, this.updates[i]!.b));
      }
      this.paramMaxAbs = paramMax;
      this._steps++;
      return null;
    }
    this.paramMaxAbs = null;
    beginUpdate(this.optimizer, config);
    const layers = this.ws!.layers;
    const L = this._params.length;
    let refused: Divergence | null = null;
    for (let i = 0; i < L; i++) {
      const { W, b } = this._params[i]!;
      const u = this.updates[i]!;
      const okW = computeUpdate(this.optimizer, config, learningRate, 2 * i, W.data, layers[i]!.dW.data, u.W.data);
      const okB = computeUpdate(this.optimizer, config, learningRate, 2 * i + 1, b, layers[i]!.db, u.b);
      if (refused === null && !(okW && okB)) refused = { phase: { kind: 'update' }, quantity: okW ? 'b' : 'W', layer: i + 1 };
    }
    if (refused !== null) {
      // The optimizer's state has taken in this step; start it afresh with the last finite weights.
      this.optimizer = createOptimizerState(config.kind);
      return refused;
    }
    for (let i = 0; i < L; i++) {
      addInto(this._params[i]!.W.data, this.updates[i]!.W.data);
      addInto(this._params[i]!.b, this.updates[i]!.b);
    }
    this._steps++;
    return null;
  }
}

/**
 * Below this, |θ| + |Δθ| < 2·OVERFLOW_SAFE < Number.MAX_VALUE (≈ 1.8e308): θ + Δθ is finite.
 */
const OVERFLOW_SAFE = 8e307;

function addInto(target: Float64Array, delta: Float64Array): void {
  for (let s = 0; s < target.length; s++) target[s] += delta[s]!;
}

function paramsMaxAbs(params: readonly LayerParams[]): number[] {
  return params.flatMap(({ W, b }) => [maxAbs(W.data), maxAbs(b)]);
}

/** Shapes, and finite targets; x is checked as its nonzeros are listed (listFiniteInput). */
function checkBatch(spec: NetworkSpec, batch: Batch): void {
  const { x, t } = batch;
  const nIn = spec.layers[0]!.units;
  const nOut = spec.layers[spec.layers.length - 1]!.units;
  if (x.rows < 1 || x.rows > MAX_BATCH_SIZE) throw new ConfigError('batch.x', `needs 1 to ${MAX_BATCH_SIZE} rows, got ${x.rows}`);
  if (x.cols !== nIn) throw new ConfigError('batch.x', `rows must have ${nIn} inputs, got ${x.cols}`);
  if (t.cols !== nOut) throw new ConfigError('batch.t', `rows must have ${nOut} targets, got ${t.cols}`);
  if (t.rows !== x.rows) throw new ConfigError('batch.t', `has ${t.rows} rows but batch.x has ${x.rows}`);
  if (x.data.length !== x.rows * x.cols) throw new ConfigError('batch.x', 'data length does not match its shape');
  if (t.data.length !== t.rows * t.cols) throw new ConfigError('batch.t', 'data length does not match its shape');
  if (!allFinite(t.data)) throw new ConfigError('batch.t', 'contains NaN or Infinity');
}

/** Lists the nonzeros of x for forward 1, refusing a batch whose x is not all finite. */
function listFiniteInput(ws: Workspace, x: Matrix): void {
  if (!listInput(ws, x)) throw new ConfigError('batch.x', 'contains NaN or Infinity');
}
