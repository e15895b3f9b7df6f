import { App, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import type { ReactNode } from 'react';
// antd's component styles as one static, long-cached file (zero-runtime mode, docs/decisions/0023): the theme's
// tokens below still reach them as CSS variables, but no component computes and injects its styles at render.
import 'antd/dist/antd.css';
import { useLocale } from '../../lib/i18n';
import type { Locale } from '../../lib/locale-store';

const antdLocales = { vi: viVN, en: enUS } as const;

/** The brand's seed tokens; `zeroRuntime` — styles from antd.css, not generated while rendering. */
const THEME: ThemeConfig = {
  zeroRuntime: true,
  token: { colorPrimary: '#0b5cab', borderRadius: 6 },
};

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
    <ConfigProvider locale={antdLocales[locale]} theme={THEME}>
      <App>{children}</App>
    </ConfigProvider>
  );
}
