import type { Scorecard } from '../../../domain/catalogue/catalogue.schema';
import { useCatalogue } from '../context';
import { formatNum, pickLabel } from '../format';
import { methodHref } from '../routes';
import { Link } from './link';

/** The zone's computed profile: each score with the records behind it, and a link to the published method. */
export function ZoneScorecard({ scorecard }: { scorecard: Scorecard }) {
  const { lang, t } = useCatalogue();
  return (
    <section aria-labelledby="scorecard" className="cat-scorecard">
      <h2 id="scorecard">{t('zone.scorecard')}</h2>
      {scorecard.scores.length === 0 ? (
        <p className="cat-muted">{t('zone.scoreNotPublished')}</p>
      ) : (
        <ul className="cat-scores">
          {scorecard.scores.map((score) => (
            <li key={score.key} data-testid={`score-${score.key}`}>
              <div className="cat-score-head">
                <span>{t(`score.${score.key}`)}</span>
                <strong>
                  {score.score === null
                    ? t('value.none')
                    : t('score.outOf', { score: formatNum(lang, score.score, 0) })}
                </strong>
              </div>
              {score.score !== null ? (
                <div
                  className="cat-score-bar"
                  role="meter"
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={score.score}
                  aria-label={t(`score.${score.key}`)}
                >
                  <span style={{ width: `${Math.max(0, Math.min(100, score.score))}%` }} />
                </div>
              ) : null}
              <p className="cat-muted" lang={lang === 'vi' ? 'vi' : 'en'}>
                {pickLabel(lang, score.explanation)}
              </p>
              {score.basis.length ? (
                <details>
                  <summary>{t('zone.scoreBasis')}</summary>
                  <ul>
                    {score.basis.map((basis) => (
                      <li key={basis.field}>
                        <span lang={lang === 'vi' ? 'vi' : 'en'}>{pickLabel(lang, basis.label)}</span>:{' '}
                        {typeof basis.value === 'number'
                          ? formatNum(lang, basis.value)
                          : (basis.value ?? t('value.none'))}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link href={methodHref(lang)}>{t('nav.method')}</Link>
      </p>
    </section>
  );
}
