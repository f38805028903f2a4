// What the scenarios need from the served application, read through its own API: signed-in reception
// officers at many one-stop units (each with its counter and service groups), a procedure whose
// checklist the intake body fills in, and the bench's dossier bodies.
import { checklistFor } from '../../src/domain/dossier/checklist.ts';
import type { ProcedureContent } from '../../src/domain/catalog/procedure-content.ts';

export const DEMO_PASSWORD = 'motcua-demo';
export const COMMUNE = '25861'; // Xã An Linh, Phú Giáo: the applicants' commune

export interface Officer {
  unitCode: string;
  username: string;
  authorization: string;
  counterCode: string;
  serviceGroups: string[];
}

export interface IntakeProcedure {
  code: string;
  name: string;
  documents: Array<{ name: string; originals: number; photocopies?: number }>;
}

async function json(base: string, path: string, init: RequestInit = {}): Promise<any> {
  const res = await fetch(`${base}/api/v1${path}`, { ...init, headers: { 'content-type': 'application/json', ...(init.headers ?? {}) } });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path} → ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

export async function signIn(base: string, username: string): Promise<string> {
  const { token } = await json(base, '/auth/login', { method: 'POST', body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  return `Bearer ${token}`;
}

/** Reception officers (tn.<unit>) of up to `count` one-stop units: the Center, the Branches, then Reception Points. */
export async function receptionOfficers(base: string, count: number): Promise<Officer[]> {
  const units: string[] = [];
  for (const type of ['center', 'branch', 'reception_point']) {
    const list = await json(base, `/units?type=${type}&limit=500`);
    units.push(...list.items.map((u: { code: string }) => u.code));
  }
  const officers: Officer[] = [];
  for (const unitCode of units.slice(0, count)) {
    const authorization = await signIn(base, `tn.${unitCode}`);
    const counters = await json(base, `/queue/${unitCode}/counters`, { headers: { authorization } });
    const services = await json(base, `/queue/${unitCode}/services`);
    if (counters.items.length === 0 || services.items.length === 0) continue;
    officers.push({ unitCode, username: `tn.${unitCode}`, authorization, counterCode: counters.items[0].code, serviceGroups: services.items.map((g: { code: string }) => g.code) });
  }
  if (officers.length === 0) throw new Error('no reception unit with counters and service groups');
  return officers;
}

/**
 * A commune-level, location-free procedure with a stated time limit and a non-empty checklist (khai
 * sinh …): the intake body records every paper of its checklist as received, as a counter officer does.
 */
export async function intakeProcedure(base: string, at: string): Promise<IntakeProcedure> {
  const list = await json(base, `/procedures?level=commune&locationFree=true&at=${at}&q=khai%20sinh&limit=50`);
  for (const item of list.items as Array<{ code: string; processingDays: number | null }>) {
    if (item.processingDays === null) continue;
    const detail = await json(base, `/procedures/${encodeURIComponent(item.code)}?at=${at}`);
    const checklist = checklistFor(detail as Pick<ProcedureContent, 'documents' | 'cases'>, null);
    if (!checklist.ok || checklist.value.length === 0) continue;
    return {
      code: item.code,
      name: detail.name,
      documents: checklist.value.map((d, i) => ({ name: d.name.slice(0, 500), originals: 1, ...(i % 2 === 0 ? { photocopies: 1 } : {}) })),
    };
  }
  throw new Error('no location-free commune procedure with a time limit and a checklist');
}

const NAMES = ['Nguyễn Văn An', 'Lê Thị Bình', 'Trần Minh Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Võ Thị Hoa', 'Đặng Quốc Huy', 'Bùi Thị Lan'];

/** The n-th applicant of the bench: a distinct phone and CCCD number each. */
export function applicant(n: number) {
  return {
    kind: 'citizen' as const,
    fullName: NAMES[n % NAMES.length]!,
    idNumber: `07419${String(1_000_000 + (n % 8_999_999))}`,
    phone: `091${String(n % 10_000_000).padStart(7, '0')}`,
    address: { communeCode: COMMUNE, detail: `Số ${1 + (n % 300)} đường ĐT741, ấp ${1 + (n % 7)}` },
  };
}

export function intakeBody(procedure: IntakeProcedure, n: number, key: string): string {
  return JSON.stringify({ procedureCode: procedure.code, applicant: applicant(n), documents: procedure.documents, idempotencyKey: key });
}
