import { useId, useMemo, useState } from 'react';
import type { County, District, Municipality } from '../../../core/contract';
import { call } from '../api/client';
import { useQuery } from '../api/query';
import { ApiErrorAlert } from '../components/messages';
import { TextField } from '../components/text-field';
import { ViewHeading } from '../components/view-heading';
import { useT } from '../i18n/use-t';

interface ReferenceData {
  counties: County[];
  municipalities: Municipality[];
  districts: District[];
}

async function loadReference(): Promise<ReferenceData> {
  const [counties, municipalities, districts] = await Promise.all([
    call('reference:counties', {}),
    call('reference:municipalities', {}),
    call('reference:districts', {}),
  ]);
  return { counties, municipalities, districts };
}

/** Lower case without accents, so "malmo" finds Malmö and "vasteras" finds Västerås. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function formatPosition(lat: number, lon: number): string {
  return `${lat.toFixed(4)}, ${lon.toFixed(4)}`;
}

function Municipalities({ municipalities, counties }: { municipalities: Municipality[]; counties: County[] }) {
  const t = useT();
  const headingId = useId();
  const [query, setQuery] = useState('');
  const countyNames = useMemo(() => new Map(counties.map((county) => [county.code, county.name])), [counties]);
  const needle = fold(query.trim());
  const matches = needle === '' ? municipalities : municipalities.filter((m) => fold(m.name).includes(needle) || m.code.startsWith(needle));

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('reference.municipalities_title')}</h2>
      <TextField name="search" type="search" label={t('reference.search_label')} value={query} onChange={setQuery} autoComplete="off" />
      <p role="status" className="muted">
        {matches.length === 0 ? t('reference.no_match') : t('reference.search_count', { count: matches.length, total: municipalities.length })}
      </p>
      {matches.length > 0 ? (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('reference.col_code')}</th>
                <th scope="col">{t('reference.col_name')}</th>
                <th scope="col">{t('reference.col_county')}</th>
                <th scope="col">{t('reference.col_position')}</th>
              </tr>
            </thead>
            <tbody>
              {matches.map((m) => (
                <tr key={m.code}>
                  <td className="mono">{m.code}</td>
                  <th scope="row">{m.name}</th>
                  <td>{countyNames.get(m.countyCode) ?? m.countyCode}</td>
                  <td className="mono">{formatPosition(m.lat, m.lon)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** Counties, municipalities and Stockholm's districts, as the reference channels give them. */
export function ReferenceView() {
  const t = useT();
  const { data, error } = useQuery(['reference'], loadReference);
  const countiesId = useId();
  const districtsId = useId();

  return (
    <section className="view">
      <ViewHeading>{t('reference.title')}</ViewHeading>
      <p>{t('reference.intro')}</p>
      <ApiErrorAlert error={error} />
      {data === null && error === null ? <p role="status">{t('reference.loading')}</p> : null}
      {data ? (
        <>
          <Municipalities municipalities={data.municipalities} counties={data.counties} />
          <section aria-labelledby={countiesId}>
            <h2 id={countiesId}>{t('reference.counties_title')}</h2>
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('reference.col_code')}</th>
                    <th scope="col">{t('reference.col_name')}</th>
                    <th scope="col">{t('reference.col_letter_code')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.counties.map((county) => (
                    <tr key={county.code}>
                      <td className="mono">{county.code}</td>
                      <th scope="row">{county.name}</th>
                      <td className="mono">{county.letterCode}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section aria-labelledby={districtsId}>
            <h2 id={districtsId}>{t('reference.districts_title')}</h2>
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('reference.col_name')}</th>
                    <th scope="col">{t('reference.col_position')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.districts.map((district) => (
                    <tr key={district.slug}>
                      <th scope="row">{district.name}</th>
                      <td className="mono">{formatPosition(district.lat, district.lon)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      ) : null}
    </section>
  );
}
