import type { Random } from './random.ts';
import type { Cause, Channel } from './model.ts';
import type { SupportLevel } from './catalogue.ts';

const PAIRS = ['EUR/USD', 'USD/JPY', 'GBP/USD', 'AUD/USD', 'USD/CHF', 'EUR/GBP', 'USD/CAD', 'NZD/USD', 'USD/MXN', 'USD/ZAR', 'EUR/JPY', 'USD/SGD'];
const LIQUIDITY_PROVIDERS = ['Aurora Liquidity', 'Meridian Prime', 'Bluewater Markets', 'Cobalt ECN', 'Sakura Securities', 'Atlas Clearing'];
const CLIENTS = ['Harbor Point', 'Thames Meridian', 'Kowloon Pacific', 'Great Lakes Pension', 'Rhine Valley Treasury', 'Southern Cross', 'Fjord Capital', 'Andes Commodities'];
const REGIONS = ['AMRS', 'EMEA', 'APAC'];

/** Fills `{pair}`, `{lp}`, `{client}`, `{region}` and `{version}` placeholders. */
export function fillTemplate(template: string, random: Random): string {
  return template.replace(/\{(pair|lp|client|region|version)\}/g, (_, name: string) => {
    switch (name) {
      case 'pair':
        return random.pick(PAIRS);
      case 'lp':
        return random.pick(LIQUIDITY_PROVIDERS);
      case 'client':
        return random.pick(CLIENTS);
      case 'region':
        return random.pick(REGIONS);
      default:
        return `${random.int(2, 9)}.${random.int(0, 24)}.${random.int(0, 9)}`;
    }
  });
}

export function pickLiquidityProvider(random: Random): string {
  return random.pick(LIQUIDITY_PROVIDERS);
}

export function pickClient(random: Random): string {
  return random.pick(CLIENTS);
}

const CAUSE_STORIES: Record<Cause, readonly string[]> = {
  change: [
    'The {component} behaviour changed with {change}; the new build handled a case the old one ignored.',
    'A configuration value shipped with {change} did not match production, and {component} started rejecting work.',
  ],
  capacity: [
    '{component} ran out of headroom at peak volume: worker threads were saturated and requests queued.',
    'Volume on {component} was well above the daily average and the service hit its connection pool limit.',
    'A memory leak under sustained load made {component} spend most of its time in garbage collection.',
  ],
  hardware: [
    'A disk controller failed on one {component} host and the node fenced itself out of the cluster.',
    'A power supply failed on a {component} host; the standby took over only after its health check timed out.',
  ],
  software: [
    '{component} hit a known defect: a race between the reconnect and the snapshot request left it waiting forever.',
    'An unhandled null in a rarely used message type made {component} drop the session.',
    'A scheduled job on {component} deadlocked with normal traffic and held locks until it was killed.',
  ],
  data: [
    'A bad record in an upstream file ({pair} with a missing value date) stopped {component} processing the batch.',
    'Stale reference data for {pair} made {component} produce wrong results for affected clients.',
  ],
  network: [
    'Packet loss on the circuit to {lp} made {component} sessions flap.',
    'A firewall failover dropped long-lived connections from {component}.',
    'A routing change in the carrier network added latency between the data centres serving {component}.',
  ],
  'third-party': [
    '{lp} had an outage on their side; {component} kept retrying until they recovered.',
    'A vendor service used by {component} returned errors for part of the period.',
  ],
  human: [
    'A manual step in the runbook for {component} was run against production instead of the test environment.',
    'An expired credential on {component} had not been renewed in time.',
  ],
  unknown: [
    'The trigger is not yet understood: {component} recovered after a restart and logs show no clear error.',
  ],
};

const DETECTION: Record<Channel, string> = {
  monitoring: 'An alert from monitoring',
  phone: 'A phone call to the support hotline',
  email: 'An e-mail to the support mailbox',
  ticket: 'A ticket raised by the business',
  chat: 'A message in the trading desk chat',
};

const RESOLUTION: Record<SupportLevel, readonly string[]> = {
  L1: [
    'Level 1 followed the SOP: restarted the affected process and confirmed recovery on the dashboard.',
    'Level 1 failed over to the secondary instance per the SOP and confirmed with the desk.',
  ],
  L2: [
    'Level 2 traced the issue in the logs, cleared the stuck work and restarted {component} in a controlled way.',
    'Level 2 isolated the bad node, rebalanced traffic and replayed the affected messages.',
  ],
  L3: [
    'Development shipped a configuration fix with support on the bridge; {component} recovered once it was applied.',
    'Development patched {component} as a break-fix; support validated the fix with the business.',
  ],
};

export function causeStory(cause: Cause, component: string, change: string | undefined, random: Random): string {
  const template = random.pick(CAUSE_STORIES[cause]);
  return fillTemplate(template.replaceAll('{component}', `\`${component}\``).replaceAll('{change}', change ?? 'a recent change'), random);
}

export function detectionSentence(channel: Channel): string {
  return DETECTION[channel];
}

export function resolutionSentence(level: SupportLevel, component: string, random: Random): string {
  return random.pick(RESOLUTION[level]).replaceAll('{component}', `\`${component}\``);
}

const INVESTIGATING: readonly string[] = [
  'Bridge open; {team} reviewing {component} logs and recent alerts.',
  '{impact}; {team} checking recent changes and host health on {component}.',
  'Still investigating; errors on {component} started at the same time as the impact.',
  'Desk informed; sales contacting key clients ({regions}).',
];
const MITIGATING: Record<'vendor' | 'network' | 'default', readonly string[]> = {
  vendor: ['Vendor engaged and investigating on their side; no ETA yet.', 'Vendor confirms an issue on their side; we are routing what we can around it.'],
  network: ['Network engineering on the bridge; traffic being moved to the secondary circuit.', 'Failing over {component} to the secondary site.'],
  default: [
    'Failing over {component} to the secondary site.',
    'Restart of {component} in progress; clients may see a brief reconnect.',
    'Workaround in place for the largest clients; root cause still under investigation.',
    'Fix identified; applying it to the first node before rolling to the rest.',
  ],
};
const RECOVERING: readonly string[] = [
  'Recovery progressing; queued messages being replayed.',
  'Error rates falling; confirming with the desk before declaring service restored.',
  'Most sessions recovered; watching the remaining ones.',
];

/** The text of a progress update, from investigation through mitigation to recovery as time passes. */
export function progressUpdate(
  index: number,
  progress: number,
  facts: { team: string; component: string; regions: string; impact: string; cause: Cause },
  random: Random,
): string {
  let pool: readonly string[];
  if (index === 0) pool = INVESTIGATING.slice(0, 1);
  else if (progress < 0.35) pool = INVESTIGATING.slice(1);
  else if (progress < 0.75) pool = MITIGATING[facts.cause === 'third-party' ? 'vendor' : facts.cause === 'network' ? 'network' : 'default'];
  else pool = RECOVERING;
  return random
    .pick(pool)
    .replaceAll('{team}', facts.team)
    .replaceAll('{component}', facts.component)
    .replaceAll('{regions}', facts.regions)
    .replaceAll('{impact}', facts.impact);
}

const ROOT_CAUSES: Record<Cause, readonly string[]> = {
  change: ['A change released without a test for the affected path.', 'Configuration drift between test and production introduced by a change.'],
  capacity: ['Sized for last year\'s volume; no alert before the limit was reached.', 'Connection pool and thread limits set below the current peak load.'],
  hardware: ['Single host failure with a slow health-check failover.', 'Ageing hardware past vendor support.'],
  software: ['Defect in reconnect handling under load.', 'Job scheduling overlaps with business traffic and takes table locks.'],
  data: ['Upstream file validated too late; one bad record stops the batch.', 'Reference data not refreshed when the source changed.'],
  network: ['Single circuit to the venue without automatic failover.', 'Firewall failover drops long-lived sessions.'],
  'third-party': ['Vendor outage with no fallback route.', 'Dependency on a single vendor endpoint.'],
  human: ['Manual runbook step without a guard on the environment.', 'Credential renewals tracked by hand.'],
  unknown: ['Under investigation.'],
};

export function rootCauseText(cause: Cause, random: Random): string {
  return random.pick(ROOT_CAUSES[cause]);
}

const ACTIONS: Record<Cause, readonly string[]> = {
  change: ['Add a regression test for the affected path', 'Add a post-change validation step to the release checklist'],
  capacity: ['Capacity review of {component} hosts', 'Alert at 80 % of {component} pool limits', 'Raise {component} heap and thread limits'],
  hardware: ['Replace ageing {component} hosts', 'Shorten {component} health-check failover'],
  software: ['Fix reconnect race in {component}', 'Move {component} housekeeping out of business hours'],
  data: ['Validate upstream files before the batch starts', 'Alert on stale reference data for {component}'],
  network: ['Order a diverse second circuit', 'Enable session keep-alives through the firewall'],
  'third-party': ['Obtain vendor RCA and service credits', 'Add a fallback route for the vendor service'],
  human: ['Add an environment guard to the runbook scripts', 'Automate credential renewal and expiry alerts'],
  unknown: ['Add debug logging to {component}', 'Reproduce the failure in the test environment'],
};

export function actionTitle(cause: Cause, component: string, random: Random): string {
  return random.pick(ACTIONS[cause]).replaceAll('{component}', component);
}

export const COMMON_ACTIONS: readonly string[] = [
  'Write or update the SOP for {component}',
  'Review monitoring thresholds for {component}',
  'Add {component} to the weekly health dashboard',
];

export const AUTOMATION_REQUESTS: readonly string[] = [
  'Automate the {component} report rerun requests',
  'Self-service password and access resets for {component}',
  'Automate client allow-list updates on {component}',
  'Script the daily {component} reconciliation extract',
];

export const ENHANCEMENTS: readonly string[] = [
  'Business-process monitoring for {component}',
  'Dashboard red/amber/green view for {component}',
  'Reduce false-positive alerts from {component}',
  'Structured logging for {component}',
];
