import { publicUrls, useResource, type ScorecardMethod } from '../api';
import { LoadError, Skeleton } from '../components/status';
import { useCatalogue } from '../context';
import { pickLabel } from '../format';
import { useHead } from '../head';

/** The published scoring method: what each score of the scorecard measures and how. */
export function MethodPage() {
  const { lang, t } = useCatalogue();
  useHead(`${t('method.title')} — ${t('site.shortName')}`, t('method.intro'), lang, '/catalogue/method');
  const method = useResource<ScorecardMethod>(publicUrls.method());
  const apiLang = lang === 'vi' ? 'vi' : 'en';
  return (
    <article className="cat-method">
      <h1>{t('method.title')}</h1>
      <p>{t('method.intro')}</p>
      {method.error ? (
        <LoadError error={method.error} onRetry={method.retry} />
      ) : !method.data ? (
        <Skeleton lines={5} />
      ) : (
        <>
          <p lang={apiLang}>{pickLabel(lang, method.data.summary)}</p>
          <dl className="cat-method-list">
            {method.data.scores.map((score) => (
              <div key={score.key} data-testid={`method-${score.key}`}>
                <dt>{t(`score.${score.key}`)}</dt>
                <dd lang={apiLang}>{pickLabel(lang, score.rule)}</dd>
              </div>
            ))}
          </dl>
          <p className="cat-muted">{method.data.method}</p>
        </>
      )}
    </article>
  );
}
