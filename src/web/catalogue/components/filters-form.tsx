import { useId, useMemo, useState, type FormEvent } from 'react';
import type { CatalogueFacets } from '../../../domain/catalogue/catalogue.schema';
import { useCatalogue } from '../context';
import {
  activeFilterCount,
  EMPTY_FILTERS,
  PRICE_CURRENCIES,
  RADIUS_CHOICES_KM,
  type CatalogueFilters,
  type PriceCurrency,
} from '../filters';
import { formatNum, sectorName } from '../format';
import { CommunePicker } from './commune-picker';

function numberOrNull(text: string): number | null {
  const value = Number(text.replace(',', '.'));
  return text.trim() === '' || !Number.isFinite(value) || value < 0 ? null : value;
}

/** The search box and the filters (folded away on a phone); applying them changes the address. */
export function FiltersForm({
  filters,
  facets,
  onApply,
}: {
  filters: CatalogueFilters;
  facets: CatalogueFacets | undefined;
  onApply: (filters: CatalogueFilters) => void;
}) {
  const { lang, t } = useCatalogue();
  const id = useId();
  const [draft, setDraft] = useState(filters);
  const [shown, setShown] = useState(false);
  const [seen, setSeen] = useState(filters);
  // A new address (back button, a link) replaces what was being edited.
  if (seen !== filters) {
    setSeen(filters);
    setDraft(filters);
  }
  const communes = useMemo(
    () => (facets?.communes ?? []).map((c) => ({ code: c.code, name: c.label.vi })),
    [facets],
  );
  const set = <K extends keyof CatalogueFilters>(key: K, value: CatalogueFilters[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const count = activeFilterCount(filters);

  function submit(event: FormEvent) {
    event.preventDefault();
    setShown(false);
    onApply({ ...draft, page: 1 });
  }

  return (
    <form className="cat-search" role="search" onSubmit={submit}>
      <div className="cat-search-row">
        <label htmlFor={`${id}-q`} className="cat-visually-hidden">
          {t('search.label')}
        </label>
        <input
          id={`${id}-q`}
          type="search"
          name="q"
          value={draft.q}
          placeholder={t('search.placeholder')}
          aria-label={t('search.label')}
          onChange={(event) => set('q', event.target.value)}
        />
        <button type="submit" className="cat-button cat-button-primary">
          {t('search.submit')}
        </button>
      </div>
      <button
        type="button"
        className="cat-button cat-filters-toggle"
        aria-expanded={shown}
        aria-controls={`${id}-filters`}
        onClick={() => setShown((s) => !s)}
      >
        {shown ? t('filters.hide') : t('filters.show')}
        {count ? ` · ${t('filters.active', { count })}` : ''}
      </button>
      <fieldset id={`${id}-filters`} className={`cat-filters${shown ? ' cat-filters-open' : ''}`}>
        <legend>{t('filters.title')}</legend>
        <div className="cat-field">
          <label htmlFor={`${id}-free`}>{t('filters.freeLand')}</label>
          <input
            id={`${id}-free`}
            type="number"
            inputMode="decimal"
            min={0}
            step="any"
            value={draft.freeLandMinHa ?? ''}
            onChange={(event) => set('freeLandMinHa', numberOrNull(event.target.value))}
          />
        </div>
        <CommunePicker communes={communes} value={draft.commune} onChange={(code) => set('commune', code)} />
        <div className="cat-field">
          <label htmlFor={`${id}-radius`}>{t('filters.radius')}</label>
          <select
            id={`${id}-radius`}
            value={draft.radiusKm}
            disabled={!draft.commune}
            onChange={(event) => set('radiusKm', Number(event.target.value))}
          >
            {RADIUS_CHOICES_KM.map((km) => (
              <option key={km} value={km}>
                {km === 0 ? t('filters.radiusExact') : t('filters.radiusKm', { km: formatNum(lang, km) })}
              </option>
            ))}
          </select>
        </div>
        <div className="cat-field">
          <label htmlFor={`${id}-district`}>{t('filters.formerDistrict')}</label>
          <select
            id={`${id}-district`}
            value={draft.formerDistrict ?? ''}
            onChange={(event) => set('formerDistrict', event.target.value || null)}
          >
            <option value="">{t('filters.all')}</option>
            {(facets?.formerDistricts ?? []).map((district) => (
              <option key={district.code} value={district.code}>
                {district.label.vi} ({formatNum(lang, district.count)})
              </option>
            ))}
          </select>
        </div>
        <div className="cat-field">
          <label htmlFor={`${id}-family`}>{t('filters.family')}</label>
          <select
            id={`${id}-family`}
            value={draft.family ?? ''}
            onChange={(event) => set('family', (event.target.value || null) as CatalogueFilters['family'])}
          >
            <option value="">{t('filters.all')}</option>
            <option value="KCN">{t('family.KCN')}</option>
            <option value="CCN">{t('family.CCN')}</option>
          </select>
        </div>
        <div className="cat-field">
          <label htmlFor={`${id}-sector`}>{t('filters.sector')}</label>
          <select
            id={`${id}-sector`}
            value={draft.sector ?? ''}
            onChange={(event) => set('sector', event.target.value || null)}
          >
            <option value="">{t('filters.all')}</option>
            {(facets?.sectors ?? []).map((sector) => (
              <option key={sector.code} value={sector.code}>
                {sectorName(lang, sector.code, sector.label)} ({formatNum(lang, sector.count)})
              </option>
            ))}
          </select>
        </div>
        <div className="cat-field-group">
          <div className="cat-field">
            <label htmlFor={`${id}-pmin`}>{t('filters.priceMin')}</label>
            <input
              id={`${id}-pmin`}
              type="number"
              inputMode="decimal"
              min={0}
              step="any"
              value={draft.priceMin ?? ''}
              onChange={(event) => set('priceMin', numberOrNull(event.target.value))}
            />
          </div>
          <div className="cat-field">
            <label htmlFor={`${id}-pmax`}>{t('filters.priceMax')}</label>
            <input
              id={`${id}-pmax`}
              type="number"
              inputMode="decimal"
              min={0}
              step="any"
              value={draft.priceMax ?? ''}
              onChange={(event) => set('priceMax', numberOrNull(event.target.value))}
            />
          </div>
          <div className="cat-field">
            <label htmlFor={`${id}-pcur`}>{t('filters.priceUnit', { unit: `…/${t('unit.m2_year')}` })}</label>
            <select
              id={`${id}-pcur`}
              value={draft.priceCurrency}
              onChange={(event) => set('priceCurrency', event.target.value as PriceCurrency)}
            >
              {PRICE_CURRENCIES.map((currency) => (
                <option key={currency} value={currency}>
                  {currency}/{t('unit.m2_year')}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="cat-field">
          <label htmlFor={`${id}-ready`}>{t('filters.ready')}</label>
          <select
            id={`${id}-ready`}
            value={draft.ready ?? ''}
            onChange={(event) => set('ready', (event.target.value || null) as CatalogueFilters['ready'])}
          >
            <option value="">{t('filters.all')}</option>
            <option value="now">{t('filters.readyNow')}</option>
            <option value="within_year">{t('filters.readyWithinYear')}</option>
          </select>
        </div>
        <div className="cat-actions">
          <button type="submit" className="cat-button cat-button-primary">
            {t('filters.apply')}
          </button>
          <button
            type="button"
            className="cat-button"
            onClick={() => onApply({ ...EMPTY_FILTERS, q: draft.q, map: draft.map })}
          >
            {t('filters.clear')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
