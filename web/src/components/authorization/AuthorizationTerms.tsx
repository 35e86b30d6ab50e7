import { Form, Input } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import { RequiredText, useRequiredRule } from '../RequiredText.tsx';
import { AuthorizedItemsSelect } from './AuthorizedItems.tsx';

/**
 * What an authorization says (000 第十八条; R80): the agreed purpose, the items (none: all 授权查询 items), the
 * day a written one was signed, and the validity (none: one report on the day, A-30). The subject's online
 * grant and the written authorization a service point records ask the same.
 */
export function AuthorizationTermsFields({ signedOn = false }: { signedOn?: boolean }) {
  const { t } = useI18n();
  const required = useRequiredRule();
  return (
    <>
      <RequiredText name="purpose" label={t('authorization.purpose')} maxLength={500} multiline />
      <Form.Item name="items" label={t('authorization.items')} extra={t('authorization.itemsHelp')}>
        <AuthorizedItemsSelect />
      </Form.Item>
      {signedOn && (
        <Form.Item name="signedOn" label={t('servicePoint.signedOn')} rules={required}>
          <Input type="date" />
        </Form.Item>
      )}
      <Form.Item
        name="validUntil"
        label={t('authorization.validUntilField')}
        extra={t('authorization.validityHelp')}
      >
        <Input type="date" />
      </Form.Item>
    </>
  );
}

/** The fields AuthorizationTermsFields fills, as a form holds them. */
export interface AuthorizationTermsValues {
  purpose?: string;
  items?: string[];
  validUntil?: string;
}

/**
 * The terms as the API takes them: no items picked means all, no validity one report on the day. Both are left
 * out rather than sent as null: the server's request validation coerces a null list to [""], an authorization
 * of no item at all.
 */
export function authorizationTerms(values: AuthorizationTermsValues) {
  return {
    purpose: values.purpose?.trim() ?? '',
    ...(values.items && values.items.length > 0 ? { items: values.items } : {}),
    ...(values.validUntil ? { validUntil: values.validUntil } : {}),
  };
}
