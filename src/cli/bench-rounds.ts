/**
 * Interleaved timing for `npm run bench`: every implementation under test is a process that
 * stays up and answers "run for s seconds" with its steps, wall time and CPU time. Rounds go
 * round the processes in turn (the order rotating each round), so that a machine whose speed
 * drifts (other work on its cores, frequency, a neighbour on the host) slows every contestant
 * alike, and a ratio is taken within a round, between measurements a fraction of a second
 * apart. The median of the rounds' ratios is the figure; their range says how steady it was.
 */
import { spawn, type ChildProcessWithoutNullStreams, type SpawnOptionsWithoutStdio } from 'node:child_process';
import { createInterface, type Interface } from 'node:readline';

/** One timed run of a contestant. */
export interface RoundTiming {
  readonly steps: number;
  readonly seconds: number;
  /** CPU time of the contestant's process (user + system), in seconds. */
  readonly cpuSeconds: number;
  /** Anything else the contestant reports (NumPy: its minor page faults). */
  readonly extra?: Record<string, number>;
}

/** Something that can be asked to run for a while and say what it did. */
export interface Timed {
  readonly name: string;
  run(seconds: number): Promise<RoundTiming>;
}

/**
 * A process that reads one JSON command per line on stdin ({"seconds": s, ...fields}) and
 * answers each with one JSON line on stdout: {"steps", "seconds", "cpu_seconds", ...extra}.
 * Its stderr goes to ours.
 */
export class Contestant implements Timed {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly lines: Interface;
  private readonly waiting: ((line: string | Error) => void)[] = [];
  private exited: Error | null = null;

  constructor(
    readonly name: string,
    command: string,
    args: readonly string[],
    options: SpawnOptionsWithoutStdio = {},
  ) {
    this.child = spawn(command, args, { ...options, stdio: ['pipe', 'pipe', 'inherit'] } as SpawnOptionsWithoutStdio) as ChildProcessWithoutNullStreams;
    this.lines = createInterface({ input: this.child.stdout });
    this.lines.on('line', (line) => this.waiting.shift()?.(line));
    const fail = (err: Error) => {
      this.exited = err;
      for (const w of this.waiting.splice(0)) w(err);
    };
    this.child.on('error', fail);
    this.child.stdin.on('error', fail); // EPIPE: the process went while we wrote
    this.child.on('exit', (code, signal) => fail(new Error(`${name} exited (${signal ?? `code ${code}`})`)));
  }

  /** Runs for about `seconds` of wall time and returns what it measured; `fields` go with the command. */
  async run(seconds: number, fields: Record<string, unknown> = {}): Promise<RoundTiming> {
    if (this.exited) throw this.exited;
    const answer = new Promise<string | Error>((resolve) => this.waiting.push(resolve));
    this.child.stdin.write(`${JSON.stringify({ ...fields, seconds })}\n`);
    const line = await answer;
    if (line instanceof Error) throw line;
    const { steps, seconds: wall, cpu_seconds: cpu, ...extra } = JSON.parse(line) as Record<string, number>;
    return { steps: steps!, seconds: wall!, cpuSeconds: cpu!, extra };
  }

  /** Asks the process to end (stdin closes) and waits for it. */
  async close(): Promise<void> {
    if (this.exited) return;
    const ended = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.stdin.end();
    await ended;
  }
}

/**
 * The serving side, for a Node contestant: reads commands from stdin, runs `timed(seconds)` for
 * each and writes its answer; returns when stdin closes.
 */
export async function serveRounds(timed: (seconds: number) => { steps: number; seconds: number; cpuSeconds: number }): Promise<void> {
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    const { seconds } = JSON.parse(line) as { seconds: number };
    const t = timed(seconds);
    process.stdout.write(`${JSON.stringify({ steps: t.steps, seconds: t.seconds, cpu_seconds: t.cpuSeconds })}\n`);
  }
}

/** Every contestant's timing of every round, in contestant order. */
export type Rounds = readonly (readonly RoundTiming[])[];

/**
 * Warms every contestant up for `warmup` seconds, then runs `rounds` rounds of `seconds`
 * each; round r starts with contestant r mod n. Returns timings by contestant, then round.
 */
export async function interleave(contestants: readonly Timed[], rounds: number, seconds: number, warmup: number): Promise<Rounds> {
  for (const c of contestants) await c.run(warmup);
  const byContestant: RoundTiming[][] = contestants.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < contestants.length; k++) {
      const i = (r + k) % contestants.length;
      byContestant[i]!.push(await contestants[i]!.run(seconds));
    }
  }
  return byContestant;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Per step, in milliseconds: CPU or wall time. */
export const cpuMsPerStep = (t: RoundTiming) => (1000 * t.cpuSeconds) / t.steps;
export const wallMsPerStep = (t: RoundTiming) => (1000 * t.seconds) / t.steps;

/** A ratio taken round by round (of a over b: b's time per step over a's, > 1 when a is faster), as median and range. */
export interface RoundRatio {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export function ratioByRound(a: readonly RoundTiming[], b: readonly RoundTiming[], perStep: (t: RoundTiming) => number): RoundRatio {
  const ratios = a.map((t, r) => perStep(b[r]!) / perStep(t));
  return { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) };
}

/** "1.05× (0.93 – 1.21)": the median, then the range of the rounds. */
export function formatRatio(r: RoundRatio): string {
  return `${r.median.toFixed(2)}× (${r.min.toFixed(2)} – ${r.max.toFixed(2)})`;
}
