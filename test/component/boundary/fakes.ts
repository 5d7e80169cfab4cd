/** Test doubles for the canvas views: a recording 2-D context and animation frames run by hand. */
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import type { Event, ReadyInfo } from '../../../src/engine/protocol.ts';
import type { LayerParams } from '../../../src/core/network.ts';
import type { NetworkSpec } from '../../../src/core/spec.ts';
import type { Matrix } from '../../../src/core/tensor.ts';
import type { Trace } from '../../../src/core/trace.ts';

/** Every canvas gets a fake 2-D context; `painted` holds the last pixels put into each canvas. */
export function recordCanvases() {
  const painted = new Map<HTMLCanvasElement, Uint8ClampedArray>();
  let puts = 0;
  const fake = function (this: HTMLCanvasElement) {
    const canvas = this;
    return {
      createImageData: (width: number, height: number) => ({ width, height, data: new Uint8ClampedArray(width * height * 4) }),
      putImageData: (image: { data: Uint8ClampedArray }) => {
        puts++;
        painted.set(canvas, image.data);
      },
    };
  };
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(fake as unknown as HTMLCanvasElement['getContext']);
  return { painted, puts: () => puts };
}

/** requestAnimationFrame that runs only when `flush` is called. */
export function manualFrames() {
  const queue = new Map<number, FrameRequestCallback>();
  let next = 1;
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => (queue.set(next, cb), next++));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => queue.delete(id));
  return {
    pending: () => queue.size,
    flush() {
      const callbacks = [...queue.values()];
      queue.clear();
      callbacks.forEach((cb) => cb(0));
    },
  };
}

/** RGB of pixel (r, c) of a width-wide RGBA image. */
export function pixel(rgba: Uint8ClampedArray, width: number, r: number, c: number): [number, number, number] {
  const k = 4 * (r * width + c);
  return [rgba[k]!, rgba[k + 1]!, rgba[k + 2]!];
}

export function info(network: NetworkSpec, points?: ReadyInfo['points']): ReadyInfo {
  return {
    name: 'test',
    network,
    hyper: { learningRate: 0.1, optimizer: { kind: 'sgd' }, regularization: { kind: 'none', lambda: 0 } },
    batchSize: 3,
    trainSize: 4,
    testSize: 2,
    stepsPerEpoch: 1,
    parameterCount: 3,
    ...(points ? { points } : {}),
  };
}

export function trace(x: Matrix, t: Matrix, y?: Matrix): Trace {
  return { step: 0, x, t, layers: [], phases: [], ...(y ? { y } : {}) };
}

export function snapshot(params: readonly LayerParams[], tr: Trace | null, step = 1): Event {
  return { type: 'snapshot', step, epoch: 0, phase: null, params, trace: tr };
}

/**
 * Installs fresh canvas and animation-frame fakes before each test of the calling file and
 * removes them after; read them through the returned object (`fakes.frames`, `fakes.canvases`).
 */
export function installFakes() {
  let frames: ReturnType<typeof manualFrames>;
  let canvases: ReturnType<typeof recordCanvases>;
  beforeEach(() => {
    frames = manualFrames();
    canvases = recordCanvases();
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });
  return {
    get frames() {
      return frames;
    },
    get canvases() {
      return canvases;
    },
  };
}
