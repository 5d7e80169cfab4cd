/**
 * Every bound the lab enforces, stated once. Validators (core/spec, presets/config), the
 * trainer, the worker, the stores, the CLI and the controls read them from here, and refusals
 * quote them as parameters, so a bound changed here changes everywhere it is checked or shown.
 */

/** The network's shape. */
export const NETWORK_LIMITS = {
  maxHiddenLayers: 8,
  maxInputUnits: 4096,
  maxHiddenUnits: 1024,
  maxOutputUnits: 1024,
} as const;

/** Rows in one batch (a batch is one matrix: m × inputs). */
export const BATCH_SIZE = { min: 1, max: 100_000 } as const;

/** Samples a generated data set (toy 2-D, regression) may have. */
export const GENERATED_SAMPLES = { min: 2, max: 100_000 } as const;

/** Steps an experiment schedules, and the evaluation interval in steps. */
export const SCHEDULE_STEPS = { min: 1, max: 100_000_000 } as const;

/** A seed is a 32-bit unsigned integer. */
export const SEED = { min: 0, max: 2 ** 32 - 1 } as const;

/** Fraction of a data set held out for testing. */
export const TEST_FRACTION = { min: 0, max: 0.9 } as const;

/** Noise level of a generated data set. */
export const NOISE = { min: 0, max: 10 } as const;

/**
 * The learning rate's range: the slider's (a log scale), its field's, and every setting's
 * (the settings store, a config file, a link, a lesson, the CLI). It covers every preset (η
 * from 0.01 to 3) and the learning-rate lesson's η = 100, which stalls MNIST. The core's Trainer, a library, takes any finite η > 0 (and so does the worker's `set`,
 * which only the settings store sends).
 */
export const LEARNING_RATE = { min: 1e-4, max: 100 } as const;

/** Regularization strength λ. */
export const LAMBDA = { min: 0, max: 1e6 } as const;

/**
 * Playback speeds. Free running at a fixed rate takes steps per second in (0, max]; the
 * toolbar's slider offers stepsPerSecond.sliderMin and up ("full" beyond). Animated playback
 * shows one phase at a time, each for secondsPerPhase (min..max), i.e. at most
 * 1 / secondsPerPhase.min phases per second; the worker accepts phasesPerSecond in (0, max].
 */
export const SPEED = {
  stepsPerSecond: { max: 1000, sliderMin: 0.5 },
  phasesPerSecond: { max: 100 },
  secondsPerPhase: { min: 0.3, max: 5 },
} as const;

/** The largest CSV text an experiment takes, in characters (UTF-16 code units, JavaScript's string length). */
export const MAX_CSV_CHARS = 20_000_000;

/**
 * The largest CSV file the lab reads, in bytes, checked (File.size) before any of it is read.
 * A file is read as UTF-8, where every character takes at least one byte, so a file within
 * this many bytes gives a text within MAX_CSV_CHARS. (A non-ASCII file of more bytes whose
 * text would fit is refused too: the bytes are what can be known before reading.)
 */
export const MAX_CSV_FILE_BYTES = MAX_CSV_CHARS;

/** The longest link (URL fragment) the lab writes, in characters. */
export const MAX_LINK_CHARS = 32_000;

/** Data sets with at most this many 1-D or 2-D points are sent to the screen for plotting. */
export const MAX_SHIPPED_POINTS = 5000;
