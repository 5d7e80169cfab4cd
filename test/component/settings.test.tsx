import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_CSV_FILE_BYTES } from '../../src/core/limits.ts';
import { answerReadCsv } from '../../src/engine/csv-reader.ts';
import { Outbox } from '../../src/engine/outbox.ts';
import type { Command, Event } from '../../src/engine/protocol.ts';
import { Settings } from '../../src/views/controls/Settings.tsx';
import { renderInLab } from './lab-harness.tsx';

afterEach(cleanup);

const commit = (label: string | RegExp, value: string) => {
  const field = screen.getByLabelText(label);
  fireEvent.change(field, { target: { value } });
  fireEvent.keyDown(field, { key: 'Enter' });
};

describe('Settings', () => {
  it('sends live settings without a rebuild', () => {
    const h = renderInLab(<Settings />);
    fireEvent.change(screen.getByLabelText('Optimizer'), { target: { value: 'adam' } });
    commit('β₁', '0.8');
    fireEvent.change(screen.getByLabelText('Regularization'), { target: { value: 'l2' } });
    commit('λ', '0.01');
    expect(h.sent.map((c) => c.type)).toEqual(['set', 'set', 'set', 'set']);
    expect(h.lab.config.getState().experiment.hyper).toMatchObject({ optimizer: { kind: 'adam', beta1: 0.8, beta2: 0.999 }, regularization: { kind: 'l2', lambda: 0.01 } });
  });

  it('says why a disabled field is disabled', () => {
    renderInLab(<Settings />); // the flower preset descends on the full batch
    const batch = screen.getByLabelText('Batch size') as HTMLInputElement;
    expect(batch.disabled).toBe(true);
    const why = document.getElementById(batch.getAttribute('aria-describedby')!);
    expect(why?.textContent).toBe('full batch: the whole training set is one batch');
    expect(screen.getByText('full batch: the whole training set is one batch')).toBeDefined();
  });

  it('rebuilds from the seed when the architecture, data or seed change', () => {
    const h = renderInLab(<Settings />);
    commit('Units of layer 1', '6');
    fireEvent.change(screen.getByLabelText('Activation of layer 1'), { target: { value: 'relu' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a hidden layer' }));
    fireEvent.change(screen.getByLabelText('Data set'), { target: { value: 'spiral' } });
    commit('Seed', '42');
    expect(h.sent.map((c) => c.type)).toEqual(['configure', 'configure', 'configure', 'configure', 'configure']);
    const e = h.lab.config.getState().experiment;
    expect(e.network.layers.map((l) => [l.units, l.activation])).toEqual([[2, undefined], [6, 'relu'], [6, 'relu'], [1, 'identity']]);
    expect(e.data).toMatchObject({ name: 'spiral' });
    expect(e.seed).toBe(42);
    fireEvent.click(screen.getByRole('button', { name: 'Remove layer 2' }));
    expect(h.lab.config.getState().experiment.network.layers).toHaveLength(3);
  });

  it('refuses impossible values with the reason beside the field', () => {
    const h = renderInLab(<Settings />);
    commit('Units of layer 1', '0');
    expect(screen.getByRole('alert').textContent).toMatch(/config\.network\.layers\[1\]\.units: must be between 1 and 1024, got 0/);
    expect(h.sent).toEqual([]);
    expect(h.lab.config.getState().experiment.network.layers[1]!.units).toBe(4);
  });

  it('keeps the output activation identity for losses that apply their own', () => {
    renderInLab(<Settings />);
    expect(screen.getByLabelText('Activation of layer 2')).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByLabelText('Loss'), { target: { value: 'squared-error-half' } });
    expect(screen.getByLabelText('Activation of layer 2')).toHaveProperty('disabled', false);
  });

  it('speaks 简体中文, refusals included', () => {
    renderInLab(<Settings />, 'zh');
    expect(screen.getByLabelText('批大小')).toBeDefined();
    expect(screen.getByRole('button', { name: '添加隐藏层' })).toBeDefined();
    commit('第 1 层单元数', '0');
    expect(screen.getByText(/必须介于 1 与 \d+ 之间，当前为 0/)).toBeDefined();
  });

  it('fits the network to a chosen CSV file and rebuilds; a broken file is refused with its line and column', async () => {
    const h = renderInLab(<Settings />);
    const worker = readingWorker(h.emit);
    const chooser = h.container.querySelector<HTMLInputElement>('input[type="file"][accept^=".csv"]')!;
    const rows = Array.from({ length: 20 }, (_, i) => `${i},${i % 3},${i % 2},${['cat', 'dog', 'eel'][i % 3]}`);
    fireEvent.change(chooser, { target: { files: [new File([['a,b,c,animal', ...rows].join('\n')], 'pets.csv')] } });
    // The page sends the file to the worker; it does not read it.
    const read = h.sent.at(-1)!;
    expect(read).toMatchObject({ type: 'read-csv', name: 'pets.csv' });
    worker.answer(read);
    await waitFor(() => expect(h.sent.at(-1)?.type).toBe('configure'));
    const experiment = h.lab.config.getState().experiment;
    expect(experiment.data).toMatchObject({ kind: 'csv', name: 'pets.csv', target: null });
    expect(experiment.network.layers.map((l) => l.units)).toEqual([3, 4, 3]); // hidden layer kept
    expect(experiment.network.loss).toBe('softmax-cross-entropy');
    expect(screen.getByText('pets.csv: 20 rows, 3 features, 3 classes')).toBeTruthy();

    fireEvent.change(chooser, { target: { files: [new File(['a,b,c,animal\n1,2,x,cat'], 'bad.csv')] } });
    const sentBefore = h.sent.length;
    worker.answer(h.sent.at(-1)!);
    await waitFor(() => expect(screen.getByText(/line 2, column "c": "x" is not a number/)).toBeTruthy());
    expect(h.sent.length).toBe(sentBefore);
    expect(h.lab.config.getState().experiment.data).toMatchObject({ name: 'pets.csv' });
  });

  it('refuses a file over the size limit by its size, before sending or reading it', () => {
    const h = renderInLab(<Settings />, 'zh');
    const chooser = h.container.querySelector<HTMLInputElement>('input[type="file"][accept^=".csv"]')!;
    const huge = new File(['x'], 'huge.csv');
    Object.defineProperty(huge, 'size', { value: MAX_CSV_FILE_BYTES + 1 });
    fireEvent.change(chooser, { target: { files: [huge] } });
    expect(h.sent).toEqual([]);
    expect(screen.getByRole('alert').textContent).toMatch(/文件最多 20,000,000 字节，当前为 20,000,001；未读取该文件/);
  });

  it('shows the progress of a big file as a progress bar with its name and percentage', () => {
    for (const [language, stage] of [['en', 'Checking\u00a042\u00a0%'], ['zh', '正在检查\u00a042\u00a0%']] as const) {
      const h = renderInLab(<Settings />, language);
      const chooser = h.container.querySelector<HTMLInputElement>('input[type="file"][accept^=".csv"]')!;
      const big = new File(['x'], 'big.csv');
      Object.defineProperty(big, 'size', { value: 5_000_000 });
      fireEvent.change(chooser, { target: { files: [big] } });
      const asked = (h.sent.at(-1) as { asked: number }).asked;
      act(() => h.emit({ type: 'csv-progress', asked, stage: 'parse', done: 42, total: 100 }));
      const bar = screen.getByRole('progressbar');
      expect(bar.getAttribute('aria-valuenow')).toBe('42');
      expect(bar.textContent).toBe(`big.csv${stage}`);
      expect(bar.getAttribute('aria-label')).toBe(`big.csv: ${stage}`);
      cleanup();
    }
  });
});

/** The worker's part of reading a CSV file, run in-process: its events go to the lab. */
function readingWorker(emit: (e: Event) => void) {
  const scheduler = { now: () => performance.now(), later: (fn: () => void, ms: number) => (clearTimeout.bind(null, setTimeout(fn, ms)) as () => void) };
  const outbox = new Outbox({ post: (event) => emit(event) });
  return { answer: (command: Command) => answerReadCsv(command as Extract<Command, { type: 'read-csv' }>, scheduler, outbox, () => true) };
}

