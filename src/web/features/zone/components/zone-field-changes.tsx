import { ArrowRightOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { toIsoDate } from '../../../../domain/format/format';
import { useFormat } from '../../../lib/format';
import { useLocale, useT } from '../../../lib/i18n';
import { adminUnitLabel, useAllAdminUnits } from '../../../lib/admin-units';
import { useCcnTypes } from '../api/zone-api';
import { changedZoneFields, CODE_FIELDS, fieldLabel, fieldValueText, snapshotValue } from './zone-fields';
import { LAST_DISTRICT_DAY } from './zone-filter-state';

type CodeField = (typeof CODE_FIELDS)[number];

/** Names for the codes in a snapshot (communes today and before 1/7/2025, former districts, cluster types). */
function useCodeNames(fields: readonly string[]) {
  const today = useMemo(() => toIsoDate(new Date()), []);
  const has = (field: CodeField) => fields.includes(field);
  const communes = useAllAdminUnits('commune', today, has('communeCode'));
  const formerCommunes = useAllAdminUnits('commune', LAST_DISTRICT_DAY, has('formerCommuneCode'));
  const districts = useAllAdminUnits('district', LAST_DISTRICT_DAY, has('formerDistrictCode'));
  const ccnTypes = useCcnTypes(has('ccnTypeCode'));
  return useCallback(
    (field: string, code: string): string | undefined => {
      const units =
        field === 'communeCode'
          ? communes.data
          : field === 'formerCommuneCode'
            ? formerCommunes.data
            : field === 'formerDistrictCode'
              ? districts.data
              : undefined;
      const unit = units?.find((candidate) => candidate.code === code);
      if (unit) return adminUnitLabel(unit);
      if (field === 'ccnTypeCode') return ccnTypes.data?.find((type) => type.code === code)?.name;
      return undefined;
    },
    [communes.data, formerCommunes.data, districts.data, ccnTypes.data],
  );
}

const cell = { padding: '2px 12px 2px 0', verticalAlign: 'top' } as const;

/**
 * The fields that differ between two versions of a zone (or of a lifecycle event), each as
 * "Diện tích công bố: 300 ha → 310 ha", with Vietnamese field names and formatted values.
 */
export function FieldChanges({ before, after }: { before: unknown; after: unknown }) {
  const t = useT();
  const format = useFormat();
  const locale = useLocale();
  const created = before === null || before === undefined;
  const deleted = after === null || after === undefined;
  const fields = changedZoneFields(before, after).filter(
    // A new record lists only what it was given.
    (field) => !created || (snapshotValue(after, field) ?? false) !== false,
  );
  const nameOf = useCodeNames(fields);
  const ctx = { t, format, locale, nameOf };
  if (fields.length === 0) {
    return (
      <div>
        <Typography.Text type="secondary">{t('zone.history.noFieldChanges')}</Typography.Text>
      </div>
    );
  }
  return (
    <div>
      {created || deleted ? (
        <Typography.Text type="secondary">
          {t(created ? 'zone.history.initial' : 'zone.history.removed')}
        </Typography.Text>
      ) : null}
      <table style={{ borderCollapse: 'collapse', width: '100%', tableLayout: 'fixed' }}>
        {created || deleted ? (
          <colgroup>
            <col style={{ width: '32%' }} />
            <col />
          </colgroup>
        ) : (
          <colgroup>
            <col style={{ width: '32%' }} />
            <col style={{ width: '32%' }} />
            <col style={{ width: 28 }} />
            <col />
          </colgroup>
        )}
        <tbody>
          {fields.map((field) => (
            <tr key={field}>
              <th scope="row" style={{ ...cell, fontWeight: 500, textAlign: 'left' }}>
                {fieldLabel(field, t)}
              </th>
              {created ? null : (
                <td style={cell}>
                  <Typography.Text delete={!deleted} type="secondary" style={{ wordBreak: 'break-word' }}>
                    {fieldValueText(field, snapshotValue(before, field), ctx)}
                  </Typography.Text>
                </td>
              )}
              {created || deleted ? null : (
                <td style={cell} aria-hidden>
                  <ArrowRightOutlined />
                </td>
              )}
              {deleted ? null : (
                <td style={{ ...cell, wordBreak: 'break-word' }}>
                  {fieldValueText(field, snapshotValue(after, field), ctx)}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
