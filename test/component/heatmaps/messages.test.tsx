import { describe, expect, it } from 'vitest';
import { registered } from '../../../src/i18n/i18n.ts';
import '../../../src/views/heatmaps/messages.ts';

describe('heatmap messages', () => {
  it('are complete in English and 简体中文, with the same placeholders', () => {
    const catalog = registered.find((c) => 'layers.picker' in c.en)!;
    expect(Object.keys(catalog.zh).sort()).toEqual(Object.keys(catalog.en).sort());
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(catalog.en)) {
      expect(holes(catalog.zh[key]!), key).toEqual(holes(catalog.en[key]!));
      expect(catalog.zh[key]!.trim()).not.toBe('');
    }
  });
});
