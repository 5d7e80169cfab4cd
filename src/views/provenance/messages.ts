import { defineMessages } from '../../i18n/i18n.ts';

export const useProvenanceMessages = defineMessages({
  en: {
    open: 'Where this preset comes from',
    source: 'Source',
    figure: 'Published figure',
    noFigure: 'none published',
    changes: 'What the lab changed, and why',
    own: 'Your own experiment ({name}): no published source.',
  },
  zh: {
    open: '这个实验的出处',
    source: '出处',
    figure: '原文给出的结果',
    noFigure: '原文没有给出',
    changes: '实验室做了哪些改动，为什么',
    own: '你自己的实验（{name}）：没有已发表的出处。',
  },
});
