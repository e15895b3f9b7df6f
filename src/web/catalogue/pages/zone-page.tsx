import { useState, type ReactNode as Node } from 'react';
import type { PublicZone } from '../../../domain/catalogue/catalogue.schema';
import { catalogueSectors } from '../../../domain/catalogue/sectors';
import { PublicApiError, publicUrls, useResource } from '../api';
import { Link } from '../components/link';
import { MapPanel } from '../components/map-panel';
import { PriceText } from '../components/price-text';
import { ShareBox } from '../components/share-box';
import { LoadError, Skeleton } from '../components/status';
import { ZoneScorecard } from '../components/zone-scorecard';
import { useCatalogue } from '../context';
import { formatDay, formatHa, formatNum, formatRatio, sectorName } from '../format';
import { useHead } from '../head';
import { langName } from '../i18n/i18n';
import { homeHref, zoneHref } from '../routes';
import { InquiryMount } from '../components/inquiry-mount';
import { zonePageHead } from '../../../domain/catalogue/page-head';

function Figure({ label, children }: { label: string; children: Node }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The public profile of one zone at its stable address `/catalogue/zones/{code}`. */
export function ZonePage({ code }: { code: string }) {
  const { lang, t } = useCatalogue();
  const zone = useResource<PublicZone>(publicUrls.zone(code, lang));
  const [mapOpen, setMapOpen] = useState(false);
  const data = zone.data;
  const head = data ? zonePageHead(data, lang) : null;
  useHead(
    head?.title ?? t('site.name'),
    head?.description ?? t('site.description'),
    lang,
    data ? `/catalogue/zones/${encodeURIComponent(data.code)}` : undefined,
  );
  const back = (
    <p>
      <Link href={homeHref('', lang)}>← {t('zone.back')}</Link>
    </p>
  );
  if (zone.error) {
    if (zone.error instanceof PublicApiError && zone.error.status === 404) {
      return (
        <div className="cat-zone">
          {back}
          <p className="cat-empty" role="alert">
            {t('zone.notFound')}
          </p>
        </div>
      );
    }
    return (
      <div className="cat-zone">
        {back}
        <LoadError error={zone.error} onRetry={zone.retry} />
      </div>
    );
  }
  if (!data) {
    return (
      <div className="cat-zone">
        {back}
        <Skeleton lines={6} />
      </div>
    );
  }
  const place = [data.commune?.name, data.formerDistrict?.name].filter(Boolean).join(' · ');
  const photos = data.documents.filter((d) => d.isPhoto);
  const files = data.documents.filter((d) => !d.isPhoto);
  const hasInfra =
    data.infrastructureCompleteHa !== undefined ||
    data.wwtpStatus !== undefined ||
    data.fireSafetyStatus !== undefined;

  return (
    <article className="cat-zone">
      {back}
      <header className="cat-zone-head">
        <p>
          <span className={`cat-badge cat-badge-${data.family}`}>{t(`family.${data.family}`)}</span>
          {data.ready ? <span className="cat-badge cat-badge-ready">{t(`ready.${data.ready}`)}</span> : null}
        </p>
        <h1>{data.name}</h1>
        {place ? <p className="cat-muted">{place}</p> : null}
        <p className="cat-muted">{t('results.asOf', { date: formatDay(lang, data.asOf) })}</p>
      </header>

      <section aria-labelledby="figures">
        <h2 id="figures">{t('zone.keyFigures')}</h2>
        <dl className="cat-figures cat-figures-wide">
          <Figure label={t('zone.freeLand')}>
            <span className="cat-figure-main" data-testid="free-land">
              {formatHa(lang, data.freeLandHa)}
            </span>
          </Figure>
          {data.declaredAreaHa !== undefined ? (
            <Figure label={t('zone.totalArea')}>{formatHa(lang, data.declaredAreaHa)}</Figure>
          ) : null}
          {data.industrialLandHa !== undefined ? (
            <Figure label={t('zone.industrialLand')}>{formatHa(lang, data.industrialLandHa)}</Figure>
          ) : null}
          {data.occupancy !== undefined ? (
            <Figure label={t('zone.occupancy')}>{formatRatio(lang, data.occupancy)}</Figure>
          ) : null}
          {data.lifecycleState ? (
            <Figure label={t('zone.status')}>{t(`state.${data.lifecycleState}`)}</Figure>
          ) : null}
        </dl>
      </section>

      {data.description !== undefined ? (
        <section aria-labelledby="about">
          <h2 id="about">{t('zone.description')}</h2>
          {data.translationMissing && data.descriptionLang ? (
            <p className="cat-note" data-testid="translation-missing">
              {t('zone.translationMissing', {
                wanted: langName(t, lang),
                shown: langName(t, data.descriptionLang),
              })}
            </p>
          ) : null}
          {data.description ? (
            <div
              className="cat-description"
              lang={data.descriptionLang ?? undefined}
              data-testid="description"
            >
              {data.description.split(/\n{2,}/).map((paragraph, i) => (
                <p key={i}>{paragraph}</p>
              ))}
            </div>
          ) : (
            <p className="cat-muted">{t('zone.noDescription')}</p>
          )}
        </section>
      ) : null}

      {hasInfra ? (
        <section aria-labelledby="infra">
          <h2 id="infra">{t('zone.infrastructure')}</h2>
          <dl className="cat-figures cat-figures-wide">
            {data.infrastructureCompleteHa !== undefined ? (
              <Figure label={t('zone.infrastructureState')}>
                {data.infrastructureCompleteHa === null
                  ? t('value.none')
                  : t('zone.infrastructureComplete', { area: formatHa(lang, data.infrastructureCompleteHa) })}
              </Figure>
            ) : null}
            {data.wwtpStatus !== undefined ? (
              <Figure label={t('zone.wwtp')}>
                {data.wwtpStatus ? t(`wwtp.${data.wwtpStatus}`) : t('value.none')}
                {data.wwtpCapacityM3Day
                  ? ` · ${t('zone.wwtpCapacity', { capacity: formatNum(lang, data.wwtpCapacityM3Day, 0) })}`
                  : ''}
              </Figure>
            ) : null}
            {data.fireSafetyStatus !== undefined ? (
              <Figure label={t('zone.fireSafety')}>
                {data.fireSafetyStatus ? t(`fire.${data.fireSafetyStatus}`) : t('value.none')}
              </Figure>
            ) : null}
          </dl>
        </section>
      ) : null}

      {data.sectors !== undefined ? (
        <section aria-labelledby="sectors">
          <h2 id="sectors">{t('zone.sectors')}</h2>
          {data.sectors.length ? (
            <ul className="cat-tags">
              {data.sectors.map((sector) => (
                <li key={sector}>{sectorName(lang, sector, catalogueSectors[sector])}</li>
              ))}
            </ul>
          ) : (
            <p className="cat-muted">{t('value.none')}</p>
          )}
        </section>
      ) : null}

      {data.prices !== undefined ? (
        <section aria-labelledby="prices">
          <h2 id="prices">{t('zone.prices')}</h2>
          {data.prices.items.length ? (
            <div className="cat-table-wrap">
              <table className="cat-table">
                <thead>
                  <tr>
                    <th scope="col">{t('zone.priceKind')}</th>
                    <th scope="col">{t('zone.priceAmount')}</th>
                    <th scope="col">{t('zone.priceValidity')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.prices.items.map((price, i) => (
                    <tr key={i}>
                      <td>{t(`price.${price.kind}`)}</td>
                      <td>
                        <PriceText price={price} />
                      </td>
                      <td>
                        {price.validTo
                          ? t('zone.validFromTo', {
                              from: formatDay(lang, price.validFrom),
                              to: formatDay(lang, price.validTo),
                            })
                          : t('zone.validFrom', { from: formatDay(lang, price.validFrom) })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="cat-muted">{t('value.none')}</p>
          )}
        </section>
      ) : null}

      {data.developer ? (
        <section aria-labelledby="developer">
          <h2 id="developer">{t('zone.developer')}</h2>
          <address className="cat-contact">
            {data.developer.name ? (
              <strong>
                {lang !== 'vi' && data.developer.nameEn ? data.developer.nameEn : data.developer.name}
              </strong>
            ) : null}
            {data.developer.address ? <span>{data.developer.address}</span> : null}
            {data.developer.contactName ? <span>{data.developer.contactName}</span> : null}
            {data.developer.phone ? (
              <a href={`tel:${data.developer.phone.replace(/[^+\d]/g, '')}`}>{data.developer.phone}</a>
            ) : null}
            {data.developer.email ? (
              <a href={`mailto:${data.developer.email}`}>{data.developer.email}</a>
            ) : null}
            {data.developer.website ? (
              <a href={data.developer.website} rel="noopener noreferrer" target="_blank">
                {data.developer.website}
              </a>
            ) : null}
          </address>
        </section>
      ) : null}

      {data.documents.length ? (
        <section aria-labelledby="documents">
          <h2 id="documents">{t('zone.documents')}</h2>
          {photos.length ? (
            <ul className="cat-photos">
              {photos.map((photo) => (
                <li key={photo.id}>
                  <a href={photo.url}>
                    <img src={photo.url} alt={photo.title} loading="lazy" width={320} height={200} />
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
          {files.length ? (
            <ul className="cat-files">
              {files.map((file) => (
                <li key={file.id}>
                  <a href={file.url} download={file.fileName}>
                    {file.title}
                  </a>{' '}
                  <span className="cat-muted">
                    ({t('zone.download')} · {formatNum(lang, file.sizeBytes / 1024, 0)} KB
                    {file.docDate ? ` · ${formatDay(lang, file.docDate)}` : ''})
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}

      {data.location !== undefined ? (
        <section aria-labelledby="location">
          <h2 id="location">{t('zone.location')}</h2>
          {data.location ? (
            <>
              {data.location.approximate ? <p className="cat-note">{t('zone.approximate')}</p> : null}
              <p className="cat-muted">
                {formatNum(lang, data.location.lat, 5)}, {formatNum(lang, data.location.lon, 5)}
              </p>
              {mapOpen ? (
                <MapPanel focus={data.code} />
              ) : (
                <button type="button" className="cat-button" onClick={() => setMapOpen(true)}>
                  {t('zone.openMap')}
                </button>
              )}
            </>
          ) : (
            <p className="cat-muted">{t('value.none')}</p>
          )}
        </section>
      ) : null}

      <ZoneScorecard scorecard={data.scorecard} />

      <ShareBox href={zoneHref(data.code, lang)} />

      <InquiryMount zoneCode={data.code} zoneName={data.name} />
    </article>
  );
}
