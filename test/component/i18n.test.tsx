/** Both languages are complete: every key of every catalog has a non-empty English and Chinese text. */
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { registered, translator } from '../../src/i18n/i18n.ts';
import { zh } from '../../src/i18n/zh.ts';
// Importing the views registers their catalogs.
import '../../src/views/graph/messages.ts';
import '../../src/views/controls/settings-messages.ts';
import '../../src/views/controls/ThemeSwitch.tsx';
import '../../src/views/curves/messages.ts';
import '../../src/views/heatmaps/messages.ts';
import '../../src/views/boundary/messages.ts';
import '../../src/views/samples/messages.ts';
import '../../src/views/code/messages.ts';
import '../../src/views/inspector/messages.ts';
import '../../src/views/gradcheck/messages.ts';
import '../../src/views/flow/messages.ts';
import '../../src/app/Lab.tsx';
import '../../src/views/buglab/BugLab.tsx';

describe('message catalogs', () => {
  it('the app catalog has the same keys in both languages, none empty', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const v of [...Object.values(en), ...Object.values(zh)]) expect(v.trim()).not.toBe('');
  });

  it('every view catalog is complete in both languages, with the same placeholders', () => {
    expect(registered.length).toBeGreaterThanOrEqual(8);
    for (const { en: e, zh: z } of registered) {
      expect(Object.keys(z).sort()).toEqual(Object.keys(e).sort());
      for (const key of Object.keys(e)) {
        const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
        expect(holes(z[key]!)).toEqual(holes(e[key]!));
        expect(z[key]!.trim()).not.toBe('');
      }
    }
  });

  it('fills placeholders', () => {
    expect(translator('en')('loading.progress', { what: 'mnist-train', loaded: 1, total: 2 })).toBe('Loading mnist-train: 1 of 2 MB');
    expect(translator('zh')('transport.play')).toBe('播放');
  });
});
