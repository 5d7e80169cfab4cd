/**
 * Collects per-step figures and evaluations between two sends, then hands them over as
 * typed arrays (which travel as transferred buffers).
 */
import type { Measurement } from '../presets/experiment.ts';
import type { StepMetrics } from './protocol.ts';

export class MetricsBuffer {
  private steps: number[] = [];
  private losses: number[] = [];
  private rates: number[] = [];
  private evaluations: Measurement[] = [];

  addStep(step: number, loss: number, learningRate: number): void {
    this.steps.push(step);
    this.losses.push(loss);
    this.rates.push(learningRate);
  }

  addEvaluation(m: Measurement): void {
    this.evaluations.push(m);
  }

  /** Everything collected since the last take, or null when there is nothing. */
  take(): { steps: StepMetrics; evaluations: Measurement[] } | null {
    if (this.steps.length === 0 && this.evaluations.length === 0) return null;
    const out = {
      steps: { step: Float64Array.from(this.steps), loss: Float64Array.from(this.losses), learningRate: Float64Array.from(this.rates) },
      evaluations: this.evaluations,
    };
    this.clear();
    return out;
  }

  clear(): void {
    this.steps = [];
    this.losses = [];
    this.rates = [];
    this.evaluations = [];
  }
}
