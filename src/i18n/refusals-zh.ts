/**
 * 简体中文 for refusals: the messages that come from below the views (refused settings, CSV and
 * model-file problems, the worker's errors) are written here from their code and parameters
 * (core/refusal.ts), never by matching English text. Field names (code identifiers) stay as
 * they are; a detail without a code (`text`) is shown as written.
 */
import type { Refusal, RefusalCode, Shown, TextPlace, ValueKind } from '../core/refusal.ts';
import { grouped } from '../core/grouped.ts';

export type { Shown };

type Writers = { readonly [C in RefusalCode]: (r: Extract<Refusal, { code: C }>) => string };

const ZH: Writers = {
  finite: (r) => `必须是有限的数，当前为 ${r.got}`,
  range: (r) => `必须介于 ${r.min} 与 ${r.max} 之间，当前为 ${r.got}`,
  integer: (r) => `必须是整数，当前为 ${r.got}`,
  'whole-range': (r) => `必须是 ${r.min} 到 ${r.max} 之间的整数，当前为 ${r.got}`,
  positive: (r) => `必须大于 0，当前为 ${r.got}`,
  'one-of': (r) => `必须是以下之一：${r.allowed.join(', ')}；当前为 ${r.got}`,
  boolean: () => '必须是 true 或 false',
  'non-empty-string': () => '必须是非空字符串',
  string: (r) => `必须是${r.empty ? '' : '非空'}字符串，当前为 ${r.got}`,
  'sample-index': (r) => `必须是 0 到 ${r.max} 之间的样本序号，当前为 ${r.got}`,
  'non-finite': () => '含有 NaN 或无穷大',
  'hidden-layers': (r) => `最多 ${r.max} 个隐藏层，当前为 ${r.got}`,
  'softmax-outputs': () => 'softmax-cross-entropy 至少需要 2 个输出单元',
  'owns-output': (r) => `${r.loss} 会对输出自行施加 ${r.output}，因此输出层的激活函数必须是 identity，当前为 ${r.got}`,
  'input-and-output': () => '需要输入层和输出层',
  'input-activation': () => '输入层没有激活函数',
  'data-inputs': (r) => `数据 ${r.data} 有 ${r.expected} 个输入，当前为 ${r.got}`,
  'max-chars': (r) => `最多 ${grouped(r.max)} 个字符，当前为 ${grouped(r.got)}`,
  'max-file-bytes': (r) => `文件最多 ${grouped(r.max)} 字节，当前为 ${grouped(r.got)}；未读取该文件`,
  'csv-empty-cell': () => '单元格为空，需要一个数',
  'csv-empty-target': () => '目标为空',
  'csv-not-number': (r) => `${r.cell} 不是数${r.hint}`,
  'csv-cells': (r) => `应有 ${r.expected} 个单元格，实际为 ${r.got}`,
  'csv-no-target': (r) => `没有这个目标列；现有的列为 ${r.columns}`,
  'csv-no-rows': () => '列名行之后没有数据行',
  'csv-empty-text': () => '文本为空；需要一行列名',
  'csv-duplicate-column': () => '此列名在列名行中出现了两次',
  'csv-unclosed-quote': () => '带引号的单元格没有结束',
  'csv-after-quote': (r) => `右引号之后出现了意外的 ${r.got}`,
  'csv-no-features': (r) => `只有目标列 "${r.target}"，没有特征列`,
  'csv-unnamed-column': (r) => `列名行的第 ${r.column} 列没有名称`,
  'invalid-json': (r) => `不是有效的 JSON（${r.detail}）`,
  'must-equal': (r) => `必须是 ${JSON.stringify(r.expected)}，当前为 ${r.got}`,
  shape: (r) => `应为 ${r.rows} × ${r.cols}，当前为 ${r.gotRows} × ${r.gotCols}`,
  'weight-layers': (r) => `应有 ${r.expected} 个权重层，当前为 ${r.got}`,
  entries: (r) => `应有 ${r.expected} 个元素，当前为 ${r.got}`,
  'must-wait': (r) => `"${r.command}" 需要等待：数据仍在加载`,
  'needs-experiment': (r) => `"${r.command}" 需要先配置实验`,
  'import-before-configure': () => '请先配置实验，再载入模型',
  'no-checkpoint': () => '没有可以回到的检查点',
  http: (r) => `无法加载 ${r.what}：HTTP ${r.status}`,
  'link-damaged': () => '链接不完整或已损坏',
  'link-too-long': (r) => `链接比实验室写出的最长链接（${grouped(r.max)} 个字符）还长`,
  'link-unreadable': () => '链接中的设置无法读取',
  'link-parameter': () => '不是链接可以保存的设置',
  'not-a-view': (r) => `不是一个视图，当前为 ${r.got}`,
  'steps-per-second': (r) => `每秒步数必须在 ${r.min} 到 ${r.max} 之间，当前为 ${r.got}`,
  'phase-seconds': (r) => `每个阶段必须持续 ${r.min} 到 ${r.max} 秒，当前为 ${r.got} 秒`,
  'speed-text': (r) => `必须是 "full"、每秒步数，或 "phase-" 加秒数，当前为 ${r.got}`,
  'unknown-preset': (r) => `没有名为 "${r.name}" 的预设`,
  'worker-crashed': (r) => `训练 worker 崩溃（${r.detail}），已重新启动；训练从第 0 步重新开始`,
  'worker-silent': (r) => `训练 worker 已 ${r.seconds} 秒没有响应，已用当前设置重新启动；训练从第 0 步重新开始`,
  'protocol-version': (r) => `worker 使用的协议版本为 ${r.got}，应为 ${r.expected}`,
  kind: (r) => `必须是${KINDS_ZH[r.kind]}${r.got === undefined ? '' : `，当前为 ${r.got}`}`,
  count: (r) => `应有 ${r.expected} ${r.what === 'rows' ? '行' : '个元素'}${r.per === 'weight-layer' ? '（每个权重层一个）' : ''}，当前为 ${r.got}`,
  'file-too-long': (r) => `文件有 ${grouped(r.chars)} 个字符，超过可读取的 ${grouped(r.max)} 个`,
  'test-fraction-rows': (r) => `数据只有 ${r.rows} 行时必须为 0：没有可留作测试的数据`,
  'one-class': (r) => `数据 ${r.data} 的目标列只有一个类别（${r.only}）；分类器至少需要 2 个`,
  'output-values': (r) => `数据 ${r.data} 每个样本有 ${r.values} 个要预测的值，因此输出层需要 ${r.values} 个单元，当前为 ${r.got}`,
  'output-classes': (r) => `数据 ${r.data} 有 ${r.classes} 个类别，因此输出层至少需要 ${r.classes} 个单元，当前为 ${r.got}`,
  'full-batch-split': (r) =>
    `全批量梯度下降一次最多处理 ${grouped(r.max)} 行；这 ${grouped(r.rows)} 行训练数据改为打乱顺序、每批 ${grouped(r.max)} 行的小批量运行（每轮 ${r.perEpoch} 步）`,
  'unknown-bug': (r) => `没有名为 ${r.got} 的常见错误（已有：${r.known.join(', ')}）`,
  text: (r) => r.text,
};

const KINDS_ZH: { readonly [K in ValueKind]: string } = {
  object: '对象',
  'json-object': ' JSON 对象',
  'array-of-rows': '由行组成的数组',
  'array-of-numbers': '数的数组',
  'array-of-layers': '层的数组',
  'array-of-bug-names': '错误名称的数组',
  'column-or-null': '列名或 null',
  'file-text': '文件的文本',
  params: '每个权重层一个 {W, b} 的数组',
  'params-entry': '对象 {W, b}',
};

function placeZh(at: TextPlace): string {
  return at.column === null ? `第 ${at.line} 行：` : `第 ${at.line} 行，“${at.column}” 列：`;
}

/** The refusal in 简体中文, written from its code; a message without one as it is. */
export function refusalInChinese(shown: Shown | string): string {
  if (typeof shown === 'string') return shown;
  if (shown.refusal === undefined) return shown.message;
  const r = shown.refusal;
  const detail = (ZH[r.code] as (r: Refusal) => string)(r);
  return `${shown.field === undefined ? '' : `${shown.field}: `}${shown.place === undefined ? '' : placeZh(shown.place)}${detail}`;
}
