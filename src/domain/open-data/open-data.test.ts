import { describe, expect, it } from 'vitest';
import { dcatCatalog } from './dcat';
import { datasetCsv, openDataIndex, parseOpenDataFile, type OpenDataDataset } from './open-data.schema';

const index = openDataIndex({
  base: 'https://izis.example',
  publisher: 'Thành phố Hà Nội',
  aggregates: [
    { form: 'B04', period: '2026-H1', asOf: '2026-06-15T03:00:00.000Z', reports: 1 },
    { form: 'B03', period: '2026-H1', asOf: '2026-06-12T03:00:00.000Z', reports: 3 },
  ],
});

describe('the open-data index and its DCAT catalogue', () => {
  it('lists the registry and each signed aggregate with a stable address per format', () => {
    expect(index.datasets.map((d) => d.id)).toEqual(['zones', 'b04-2026-H1', 'b03-2026-H1']);
    expect(index.datasets[1]!.distributions.map((d) => d.url)).toEqual([
      'https://izis.example/api/open-data/compilations/B04/2026-H1.csv',
      'https://izis.example/api/open-data/compilations/B04/2026-H1.xlsx',
      'https://izis.example/api/open-data/compilations/B04/2026-H1.json',
    ]);
    expect(index.datasets[2]!.description.vi).toContain('3 báo cáo');
  });

  it('is a dcat:Catalog modified when the last aggregate was signed; the live registry has no date', () => {
    const catalog = dcatCatalog(index) as Record<string, any>;
    expect(catalog['@type']).toBe('dcat:Catalog');
    expect(catalog['dct:modified']).toEqual({
      '@value': '2026-06-15T03:00:00.000Z',
      '@type': 'xsd:dateTime',
    });
    const [zones, b04] = catalog['dcat:dataset'];
    expect(zones).not.toHaveProperty('dct:modified');
    expect(b04['dct:license']).toEqual({ '@id': 'https://creativecommons.org/licenses/by/4.0/' });
    expect(b04['dcat:distribution'][0]['dcat:mediaType']['@id']).toBe(
      'https://www.iana.org/assignments/media-types/text/csv',
    );
    expect(JSON.stringify(dcatCatalog(index))).toBe(JSON.stringify(catalog)); // the same datasets, the same text
  });
});

describe('the dataset as CSV', () => {
  it('has one row per report and item, with plain numbers and ISO instants', () => {
    const dataset: OpenDataDataset = {
      id: 'b04-2026-H1',
      title: { vi: 'Biểu 04', en: 'Form 04' },
      form: 'B04',
      period: '2026-H1',
      periodLabel: { vi: '6 tháng đầu năm 2026', en: 'H1 2026' },
      asOf: '2026-06-15T03:00:00.000Z',
      publisher: 'Thành phố Hà Nội',
      licence: { id: 'CC-BY-4.0', name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
      reports: [
        {
          scope: { kind: 'city', code: '01', name: 'Thành phố Hà Nội' },
          versionNo: 2,
          docNo: '9/BC-SCT',
          signedAt: '2026-06-15T03:00:00.000Z',
          formVersion: 'TT14-2024',
          items: [
            { code: '1', label: { vi: 'Số cụm, có', en: 'Clusters, with' }, unit: 'count', value: 3 },
            { code: '19', label: { vi: 'Tỷ lệ lấp đầy', en: 'Occupancy' }, unit: 'pct', value: 55.25 },
          ],
        },
      ],
    };
    const lines = datasetCsv(dataset)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(
      'B04,2026-H1,city,01,Thành phố Hà Nội,2,9/BC-SCT,2026-06-15T03:00:00.000Z,1,"Số cụm, có","Clusters, with",count,3',
    );
    expect(lines[2]!.endsWith(',pct,55.25')).toBe(true);
  });

  it('reads the period and format from the address', () => {
    expect(parseOpenDataFile('2026-H1.xlsx')).toEqual({ period: '2026-H1', format: 'xlsx' });
  });
});
