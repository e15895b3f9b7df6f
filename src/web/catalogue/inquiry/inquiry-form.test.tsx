import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { InquiryForm, parseHectares } from './inquiry-form';

describe('the public inquiry form', () => {
  it('names every missing field in the chosen language and sends nothing until they are fixed', () => {
    render(<InquiryForm zoneCode="CCN-DA" zoneName="CCN Đông Anh" lang="ja" />);
    fireEvent.change(screen.getByLabelText('必要な土地面積（ha）', { exact: false }), {
      target: { value: 'abc' },
    });
    fireEvent.click(screen.getByRole('button', { name: '送信する' }));
    expect(screen.getByRole('alert').textContent).toBe('印の付いた欄を修正してください。');
    expect(screen.getAllByText('この欄を入力してください。')).toHaveLength(2); // purpose and name
    expect(screen.getByText('メールアドレスが正しくありません。')).toBeTruthy();
    expect(screen.getByText('0より大きい数値を入力してください（例：2.5）。')).toBeTruthy();
    expect(screen.getByText('送信するには個人データの取り扱いに同意してください。')).toBeTruthy();
    expect(screen.getByLabelText('氏名').getAttribute('aria-invalid')).toBe('true');
  });

  it('keeps the honeypot out of reach of people and assistive technology', () => {
    const { container } = render(<InquiryForm zoneCode="CCN-DA" zoneName="CCN Đông Anh" lang="vi" />);
    const trap = container.querySelector('input[name="website"]')!;
    expect(trap.getAttribute('tabindex')).toBe('-1');
    expect(trap.closest('[aria-hidden="true"]')).not.toBeNull();
  });

  it('reads hectares written with a comma or a point', () => {
    expect(parseHectares('2,5')).toBe(2.5);
    expect(parseHectares('2.5')).toBe(2.5);
    expect(parseHectares('')).toBeNull();
    expect(parseHectares('-1')).toBe('invalid');
  });
});
