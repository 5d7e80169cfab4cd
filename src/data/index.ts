/** The data module: data set types, generators, parsers, splits and batching. */
export type { ClassificationSet, Dataset, GeneratorOptions, RegressionSet, Split } from './dataset.ts';
export { resolveGeneratorOptions, size } from './dataset.ts';
export type { Toy2dName } from './toy2d.ts';
export { TOY_2D, TOY_2D_DEFAULTS, circle, flower, gaussians, moons, randomLabels, spiral, xor } from './toy2d.ts';
export { friedman1, noisySine } from './regression.ts';
export { firstN, gatherRows, lastN, randomN, subset, targetsFor, trainTestSplit } from './split.ts';
export { EpochBatcher, gather, randomBatch } from './batching.ts';
export { IdxError, parseIdx } from './idx.ts';
export { mnistFromIdx } from './mnist.ts';
export type { CsvOptions } from './csv.ts';
export { CsvError, parseCsv } from './csv.ts';
