import { InputNumber, type InputNumberProps } from 'antd';
import { parseNumber } from '../../../domain/format/format';
import { useFormat } from '../../lib/format';
import { useLocale } from '../../lib/i18n';

type Props = Omit<InputNumberProps<number>, 'formatter' | 'parser' | 'decimalSeparator' | 'stringMode'> & {
  maxFractionDigits?: number;
};

/**
 * A number typed and shown the Vietnamese way ("1.347,4" in vi, "1,347.4" in en), with the domain's parser:
 * an ambiguous "1.5" is refused in Vietnamese rather than guessed.
 */
export function NumberInput({ maxFractionDigits = 4, style, ...props }: Props) {
  const locale = useLocale();
  const format = useFormat();
  return (
    <InputNumber<number>
      {...props}
      style={{ width: '100%', ...style }}
      formatter={(value, info) =>
        info.userTyping
          ? info.input
          : value === undefined || value === null || String(value) === ''
            ? ''
            : format.number(value, { maxFractionDigits })
      }
      parser={(text) => {
        if (!text || text.trim() === '') return undefined as unknown as number;
        return parseNumber(text, { locale }) ?? Number.NaN;
      }}
    />
  );
}

type MoneyProps = Omit<InputNumberProps<string>, 'formatter' | 'parser' | 'stringMode' | 'precision'>;

/** A whole amount of đồng, kept as a digit string (money is never a float): "19.000.000.000". */
export function VndInput({ style, ...props }: MoneyProps) {
  const format = useFormat();
  return (
    <InputNumber<string>
      {...props}
      stringMode
      min="0"
      precision={0}
      style={{ width: '100%', ...style }}
      suffix="₫"
      formatter={(value, info) =>
        info.userTyping ? info.input : value === undefined || value === '' ? '' : format.number(value)
      }
      parser={(text) => (text ?? '').replace(/\D/g, '')}
    />
  );
}
