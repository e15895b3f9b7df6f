import { useState } from 'react';
import { useCatalogue } from '../context';

/** The zone's stable address, ready to copy and send. */
export function ShareBox({ href }: { href: string }) {
  const { t } = useCatalogue();
  const [copied, setCopied] = useState(false);
  const url = `${window.location.origin}${href}`;
  return (
    <section aria-labelledby="share" className="cat-share">
      <h2 id="share">{t('zone.share')}</h2>
      <div className="cat-search-row">
        <input type="url" readOnly value={url} aria-labelledby="share" onFocus={(e) => e.target.select()} />
        <button
          type="button"
          className="cat-button"
          onClick={() => {
            void navigator.clipboard?.writeText(url).then(() => setCopied(true));
          }}
        >
          {copied ? t('zone.copied') : t('zone.copy')}
        </button>
      </div>
    </section>
  );
}
