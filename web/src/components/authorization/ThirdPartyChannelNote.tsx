import { Alert } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { usePlatform } from '../../platform.tsx';

/** Where, in each city, a third party uses a subject's authorization. */
const channelRule: Record<string, MessageKey> = {
  // 002 第六条(二): XM accepts third-party queries only on site (R77).
  xiamen: 'authorization.channelXiamen',
  // 003 第二十二条(三): WH only at a designated window, on the subject's written authorization (R79).
  weihai: 'authorization.channelWeihai',
  // 004 第二十二条: NT online and at credit service windows (R81).
  nantong: 'authorization.channelNantong',
};

/** The city's rule for third-party queries, from the profile the platform runs; nothing for an unknown city. */
export function ThirdPartyChannelNote() {
  const { t } = useI18n();
  const { overview } = usePlatform();
  const rule = overview.state === 'ok' ? channelRule[overview.data.profile.id] : undefined;
  if (!rule) return null;
  return (
    <Alert
      type="info"
      showIcon
      className="form-alert"
      title={t('authorization.channelTitle')}
      description={t(rule)}
    />
  );
}
