import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ModelFile, modelFileName } from '../../src/views/controls/ModelFile.tsx';
import { renderInLab } from './lab-harness.tsx';

/** Catches what the view would download: the blob's text and the link's file name. */
function catchDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  URL.createObjectURL = vi.fn((blob: Blob) => (blobs.push(blob), `blob:${blobs.length}`));
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return { blobs, names };
}

describe('ModelFile', () => {
  afterEach(() => vi.restoreAllMocks());

  it('names files after the experiment and step', () => {
    expect(modelFileName('mnist-two-layer-relu', 600)).toBe('mnist-two-layer-relu-step-600.json');
    expect(modelFileName('My net (v2)!', 0)).toBe('my-net-v2-step-0.json');
    expect(modelFileName('…', 3)).toBe('model-step-3.json');
  });

  it('asks the engine for the weights and downloads the file it sends, once', async () => {
    const { blobs, names } = catchDownloads();
    const { sent, emit, ready } = renderInLab(<ModelFile />);
    act(() => ready());
    act(() => emit({ type: 'model', text: 'not asked for', step: 0 }));
    expect(names).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Save weights (JSON)' }));
    expect(sent.at(-1)).toEqual({ type: 'export-model' });
    act(() => emit({ type: 'status', status: 'running', step: 40 })); // the screen lags the worker
    act(() => emit({ type: 'model', text: '{"format":"backprop-lab/model@1"}', step: 57 }));
    expect(names).toEqual(['planar-2-4-1-step-57.json']);
    expect(await blobs[0]!.text()).toBe('{"format":"backprop-lab/model@1"}');
    act(() => emit({ type: 'model', text: 'again, not asked for', step: 58 }));
    expect(names).toHaveLength(1);
  });

  it('sends a chosen file to the engine to load', async () => {
    const { sent, ready, container } = renderInLab(<ModelFile />);
    act(() => ready());
    const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(input.getAttribute('aria-label')).toBe('Load weights…');
    const file = new File(['{"format":"backprop-lab/model@1"}'], 'model.json');
    fireEvent.change(input, { target: { files: [file] } });
    // The file itself: the worker reads it, the page does not.
    await waitFor(() => expect(sent.at(-1)).toMatchObject({ type: 'import-model', file }));
  });

  it('waits for the engine, and speaks 简体中文', () => {
    renderInLab(<ModelFile />, 'zh');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: '保存权重（JSON）' }).disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: '载入权重…' }).disabled).toBe(true);
  });
});
