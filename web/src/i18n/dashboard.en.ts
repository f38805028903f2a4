import type { DashboardMessages } from './dashboard.vi.ts';

export const dashboardEn: DashboardMessages = {
  title: 'Operations dashboard',
  scope: '{{unit}} — from {{from}} to {{to}}',
  loading: 'Loading figures…',
  exportPeriod: 'Download the period report (Excel)',
  reports: {
    title: 'Reports',
    period: 'Period report on administrative procedures',
    'daily-intake': 'Daily intake',
    satisfaction: 'Satisfaction ratings',
    officers: 'Results per officer',
    dailyLimit: 'Daily report: at most 366 days.',
  },
  queue: {
    title: 'Queue waits (ticket issued to first call)',
    unit: 'Unit', group: 'Service group', allGroups: 'All groups', tickets: 'Tickets', called: 'Called',
    average: 'Average wait (min)', p90: '90th percentile wait (min)', none: 'No ticket was issued in the period.',
  },
  exportLate: 'Download overdue and due-soon dossiers (Excel)',
  hours: 'hours',
  filter: { from: 'From', to: 'To', unit: 'Unit', field: 'Field', procedure: 'Procedure code', channel: 'Channel', all: 'All', apply: 'Show' },
  channel: { direct: 'At the counter', online: 'Online', postal: 'Public postal service' },
  structure: {
    label: 'Unit structure', current: 'As recorded', asOf: 'As the units stood on…', mapped: 'Mapped onto today\'s successors', at: 'Structure on',
    note: {
      asOf: 'Per-unit figures are read in the units as they stood on {{at}}; totals unchanged.',
      mapped: 'Per-unit figures are carried onto today\'s successors (a split unit by the applicants\' communes); totals unchanged.',
    },
  },
  kpi: {
    carriedOver: 'Carried over', received: 'Received', finished: 'Finished', early: 'Finished early', onTime: 'Finished on time',
    late: 'Finished late', inProgressOnTime: 'In progress, on time', overdue: 'In progress, overdue', returned: 'Results returned',
    supplements: 'Supplement requests', rejected: 'Rejected', withdrawn: 'Withdrawn', onTimeRate: 'Early or on-time rate',
    averageHours: 'Average processing time (hours)', satisfaction: 'Satisfied',
  },
  charts: {
    channel: 'Received by channel', finished: 'Finished dossiers', byUnit: 'By Center, Branch, Reception Point',
    byAgency: 'By competent agency', processing: 'Average processing time per procedure', daily: 'Received and finished per day',
    map: 'District map',
  },
  map: { measure: 'Colour by', received: 'Dossiers received', finishedLate: 'Finished late', inProgressOverdue: 'Overdue in progress', onTimeRate: 'On-time rate (%)' },
  table: { unit: 'Unit' },
  measure: {
    received: 'received', finished: 'finished', finished_early: 'finished early', finished_on_time: 'finished on time',
    finished_late: 'finished late', returned: 'returned', rejected: 'rejected', withdrawn: 'withdrawn', supplement_requests: 'with a supplement request',
    in_progress_on_time: 'in progress on time', in_progress_overdue: 'in progress and overdue',
  },
  drill: {
    title: 'Dossiers {{measure}}', back: '← Back to the dashboard', total: '{{count}} dossiers', code: 'Dossier code', procedure: 'Procedure',
    received: 'Received', due: 'Due', status: 'Status', previous: 'Previous page', next: 'Next page',
  },
};
