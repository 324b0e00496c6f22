// npm run --silent report-month: prints the last month that had ended at the report instant (OPSLEDGER_AS_OF,
// else now) in the reporting time zone, as YYYY-MM: the month the scheduled report is printed and sent for.
import { lastCompleteMonth } from '../core/period.ts';
import { loadSiteConfig, resolveRoot } from '../load/repository.ts';
import { asOfFromEnvironment } from '../site/as-of.ts';

try {
  const site = loadSiteConfig(resolveRoot());
  console.log(lastCompleteMonth(asOfFromEnvironment(), site.reportingTimezone));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
}
