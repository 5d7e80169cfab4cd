/** The words of the batch samples view, in English and 简体中文. */
import { defineMessages } from '../../i18n/i18n.ts';

export const useSampleMessages = defineMessages({
  en: {
    title: 'Samples of the current batch',
    noBatch: 'No batch yet: take a step to see its samples.',
    summary: '{m} samples in the batch',
    sample: 'Sample {i}: label {label}, prediction {prediction}{verdict}',
    right: ', right',
    wrong: ', wrong',
    notPredicted: 'not computed yet',
    index: '#',
    input: 'x{k}',
    label: 'label',
    prediction: 'prediction',
    more: '+{n} more',
  },
  zh: {
    title: '当前批次的样本',
    noBatch: '尚无批次：单步运行一次即可看到样本。',
    summary: '本批次共 {m} 个样本',
    sample: '样本 {i}：标签 {label}，预测 {prediction}{verdict}',
    right: '，正确',
    wrong: '，错误',
    notPredicted: '尚未计算',
    index: '序号',
    input: 'x{k}',
    label: '标签',
    prediction: '预测',
    more: '另有 {n} 个',
  },
});
