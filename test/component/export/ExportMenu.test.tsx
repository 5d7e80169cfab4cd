import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExportMenu } from '../../../src/views/export/ExportMenu.tsx';
import { renderInLab } from '../lab-harness.tsx';

afterEach(() => (cleanup(), vi.restoreAllMocks()));

function open(container: HTMLElement) {
  const details = container.querySelector('details')!;
  act(() => {
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
  });
}

const keys = (container: HTMLElement) => [...container.querySelectorAll('[data-export]')].map((b) => b.getAttribute('data-export'));

describe('ExportMenu', () => {
  it('offers the graph, the open view when it is a picture, and the history (no trace before a step)', () => {
    const h = renderInLab(<ExportMenu tab="heatmaps" />);
    h.ready();
    open(h.container);
    expect(keys(h.container)).toEqual(['graph-png', 'graph-svg', 'view-png', 'history']);
    cleanup();
    const settings = renderInLab(<ExportMenu tab="settings" />);
    settings.ready();
    open(settings.container);
    expect(keys(settings.container)).toEqual(['graph-png', 'graph-svg', 'history']);
  });

  it('downloads the history as a CSV named after the experiment and step', () => {
    const h = renderInLab(<ExportMenu tab="curves" />);
    h.ready();
    act(() => h.emit({ type: 'status', status: 'paused', step: 42 }));
    const made: Blob[] = [];
    const names: string[] = [];
    URL.createObjectURL = (b: Blob) => (made.push(b), 'blob:x');
    URL.revokeObjectURL = () => {};
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    open(h.container);
    fireEvent.click(screen.getByRole('menuitem', { name: 'Loss and accuracy history (CSV)' }));
    return vi.waitFor(() => {
      expect(names).toEqual(['planar-2-4-1-step-42-history.csv']);
      expect(made[0]!.type).toBe('text/csv');
    });
  });

  it('says why a picture could not be saved', async () => {
    const h = renderInLab(<ExportMenu tab="curves" />);
    h.ready();
    open(h.container);
    fireEvent.click(screen.getByRole('menuitem', { name: 'Graph as SVG' }));
    await vi.waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Could not save: the graph is not on the screen'));
  });

  it('speaks 简体中文', () => {
    const h = renderInLab(<ExportMenu tab="curves" />, 'zh');
    h.ready();
    open(h.container);
    expect(screen.getByText('保存')).toBeTruthy();
    expect(screen.getByRole('menuitem', { name: '损失与准确率历史（CSV）' })).toBeTruthy();
  });
});
