import { codeLabel } from '../../components/display.ts';
import type { Translate } from '../../i18n/index.tsx';

/** What a batch approval or sharing agreement covers, in words: its attributes and, when it names them, its items. */
export function coverageText(
  t: Translate,
  coverage: { attributes: readonly string[]; items: readonly string[] | null },
): string {
  const attributes = coverage.attributes.map((a) => codeLabel(t, 'disclosure', a)).join('、');
  return `${attributes}（${coverage.items ? coverage.items.join('、') : t('batchApproval.allItems')}）`;
}
