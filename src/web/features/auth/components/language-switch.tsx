import { Button, Space } from 'antd';
import { useLocale, useT } from '../../../lib/i18n';
import { LOCALES, type Locale } from '../../../lib/locale-store';
import { useChangeLocale } from '../api/use-change-locale';

/** VI / EN buttons; the group is named "Ngôn ngữ" / "Language" for assistive technology. */
export function LanguageSwitch({ onChange }: { onChange?: (locale: Locale) => void }) {
  const t = useT();
  const current = useLocale();
  const changeLocale = useChangeLocale();
  return (
    <div role="group" aria-label={t('language.label')}>
      <Space.Compact>
        {LOCALES.map((locale) => (
          <Button
            key={locale}
            size="small"
            type={locale === current ? 'primary' : 'default'}
            aria-pressed={locale === current}
            lang={locale}
            title={t(locale === 'vi' ? 'language.vi' : 'language.en')}
            onClick={() => {
              changeLocale(locale);
              onChange?.(locale);
            }}
          >
            {locale.toUpperCase()}
          </Button>
        ))}
      </Space.Compact>
    </div>
  );
}
