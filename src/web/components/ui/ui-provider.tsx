import { App, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import type { ReactNode } from 'react';
import { useLocale } from '../../lib/i18n';
import type { Locale } from '../../lib/locale-store';

const antdLocales = { vi: viVN, en: enUS } as const;

function setDayjsLocale(locale: Locale): void {
  // Set during render, before any date picker below reads it.
  if (dayjs.locale() !== locale) dayjs.locale(locale);
}

/**
 * antd's configuration for a page tree: the component kit's own texts (pagination, date pickers, empty states)
 * and dayjs follow the UI language; `App` gives the message/modal hooks.
 */
export function UiProvider({ children }: { children: ReactNode }) {
  const locale = useLocale();
  setDayjsLocale(locale);
  return (
    <ConfigProvider
      locale={antdLocales[locale]}
      theme={{ token: { colorPrimary: '#0b5cab', borderRadius: 6 } }}
    >
      <App>{children}</App>
    </ConfigProvider>
  );
}
