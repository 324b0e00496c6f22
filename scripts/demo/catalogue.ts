import type { Random } from './random.ts';
import type { WeeklyWindow, Weekday } from './instants.ts';
import { DAY_MS, isoDate, WEEKDAYS } from './instants.ts';

export type Calendar = '24x7' | WeeklyWindow[];
export type Region = 'AMRS' | 'EMEA' | 'APAC';
export type SupportLevel = 'L1' | 'L2' | 'L3';

/** What a component looks like in incident titles and change titles. */
export interface ComponentProfile {
  id: string;
  incidentTitles: readonly string[];
  changeTitles: readonly string[];
  /** Infrastructure teams that also work on this component. */
  infra?: 'network' | 'dba';
}

/**
 * One KPI of a capacity export. The slope is calibrated from the generated volume so
 * that the SLA is reached at `headroom` growth over the mean volume of the last 90 days;
 * `flat` KPIs barely move with volume (a low R²).
 */
export interface KpiModel {
  column: string;
  unit: string;
  sla: { max: number } | { min: number };
  intercept: number;
  headroom?: number;
  flat?: boolean;
  noiseSd: number;
  decimals: number;
}

export type VolumeProfile = 'fx' | 'web' | 'business';

export interface CapacityModel {
  file: string;
  volume: string;
  /** Hourly volume at the daily peak when the history starts. */
  peakVolume: number;
  profile: VolumeProfile;
  kpis: KpiModel[];
}

export interface Application {
  id: string;
  name: string;
  team: string;
  target: number;
  calendar: Calendar;
  regions: Partial<Record<Region, number>>;
  components: ComponentProfile[];
  excludeMaintenance: boolean;
  support: Record<SupportLevel, string>;
  capacity?: CapacityModel;
  /** Relative incident rate: some applications are noisier than others. */
  noise: number;
}

export interface Contact {
  name: string;
  phone?: string;
  email?: string;
}

export interface Team {
  id: string;
  name: string;
  scope: string;
  rotation: Calendar;
  phone: string;
  email: string;
  escalation: Contact[];
  managers: string[];
  reviewed: string;
}

export interface Person {
  name: string;
  team: string;
}

export interface Customer {
  name: string;
  applications: string[];
  windows: WeeklyWindow[];
  contacts: Contact[];
}

export interface Catalogue {
  teams: Team[];
  applications: Application[];
  customers: Customer[];
  people: Person[];
}

const ALL_WEEK: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const weekdays = (): Weekday[] => [...WEEKDAYS];

function businessHours(timezone: string, hours: string): WeeklyWindow[] {
  return [{ timezone, days: weekdays(), hours }];
}

/** The FX week: Sunday 17:00 to Friday 17:00 New York time. */
function fxWeek(): WeeklyWindow[] {
  return [
    { timezone: 'America/New_York', days: ['sun'], hours: '17:00-24:00' },
    { timezone: 'America/New_York', days: ['mon', 'tue', 'wed', 'thu'], hours: '00:00-24:00' },
    { timezone: 'America/New_York', days: ['fri'], hours: '00:00-17:00' },
  ];
}

function component(
  id: string,
  incidentTitles: readonly string[],
  changeTitles: readonly string[],
  infra?: 'network' | 'dba',
): ComponentProfile {
  return infra === undefined ? { id, incidentTitles, changeTitles } : { id, incidentTitles, changeTitles, infra };
}

const COMPONENTS = {
  quoteEngine: component(
    'quote-engine',
    [
      'Stale {pair} quotes published',
      'Quote engine latency above threshold',
      'Quote engine node restarted unexpectedly',
      'Wide spreads published on {pair}',
      'Quote engine rejected rate updates from {lp}',
    ],
    ['Deploy quote-engine {version}', 'Increase quote-engine heap and GC threads', 'Tune {pair} rate-source weighting'],
  ),
  streamingGateway: component(
    'streaming-gateway',
    [
      'Streaming price disconnects for {region} clients',
      'Streaming gateway session limit reached',
      'Slow price streams to {client}',
    ],
    ['Deploy streaming-gateway {version}', 'Raise streaming-gateway session limits', 'Rotate TLS certificates on streaming-gateway'],
    'network',
  ),
  fixGateway: component(
    'fix-gateway',
    [
      'FIX session to {lp} dropping',
      'FIX gateway rejecting logons from {client}',
      'FIX heartbeat timeouts on {region} sessions',
    ],
    ['Onboard FIX session for {client}', 'Upgrade FIX engine to {version}', 'Firewall rule update for {lp} FIX session'],
    'network',
  ),
  spreadConfig: component(
    'spread-config',
    ['Incorrect spread tier applied for {client}', 'Spread configuration not loaded at start of day'],
    ['Update spread tiers for {client}', 'Deploy spread-config service {version}'],
  ),
  orderGateway: component(
    'order-gateway',
    ['Orders from {client} stuck in pending', 'Order gateway failover triggered', 'Order acknowledgements delayed'],
    ['Deploy order-gateway {version}', 'Patch operating system on order-gateway hosts'],
    'network',
  ),
  smartRouter: component(
    'smart-router',
    ['Smart router sending {pair} orders to a stale venue', 'Routing table not refreshed after {lp} maintenance', 'Order routing latency above threshold'],
    ['Deploy smart-router {version}', 'Add {lp} as routing venue', 'Update venue weighting for {pair}'],
  ),
  orderDb: component(
    'order-db',
    ['Lock contention on order-db', 'Order database replication lag', 'Order-db tablespace nearly full'],
    ['Add index on order-db executions table', 'Patch order-db to {version}', 'Extend order-db tablespace'],
    'dba',
  ),
  creditCheck: component(
    'credit-check',
    ['Credit check timeouts for {client}', 'Credit limits not refreshed from risk'],
    ['Deploy credit-check {version}', 'Update credit limit feed mapping'],
  ),
  batch: component(
    'batch',
    ['Settlement batch overran', 'End-of-day netting batch failed', 'Overnight settlement batch stalled'],
    ['Deploy settlement batch {version}', 'Reschedule end-of-day netting batch', 'Add restart checkpoint to settlement batch'],
  ),
  confirmations: component(
    'confirmations',
    ['Confirmations to {client} delayed', 'Confirmation matching backlog', 'Duplicate confirmations sent to {client}'],
    ['Deploy confirmations {version}', 'Update confirmation templates for {client}'],
  ),
  swiftGateway: component(
    'swift-gateway',
    ['SWIFT messages queued at gateway', 'SWIFT gateway certificate renewal failed', 'MT300 messages rejected by service bureau'],
    ['Renew SWIFT gateway certificates', 'Upgrade SWIFT gateway to {version}'],
    'network',
  ),
  settlementDb: component(
    'settlement-db',
    ['Settlement database slow queries', 'Settlement-db backup overran into business hours'],
    ['Patch settlement-db to {version}', 'Rebuild settlement-db indexes'],
    'dba',
  ),
  webFrontend: component(
    'web-frontend',
    ['Client portal pages loading slowly', 'Client portal returning errors for {region} users', 'Blank trade blotter in client portal'],
    ['Deploy client portal {version}', 'Update CDN configuration for client portal'],
    'network',
  ),
  auth: component(
    'auth',
    ['Client portal logins failing', 'Single sign-on errors for {client}', 'Two-factor codes delayed'],
    ['Rotate identity provider signing keys', 'Deploy auth service {version}', 'Update SSO metadata for {client}'],
  ),
  reporting: component(
    'reporting',
    ['Statements not generated for {client}', 'Trade reports timing out', 'Month-end statements delayed'],
    ['Deploy reporting {version}', 'Add read replica for reporting queries'],
    'dba',
  ),
  api: component(
    'api',
    ['Client API error rate above threshold', 'API rate limiting {client} incorrectly', 'API latency above threshold'],
    ['Deploy client API {version}', 'Raise API rate limits for {client}'],
  ),
  feedHandlers: component(
    'feed-handlers',
    ['{lp} feed handler lagging', 'Gaps in {pair} ticks from {lp}', 'Feed handler crashed on malformed message'],
    ['Deploy feed handlers {version}', 'Add secondary line for {lp} feed'],
    'network',
  ),
  distribution: component(
    'distribution',
    ['Market data distribution multicast loss', 'Slow consumers on distribution bus', 'Distribution bus partitioned'],
    ['Upgrade distribution bus to {version}', 'Re-balance distribution topics'],
    'network',
  ),
  referenceData: component(
    'reference-data',
    ['Holiday calendar missing for {pair}', 'Value dates wrong for {pair}', 'Reference data load failed'],
    ['Load new holiday calendars', 'Deploy reference-data {version}'],
  ),
  tickStore: component(
    'tick-store',
    ['Tick store writes falling behind', 'Tick store disk nearly full'],
    ['Extend tick-store retention volume', 'Patch tick-store to {version}'],
    'dba',
  ),
  positionServer: component(
    'position-server',
    ['Positions not updating for {client}', 'Position server restarted unexpectedly'],
    ['Deploy position-server {version}', 'Increase position-server cache size'],
  ),
  varEngine: component(
    'var-engine',
    ['VaR run overran', 'VaR results missing for {pair} portfolios'],
    ['Deploy VaR engine {version}', 'Add grid nodes for VaR engine'],
  ),
  limits: component(
    'limits',
    ['Limit breaches not alerted', 'Limits screen showing stale usage'],
    ['Deploy limits service {version}', 'Update limit hierarchy for {client}'],
  ),
  riskDb: component(
    'risk-db',
    ['Risk database replication lag', 'Risk-db deadlocks during VaR load'],
    ['Patch risk-db to {version}', 'Archive old VaR scenarios from risk-db'],
    'dba',
  ),
} as const;

/** Components for the extra applications of the benchmark sizes. */
const GENERIC_COMPONENTS: readonly ComponentProfile[] = [
  component('service', ['Service error rate above threshold', 'Service restarted unexpectedly', 'Service latency above threshold'], ['Deploy service {version}', 'Increase service heap']),
  component('batch-jobs', ['Nightly job overran', 'Batch job failed on bad input file'], ['Deploy batch jobs {version}', 'Reschedule nightly jobs']),
  component('database', ['Database slow queries', 'Database replication lag'], ['Patch database to {version}', 'Rebuild database indexes'], 'dba'),
  component('web-ui', ['Screens loading slowly', 'Users unable to log in'], ['Deploy web UI {version}', 'Update load balancer pool'], 'network'),
  component('message-queue', ['Message queue backlog', 'Queue manager channel down'], ['Upgrade queue manager to {version}', 'Add queue depth alerts']),
];

const TEAMS_BASE: readonly Omit<Team, 'reviewed'>[] = [
  {
    id: 'fx-support',
    name: 'FX Production Support',
    scope: 'Level 1 for every FX application: monitoring, SOPs, client calls, incident communications',
    rotation: '24x7',
    phone: '+1 212 555 0100',
    email: 'fx-support@northwind.example',
    escalation: [
      { name: 'FX support hotline', phone: '+1 212 555 0100' },
      { name: 'Shift lead on duty', phone: '+1 212 555 0101', email: 'fx-support-lead@northwind.example' },
      { name: 'Rachel Kim', phone: '+1 212 555 0102', email: 'rachel.kim@northwind.example' },
    ],
    managers: ['Rachel Kim', 'Daniel Osei'],
  },
  {
    id: 'trading-platform',
    name: 'Trading Platform Support',
    scope: 'Level 2 for pricing and order routing: engines, gateways, venue connectivity',
    rotation: fxWeek(),
    phone: '+1 212 555 0110',
    email: 'trading-platform@northwind.example',
    escalation: [
      { name: 'Trading platform on-call', phone: '+1 212 555 0111' },
      { name: 'Marcus Lindqvist', phone: '+44 20 7946 0112', email: 'marcus.lindqvist@northwind.example' },
      { name: 'Helen Park', phone: '+1 212 555 0113', email: 'helen.park@northwind.example' },
    ],
    managers: ['Helen Park'],
  },
  {
    id: 'trading-dev',
    name: 'Trading Systems Development',
    scope: 'Level 3 for pricing, order routing and market data: code fixes and releases',
    rotation: [
      { timezone: 'Europe/London', days: weekdays(), hours: '08:00-18:00' },
      { timezone: 'America/New_York', days: weekdays(), hours: '08:00-18:00' },
    ],
    phone: '+44 20 7946 0120',
    email: 'trading-dev@northwind.example',
    escalation: [
      { name: 'Trading dev duty engineer', phone: '+44 20 7946 0121' },
      { name: 'Ivan Novak', email: 'ivan.novak@northwind.example' },
    ],
    managers: ['Ivan Novak'],
  },
  {
    id: 'settlement-ops',
    name: 'Settlement Operations Support',
    scope: 'Level 2 for settlement: batches, confirmations, SWIFT connectivity',
    rotation: businessHours('America/New_York', '06:00-20:00'),
    phone: '+1 212 555 0130',
    email: 'settlement-ops@northwind.example',
    escalation: [
      { name: 'Settlement support desk', phone: '+1 212 555 0130' },
      { name: 'Grace Okafor', phone: '+1 212 555 0131', email: 'grace.okafor@northwind.example' },
      { name: 'Paul Mendes', phone: '+1 212 555 0132', email: 'paul.mendes@northwind.example' },
    ],
    managers: ['Paul Mendes'],
  },
  {
    id: 'post-trade-dev',
    name: 'Post-Trade Development',
    scope: 'Level 3 for settlement and risk',
    rotation: businessHours('Europe/London', '08:00-18:00'),
    phone: '+44 20 7946 0140',
    email: 'post-trade-dev@northwind.example',
    escalation: [{ name: 'Post-trade dev lead', phone: '+44 20 7946 0141', email: 'post-trade-lead@northwind.example' }],
    managers: ['Fiona Walsh'],
  },
  {
    id: 'web-platform',
    name: 'Web Platform',
    scope: 'Levels 2 and 3 for the client portal and client APIs',
    rotation: [
      { timezone: 'Europe/London', days: weekdays(), hours: '07:00-19:00' },
      { timezone: 'America/New_York', days: weekdays(), hours: '14:00-20:00' },
    ],
    phone: '+44 20 7946 0150',
    email: 'web-platform@northwind.example',
    escalation: [
      { name: 'Web platform on-call', phone: '+44 20 7946 0151' },
      { name: 'Sofia Reyes', email: 'sofia.reyes@northwind.example' },
    ],
    managers: ['Tom Becker'],
  },
  {
    id: 'market-data-eng',
    name: 'Market Data Engineering',
    scope: 'Levels 2 and 3 for market data: feed handlers, distribution, tick store',
    rotation: [
      { timezone: 'Asia/Singapore', days: weekdays(), hours: '06:00-18:00' },
      { timezone: 'Europe/London', days: weekdays(), hours: '08:00-20:00' },
    ],
    phone: '+65 6555 0160',
    email: 'market-data@northwind.example',
    escalation: [
      { name: 'Market data on-call (Singapore)', phone: '+65 6555 0161' },
      { name: 'Market data on-call (London)', phone: '+44 20 7946 0162' },
      { name: 'Wei Zhang', email: 'wei.zhang@northwind.example' },
    ],
    managers: ['Mei Tan'],
  },
  {
    id: 'risk-tech',
    name: 'Risk Technology',
    scope: 'Level 2 for risk: positions, VaR, limits',
    rotation: businessHours('Europe/London', '07:00-19:00'),
    phone: '+44 20 7946 0170',
    email: 'risk-tech@northwind.example',
    escalation: [
      { name: 'Risk tech desk', phone: '+44 20 7946 0170' },
      { name: 'Amara Nwosu', phone: '+44 20 7946 0171', email: 'amara.nwosu@northwind.example' },
    ],
    managers: ['George Hill'],
  },
  {
    id: 'network',
    name: 'Network Engineering (routing and firewalls)',
    scope: 'WAN, data-centre routing, firewalls, exchange and LP circuits; not load balancers',
    rotation: '24x7',
    phone: '+1 201 555 0180',
    email: 'network@northwind.example',
    escalation: [
      { name: 'Network operations centre', phone: '+1 201 555 0180' },
      { name: 'Ravi Iyer', phone: '+1 201 555 0181', email: 'ravi.iyer@northwind.example' },
      { name: 'Network duty manager', phone: '+1 201 555 0182' },
    ],
    managers: ['Sam Whitfield'],
  },
  {
    id: 'edge-services',
    name: 'Edge Services (load balancers, DNS, certificates)',
    scope: 'Load balancers, DNS, CDN and TLS certificates; a different team from routing',
    rotation: [
      { timezone: 'Europe/Dublin', days: ALL_WEEK, hours: '07:00-23:00' },
      { timezone: 'America/Chicago', days: ALL_WEEK, hours: '17:00-24:00' },
    ],
    phone: '+353 1 555 0190',
    email: 'edge-services@northwind.example',
    escalation: [
      { name: 'Edge on-call', phone: '+353 1 555 0190' },
      { name: 'Niamh Gallagher', email: 'niamh.gallagher@northwind.example' },
    ],
    managers: ['Niamh Gallagher'],
  },
  {
    id: 'dba',
    name: 'Database Administration',
    scope: 'Oracle and PostgreSQL estates: order, settlement, risk and reporting databases',
    rotation: [
      { timezone: 'Asia/Kolkata', days: weekdays(), hours: '06:00-22:00' },
      { timezone: 'America/New_York', days: ['sat', 'sun'], hours: '08:00-20:00' },
    ],
    phone: '+91 22 5550 0195',
    email: 'dba@northwind.example',
    escalation: [
      { name: 'DBA on-call', phone: '+91 22 5550 0195' },
      { name: 'Claire Dubois', phone: '+33 1 55 55 01 96', email: 'claire.dubois@northwind.example' },
      { name: 'DBA manager', email: 'dba-manager@northwind.example' },
    ],
    managers: ['Arjun Mehta'],
  },
];

const PEOPLE_BASE: readonly Person[] = [
  { name: 'Priya Raman', team: 'fx-support' },
  { name: 'Tomas Ortega', team: 'fx-support' },
  { name: 'Hannah Cole', team: 'fx-support' },
  { name: 'Kenji Sato', team: 'fx-support' },
  { name: 'Aisha Bello', team: 'fx-support' },
  { name: 'Marcus Lindqvist', team: 'trading-platform' },
  { name: 'Elena Petrova', team: 'trading-platform' },
  { name: 'Dev Malhotra', team: 'trading-platform' },
  { name: 'Grace Okafor', team: 'settlement-ops' },
  { name: 'Liam Byrne', team: 'settlement-ops' },
  { name: 'Sofia Reyes', team: 'web-platform' },
  { name: 'Noah Fischer', team: 'web-platform' },
  { name: 'Wei Zhang', team: 'market-data-eng' },
  { name: 'Oliver Grant', team: 'market-data-eng' },
  { name: 'Amara Nwosu', team: 'risk-tech' },
  { name: 'Ravi Iyer', team: 'network' },
  { name: 'Claire Dubois', team: 'dba' },
];

const FIRST_NAMES = ['Alex', 'Bea', 'Carlos', 'Dana', 'Emil', 'Farah', 'Gabe', 'Hiro', 'Ines', 'Jonas', 'Kara', 'Luca', 'Maya', 'Nikhil', 'Olga', 'Pedro', 'Quinn', 'Rosa', 'Stefan', 'Tara', 'Umar', 'Vera', 'Will', 'Yara', 'Zane'];
const LAST_NAMES = ['Abbott', 'Brandt', 'Chen', 'Duarte', 'Eriksen', 'Fontaine', 'Gupta', 'Haddad', 'Ito', 'Jansen', 'Kowalski', 'Lopez', 'Moreau', 'Nakamura', 'Olsen', 'Pereira', 'Quint', 'Rossi', 'Silva', 'Tanaka', 'Usman', 'Varga', 'Weber', 'Xu', 'Young'];

const EXTRA_APP_NAMES = [
  'Collateral Manager', 'Trade Repository Reporting', 'Client Onboarding', 'Credit Limits', 'Static Data Hub',
  'Confirmation Matching', 'Netting Engine', 'Algo Execution', 'Options Pricing', 'NDF Fixing',
  'Prime Brokerage Gateway', 'Payments Gateway', 'Treasury Cash', 'Regulatory Reporting', 'Sales Blotter',
  'Trade Capture', 'Liquidity Aggregator', 'Rate Fixing', 'Margin Calculator', 'Audit Archive',
  'Client Analytics', 'FIX Drop Copy', 'Allocation Service', 'Compliance Surveillance', 'Fee Billing',
  'Market Surveillance', 'TCA Reporting', 'Reference Rates', 'Swap Execution', 'Position Keeping',
];

/** Region splits whose shares add up to exactly 1 in floating point, in any order. */
const REGION_SPLITS: readonly Partial<Record<Region, number>>[] = [
  { AMRS: 0.5, EMEA: 0.4, APAC: 0.1 },
  { AMRS: 0.45, EMEA: 0.35, APAC: 0.2 },
  { AMRS: 0.5, EMEA: 0.3, APAC: 0.2 },
  { AMRS: 0.4, EMEA: 0.4, APAC: 0.2 },
  { AMRS: 0.7, EMEA: 0.3 },
  { EMEA: 0.8, APAC: 0.2 },
  { AMRS: 1 },
  { EMEA: 1 },
];

function coreApplications(): Application[] {
  const tradingSupport = { L1: 'fx-support', L2: 'trading-platform', L3: 'trading-dev' } as const;
  return [
    {
      id: 'pricing',
      name: 'FX Pricing Engine',
      team: 'trading-platform',
      target: 99.95,
      calendar: '24x7',
      regions: { AMRS: 0.45, EMEA: 0.35, APAC: 0.2 },
      components: [COMPONENTS.quoteEngine, COMPONENTS.streamingGateway, COMPONENTS.fixGateway, COMPONENTS.spreadConfig],
      excludeMaintenance: false,
      support: { ...tradingSupport },
      noise: 1.3,
      capacity: {
        file: 'pricing.csv',
        volume: 'quotes',
        peakVolume: 1_800_000,
        profile: 'fx',
        kpis: [
          { column: 'p95_ms', unit: 'ms', sla: { max: 5 }, intercept: 1.2, headroom: 0.25, noiseSd: 0.15, decimals: 3 },
          { column: 'cpu_pct', unit: '%', sla: { max: 85 }, intercept: 8, headroom: 2, noiseSd: 5, decimals: 1 },
          { column: 'gc_pause_ms', unit: 'ms', sla: { max: 40 }, intercept: 9, flat: true, noiseSd: 3, decimals: 1 },
        ],
      },
    },
    {
      id: 'order-routing',
      name: 'FX Order Routing',
      team: 'trading-platform',
      target: 99.9,
      calendar: fxWeek(),
      regions: { AMRS: 0.5, EMEA: 0.4, APAC: 0.1 },
      components: [COMPONENTS.orderGateway, COMPONENTS.fixGateway, COMPONENTS.smartRouter, COMPONENTS.orderDb, COMPONENTS.creditCheck],
      excludeMaintenance: false,
      support: { ...tradingSupport },
      noise: 1.2,
      capacity: {
        file: 'order-routing.csv',
        volume: 'orders',
        peakVolume: 42_000,
        profile: 'fx',
        kpis: [
          { column: 'ack_p99_ms', unit: 'ms', sla: { max: 12 }, intercept: 3, headroom: 1.25, noiseSd: 0.35, decimals: 2 },
          { column: 'free_mem_pct', unit: '%', sla: { min: 25 }, intercept: 78, headroom: 1.5, noiseSd: 1.5, decimals: 1 },
          { column: 'cpu_pct', unit: '%', sla: { max: 80 }, intercept: 10, headroom: 1.8, noiseSd: 4, decimals: 1 },
        ],
      },
    },
    {
      id: 'settlement',
      name: 'FX Settlement',
      team: 'settlement-ops',
      target: 99.5,
      calendar: businessHours('America/New_York', '07:00-19:00'),
      regions: { AMRS: 0.7, EMEA: 0.3 },
      components: [COMPONENTS.batch, COMPONENTS.confirmations, COMPONENTS.swiftGateway, COMPONENTS.settlementDb],
      excludeMaintenance: true,
      support: { L1: 'fx-support', L2: 'settlement-ops', L3: 'post-trade-dev' },
      noise: 1,
    },
    {
      id: 'client-portal',
      name: 'Client Portal',
      team: 'web-platform',
      target: 99.9,
      calendar: '24x7',
      regions: { AMRS: 0.4, EMEA: 0.4, APAC: 0.2 },
      components: [COMPONENTS.webFrontend, COMPONENTS.auth, COMPONENTS.reporting, COMPONENTS.api],
      excludeMaintenance: false,
      support: { L1: 'fx-support', L2: 'web-platform', L3: 'web-platform' },
      noise: 1,
      capacity: {
        file: 'client-portal.csv',
        volume: 'sessions',
        peakVolume: 5_200,
        profile: 'web',
        kpis: [
          { column: 'page_p95_ms', unit: 'ms', sla: { max: 1500 }, intercept: 420, headroom: 2.9, noiseSd: 40, decimals: 0 },
          { column: 'error_rate_pct', unit: '%', sla: { max: 1 }, intercept: 0.15, flat: true, noiseSd: 0.08, decimals: 3 },
        ],
      },
    },
    {
      id: 'market-data',
      name: 'Market Data Platform',
      team: 'market-data-eng',
      target: 99.95,
      calendar: '24x7',
      regions: { AMRS: 0.4, EMEA: 0.4, APAC: 0.2 },
      components: [COMPONENTS.feedHandlers, COMPONENTS.distribution, COMPONENTS.referenceData, COMPONENTS.tickStore],
      excludeMaintenance: false,
      support: { L1: 'fx-support', L2: 'market-data-eng', L3: 'trading-dev' },
      noise: 1.1,
      capacity: {
        file: 'market-data.csv',
        volume: 'messages',
        peakVolume: 36_000_000,
        profile: 'fx',
        kpis: [
          { column: 'latency_p95_ms', unit: 'ms', sla: { max: 4 }, intercept: 0.8, headroom: 0.6, noiseSd: 0.1, decimals: 3 },
          { column: 'queue_depth', unit: 'messages', sla: { max: 5000 }, intercept: 50, headroom: 3.5, noiseSd: 60, decimals: 0 },
          { column: 'disk_busy_pct', unit: '%', sla: { max: 85 }, intercept: 31, flat: true, noiseSd: 8, decimals: 1 },
        ],
      },
    },
    {
      id: 'risk',
      name: 'FX Risk',
      team: 'risk-tech',
      target: 99.5,
      calendar: businessHours('Europe/London', '07:00-18:00'),
      regions: { EMEA: 0.8, APAC: 0.2 },
      components: [COMPONENTS.positionServer, COMPONENTS.varEngine, COMPONENTS.limits, COMPONENTS.riskDb],
      excludeMaintenance: true,
      support: { L1: 'fx-support', L2: 'risk-tech', L3: 'post-trade-dev' },
      noise: 0.8,
    },
  ];
}

const EXTRA_APP_TEAMS = ['trading-platform', 'settlement-ops', 'web-platform', 'market-data-eng', 'risk-tech'] as const;

function extraApplication(index: number, random: Random, withCapacity: boolean): Application {
  const number = index + 1;
  const id = `app-${String(number).padStart(2, '0')}`;
  const baseName = EXTRA_APP_NAMES[(number - 7) % EXTRA_APP_NAMES.length] ?? 'Service';
  const round = Math.floor((number - 7) / EXTRA_APP_NAMES.length);
  const name = round === 0 ? baseName : `${baseName} ${['EMEA', 'APAC', 'AMRS'][(round - 1) % 3] ?? ''}`.trim();
  const team = EXTRA_APP_TEAMS[number % EXTRA_APP_TEAMS.length] ?? 'trading-platform';
  const isBusinessHours = random.chance(0.45);
  const zone = random.pick(['America/New_York', 'Europe/London', 'Asia/Singapore', 'Asia/Tokyo']);
  const components = random.sample(GENERIC_COMPONENTS, random.int(3, 5));
  const app: Application = {
    id,
    name,
    team,
    target: random.pick([99.5, 99.9, 99.9, 99.95]),
    calendar: isBusinessHours ? businessHours(zone, random.pick(['07:00-19:00', '08:00-18:00', '06:30-20:00'])) : '24x7',
    regions: { ...random.pick(REGION_SPLITS) },
    components,
    excludeMaintenance: isBusinessHours,
    support: { L1: 'fx-support', L2: team, L3: random.pick(['trading-dev', 'post-trade-dev', team]) },
    noise: random.between(0.6, 1.4),
  };
  if (withCapacity) {
    const tightHeadroom = random.chance(0.3);
    app.capacity = {
      file: `${id}.csv`,
      volume: 'transactions',
      peakVolume: random.int(2, 80) * 1000,
      profile: isBusinessHours ? 'business' : random.pick(['fx', 'web'] as const),
      kpis: [
        { column: 'p95_ms', unit: 'ms', sla: { max: random.pick([250, 500, 1000]) }, intercept: random.int(20, 80), headroom: tightHeadroom ? random.between(0.15, 0.3) : random.between(0.8, 3), noiseSd: 8, decimals: 1 },
        { column: 'cpu_pct', unit: '%', sla: { max: 80 }, intercept: random.int(8, 20), headroom: random.between(0.5, 2.5), noiseSd: 3, decimals: 1 },
      ],
    };
  }
  return app;
}

function extraPeople(count: number): Person[] {
  const teams = ['fx-support', 'fx-support', ...EXTRA_APP_TEAMS, 'network', 'dba'];
  const people: Person[] = [];
  for (let i = 0; i < count; i++) {
    const first = FIRST_NAMES[i % FIRST_NAMES.length] ?? 'Alex';
    const last = LAST_NAMES[Math.floor(i / FIRST_NAMES.length + i * 7) % LAST_NAMES.length] ?? 'Abbott';
    people.push({ name: `${first} ${last}`, team: teams[i % teams.length] ?? 'fx-support' });
  }
  return people;
}

function reviewedDates(endMs: number): Record<string, string> {
  const daysBefore = (days: number): string => isoDate(endMs - days * DAY_MS);
  // One team one day past the 92-day review limit, one exactly on it.
  return {
    'fx-support': daysBefore(20),
    'trading-platform': daysBefore(41),
    'trading-dev': daysBefore(64),
    'settlement-ops': daysBefore(93),
    'post-trade-dev': daysBefore(150),
    'web-platform': daysBefore(12),
    'market-data-eng': daysBefore(92),
    'risk-tech': daysBefore(33),
    network: daysBefore(55),
    'edge-services': daysBefore(8),
    dba: daysBefore(71),
  };
}

function customers(): Customer[] {
  return [
    {
      name: 'Harbor Point Asset Management',
      applications: ['order-routing', 'pricing'],
      windows: [{ timezone: 'America/New_York', days: weekdays(), hours: '15:00-16:00' }],
      contacts: [
        { name: 'Harbor Point trading desk', phone: '+1 617 555 0140', email: 'fxdesk@harborpoint.example' },
        { name: 'Janet Liu (head of FX execution)', email: 'janet.liu@harborpoint.example' },
      ],
    },
    {
      name: 'Thames Meridian Bank',
      applications: ['settlement', 'client-portal'],
      windows: [{ timezone: 'Europe/London', days: weekdays(), hours: '07:30-08:30' }],
      contacts: [
        { name: 'Thames Meridian settlements', phone: '+44 20 7946 0300', email: 'settlements@thamesmeridian.example' },
      ],
    },
    {
      name: 'Kowloon Pacific Securities',
      applications: ['pricing', 'market-data'],
      windows: [{ timezone: 'Asia/Hong_Kong', days: weekdays(), hours: '08:30-10:00' }],
      contacts: [{ name: 'KPS e-trading support', phone: '+852 5550 0300', email: 'etrading@kowloonpacific.example' }],
    },
    {
      name: 'Great Lakes Pension Fund',
      applications: ['client-portal', 'settlement'],
      windows: [{ timezone: 'America/Chicago', days: weekdays(), hours: '16:00-17:00' }],
      contacts: [{ name: 'Treasury operations', email: 'treasury.ops@greatlakespension.example' }],
    },
    {
      name: 'Rhine Valley Corporate Treasury',
      applications: ['pricing', 'order-routing', 'client-portal'],
      windows: [
        { timezone: 'Europe/Berlin', days: weekdays(), hours: '09:00-11:00' },
        { timezone: 'Europe/Berlin', days: ['fri'], hours: '15:30-16:30' },
      ],
      contacts: [
        { name: 'Rhine Valley treasury desk', phone: '+49 69 5550 0300', email: 'treasury@rhinevalley.example' },
        { name: 'Lena Vogt', phone: '+49 69 5550 0301' },
      ],
    },
    {
      name: 'Southern Cross Risk Partners',
      applications: ['risk', 'market-data'],
      windows: [{ timezone: 'Australia/Sydney', days: weekdays(), hours: '08:00-09:00' }],
      contacts: [{ name: 'SCRP risk desk', email: 'risk@southerncross.example' }],
    },
  ];
}

/**
 * The catalogues for one corpus size: the first `applicationCount` of the six FX
 * applications, then generated ones (`app-07` …) for the benchmark sizes.
 */
export function buildCatalogue(
  random: Random,
  options: { applicationCount: number; endMs: number; extraPeople: number; extraCapacityShare: number },
): Catalogue {
  const core = coreApplications().slice(0, options.applicationCount);
  const applications = [...core];
  for (let index = core.length; index < options.applicationCount; index++) {
    applications.push(extraApplication(index, random, random.chance(options.extraCapacityShare)));
  }
  const appIds = new Set(applications.map((app) => app.id));
  const reviewed = reviewedDates(options.endMs);
  const teams = TEAMS_BASE.map((team) => ({ ...team, reviewed: reviewed[team.id] ?? isoDate(options.endMs) }));
  const customerList = customers()
    .map((customer) => ({ ...customer, applications: customer.applications.filter((id) => appIds.has(id)) }))
    .filter((customer) => customer.applications.length > 0);
  return {
    teams,
    applications,
    customers: customerList,
    people: [...PEOPLE_BASE, ...extraPeople(options.extraPeople)],
  };
}

/** Team ids whose people work on an application: its own team, L1, and infrastructure teams per component. */
export function applicationTeams(app: Application): string[] {
  const teams = new Set<string>([app.team, app.support.L1, app.support.L2]);
  for (const profile of app.components) if (profile.infra !== undefined) teams.add(profile.infra);
  return [...teams];
}
