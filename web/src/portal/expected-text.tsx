// "What is expected of me now", in one sentence.
import { useTranslation } from 'react-i18next';
import type { Expected } from '../api/portal.ts';

export const formatVnd = (amount: number) => `${amount.toLocaleString('vi-VN')} đ`;

export function ExpectedText({ expected }: { expected: Expected }) {
  const { t } = useTranslation();
  const text = (() => {
    switch (expected.kind) {
      case 'pay':
        return t('portal.expected.pay', { amount: formatVnd(expected.amount) });
      case 'collect':
        return expected.where === 'unit' ? t('portal.expected.collect_unit', { unit: expected.unitName })
          : expected.where === 'online' ? t('portal.expected.collect_online') : t('portal.expected.collect_post');
      default:
        return t(`portal.expected.${expected.kind}`);
    }
  })();
  return <p className={`expected expected-${expected.kind}`} data-testid="expected" data-kind={expected.kind}>{text}</p>;
}
