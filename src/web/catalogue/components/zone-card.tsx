import type { PublicZoneCard } from '../../../domain/catalogue/catalogue.schema';
import { useCatalogue } from '../context';
import { formatHa, formatNum, formatRatio } from '../format';
import { zoneHref } from '../routes';
import { Link } from './link';
import { PriceText } from './price-text';

/** One zone in the results: its name and place, free land (always public) and whatever else is published. */
export function ZoneCard({ zone }: { zone: PublicZoneCard }) {
  const { lang, t } = useCatalogue();
  const place = [zone.commune?.name, zone.formerDistrict?.name].filter(Boolean).join(' · ');
  return (
    <li className="cat-card" data-testid="zone-card">
      <p className="cat-card-family">
        <span className={`cat-badge cat-badge-${zone.family}`}>{t(`family.${zone.family}`)}</span>
        {zone.ready ? <span className="cat-badge cat-badge-ready">{t(`ready.${zone.ready}`)}</span> : null}
      </p>
      <h3 className="cat-card-title">
        <Link href={zoneHref(zone.code, lang)}>{zone.name}</Link>
      </h3>
      {place ? <p className="cat-muted">{place}</p> : null}
      <dl className="cat-figures">
        <div>
          <dt>{t('card.freeLand')}</dt>
          <dd className="cat-figure-main">{formatHa(lang, zone.freeLandHa)}</dd>
        </div>
        {zone.declaredAreaHa !== undefined ? (
          <div>
            <dt>{t('card.area')}</dt>
            <dd>{formatHa(lang, zone.declaredAreaHa)}</dd>
          </div>
        ) : null}
        {zone.occupancy !== undefined ? (
          <div>
            <dt>{t('card.occupancy')}</dt>
            <dd>{formatRatio(lang, zone.occupancy)}</dd>
          </div>
        ) : null}
        {zone.subleasePrice ? (
          <div>
            <dt>{t('card.price')}</dt>
            <dd>
              <PriceText price={zone.subleasePrice} />
            </dd>
          </div>
        ) : null}
      </dl>
      {zone.distanceKm !== undefined ? (
        <p className="cat-muted">{t('card.distance', { km: formatNum(lang, zone.distanceKm, 1) })}</p>
      ) : null}
      {zone.summary ? <p className="cat-card-summary">{zone.summary}</p> : null}
    </li>
  );
}
