/**
 * The trainer owns a network's parameters, the hyperparameters and the optimizer's state
 * (a TrainingState), and takes training steps. A step can run whole (`step`) or phase by
 * phase (`begin`); both run the very same PhaseStepper, so they agree bit for bit, and
 * tracing only copies numbers out — it never changes what is computed.
 */
import { buggyBackwardLayer, cloneBugState, createBugState, validateBugs, type BugName } from './bugs.ts';
import { ConfigError } from './errors.ts';
import { BATCH_SIZE } from './limits.ts';
import { checkParamShapes, cloneParams, type LayerParams, type Network } from './network.ts';
import { createOptimizerState } from './optimizers.ts';
import { backwardLayer, createWorkspace, listInput, lossOnly, type Batch, type Workspace } from './passes.ts';
import { PhaseStepper, type Divergence, type StepResult } from './phase-stepper.ts';
import { isByteMatrix } from './byte-matrix.ts';
import { phasesOf } from './phases.ts';
import { moveIn, workspaceFor } from './resident.ts';
import { DEFAULT_HYPERPARAMETERS, depth, validateHyperparameters, type Hyperparameters, type NetworkSpec } from './spec.ts';
import { allFinite, zeros } from './tensor.ts';
import type { TrainingState } from './update.ts';

export { PhaseStepper, type Divergence, type StepResult };

/** The most rows a batch may have (see limits.ts). */
export const MAX_BATCH_SIZE = BATCH_SIZE.max;

export class Trainer {
  private readonly state: TrainingState;

  constructor(network: Network, hyper: Hyperparameters = DEFAULT_HYPERPARAMETERS) {
    checkParamShapes(network.spec, network.params);
    const params = cloneParams(network.params);
    const checked = validateHyperparameters(hyper, 'hyper', { anyRate: true });
    this.state = {
      spec: network.spec,
      phases: phasesOf(depth(network.spec)),
      params,
      hyper: checked,
      optimizer: createOptimizerState(checked.optimizer.kind),
      updates: params.map(({ W, b }) => ({ W: zeros(W.rows, W.cols), b: new Float64Array(b.length) })),
      steps: 0,
      bugs: null,
      paramMaxAbs: null,
      ws: null,
      resident: null,
      current: null,
    };
  }

  get spec(): NetworkSpec {
    return this.state.spec;
  }

  /** The live parameters. Read them; change them only through setParams. */
  get params(): readonly LayerParams[] {
    return this.state.params;
  }

  get network(): Network {
    return { spec: this.state.spec, params: this.state.params };
  }

  get hyper(): Hyperparameters {
    return this.state.hyper;
  }

  /** Number of updates applied so far. */
  get steps(): number {
    return this.state.steps;
  }

  get bugs(): BugName[] {
    return this.state.bugs === null ? [] : [...this.state.bugs.bugs];
  }

  /** Switches the bug lab's mistakes (none: the correct path). Carried gradients start at zero. */
  setBugs(bugs: readonly unknown[]): void {
    this.state.bugs = createBugState(validateBugs(bugs), this.state.params);
    this.state.current = null;
  }

  /**
   * The gradients this trainer would apply for a batch now (bugs included), without changing
   * anything: what a gradient check compares with the numerical derivative.
   */
  gradientsOn(batch: Batch): { dW: Float64Array; db: Float64Array }[] {
    const { spec, params } = this.state;
    checkBatch(spec, batch);
    const ws = createWorkspace(spec, batch.x.rows);
    listFiniteInput(ws, batch);
    const reg = this.state.hyper.regularization;
    lossOnly(spec, params, reg, ws, batch);
    const bugs = cloneBugState(this.state.bugs);
    for (let l = depth(spec); l >= 1; l--) {
      if (bugs === null) backwardLayer(spec, params, reg, ws, batch.t, l);
      else buggyBackwardLayer(spec, params, reg, ws, batch.t, l, bugs);
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
    this.state.params.forEach(({ W }, i) => {
      const dW = this.state.ws?.layers[i]!.dW.data;
      const u = this.state.updates[i]!.W.data;
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
    this.state.hyper = validateHyperparameters(hyper, 'hyper', { anyRate: true });
  }

  /** Replaces the parameters (e.g. an imported model). Optimizer state starts afresh. */
  setParams(params: readonly LayerParams[], steps = this.state.steps): void {
    checkParamShapes(this.state.spec, params);
    params.forEach(({ W, b }, i) => {
      if (!allFinite(W.data)) throw new ConfigError(`params[${i}].W`, { code: 'non-finite' });
      if (!allFinite(b)) throw new ConfigError(`params[${i}].b`, { code: 'non-finite' });
    });
    const state = this.state;
    const bugs = this.bugs;
    state.params = cloneParams(params);
    state.paramMaxAbs = null;
    state.optimizer = createOptimizerState(state.hyper.optimizer.kind);
    state.bugs = createBugState(bugs, state.params);
    state.steps = steps;
    state.current = null;
  }

  /**
   * Where a batch drawer may write the x of the next batch of m rows as bytes (m × n⁰, row by
   * row, each read as byte / 255: a ByteMatrix's bytes), so that the step lists them where they
   * lie instead of copying them into this trainer's WebAssembly memory; null when it has no
   * such place for m (no large products, or no WebAssembly): then any buffer will do. Two places
   * are given out in turn, so a batch written into one stays intact until two batches later.
   * A step under way on another batch size is abandoned.
   */
  inputBytes(m: number): Uint8Array | null {
    const state = this.state;
    if (!Number.isInteger(m) || m < 1 || m > MAX_BATCH_SIZE) throw new ConfigError('batch.x', `needs 1 to ${MAX_BATCH_SIZE} rows, got ${m}`);
    if (state.ws === null || state.ws.m !== m) {
      state.current = null; // its workspace goes
      state.ws = workspaceFor(state, m);
    }
    const ws = state.ws;
    const slot = ws.inputSlots[ws.nextInputSlot];
    if (slot === undefined) return null;
    ws.nextInputSlot = 1 - ws.nextInputSlot;
    return slot;
  }

  /** Starts a step on a batch, to be run phase by phase. Any unfinished step is abandoned. */
  begin(batch: Batch, options: { trace?: boolean } = {}): PhaseStepper {
    const state = this.state;
    checkBatch(state.spec, batch);
    // Any step under way is over from here: listing x below reuses its workspace.
    state.current = null;
    const m = batch.x.rows;
    if (state.ws === null || state.ws.m !== m) state.ws = workspaceFor(state, m);
    moveIn(state);
    listFiniteInput(state.ws, batch);
    const stepper = new PhaseStepper(state, batch, options.trace ?? false);
    state.current = stepper;
    return stepper;
  }

  /** One whole step: forward, loss, backward, update. */
  step(batch: Batch, options: { trace?: boolean } = {}): StepResult {
    const stepper = this.begin(batch, options);
    stepper.runAll();
    return stepper.result();
  }
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
  if (!isByteMatrix(x) && x.data.length !== x.rows * x.cols) throw new ConfigError('batch.x', 'data length does not match its shape');
  if (t.data.length !== t.rows * t.cols) throw new ConfigError('batch.t', 'data length does not match its shape');
  if (!allFinite(t.data)) throw new ConfigError('batch.t', { code: 'non-finite' });
}

/** Lists the nonzeros of x for forward 1, refusing a batch whose x is not all finite. */
function listFiniteInput(ws: Workspace, batch: Batch): void {
  if (!listInput(ws, batch)) throw new ConfigError('batch.x', { code: 'non-finite' });
}
