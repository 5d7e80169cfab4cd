/**
 * 简体中文 for the messages that come from below the views: refused settings (ConfigError),
 * CSV and model-file problems, and the worker's errors. They are written in English where they
 * arise, as "field: detail"; these rules turn the known details into Chinese and leave field
 * names (code identifiers) and anything unknown as they are. Rules apply in order, each once.
 */
export const REFUSALS_ZH: readonly (readonly [RegExp, string])[] = [
  // where in a CSV text
  [/\bline (\d+), column "([^"]*)": /, '第 $1 行，“$2” 列：'],
  [/\bline (\d+): /, '第 $1 行：'],
  // numbers and choices
  [/must be a whole number from (\S+) to (\S+), got (\S+)/, '必须是 $1 到 $2 之间的整数，当前为 $3'],
  [/steps per second must be between (\S+) and (\S+), got (\S+)/, '每秒步数必须介于 $1 与 $2 之间，当前为 $3'],
  [/must be between (\S+) and (\S+), got (\S+)/, '必须介于 $1 与 $2 之间，当前为 $3'],
  [/must be a whole number, got (.+)$/, '必须是整数，当前为 $1'],
  [/must be a finite number, got (.+)$/, '必须是有限的数，当前为 $1'],
  [/must be greater than 0, got (.+)$/, '必须大于 0，当前为 $1'],
  [/must be one of (.+), got (.+)$/, '必须是以下之一：$1；当前为 $2'],
  [/must be true or false/, '必须是 true 或 false'],
  [/must be a non-empty string/, '必须是非空字符串'],
  [/must be a sample index from (\S+) to (\S+), got (\S+)/, '必须是 $1 到 $2 之间的样本序号，当前为 $3'],
  [/contains NaN or Infinity/, '含有 NaN 或无穷大'],
  // the network and the data
  [/at most (\d+) hidden layers, got (\d+)/, '最多 $1 个隐藏层，当前为 $2'],
  [/softmax-cross-entropy needs at least 2 output units/, 'softmax-cross-entropy 至少需要 2 个输出单元'],
  [/needs an input layer and an output layer/, '需要输入层和输出层'],
  [/the input layer has no activation/, '输入层没有激活函数'],
  [/the (.+?) data has (\d+) inputs, got (\d+)/, '数据 $1 有 $2 个输入，当前为 $3'],
  [/must be at most ([\d,]+) characters, got ([\d,]+)/, '最多 $1 个字符，当前为 $2'],
  // CSV text
  [/empty cell, a number is needed/, '单元格为空，需要一个数'],
  [/empty target/, '目标为空'],
  [/("(?:[^"\\]|\\.)*") is not a number/, '$1 不是数'],
  [/expected (\d+) cells, got (\d+)/, '应有 $1 个单元格，实际为 $2'],
  [/there is no such target column; the columns are (.+)$/, '没有这个目标列；现有的列为 $1'],
  [/no data rows after the header/, '列名行之后没有数据行'],
  [/the text is empty; a header row is needed/, '文本为空；需要一行列名'],
  [/this column name appears twice in the header/, '此列名在列名行中出现了两次'],
  [/a quoted cell is never closed/, '带引号的单元格没有结束'],
  [/column (\d+) of the header has no name/, '列名行的第 $1 列没有名称'],
  // model and batch files
  [/is not valid JSON \((.*)\)/, '不是有效的 JSON（$1）'],
  [/must be "([^"]+)", got (.+)$/, '必须是 "$1"，当前为 $2'],
  [/expected (\d+) × (\d+), got (\d+) × (\d+)/, '应为 $1 × $2，当前为 $3 × $4'],
  [/expected (\d+) weight layers, got (\d+)/, '应有 $1 个权重层，当前为 $2'],
  [/expected (\d+) entries, got (\d+)/, '应有 $1 个元素，当前为 $2'],
  // the worker and links
  [/must wait: the data is still loading/, '需要等待：数据仍在加载'],
  [/needs a configured experiment first/, '需要先配置实验'],
  [/configure an experiment before importing a model/, '请先配置实验，再载入模型'],
  [/there is no checkpoint to go back to/, '没有可以回到的检查点'],
  [/could not load (\S+): HTTP (\d+)/, '无法加载 $1：HTTP $2'],
  [/the link is cut short or damaged/, '链接不完整或已损坏'],
  [/the training worker stopped answering for (\d+) s and was restarted with the current settings/, '训练 worker 已 $1 秒没有响应，已用当前设置重新启动'],
  [/the training worker crashed \((.*)\) and was restarted/, '训练 worker 崩溃（$1），已重新启动'],
  [/training restarted from step 0/, '训练从第 0 步重新开始'],
  [/the link is longer than the lab writes \(([\d,]+) characters\)/, '链接比实验室写出的最长链接（$1 个字符）还长'],
];

/** The message with every known English detail in Chinese. */
export function refusalInChinese(message: string): string {
  return REFUSALS_ZH.reduce((text, [pattern, zh]) => text.replace(pattern, zh), message);
}
