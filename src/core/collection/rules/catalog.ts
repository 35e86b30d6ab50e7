import type { RowReturn } from '../validation.ts';
import { type RowBase, returnOn } from './row.ts';

/** R10, R9 and the provider's duties: a row is only as admissible as the item version it came under. */
export function catalogRules(row: RowBase): RowReturn[] {
  const { context, params } = row;
  const { item } = context;
  const returns: RowReturn[] = [];
  if (!context.itemPublished) {
    // 000 第九条; 001: only a published catalog item collects (R10, A-58).
    returns.push(
      returnOn(
        row,
        null,
        'ITEM_NOT_PUBLISHED',
        `目录事项「${item.name}」尚未正式公布，暂不接收该事项的信息`,
        params.catalog.workflow.source,
      ),
    );
  }
  if (item.disclosure === null) {
    // 000 第十一条; 003 第二十条; 004 第十九条: every item states how its records are disclosed (R9).
    returns.push(
      returnOn(
        row,
        null,
        'ITEM_HAS_NO_DISCLOSURE_ATTRIBUTE',
        `目录事项「${item.name}」未确定公开属性（${Object.values(params.disclosure.attributeNames.value).join('、')}），暂不接收该事项的信息`,
        params.disclosure.attributeNames.source,
      ),
    );
  }
  if (!context.providerPermitted) {
    // 000 第九条 (信息提供单位 is an element of each item); 003 第八条 (提供单位).
    returns.push(
      returnOn(
        row,
        null,
        'PROVIDER_NOT_PERMITTED',
        `本单位不是目录事项「${item.name}」的信息提供单位，不能报送该事项的信息`,
        params.catalog.elements.source,
      ),
    );
  }
  return returns;
}
