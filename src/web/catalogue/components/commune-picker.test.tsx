import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { CatalogueContext } from '../context';
import { translator } from '../i18n/i18n';
import { CommunePicker } from './commune-picker';

const communes = [
  { code: '10105', name: 'Xã Phú Nghĩa' },
  { code: '10210', name: 'Xã Thanh Oai' },
  { code: '10333', name: 'Phường Nghĩa Đô' },
];

function Picker({ lang = 'vi' as const }: { lang?: 'vi' | 'en' }) {
  const [code, setCode] = useState<string | null>(null);
  return (
    <CatalogueContext.Provider value={{ lang, t: translator(lang) }}>
      <CommunePicker communes={communes} value={code} onChange={setCode} />
      <output data-testid="chosen">{code ?? 'none'}</output>
    </CatalogueContext.Provider>
  );
}

describe('the commune picker', () => {
  it('offers communes typed without diacritics and picks one with the keyboard', async () => {
    const user = userEvent.setup();
    render(<Picker />);
    await user.type(screen.getByRole('combobox', { name: 'Xã, phường' }), 'nghia');
    const options = screen.getAllByRole('option').map((option) => option.textContent);
    expect(options).toEqual(['Phường Nghĩa Đô', 'Xã Phú Nghĩa']);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(screen.getByTestId('chosen').textContent).toBe('10105');
    expect(screen.getByRole('combobox')).toHaveProperty('value', 'Xã Phú Nghĩa');
  });

  it('says so in the interface language when nothing matches, and can be cleared', async () => {
    const user = userEvent.setup();
    render(<Picker lang="en" />);
    const input = screen.getByRole('combobox', { name: 'Commune or ward' });
    await user.type(input, 'zzz');
    expect(screen.getByText('No commune or ward matches')).toBeTruthy();
    await user.clear(input);
    await user.type(input, 'thanh');
    await user.click(screen.getByRole('option', { name: 'Xã Thanh Oai' }));
    expect(screen.getByTestId('chosen').textContent).toBe('10210');
    await user.click(screen.getByRole('button', { name: 'Clear the commune' }));
    expect(screen.getByTestId('chosen').textContent).toBe('none');
  });
});
