import type { PublicPrice } from '../../../domain/catalogue/catalogue.schema';
import { useCatalogue } from '../context';
import { formatNum } from '../format';

/** "45 USD/m²/năm" — the amount in the interface language's number format, its currency and unit. */
export function PriceText({ price }: { price: Pick<PublicPrice, 'amount' | 'currency' | 'unit'> }) {
  const { lang, t } = useCatalogue();
  const digits = price.currency === 'VND' ? 0 : 2;
  return (
    <>
      {formatNum(lang, price.amount, digits)} {price.currency}/{t(`unit.${price.unit}`)}
    </>
  );
}
