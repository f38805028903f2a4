// Citizen routes read their own cookie (never the staff session cookie, and staff tokens never open them).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticateCitizen } from '../services/portal/citizen-auth.ts';
import type { ServiceContext } from '../services/context.ts';
import type { CitizenRecord } from '../store/citizens.ts';

export const CITIZEN_COOKIE = 'motcua_citizen';

export function citizenTokenOf(request: FastifyRequest): string | undefined {
  return request.cookies[CITIZEN_COOKIE];
}

export function requireCitizen(ctx: ServiceContext, request: FastifyRequest): Promise<CitizenRecord> {
  return authenticateCitizen(ctx, citizenTokenOf(request));
}

/** The signed-in citizen, or undefined (routes that also accept other proof). */
export async function optionalCitizen(ctx: ServiceContext, request: FastifyRequest): Promise<CitizenRecord | undefined> {
  const token = citizenTokenOf(request);
  return token ? authenticateCitizen(ctx, token).catch(() => undefined) : undefined;
}

export function setCitizenCookie(ctx: ServiceContext, reply: FastifyReply, token: string, expiresAt: Date): void {
  void reply.setCookie(CITIZEN_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', secure: ctx.settings.cookieSecure, expires: expiresAt });
}
