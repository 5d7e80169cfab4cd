/**
 * The bug lab: a switch per classic backpropagation mistake. Switching restarts the run from
 * its seed with a bug-free twin beside it (drawn on the loss chart); the gradient check then
 * marks exactly the tensors the mistake corrupts.
 */
import { BUGS, type BugName } from '../../core/bugs.ts';
import { defineMessages } from '../../i18n/i18n.ts';
import { useConfig } from '../lab-context.tsx';

const useMessages = defineMessages({
  en: {
    title: 'Bug lab',
    intro: 'Each switch puts one classic mistake into the backward pass. Switching restarts from the seed, with a bug-free twin on the same batches drawn on the loss chart; run the gradient check to see which tensors the mistake corrupts.',
    'delta-divided-every-layer': 'δ divided by the batch size again at every layer, instead of once',
    'delta-divided-every-layer.effect': 'Layer l’s gradient comes out m^(L − l + 1) times too small; invisible with a batch of one.',
    'first-bias-frozen': 'The first layer’s bias is never updated',
    'first-bias-frozen.effect': 'Its gradient is never computed, so b¹ stays where it started.',
    'no-activation-derivative': 'The activation’s derivative left out of the hidden error term',
    'no-activation-derivative.effect': 'δˡ = δˡ⁺¹·Wˡ⁺¹ᵀ instead of (δˡ⁺¹·Wˡ⁺¹ᵀ) ⊙ f′(zˡ): every layer below the output is wrong.',
    'output-error-flipped': 'Output error taken as (t − y) while still subtracting the gradient',
    'output-error-flipped.effect': 'Every gradient has the wrong sign: training climbs the loss.',
    'gradients-accumulate': 'Gradients accumulated across steps without being reset',
    'gradients-accumulate.effect': 'Each step adds this batch’s gradient to all earlier ones: right on the first step only.',
  },
  zh: {
    title: '错误实验室',
    intro: '每个开关会在反向传播中放入一个经典错误。切换后从同一随机种子重新开始，并在同样的批次上运行一个无错误的对照，画在损失曲线上；运行梯度检验即可看到该错误破坏了哪些张量。',
    'delta-divided-every-layer': '在每一层都把 δ 再除以批大小，而不是只除一次',
    'delta-divided-every-layer.effect': '第 l 层的梯度小了 m^(L − l + 1) 倍；批大小为 1 时看不出来。',
    'first-bias-frozen': '第一层的偏置从不更新',
    'first-bias-frozen.effect': '它的梯度从未被计算，因此 b¹ 一直停在初始值。',
    'no-activation-derivative': '隐藏层误差项漏掉了激活函数的导数',
    'no-activation-derivative.effect': 'δˡ = δˡ⁺¹·Wˡ⁺¹ᵀ，而不是 (δˡ⁺¹·Wˡ⁺¹ᵀ) ⊙ f′(zˡ)：输出层以下的每一层都出错。',
    'output-error-flipped': '输出误差写成 (t − y)，却仍然减去梯度',
    'output-error-flipped.effect': '每个梯度的符号都反了：训练反而让损失上升。',
    'gradients-accumulate': '梯度在各步之间累加而没有清零',
    'gradients-accumulate.effect': '每一步都把本批的梯度加到之前所有的梯度上：只有第一步是对的。',
  },
});

export function BugLab() {
  const t = useMessages();
  const bugs = useConfig((s) => s.bugs);
  const setBugs = useConfig((s) => s.setBugs);
  const toggle = (bug: BugName, on: boolean) => setBugs(on ? [...bugs, bug] : bugs.filter((b) => b !== bug));
  return (
    <section className="bug-lab" aria-labelledby="bug-lab-title">
      <h3 id="bug-lab-title">{t('title')}</h3>
      <p className="muted">{t('intro')}</p>
      <ul>
        {BUGS.map((bug, i) => (
          <li key={bug}>
            <label>
              <input type="checkbox" role="switch" checked={bugs.includes(bug)} onChange={(e) => toggle(bug, e.target.checked)} />
              <span>
                {i + 1}. {t(bug)}
              </span>
            </label>
            <p className="muted">{t(`${bug}.effect`)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
