// Due-date throughput on one core: `npx tsx bench/due-date.bench.ts`.
// Receipts are spread over 2024–2026 (official years, Tết and swaps included); durations 1..30 days or
// 1..240 working hours. Inputs are generated up front with a seeded generator, so only dueDate is timed.
import { buildProvinceCalendar, compileCalendar, dueDate, type Duration } from '../src/domain/calendar/index.ts';

const SAMPLES = 1 << 16;
const FROM = Date.parse('2024-01-01T00:00:00+07:00');
const TO = Date.parse('2026-12-31T00:00:00+07:00');

/** mulberry32: a tiny deterministic generator (the bench must be repeatable). */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function inputs(kind: 'days' | 'hours', seed: number): { receipts: Float64Array; durations: Duration[] } {
  const random = generator(seed);
  const receipts = new Float64Array(SAMPLES);
  const durations: Duration[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    receipts[i] = Math.floor(FROM + random() * (TO - FROM));
    durations.push(kind === 'days' ? { unit: 'days', value: 1 + Math.floor(random() * 30) } : { unit: 'hours', value: 1 + Math.floor(random() * 240) });
  }
  return { receipts, durations };
}

let sink = 0; // keeps the results alive so the loop is not optimised away

function measure(label: string, kind: 'days' | 'hours', calendar: ReturnType<typeof compileCalendar>): void {
  const { receipts, durations } = inputs(kind, kind === 'days' ? 1 : 2);
  const run = (iterations: number) => {
    for (let i = 0; i < iterations; i++) sink += dueDate(calendar, receipts[i & (SAMPLES - 1)] as number, durations[i & (SAMPLES - 1)] as Duration);
  };
  run(2_000_000); // warm-up: let the JIT settle
  const rounds: number[] = [];
  for (let round = 0; round < 5; round++) {
    const iterations = 2_000_000;
    const started = process.hrtime.bigint();
    run(iterations);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    rounds.push(iterations / seconds);
  }
  rounds.sort((a, b) => a - b);
  const median = rounds[2] as number;
  console.log(`${label.padEnd(34)} ${(median / 1e6).toFixed(2).padStart(6)} M due dates/s (median of 5, min ${(rounds[0]! / 1e6).toFixed(2)}, max ${(rounds[4]! / 1e6).toFixed(2)})`);
}

const buildStarted = performance.now();
const definition = buildProvinceCalendar();
const built = performance.now();
const calendar = compileCalendar(definition);
const compiled = performance.now();
console.log(`province calendar 2000–2100: build ${(built - buildStarted).toFixed(1)} ms, compile ${(compiled - built).toFixed(1)} ms (first run, cold)`);
const again = performance.now();
compileCalendar(definition);
console.log(`compile again (warm): ${(performance.now() - again).toFixed(1)} ms`);

measure('days 1..30, receipts 2024–2026', 'days', calendar);
measure('hours 1..240, receipts 2024–2026', 'hours', calendar);
const saturdayUnit = compileCalendar({ ...definition, saturdayReception: { enabled: true, countSaturdayReception: true, periods: [{ start: '07:30', end: '11:30' }] } });
measure('days, unit counting Saturday a.m.', 'days', saturdayUnit);
if (sink === 42) console.log(''); // never true; reads the sink
