// The site's top navigation: only sections that exist are listed, so every link resolves.
export interface NavItem {
  path: string;
  label: string;
}

export const navigation: NavItem[] = [
  { path: '', label: 'Overview' },
  { path: 'reports/', label: 'Reports' },
  { path: 'incidents/', label: 'Incidents' },
  { path: 'postmortems/', label: 'Post-mortems' },
  { path: 'problems/', label: 'Problems' },
  { path: 'changes/', label: 'Changes' },
  { path: 'escalation/', label: 'Escalation' },
  { path: 'customers/', label: 'Customers' },
  { path: 'time/', label: 'Time' },
  { path: 'capacity/', label: 'Capacity' },
  { path: 'health/', label: 'Health' },
  { path: 'training/', label: 'Training' },
  { path: 'search/', label: 'Search' },
];
