/**
 * Collects per-step figures and evaluations between two sends, then hands them over as
 * typed arrays (which travel as transferred buffers).
 */
import type { Measurement } from '../presets/experiment.ts';
import type { FlowMetrics, StepMetrics } from './protocol.ts';

export class MetricsBuffer {
  private steps: number[] = [];
  private losses: number[] = [];
  private rates: number[] = [];
  private twinLosses: number[] = [];
  private evaluations: Measurement[] = [];
  private flowSteps: number[] = [];
  private gradNorms: number[] = [];
  private updateRatios: number[] = [];
  private layers = 0;

  /** twinLoss: the bug-free twin's loss on the same batch, when a twin runs. */
  addStep(step: number, loss: number, learningRate: number, twinLoss?: number): void {
    this.steps.push(step);
    this.losses.push(loss);
    this.rates.push(learningRate);
    if (twinLoss !== undefined) this.twinLosses.push(twinLoss);
  }

  /** One step's per-layer gradient norms and update/weight ratios. */
  addFlow(step: number, gradNorm: readonly number[], updateRatio: readonly number[]): void {
    this.layers = gradNorm.length;
    this.flowSteps.push(step);
    this.gradNorms.push(...gradNorm);
    this.updateRatios.push(...updateRatio);
  }

  addEvaluation(m: Measurement): void {
    this.evaluations.push(m);
  }

  /** Everything collected since the last take, or null when there is nothing. */
  take(): { steps: StepMetrics; evaluations: Measurement[]; flow: FlowMetrics | null } | null {
    if (this.steps.length === 0 && this.evaluations.length === 0) return null;
    const flow: FlowMetrics | null =
      this.flowSteps.length === 0
        ? null
        : { step: Float64Array.from(this.flowSteps), layers: this.layers, gradNorm: Float64Array.from(this.gradNorms), updateRatio: Float64Array.from(this.updateRatios) };
    const out = {
      steps: {
        step: Float64Array.from(this.steps),
        loss: Float64Array.from(this.losses),
        learningRate: Float64Array.from(this.rates),
        ...(this.twinLosses.length === this.steps.length && this.steps.length > 0 ? { twinLoss: Float64Array.from(this.twinLosses) } : {}),
      },
      evaluations: this.evaluations,
      flow,
    };
    this.clear();
    return out;
  }

  clear(): void {
    this.steps = [];
    this.losses = [];
    this.rates = [];
    this.twinLosses = [];
    this.evaluations = [];
    this.flowSteps = [];
    this.gradNorms = [];
    this.updateRatios = [];
  }
}
