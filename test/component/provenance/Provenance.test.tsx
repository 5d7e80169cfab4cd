import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findPreset, PRESETS } from '../../../src/presets/catalog.ts';
import { PROVENANCE } from '../../../src/presets/provenance.ts';
import { Provenance } from '../../../src/views/provenance/Provenance.tsx';
import { renderInLab } from '../lab-harness.tsx';

afterEach(cleanup);

describe('Provenance', () => {
  it('every preset has a title, a source and what the lab changed, in both languages', () => {
    for (const p of PRESETS) {
      const v = PROVENANCE[p.name];
      expect(v, p.name).toBeDefined();
      for (const words of [v!.title, v!.source, v!.changes]) {
        expect(words.en.length, p.name).toBeGreaterThan(10);
        expect(words.zh).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('shows the current preset’s readable title, and on opening its source, figure and changes', async () => {
    const h = renderInLab(<Provenance />);
    act(() => h.lab.config.getState().configure(findPreset('mnist-l2-last-4000')!));
    const details = screen.getByTestId('provenance') as HTMLDetailsElement;
    expect(details.querySelector('summary')!.textContent).toContain('MNIST, 784-100-10 on the last 4 000 images with L2 regularization');
    fireEvent.click(details.querySelector('summary')!);
    const body = screen.getByRole('note');
    await vi.waitFor(() => expect(body.textContent).toContain('λ′ = λ/n = 2.5·10⁻⁵')); // the story loads after the title
    expect(body.textContent).toContain('none published');
    act(() => h.lab.config.getState().configure(findPreset('planar-2-4-1')!));
    expect(screen.getByRole('note').textContent).toMatch(/deeplearning\.ai.*week 3.*training accuracy 90 %/);
  });

  it('says so for an experiment that is no preset, and speaks 简体中文', () => {
    const h = renderInLab(<Provenance />, 'zh');
    act(() => h.lab.config.getState().configure({ ...findPreset('planar-2-4-1')!, name: 'mine.csv' }));
    expect(screen.getByRole('note', { hidden: true }).textContent).toBe('你自己的实验（mine.csv）：没有已发表的出处。');
    act(() => h.lab.config.getState().configure(findPreset('mnist-sigmoid-quadratic')!));
    expect(screen.getByTestId('provenance').querySelector('summary')!.textContent).toContain('MNIST 手写数字，784-30-10 sigmoid，二次代价');
  });
});
