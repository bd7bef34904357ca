import { useTranslation } from 'react-i18next';
import type { Comparison } from '../../api/client';
import { useCall } from '../../api/useCall';
import { ScoreDistributionChart } from '../../components/ScoreDistributionChart';

/**
 * This comparison's score against the same- and different-speaker scores of the population check (the
 * enrolled performers scored against each other), the picture examiners prefer to a bare number.
 */
export function DistributionCard({ cmp }: { cmp: Comparison }) {
  const { t } = useTranslation();
  const normalized = cmp.overall.normalized;
  const { value: dist } = useCall('compare.distribution', { score: normalized ?? cmp.overall.rawCosine }, [cmp.performer.id, cmp.suspect.id]);
  const title = t('distribution.title');
  return (
    <div className="card" data-testid="distribution-card">
      <h2>{title}</h2>
      {dist === null && <p className="small muted">{t('distribution.none')}</p>}
      {dist && <ScoreDistributionChart dist={dist} label={title} axis={t(normalized !== null ? 'distribution.axis.normalized' : 'distribution.axis.raw')} />}
    </div>
  );
}
