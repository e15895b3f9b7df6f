import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CatalogueFacets } from '../../../domain/catalogue/catalogue.schema';
import { CatalogueContext } from '../context';
import { EMPTY_FILTERS, filtersToSearch, type CatalogueFilters } from '../filters';
import { translator, type CatalogueLang } from '../i18n/i18n';
import { FiltersForm } from './filters-form';

const facets: CatalogueFacets = {
  asOf: '2026-12-06T00:00:00Z',
  families: [],
  communes: [
    { code: '00475', label: { vi: 'Xã Thư Lâm', en: 'Thu Lam commune' }, count: 2 },
    { code: '10030', label: { vi: 'Xã Phú Nghĩa', en: 'Phu Nghia commune' }, count: 1 },
  ],
  formerDistricts: [{ code: '017', label: { vi: 'Huyện Đông Anh', en: 'Dong Anh district' }, count: 2 }],
  sectors: [{ code: '26', label: { vi: 'Điện tử', en: 'Electronics' }, count: 3 }],
  langs: ['vi', 'en', 'ja', 'ko', 'zh'],
};

function renderForm(lang: CatalogueLang, filters: CatalogueFilters = EMPTY_FILTERS) {
  const onApply = vi.fn<(filters: CatalogueFilters) => void>();
  render(
    <CatalogueContext.Provider value={{ lang, t: translator(lang) }}>
      <FiltersForm filters={filters} facets={facets} onApply={onApply} />
    </CatalogueContext.Provider>,
  );
  return onApply;
}

describe('the catalogue filters form', () => {
  it('turns free land, a commune typed without diacritics and a radius into the API query', async () => {
    const user = userEvent.setup();
    const onApply = renderForm('vi', { ...EMPTY_FILTERS, page: 3 });
    await user.click(screen.getByRole('button', { name: 'Hiện bộ lọc' }));
    await user.type(screen.getByLabelText('Đất trống tối thiểu (ha)'), '5');
    await user.type(screen.getByRole('combobox', { name: 'Xã, phường' }), 'phu nghia');
    await user.click(screen.getByRole('option', { name: 'Xã Phú Nghĩa' }));
    await user.selectOptions(screen.getByLabelText('Phạm vi'), '10');
    await user.selectOptions(screen.getByLabelText('Ngành nghề'), '26');
    await user.selectOptions(screen.getByLabelText('Thời điểm sẵn sàng'), 'now');
    await user.click(screen.getByRole('button', { name: 'Áp dụng' }));
    const applied = onApply.mock.calls[0]![0];
    expect(filtersToSearch(applied).toString()).toBe(
      'freeLandMinHa=5&near=10030&radiusKm=10&sector=26&ready=now',
    );
  });

  it('speaks the interface language and keeps the search text when the filters are cleared', async () => {
    const user = userEvent.setup();
    const onApply = renderForm('ja', { ...EMPTY_FILTERS, q: 'dong anh', family: 'CCN', freeLandMinHa: 5 });
    expect(screen.getByRole('button', { name: /絞り込みを表示 · 適用中の条件：2/ })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '条件をクリア' }));
    expect(onApply.mock.calls[0]![0]).toEqual({ ...EMPTY_FILTERS, q: 'dong anh' });
  });
});
