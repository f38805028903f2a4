// A small client of the dossier API for integration tests: sign in as demo accounts, file a
// location-free dossier for a resident of Xã An Linh, act on it.
import { expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD } from './context.ts';

export const AN_LINH = '25861'; // Xã An Linh, Phú Giáo (722)
export const COMMUNE = `UBX${AN_LINH}`;

export interface DossierApi {
  token(username: string): Promise<{ authorization: string }>;
  intake(username: string, body?: Record<string, unknown>): Promise<{ code: string; dueAt: string; receivedAt: string }>;
  act(username: string, code: string, body: Record<string, unknown>): Promise<{ statusCode: number; json: () => any; body: string }>;
  /** A commune-level, location-free procedure whose time limit is between `min` and `max` working days. */
  procedure(min: number, max: number): Promise<{ code: string; days: number }>;
  procedureCode: string;
}

let keys = 0;

export function dossierApi(app: FastifyInstance): DossierApi {
  const tokens = new Map<string, string>();
  const api: DossierApi = {
    procedureCode: '',
    async token(username) {
      if (!tokens.has(username)) {
        const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
        expect(res.statusCode, res.body).toBe(200);
        tokens.set(username, res.json().token);
      }
      return { authorization: `Bearer ${tokens.get(username)}` };
    },
    async procedure(min, max) {
      const list = (await app.inject({ url: '/api/v1/procedures?level=commune&locationFree=true&at=2024-12-05&q=khai%20sinh&limit=100' })).json();
      const found = list.items.find((p: { processingDays: number | null }) => p.processingDays !== null && p.processingDays >= min && p.processingDays <= max);
      expect(found, JSON.stringify(list.items.slice(0, 5))).toBeDefined();
      api.procedureCode = found.code;
      return { code: found.code, days: found.processingDays };
    },
    async intake(username, body = {}) {
      const res = await app.inject({
        method: 'POST', url: '/api/v1/dossiers', headers: await api.token(username),
        payload: {
          procedureCode: api.procedureCode,
          applicant: { kind: 'citizen', fullName: 'Nguyễn Văn An', idNumber: '074090001234', phone: '0912345678', address: { communeCode: AN_LINH } },
          returnUnitCode: `DTN${AN_LINH}`,
          idempotencyKey: `test-intake-${process.pid}-${++keys}`,
          ...body,
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    },
    async act(username, code, body) {
      return app.inject({ method: 'POST', url: `/api/v1/dossiers/${code}/actions`, headers: await api.token(username), payload: { idempotencyKey: `test-act-${process.pid}-${++keys}`, ...body } });
    },
  };
  return api;
}
