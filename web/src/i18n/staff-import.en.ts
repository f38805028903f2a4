// English strings of the staff import; typed against staff-import.vi.ts.
import type { StaffImportMessages } from './staff-import.vi.ts';

export const staffImportEn: StaffImportMessages = {
  title: 'Import officers from a file',
  lead: 'A CSV or Excel file following the template: username, full name, unit code, roles, e-mail, phone. If any row is wrong, no account is created; rows identical to existing accounts are skipped, so importing the same file again creates nothing. Each new account gets a one-time password-set link.',
  template: 'Download the template:',
  file: 'List file (.csv, .xlsx)',
  dryRun: 'Check only, create no account',
  submit: 'Import the list',
  sending: 'Checking…',
  chooseFile: 'Choose the list file.',
  rejectedTitle: 'The file has errors — no account was created',
  colRow: 'Row',
  colUsername: 'Username',
  colColumn: 'Column',
  colProblem: 'Problem',
  checked: 'The file is valid: {{created}} accounts would be created, {{unchanged}} already exist.',
  done: '{{created}} accounts created; {{unchanged}} already existed.',
  linksLead: 'One-time password-set links (valid 24 hours). Hand each to its officer; they are not shown again.',
  column: { username: 'Username', fullName: 'Full name', unitCode: 'Unit code', roles: 'Roles', email: 'E-mail', phone: 'Phone' },
};
