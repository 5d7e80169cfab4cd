/**
 * The training engine as the worker runs it: the single owner of the training state. It knows
 * nothing of the Worker global: messages come in through `handle`, events go out through a
 * Port, and time comes from a Scheduler, so a test can drive it in-process.
 *
 * It is a dispatcher over three parts, each with one concern:
 * - the session (session.ts): the experiment, its trainer, the twin and the data, built and
 *   rebuilt as one value;
 * - the runner (runner.ts): status, speed, stepping, free running in time slices;
 * - the outbox (outbox.ts): metrics, the snapshot gate, posting.
 * Long jobs run in slices beside them (slices.ts): the gradient check (gradient-checks.ts),
 * evaluations (evaluations.ts) and reading a chosen file (csv-reader.ts, file-text.ts).
 * This file builds sessions (loading data first when it must be downloaded) and maps each
 * command to one of them.
 */
import { validateBugs, type BugName } from '../core/bugs.ts';
import { RefusedError } from '../core/errors.ts';
import { MAX_JSON_FILE_CHARS, parseModelFile } from '../data/model-file.ts';
import { validateExperimentConfig, type ExperimentConfig } from '../presets/config.ts';
import { answerReadCsv, parseUnkeptCsv } from './csv-reader.ts';
import { DataCache, type MnistFetcher } from './data-cache.ts';
import { readSizedText } from './file-text.ts';
import { checkSpeed } from './live-settings.ts';
import { Outbox, type Port } from './outbox.ts';
import { commandProblem } from './protocol-check.ts';
import { PROTOCOL_VERSION, type Command, type CommandEnvelope, type CommandType, type LiveSettings, type SettingsInForce } from './protocol.ts';
import { Runner } from './runner.ts';
import { GradientChecks } from './gradient-checks.ts';
import { SLICE_MS, type Scheduler } from './slices.ts';
import { Session } from './session.ts';

export type { MnistFetcher, Port, Scheduler };
export { SLICE_MS };
export { CHECKPOINT_EVERY } from './session.ts';

/** Entries per tensor a gradient check samples when a tensor is larger. */
export const GRADCHECK_SAMPLE = 40;

type Handlers = { readonly [K in CommandType]: (command: Extract<Command, { type: K }>) => void };

export class EngineHost {
  private session: Session | null = null;
  private readonly outbox: Outbox;
  private readonly runner: Runner;
  private readonly data: DataCache;
  private configureGeneration = 0;
  /** Bug switches and live settings that arrived while data was loading, for the session being built. */
  private pendingBugs: readonly BugName[] | null = null;
  private pendingSettings: LiveSettings[] = [];
  private readonly gradientChecks: GradientChecks;
  /** The CSV file being read, if any: a newer read drops it. */
  private csvJob: object | null = null;

  constructor(
    port: Port,
    private readonly scheduler: Scheduler,
    fetchMnist: MnistFetcher,
  ) {
    this.outbox = new Outbox(port);
    this.runner = new Runner(this.outbox, scheduler, () => this.session);
    this.data = new DataCache(fetchMnist);
    this.gradientChecks = new GradientChecks(this.outbox, scheduler, () => this.session);
  }

  /** Entry point for every incoming message. Never throws. */
  handle(message: unknown): void {
    const problem = commandProblem(message);
    if (problem !== null) {
      this.outbox.post({ type: 'error', message: problem });
      return;
    }
    const { command } = message as CommandEnvelope;
    try {
      (this.handlers[command.type] as (c: Command) => void)(command);
    } catch (e) {
      this.outbox.error(e, command.type);
    }
  }

  /** Each command, to the part that owns it. The compiler checks that every command has one. */
  private readonly handlers: Handlers = {
    configure: (c) => void this.configure(c.config),
    'snapshot-ack': () => this.outbox.acknowledge(this.session),
    play: () => (this.requireSession('play'), this.runner.play()),
    pause: () => (this.requireSession('pause'), this.runner.pause()),
    step: (c) => this.runner.step(this.requireSession('step'), c.granularity),
    reset: (c) => void this.configure(c.config),
    set: (c) => {
      if (this.runner.status === 'loading') this.pendingSettings.push(c.settings); // applied once the data has loaded
      else this.applySettings(this.requireSession('set'), c.settings, c.asked);
    },
    'set-bugs': (c) => {
      const bugs = validateBugs(c.bugs);
      if (this.runner.status === 'loading') this.pendingBugs = bugs; // the session being loaded is built with them
      else this.rebuild(this.requireSession('set-bugs').config, bugs);
    },
    'gradient-check': (c) => this.gradientChecks.start(this.requireSession('gradient-check'), c.maxEntriesPerTensor ?? GRADCHECK_SAMPLE),
    inspect: (c) => {
      const session = this.requireSession('inspect');
      this.outbox.post({ type: 'inspection', sample: c.sample ?? null, trace: session.inspect(c.sample) });
    },
    'restore-checkpoint': () => {
      const session = this.requireSession('restore-checkpoint');
      this.runner.settleEvaluation();
      const checkpoint = session.restoreCheckpoint();
      this.runner.stop();
      this.outbox.metrics.clear();
      this.outbox.post({ type: 'rewound', step: checkpoint.step, epoch: session.experiment.epoch });
      this.runner.setStatus('paused');
      this.outbox.snapshots.release();
      this.outbox.sendSnapshot(session, null);
    },
    'export-model': () => {
      const session = this.requireSession('export-model');
      this.outbox.post({ type: 'model', text: session.exportModel(), step: session.trainer.steps });
    },
    'read-csv': (c) => {
      const job = (this.csvJob = {});
      answerReadCsv(c, this.scheduler, this.outbox, () => this.csvJob === job);
    },
    'import-model': (c) => {
      if (this.session === null) throw new RefusedError({ code: 'import-before-configure' });
      if ('file' in c) {
        // Read here (the page never decodes it), then imported as its text, through handle.
        const imported = (text: string) => this.handle({ v: PROTOCOL_VERSION, command: { type: 'import-model', text, ...(c.asked === undefined ? {} : { asked: c.asked }) } });
        return void readSizedText(c.file, MAX_JSON_FILE_CHARS, this.scheduler).then(imported, (e: unknown) => this.outbox.error(e, 'import-model', c.asked === undefined ? {} : { asked: c.asked }));
      }
      this.runner.settleEvaluation();
      this.importModel(this.requireSession('import-model'), c.text, c.asked);
    },
  };

  private requireSession(type: string): Session {
    if (this.session === null) {
      throw new RefusedError({ code: this.runner.status === 'loading' ? 'must-wait' : 'needs-experiment', command: type });
    }
    return this.session;
  }

  // ---- building ------------------------------------------------------------------------

  private async configure(raw: unknown): Promise<void> {
    const generation = ++this.configureGeneration;
    // A CSV text not parsed here yet (a restarted worker's) is parsed in slices first.
    const parsing = parseUnkeptCsv(raw, this.scheduler, () => generation === this.configureGeneration);
    if (parsing !== null) {
      const failed = await parsing.then(() => null, (e: unknown) => e);
      if (failed !== null) return void this.outbox.error(failed, 'configure'); // the old session runs on
    }
    let config: ExperimentConfig;
    try {
      config = validateExperimentConfig(raw);
    } catch (e) {
      this.outbox.error(e, 'configure'); // the old session keeps running as it was
      return;
    }
    this.runner.stop();
    try {
      // Only a download makes configure wait; otherwise the session is built at once.
      if (this.data.needsFetching(config.data)) {
        this.runner.setStatus('loading');
        await this.data.ensure(config.data, (part, loaded, total) => {
          // A download a newer configure has superseded reports nothing.
          if (generation === this.configureGeneration) this.outbox.post({ type: 'loading', what: `mnist-${part}`, loaded, total });
        });
      }
      if (generation !== this.configureGeneration) return; // a newer configure came in meanwhile
      const pending = this.pendingSettings;
      this.pendingSettings = [];
      const hyper = pending.reduce((h, p) => ({ ...h, ...p.hyper }), config.hyper);
      const batchSize = pending.reduce((b, p) => p.batchSize ?? b, config.schedule.batchSize);
      this.rebuild({ ...config, hyper, schedule: { ...config.schedule, batchSize } });
      for (const p of pending) if (p.speed !== undefined) this.applySettings(this.session!, { speed: p.speed });
    } catch (e) {
      if (generation !== this.configureGeneration) return;
      this.runner.setStatus(this.session === null ? 'idle' : 'paused');
      this.outbox.error(e, 'configure');
    }
  }

  /**
   * Builds a session from the seed (new weights, a fresh batch order, no history) and shows it.
   * bugs: the switches that came while loading, else the current session's.
   */
  private rebuild(config: ExperimentConfig, bugs: readonly BugName[] = this.pendingBugs ?? this.session?.bugs ?? []): Session {
    this.runner.stop();
    const session = Session.build(config, bugs, this.data.loader);
    this.session = session;
    this.pendingBugs = null;
    this.outbox.reset();
    this.outbox.post({ type: 'ready', info: session.readyInfo() });
    this.runner.setStatus('idle');
    this.runner.evaluate(session);
    this.outbox.flushMetrics();
    this.outbox.sendSnapshot(session, null);
    return session;
  }

  // ---- settings ------------------------------------------------------------------------

  /** What runs now, as a reply to a settings command states it. */
  private inForce(session: Session): SettingsInForce {
    const { network, hyper, schedule } = session.config;
    return { network, hyper, batchSize: schedule.batchSize, speed: this.runner.speed };
  }

  /** Refuses with the settings in force, so the store shows what runs. */
  private refuse(e: unknown, command: 'set' | 'import-model', session: Session, asked: number | undefined): void {
    this.outbox.error(e, command, { ...(asked === undefined ? {} : { asked }), inForce: this.inForce(session) });
  }

  /** Applies live settings, all or none, and answers with one reply: `applied`, or an error. */
  private applySettings(session: Session, settings: LiveSettings, asked?: number): void {
    try {
      if (settings.speed !== undefined) checkSpeed(settings.speed); // validate everything before changing anything
      session.apply(settings);
    } catch (e) {
      this.refuse(e, 'set', session, asked);
      return;
    }
    if (settings.speed !== undefined) this.runner.setSpeed(settings.speed);
    this.outbox.post({ type: 'applied', settings, fromStep: session.trainer.steps, ...(asked === undefined ? {} : { asked }), inForce: this.inForce(session) });
  }

  private importModel(current: Session, text: string, asked?: number): void {
    let session = current;
    let hyper;
    try {
      const model = parseModelFile(text);
      const sameShape = JSON.stringify(model.network.spec) === JSON.stringify(current.config.network);
      // Another architecture: rebuild around it; its inputs and outputs must fit the data.
      session = sameShape ? current : this.rebuild(validateExperimentConfig({ ...current.config, network: model.network.spec }));
      hyper = session.loadModel(model);
    } catch (e) {
      this.refuse(e, 'import-model', session, asked);
      return;
    }
    this.outbox.post({
      type: 'applied',
      settings: { hyper },
      fromStep: session.trainer.steps,
      model: { network: session.config.network },
      ...(asked === undefined ? {} : { asked }),
      inForce: this.inForce(session),
    });
    this.outbox.snapshots.reset();
    this.outbox.sendSnapshot(session, null);
  }
}
