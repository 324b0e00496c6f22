// npm run --silent report-month: prints the last month that had ended at the report instant (OPSLEDGER_AS_OF,
// else now) in the reporting time zone, as YYYY-MM: the month whose report CI prints and sends. Prints nothing
// when the records start after that month, so there is no report of it yet.
import { figureMonths } from '../site/figures.ts';
import { lastCompleteMonth } from '../core/period.ts';
import { loadRepository, resolveRoot } from '../load/repository.ts';
import { asOfFromEnvironment } from '../site/as-of.ts';

try {
  const asOfMs = asOfFromEnvironment();
  const { repository } = loadRepository(resolveRoot());
  const month = lastCompleteMonth(asOfMs, repository.site.reportingTimezone);
  if (figureMonths(repository, asOfMs).includes(month)) console.log(month);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
}
