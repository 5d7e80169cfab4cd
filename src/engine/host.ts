/**
 * The training engine's logic, as the worker runs it: the single owner of the training state
 * (weights, optimizer state, data order). It knows nothing of the Worker global: messages come
 * in through `handle`, events go out through a Port, and time comes from a Scheduler, so a
 * test can drive it in-process with a fake port and a manual clock.
 *
 * Free running trains in time slices of about SLICE_MS and returns to the message queue
 * between slices, so a pause or a setting change takes effect before the next update.
 */
import { validateBugs, type BugName } from '../core/bugs.ts';
import { ConfigError } from '../core/errors.ts';
import { cloneParams, parameterCount } from '../core/network.ts';
import type { Batch } from '../core/passes.ts';
import type { Phase } from '../core/phases.ts';
import type { StepResult } from '../core/trainer.ts';
import { modelToJson, parseModelFile } from '../data/model-file.ts';
import { validateExperimentConfig, type ExperimentConfig } from '../presets/config.ts';
import { loadExperimentData } from '../presets/data-source.ts';
import { checkBatchSize, Experiment } from '../presets/experiment.ts';
import { BATCH_SIZE } from '../core/limits.ts';
import { Checkpoints, paramSize } from './checkpoints.ts';
import { DataCache, type MnistFetcher } from './data-cache.ts';

export type { MnistFetcher };
import { pointsOf } from './host-helpers.ts';
import { checkSpeed } from './live-settings.ts';
import { checkGradients, checkUpdates, inspectBatch } from './instruments.ts';
import { MetricsBuffer } from './metrics-buffer.ts';
import { SnapshotGate } from './snapshot-gate.ts';
import { Stepping } from './stepping.ts';
import {
  commandProblem,
  transferables,
  type Command,
  type CommandEnvelope,
  type Event,
  type Granularity,
  type LiveSettings,
  type RunStatus,
  type Speed,
} from './protocol.ts';

export interface Port {
  post(event: Event, transfer: ArrayBuffer[]): void;
}

export interface Scheduler {
  now(): number;
  /** Runs fn after about ms milliseconds; returns a function that cancels it. */
  later(fn: () => void, ms: number): () => void;
}


/** Free running works this long between looks at the message queue. */
export const SLICE_MS = 20;
/** Weights are kept as a checkpoint every this many steps (the last two are kept). */
export const CHECKPOINT_EVERY = 50;
/** Entries per tensor a gradient check samples when a tensor is larger. */
export const GRADCHECK_SAMPLE = 40;

export class EngineHost {
  private config: ExperimentConfig | null = null;
  private experiment: Experiment | null = null;
  /** The bug lab's mistakes (with any on, a bug-free twin steps beside: see Stepping). */
  private bugs: readonly BugName[] = [];
  /** Steps on the current experiment; null until one is built. */
  private stepping: Stepping | null = null;
  private status: RunStatus = 'idle';
  private speed: Speed = { kind: 'full' };
  private readonly metrics = new MetricsBuffer();
  private readonly snapshots = new SnapshotGate();
  private cancelTimer: (() => void) | null = null;
  /** Free running stops when the step count reaches this (epoch stepping), or never when null. */
  private stopAt: number | null = null;
  private configureGeneration = 0;
  private readonly data: DataCache;
  private avgStepMs = 1;
  /** Live settings that arrived while data was loading, applied once the experiment is built. */
  private pendingSettings: LiveSettings[] = [];
  private readonly checkpoints = new Checkpoints(CHECKPOINT_EVERY);

  constructor(
    private readonly port: Port,
    private readonly scheduler: Scheduler,
    fetchMnist: MnistFetcher,
  ) {
    this.data = new DataCache(fetchMnist);
  }

  /** Entry point for every incoming message. Never throws. */
  handle(message: unknown): void {
    const problem = commandProblem(message);
    if (problem !== null) {
      this.post({ type: 'error', message: problem });
      return;
    }
    const { command } = message as CommandEnvelope;
    try {
      this.dispatch(command);
    } catch (e) {
      this.reportError(e, command.type);
    }
  }

  private dispatch(command: Command): void {
    if (command.type === 'configure') {
      void this.configure(command.config);
      return;
    }
    if (command.type === 'snapshot-ack') {
      if (this.snapshots.acknowledge()) this.sendSnapshot(this.lastPhase());
      return;
    }
    if (command.type === 'import-model' && this.experiment === null) throw new Error('configure an experiment before importing a model');
    if (this.status === 'loading' && command.type === 'set-bugs') {
      this.bugs = validateBugs(command.bugs); // the experiment being loaded is built with them
      return;
    }
    if (this.status === 'loading' && command.type === 'set') {
      this.pendingSettings.push(command.settings); // applied once the data has loaded
      return;
    }
    const experiment = this.requireExperiment(command.type);
    switch (command.type) {
      case 'play':
        this.stopAt = null;
        this.startRunning();
        return;
      case 'pause':
        this.pause();
        return;
      case 'step':
        this.step(experiment, command.granularity);
        return;
      case 'reset':
        this.stopTimer();
        this.build(this.config!);
        return;
      case 'set':
        this.applySettings(experiment, command.settings);
        return;
      case 'set-bugs':
        this.bugs = validateBugs(command.bugs);
        this.stopTimer();
        this.build(this.config!);
        return;
      case 'gradient-check':
        this.gradientCheck(experiment, command.maxEntriesPerTensor ?? GRADCHECK_SAMPLE);
        return;
      case 'inspect':
        this.inspect(experiment, command.sample);
        return;
      case 'restore-checkpoint': {
        const checkpoint = this.checkpoints.takeOffered();
        this.stopTimer();
        this.stepping!.abandon();
        experiment.rewind(checkpoint);
        this.metrics.clear();
        this.post({ type: 'rewound', step: checkpoint.step, epoch: experiment.epoch });
        this.setStatus('paused');
        this.snapshots.release();
        this.sendSnapshot(null);
        return;
      }
      case 'export-model':
        this.post({
          type: 'model',
          text: JSON.stringify(modelToJson(experiment.trainer.network, experiment.trainer.hyper.regularization)),
          step: experiment.trainer.steps,
        });
        return;
      case 'import-model':
        this.importModel(experiment, command.text);
        return;
    }
  }

  private requireExperiment(type: string): Experiment {
    if (this.experiment === null) {
      throw new Error(this.status === 'loading' ? `"${type}" must wait: the data is still loading` : `"${type}" needs a configured experiment first`);
    }
    return this.experiment;
  }

  // ---- configuration -------------------------------------------------------------------

  private async configure(raw: unknown): Promise<void> {
    const generation = ++this.configureGeneration;
    let config: ExperimentConfig;
    try {
      config = validateExperimentConfig(raw);
    } catch (e) {
      this.reportError(e, 'configure'); // the old experiment keeps running as it was
      return;
    }
    this.stopTimer();
    try {
      // Only a download makes configure wait; otherwise the experiment is built at once.
      if (this.data.needsFetching(config.data)) {
        this.setStatus('loading');
        await this.data.ensure(config.data, (part, loaded, total) => {
          // A download a newer configure has superseded reports nothing.
          if (generation === this.configureGeneration) this.post({ type: 'loading', what: `mnist-${part}`, loaded, total });
        });
      }
      if (generation !== this.configureGeneration) return; // a newer configure came in meanwhile
      const pending = this.pendingSettings;
      this.pendingSettings = [];
      const hyper = pending.reduce((h, p) => p.hyper ?? h, config.hyper);
      const batchSize = pending.reduce((b, p) => p.batchSize ?? b, config.schedule.batchSize);
      this.build({ ...config, hyper, schedule: { ...config.schedule, batchSize } });
      for (const p of pending) if (p.speed !== undefined) this.applySettings(this.experiment!, { speed: p.speed });
    } catch (e) {
      if (generation !== this.configureGeneration) return;
      this.setStatus(this.experiment === null ? 'idle' : 'paused');
      this.reportError(e, 'configure');
    }
  }

  /** Builds the experiment from its seed: new weights, a fresh batch order, no history. */
  private build(config: ExperimentConfig): void {
    const data = loadExperimentData(config.data, this.data.loader);
    const experiment = new Experiment(config, data);
    experiment.trainer.setBugs(this.bugs);
    this.config = config;
    this.experiment = experiment;
    // The twin, from the same seed: the same initial weights; it then steps on the same batches.
    this.stepping = new Stepping(experiment, this.bugs.length > 0 ? new Experiment(config, data) : null);
    this.snapshots.reset();
    this.stopAt = null;
    this.metrics.clear();
    this.checkpoints.startAt(0, experiment.trainer.params);
    this.post({
      type: 'ready',
      info: {
        name: config.name,
        network: config.network,
        hyper: experiment.trainer.hyper,
        batchSize: experiment.batchSize,
        trainSize: data.train.x.rows,
        testSize: data.test?.x.rows ?? 0,
        stepsPerEpoch: experiment.stepsPerEpoch,
        parameterCount: parameterCount(config.network),
        bugs: this.bugs,
        ...pointsOf(data),
      },
    });
    this.setStatus('idle');
    this.metrics.addEvaluation(experiment.measure());
    this.flushMetrics();
    this.sendSnapshot(null);
  }

  private applySettings(experiment: Experiment, settings: LiveSettings): void {
    // Validate everything before changing anything.
    if (settings.speed !== undefined) checkSpeed(settings.speed);
    if (settings.batchSize !== undefined) checkBatchSize(settings.batchSize, Math.min(BATCH_SIZE.max, experiment.data.train.x.rows));
    const trainer = experiment.trainer;
    const previousHyper = trainer.hyper;
    if (settings.hyper !== undefined) trainer.setHyperparameters(settings.hyper); // throws ConfigError, nothing changed
    try {
      if (settings.batchSize !== undefined) experiment.batchSize = settings.batchSize;
    } catch (e) {
      trainer.setHyperparameters(previousHyper);
      throw e;
    }
    const twin = this.stepping!.twin;
    if (twin !== null) {
      twin.trainer.setHyperparameters(trainer.hyper);
      twin.batchSize = experiment.batchSize;
    }
    if (settings.speed !== undefined) this.speed = settings.speed;
    this.config = {
      ...this.config!,
      hyper: trainer.hyper,
      schedule: { ...this.config!.schedule, batchSize: experiment.batchSize },
    };
    this.post({ type: 'applied', settings, fromStep: trainer.steps });
    if (this.status === 'running' && settings.speed !== undefined) {
      this.stopTimer();
      this.scheduleTick(0);
    }
  }

  // ---- running -----------------------------------------------------------------------

  private setStatus(status: RunStatus): void {
    this.status = status;
    this.post({ type: 'status', status, step: this.experiment?.trainer.steps ?? 0 });
  }

  private startRunning(): void {
    this.stopTimer();
    this.setStatus('running');
    this.scheduleTick(0);
  }

  private pause(): void {
    this.stopTimer();
    this.stopAt = null;
    if (this.status === 'running') this.setStatus('paused');
    this.flushMetrics();
    this.sendSnapshot(this.lastPhase());
  }

  private stopTimer(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  private scheduleTick(ms: number): void {
    this.cancelTimer = this.scheduler.later(() => {
      this.cancelTimer = null;
      if (this.status === 'running') this.tick();
    }, ms);
  }

  /** One slice of free running, at the current speed. */
  private tick(): void {
    const experiment = this.experiment!;
    const speed = this.speed;
    if (speed.kind === 'animated') {
      this.nextPhase(experiment, false);
      if (!this.stepping!.midStep && this.status === 'running' && this.reachedStop(0)) {
        this.stopAt = null;
        this.setStatus('paused');
      }
      if (this.status === 'running') this.scheduleTick(1000 / speed.phasesPerSecond);
      return;
    }
    if (speed.kind === 'steps-per-second') {
      this.finishStepper(experiment);
      this.completeStep(experiment, this.wholeStep(this.snapshots.wantsTrace));
      this.afterSlice(1000 / speed.value);
      return;
    }
    this.finishStepper(experiment);
    const start = this.scheduler.now();
    for (;;) {
      const elapsed = this.scheduler.now() - start;
      const last = elapsed + this.avgStepMs >= SLICE_MS || this.reachedStop(1);
      const t0 = this.scheduler.now();
      // Trace the slice's last step unless an unsent trace is waiting: the acknowledgement of the
      // previous snapshot arrives only between slices, so "nothing in flight" would rarely hold.
      const result = this.wholeStep(last && this.snapshots.wantsTrace);
      this.avgStepMs = 0.9 * this.avgStepMs + 0.1 * Math.max(0.001, this.scheduler.now() - t0);
      this.completeStep(experiment, result);
      if (last || this.status !== 'running') break;
    }
    this.afterSlice(0);
  }

  private afterSlice(nextMs: number): void {
    this.flushMetrics();
    if (this.status === 'running' && this.reachedStop(0)) {
      this.stopAt = null;
      this.setStatus('paused');
    }
    this.sendSnapshot(null);
    if (this.status === 'running') this.scheduleTick(nextMs);
  }

  private reachedStop(ahead: number): boolean {
    return this.stopAt !== null && this.experiment!.trainer.steps + ahead >= this.stopAt;
  }

  private wholeStep(trace: boolean): StepResult {
    const result = this.stepping!.whole(trace);
    if (result.trace) this.snapshots.keep(result.trace);
    return result;
  }

  /** Bookkeeping after any finished step: metrics, evaluation, divergence. */
  private completeStep(experiment: Experiment, result: StepResult): void {
    if (result.divergence !== null) {
      experiment.forgetLastDraw(); // no update was applied: the epoch counter stays with the weights
      this.stopTimer();
      this.stopAt = null;
      this.flushMetrics();
      this.setStatus('diverged');
      this.post({
        type: 'diverged',
        step: result.step,
        divergence: result.divergence,
        learningRate: experiment.trainer.hyper.learningRate,
        checkpointStep: this.checkpoints.offered?.step ?? null,
        recovery: this.checkpoints.recovery.kind,
        weightsOrdinary: this.checkpoints.isOrdinary(paramSize(experiment.trainer.params)),
      });
      return;
    }
    if (this.status === 'diverged') this.setStatus('paused'); // a good step after lowering the rate
    this.checkpoints.afterStep(experiment.trainer.steps, experiment.trainer.params, { samplesSeen: experiment.samplesDrawn });
    // The twin takes the same step, on the same batch, without the mistakes.
    const twinLoss = this.stepping!.twinStep();
    this.metrics.addStep(result.step, result.loss.total, experiment.trainer.hyper.learningRate, twinLoss);
    // Gradient flow is sampled on traced steps (the last of each slice, every manual step),
    // which keeps its O(parameters) cost off most steps.
    if (result.trace !== undefined) {
      const { gradNorm, updateRatio } = experiment.trainer.layerNorms();
      this.metrics.addFlow(result.step, gradNorm, updateRatio);
    }
    if (experiment.evaluationDue) this.metrics.addEvaluation(experiment.measure());
  }

  private step(experiment: Experiment, granularity: Granularity): void {
    if (this.status === 'running') {
      this.stopTimer();
      this.setStatus('paused');
    }
    switch (granularity) {
      case 'phase':
        this.nextPhase(experiment);
        return;
      case 'batch':
        if (this.stepping!.midStep) this.finishStepper(experiment);
        else this.completeStep(experiment, this.wholeStep(true));
        this.flushMetrics();
        this.sendSnapshot(null, true);
        return;
      case 'epoch': {
        this.finishStepper(experiment);
        const perEpoch = experiment.stepsPerEpoch;
        this.stopAt = (Math.floor(experiment.trainer.steps / perEpoch) + 1) * perEpoch;
        this.startRunning();
        return;
      }
    }
  }

  /**
   * Runs one phase, starting a traced step on a fresh batch when none is under way. force: a
   * user's explicit step always shows; animation waits for the screen like free running.
   */
  private nextPhase(experiment: Experiment, force = true): void {
    const { phase, trace, result } = this.stepping!.phase();
    this.snapshots.keep(trace);
    this.post({ type: 'phase', step: trace.step, phase, loss: trace.loss ?? null });
    if (result !== null) {
      this.completeStep(experiment, result);
      this.flushMetrics();
    }
    this.sendSnapshot(phase, force);
  }

  /** Completes a step left half-way by phase stepping, so free running starts on a step boundary. */
  private finishStepper(experiment: Experiment): void {
    const finished = this.stepping!.finish();
    if (finished === null) return;
    this.snapshots.keep(finished.trace);
    this.completeStep(experiment, finished.result);
  }

  /** The phase a step under way has reached (null between steps or before any experiment). */
  private lastPhase(): Phase | null {
    return this.stepping?.lastPhase() ?? null;
  }

  // ---- outgoing ------------------------------------------------------------------------

  private flushMetrics(): void {
    const batch = this.metrics.take();
    if (batch !== null) this.post({ type: 'metrics', ...batch });
  }

  /**
   * Sends the current weights and the latest trace, unless one is still in flight, in which
   * case the newest state goes out when the main thread acknowledges (`force` sends anyway:
   * a user's explicit step must always show).
   */
  private sendSnapshot(phase: Phase | null, force = false): void {
    const experiment = this.experiment;
    if (experiment === null) return;
    if (!this.snapshots.open(force)) return;
    const trace = this.snapshots.takeTrace();
    this.post({
      type: 'snapshot',
      step: experiment.trainer.steps,
      epoch: experiment.epoch,
      phase,
      params: cloneParams(experiment.trainer.params),
      trace,
    });
  }

  private post(event: Event): void {
    this.port.post(event, transferables(event));
  }

  private reportError(e: unknown, command?: string): void {
    const message = e instanceof Error ? e.message : String(e);
    this.post({ type: 'error', message, ...(e instanceof ConfigError ? { field: e.field } : {}), ...(command ? { command } : {}) });
  }

  // ---- instruments ---------------------------------------------------------------------

  private gradientCheck(experiment: Experiment, maxEntries: number): void {
    let lastPost = -Infinity;
    const batch = this.currentBatch();
    const report = checkGradients(experiment, batch, maxEntries, (done, total) => {
      const now = this.scheduler.now();
      if (now - lastPost > 50 || done === total) {
        lastPost = now;
        this.post({ type: 'gradcheck-progress', done, total });
      }
    });
    this.post({ type: 'gradcheck', report, updates: checkUpdates(experiment, batch) });
  }

  private inspect(experiment: Experiment, sample: number | undefined): void {
    this.post({ type: 'inspection', sample: sample ?? null, trace: inspectBatch(experiment, this.currentBatch(), sample) });
  }

  private currentBatch(): Batch {
    return this.stepping!.currentBatch();
  }

  private importModel(experiment: Experiment, text: string): void {
    const model = parseModelFile(text);
    const current = this.config!;
    const sameShape = JSON.stringify(model.network.spec) === JSON.stringify(current.network);
    if (!sameShape) {
      // Rebuild around the imported architecture; its inputs and outputs must fit the data.
      const config = validateExperimentConfig({ ...current, network: model.network.spec });
      this.stopTimer();
      this.build(config);
    }
    const target = sameShape ? experiment : this.experiment!;
    const hyper = { ...target.trainer.hyper, regularization: model.regularization };
    // The bug-free twin starts from the imported weights too, so the two stay comparable.
    for (const e of [target, this.stepping!.twin]) {
      if (e === null) continue;
      e.trainer.setParams(model.network.params, target.trainer.steps);
      e.trainer.setHyperparameters(hyper);
    }
    this.config = { ...this.config!, hyper };
    this.post({ type: 'applied', settings: { hyper }, fromStep: target.trainer.steps, model: { network: this.config.network } });
    this.checkpoints.startAt(target.trainer.steps, target.trainer.params, { samplesSeen: target.samplesDrawn, initialised: false });
    this.stepping!.abandon();
    this.snapshots.reset();
    this.sendSnapshot(null);
  }
}
