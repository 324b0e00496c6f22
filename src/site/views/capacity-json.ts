// `/api/v1/capacity.json`: every application's regression per KPI at full precision, from the build's analyses.
import { peakPercentile, type KpiForecast } from '../../core/capacity.ts';
import { isoInstant } from '../format.ts';
import type { CapacityResult } from './capacity.ts';

/** `/api/v1/capacity.json`: every application's regression per KPI, full precision. */
export function capacityJson(results: readonly CapacityResult[], asOfMs: number) {
  return {
    asOf: isoInstant(asOfMs),
    applications: results.map(({ applicationId, analysis, planningHorizonMonths }) => ({
      id: applicationId,
      volume: {
        column: analysis.volumeColumn,
        mean: analysis.volume.mean,
        growthPerMonth: analysis.volume.trend.growthPerMonth,
        peak: analysis.volume.peak,
        peakPercentile: peakPercentile,
        peakHours: analysis.volume.peakHours,
        trendR2: analysis.volume.trend.r2,
        trendLowConfidence: analysis.volume.trend.lowConfidence,
        planningHorizonMonths,
      },
      kpis: analysis.kpis.map((kpi) => ({
        column: kpi.column,
        unit: kpi.unit,
        sla: kpi.sla.kind === 'max' ? { max: kpi.sla.value } : { min: kpi.sla.value },
        n: kpi.n,
        intercept: kpi.intercept,
        slope: kpi.slope,
        r2: kpi.r2,
        r: kpi.r,
        elasticity: kpi.elasticity,
        headroom: kpi.headroom,
        lowConfidence: kpi.lowConfidence,
        breachMonth: kpi.breachMonth,
        forecasts: kpi.forecasts.map(forecastJson),
        breachOutlook: kpi.breachOutlook,
        peak:
          kpi.peak === null
            ? null
            : {
                volume: kpi.peak.volume,
                value: kpi.peak.value,
                low: kpi.peak.low,
                high: kpi.peak.high,
                status: kpi.peak.status,
                breachesAtPeak: kpi.peak.breachesAtPeak,
                headroom: kpi.peak.headroom,
                breachMonth: kpi.peak.breachMonth,
                breachOutlook: kpi.peak.breachOutlook,
                forecasts: kpi.peak.forecasts.map(forecastJson),
              },
      })),
    })),
  };
}

function forecastJson({ growth, volume, value, low, high, status }: KpiForecast) {
  return { growth, volume, value, low, high, status };
}
