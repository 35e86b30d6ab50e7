import { Form, Input, Select } from 'antd';
import { api } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import { usePlatform } from '../platform.tsx';
import { useRemote } from '../use-remote.ts';

const loadOrganizations = (signal: AbortSignal) => api.organizations(signal);

/**
 * A required organization code: picked from the register by a role that may read it (organizations.read),
 * typed by any other; `kind` narrows the list (credit service agencies, say).
 */
export function OrganizationField({ name, label, kind }: { name: string; label: string; kind?: string }) {
  const { t } = useI18n();
  const { can } = usePlatform();
  const organizations = useRemote(can('organizations.read') ? loadOrganizations : null);
  return (
    <Form.Item
      name={name}
      label={label}
      rules={[{ required: true, whitespace: true, message: t('admin.required') }]}
    >
      {/* Without the register (not permitted, or it failed to load) the code is typed. */}
      {organizations.state === 'idle' || organizations.state === 'error' ? (
        <Input autoComplete="off" maxLength={40} />
      ) : (
        <Select
          className="organization-select"
          showSearch={{ optionFilterProp: 'label' }}
          loading={organizations.state === 'loading'}
          placeholder={t('govQuery.choose')}
          options={(organizations.state === 'ok' ? organizations.data : [])
            .filter((organization) => kind === undefined || organization.kind === kind)
            .map((organization) => ({
              value: organization.code,
              label: `${organization.name}（${organization.code}）`,
            }))}
        />
      )}
    </Form.Item>
  );
}
