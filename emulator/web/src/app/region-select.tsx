/**
 * The console region switch: the account's regions (from the session), reloading with `?region=`
 * like the real console. The region only orders and opens the Projects table here.
 */
import type { RegionRef } from '../api/contract';
import { useI18n } from '../i18n/i18n';
import { withQueryParam } from '../lib/url';
import { useConsole } from './console-context';

export function RegionSelect({ regions }: { regions: readonly RegionRef[] }) {
  const { t, locale } = useI18n();
  const { platform, query } = useConsole();
  if (regions.length === 0) return null;
  const current = query.region && regions.some((r) => r.id === query.region) ? query.region : '';
  return (
    <label class="header-select">
      <span class="header-select-label">{t('header.region')}</span>
      <select
        value={current}
        onChange={(e) =>
          platform.navigate(withQueryParam(location.href, 'region', e.currentTarget.value))
        }
      >
        {current ? null : (
          <option value="" disabled>
            {t('header.regionNone')}
          </option>
        )}
        {regions.map((region) => (
          <option key={region.id} value={region.id}>
            {region.name[locale]}
          </option>
        ))}
      </select>
    </label>
  );
}
