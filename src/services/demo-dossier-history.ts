// A realistic dossier history made through the real commands (intake, transfer, assign, supplements,
// extensions, rejections, withdrawals, results, returns), at working hours over a run of days: the demo's
// dashboard has something to show, and the statistics tests have a history to recompute.
import { findStaffByUsername } from '../store/staff.ts';
import { formatInstantVN } from '../domain/time/instant.ts';
import { receiveDossier } from './dossier-intake.ts';
import { actOnDossier, type ActionBody } from './dossier-actions.ts';
import type { Actor, RequestOrigin, ServiceContext } from './context.ts';

export interface HistoryOptions {
  /** First working day (YYYY-MM-DD) and how many calendar days to run. */
  startDay: string;
  days: number;
  intakesPerDay: number;
  /** Receiving counters (unit codes with a tn.<code> account). */
  receivingUnits: readonly string[];
  /** Applicants' communes (GSO codes); the commune committee UBX<code> decides. */
  communes: readonly string[];
  procedureCode: string;
  seed: number;
  /** Moves the clock the commands read. */
  setNow: (instant: Date) => void;
}

interface Open {
  code: string;
  receiving: string;
  commune: string;
  status: string;
  supplements: number;
  extended: boolean;
  /** Chance to move one step per working hour: most dossiers move briskly, some stall and run late. */
  pace: number;
}

const ORIGIN: RequestOrigin = { address: '127.0.0.1', userAgent: 'demo-history', requestId: null };

/** Mulberry32: a small seeded generator, so a history is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Minh Châu', 'Phạm Quốc Dũng', 'Hoàng Thu Giang', 'Võ Thanh Hà', 'Đặng Khánh Linh', 'Bùi Đức Minh'];

export async function generateDossierHistory(ctx: ServiceContext, options: HistoryOptions): Promise<{ dossiers: number; actions: number }> {
  const rnd = random(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const actors = new Map<string, Actor>();
  const actor = async (username: string): Promise<Actor> => {
    let a = actors.get(username);
    if (!a) {
      const staff = await findStaffByUsername(ctx.db, username);
      if (!staff) throw new Error(`demo history: no account ${username}`);
      a = { userId: staff.id, username: staff.username, fullName: staff.fullName, unitCode: staff.unitCode, unitName: staff.unitCode, roles: staff.roles };
      actors.set(username, a);
    }
    return a;
  };
  let key = 0;
  let actions = 0;
  let dossiers = 0;
  const open: Open[] = [];
  const act = async (d: Open, username: string, body: Omit<ActionBody, 'idempotencyKey'>): Promise<boolean> => {
    try {
      const answer = await actOnDossier(ctx, await actor(username), d.code, { ...body, idempotencyKey: `hist-${options.seed}-${++key}` } as ActionBody, ORIGIN);
      d.status = answer.status;
      actions++;
      return true;
    } catch {
      return false; // a step the rules refuse at this moment (e.g. a supplement request too late) is simply skipped
    }
  };
  const start = Date.parse(`${options.startDay}T00:00:00+07:00`);
  for (let day = 0; day < options.days; day++) {
    const midnight = start + day * 86_400_000;
    const weekday = new Date(midnight + 7 * 3_600_000).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (let slot = 0; slot < 8; slot++) {
      options.setNow(new Date(midnight + (8 * 60 + slot * 60 + Math.floor(rnd() * 50)) * 60_000));
      const intakes = Math.floor(options.intakesPerDay / 8) + (rnd() < (options.intakesPerDay % 8) / 8 ? 1 : 0);
      for (let i = 0; i < intakes; i++) {
        const receiving = pick(options.receivingUnits);
        const commune = pick(options.communes);
        try {
          const answer = await receiveDossier(ctx, await actor(`tn.${receiving}`), {
            procedureCode: options.procedureCode,
            channel: rnd() < 0.15 ? 'postal' : 'direct',
            applicant: { kind: 'citizen', fullName: pick(NAMES), idNumber: `0740900${String(10000 + Math.floor(rnd() * 89999))}`, phone: `09${String(10000000 + Math.floor(rnd() * 89999999))}`, address: { communeCode: commune } },
            idempotencyKey: `hist-${options.seed}-${++key}`,
          }, ORIGIN);
          open.push({ code: answer.code, receiving, commune, status: 'received', supplements: 0, extended: false, pace: rnd() < 0.25 ? 0.04 : 0.45 });
          dossiers++;
        } catch {
          // not location-free for this pair, or similar: the counter sends the citizen elsewhere
        }
      }
      // Each open dossier moves one step with some probability; slow ones make late dossiers.
      for (const d of [...open]) {
        if (rnd() >= d.pace) continue;
        await step(d);
        if (['returned', 'rejected', 'withdrawn'].includes(d.status) || (d.status === 'result_ready' && rnd() < 0.1)) open.splice(open.indexOf(d), 1);
      }
    }
  }
  return { dossiers, actions };

  async function step(d: Open): Promise<void> {
    const leader = `ld.UBX${d.commune}`;
    const officer = `cv.UBX${d.commune}`;
    const r = rnd();
    switch (d.status) {
      case 'received':
        if (r < 0.04) await act(d, `tn.${d.receiving}`, { type: 'reject', reason: 'Hồ sơ không thuộc thẩm quyền tiếp nhận.' });
        else if (r < 0.07) await act(d, `tn.${d.receiving}`, { type: 'withdraw', reason: 'Công dân xin rút hồ sơ.' });
        else await act(d, `tn.${d.receiving}`, { type: 'transfer' });
        return;
      case 'transferred':
        await act(d, leader, { type: 'assign', assignee: officer });
        return;
      case 'processing':
        if (r < 0.15 && d.supplements < 2) {
          if (await act(d, officer, { type: 'request_supplement', reason: 'Thiếu bản sao giấy tờ tùy thân của người được khai sinh.' })) d.supplements++;
        } else if (r < 0.2 && !d.extended) {
          if (await act(d, leader, { type: 'extend', reason: 'Cần xác minh thêm thông tin tại địa phương.', extension: { kind: 'added', days: 2 } })) d.extended = true;
        } else if (r < 0.24) await act(d, leader, { type: 'reject', reason: 'Hồ sơ không đủ điều kiện theo quy định.' });
        else if (r < 0.45) return; // still being worked on
        else await act(d, leader, { type: 'approve' });
        return;
      case 'awaiting_supplement':
        if (r < 0.1) await act(d, `tn.${d.receiving}`, { type: 'withdraw', reason: 'Công dân không bổ sung được, xin rút hồ sơ.' });
        else await act(d, `tn.${d.receiving}`, { type: 'receive_supplement', note: 'Đã nhận giấy tờ bổ sung.' });
        return;
      case 'approved':
        await act(d, officer, { type: 'record_result', resultNumber: `${Math.floor(rnd() * 900) + 100}/GKS`, signer: 'Chủ tịch UBND xã', signedAt: formatInstantVN(ctx.now().getTime()) });
        return;
      case 'result_ready':
        await act(d, `tn.${d.receiving}`, { type: 'return_result', method: 'counter', recipientName: 'Người nộp hồ sơ' });
        return;
      default:
    }
  }
}

/**
 * The demo's recent past: about 100 dossiers over the last four weeks at a Branch, two Reception Points
 * and the Center, for residents of four communes, so the dashboard opens on real-looking figures.
 * Run by `motcua stats demo-history` on a demo database (not at every demo start: it takes a while).
 */
export async function seedDemoDossierHistory(ctx: ServiceContext): Promise<{ dossiers: number; actions: number }> {
  const version = await ctx.db.selectFrom('procedure_versions').select('procedure_code')
    .where('province_code', '=', ctx.provinceCode).where('level', '=', 'commune').where('processing_days', '>=', 3)
    .where('name_folded', 'like', '% khai sinh %').orderBy('procedure_code').executeTakeFirst();
  if (!version) return { dossiers: 0, actions: 0 };
  const realNow = ctx.now().getTime();
  let now = realNow;
  const start = new Date(realNow - 28 * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
  const clocked: ServiceContext = { ...ctx, now: () => new Date(Math.min(now, realNow)) };
  return generateDossierHistory(clocked, {
    startDay: start, days: 28, intakesPerDay: 5, receivingUnits: ['CN724', 'CN718', 'DTN25741', 'DTN25861', 'TT74'],
    communes: ['25861', '25741', '25855', '25942'], procedureCode: version.procedure_code, seed: 2024, setNow: (d) => (now = d.getTime()),
  });
}
