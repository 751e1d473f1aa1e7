import type { SafeDistanceCheck } from '../../../core/contract';
import { useLanguageStore } from '../i18n/language-store';
import type { Translate } from '../i18n/translate';
import { useT } from '../i18n/use-t';
import { formatKm } from './format';
import { placeLabel } from './places';

type AreaCheck = SafeDistanceCheck['checks'][number];

/** Why one area warns, in words: "in the same municipality; closer than 100 km". */
function reasonsText(t: Translate, check: SafeDistanceCheck, row: AreaCheck, withinCityKm: number | null, km: (n: number) => string): string {
  const withinCity = check.destination.kind === 'district' && row.area.kind === 'district';
  const minimum = withinCity ? withinCityKm : check.minimumKm;
  return row.reasons
    .map((reason) => {
      if (reason !== 'too_close') return t(`check.reason_${reason}`);
      return minimum === null ? t('check.reason_too_close_unknown') : t('check.reason_too_close', { km: km(minimum) });
    })
    .join('; ');
}

export function perpetratorLabel(t: Translate, name: string): string {
  return name.trim() === '' ? t('check.unnamed_perpetrator') : name;
}

/**
 * The safe-distance check of one destination: a warning naming each area that warns and why, then a
 * row per known perpetrator area. `live` announces the warning (a fresh check the user just asked for).
 */
export function CheckResult({
  check,
  withinCityKm,
  live,
  tableOnly = false,
}: {
  check: SafeDistanceCheck;
  withinCityKm: number | null;
  live: boolean;
  /** Only the rows, when the surrounding form already says what the warning means. */
  tableOnly?: boolean;
}) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const km = (n: number): string => formatKm(n, language);
  const destination = placeLabel(t, check.destination);

  if (check.checks.length === 0 && !tableOnly) {
    return (
      <div className="alert alert-info" role={live ? 'status' : undefined}>
        <p>{t('check.no_areas', { destination })}</p>
      </div>
    );
  }

  const warned = check.checks.filter((row) => row.warning);
  return (
    <div className="pl-check">
      {tableOnly ? null : check.warning ? (
        <div className="alert alert-warning pl-check-warning" role={live ? 'alert' : undefined}>
          <p>
            <strong>{t('check.warning_title', { destination })}</strong>
          </p>
          <ul>
            {warned.map((row, index) => (
              <li key={`${row.perpetratorId}-${index}`}>
                {t('check.warning_row', {
                  perpetrator: perpetratorLabel(t, row.perpetratorName),
                  area: placeLabel(t, row.area),
                  km: km(row.distanceKm),
                  reasons: reasonsText(t, check, row, withinCityKm, km),
                })}
              </li>
            ))}
          </ul>
          <p>{t('check.warning_advice')}</p>
        </div>
      ) : (
        <div className="alert alert-success" role={live ? 'status' : undefined}>
          <p>{t('check.ok', { destination, km: km(check.nearestKm ?? 0) })}</p>
        </div>
      )}
      <div className="table-scroll">
        <table className="pl-check-table">
          <caption>{t('check.caption', { destination })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('check.col_perpetrator')}</th>
              <th scope="col">{t('check.col_area')}</th>
              <th scope="col">{t('check.col_km')}</th>
              <th scope="col">{t('check.col_same_municipality')}</th>
              <th scope="col">{t('check.col_same_county')}</th>
              <th scope="col">{t('check.col_result')}</th>
            </tr>
          </thead>
          <tbody>
            {check.checks.map((row, index) => (
              <tr key={`${row.perpetratorId}-${index}`} className={row.warning ? 'pl-row-warning' : undefined}>
                <th scope="row">{perpetratorLabel(t, row.perpetratorName)}</th>
                <td>{placeLabel(t, row.area)}</td>
                <td className="pl-number">{km(row.distanceKm)}</td>
                <td>{row.sameMunicipality ? t('check.yes') : t('check.no')}</td>
                <td>{row.sameCounty ? t('check.yes') : t('check.no')}</td>
                <td>
                  {row.warning ? <strong>{t('check.result_warning', { reasons: reasonsText(t, check, row, withinCityKm, km) })}</strong> : t('check.result_ok')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
