/**
 * The MNIST parts the worker has fetched, kept for the life of the worker, so switching
 * between MNIST presets downloads each file once.
 */
import type { ClassificationSet, Features } from '../data/dataset.ts';
import type { DataConfig, MnistSelection } from '../presets/config.ts';
import type { MnistLoader } from '../presets/data-source.ts';

export type MnistFetcher = (part: MnistSelection['part'], onProgress: (loaded: number, total: number) => void) => Promise<ClassificationSet<Features>>;

export class DataCache {
  private readonly mnist = new Map<MnistSelection['part'], ClassificationSet<Features>>();

  constructor(private readonly fetchMnist: MnistFetcher) {}

  /** Whether the data config needs files that are not fetched yet. */
  needsFetching(data: DataConfig): boolean {
    return this.partsOf(data).some((part) => !this.mnist.has(part));
  }

  /** Fetches the MNIST parts a data config needs that are not here yet. */
  async ensure(data: DataConfig, onProgress: (part: MnistSelection['part'], loaded: number, total: number) => void): Promise<void> {
    for (const part of this.partsOf(data)) {
      if (this.mnist.has(part)) continue;
      this.mnist.set(part, await this.fetchMnist(part, (loaded, total) => onProgress(part, loaded, total)));
    }
  }

  /** The loader loadExperimentData takes: fetched parts only. */
  readonly loader: MnistLoader = (part) => {
    const ds = this.mnist.get(part);
    if (!ds) throw new Error(`MNIST ${part} is not loaded`);
    return ds;
  };

  private partsOf(data: DataConfig): MnistSelection['part'][] {
    if (data.kind !== 'mnist') return [];
    return [...new Set([data.train.part, ...(data.test ? [data.test.part] : [])])];
  }
}
