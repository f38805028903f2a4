// Preloaded into the benchmarked server (node --import): its clock reads BENCH_CLOCK_AT (an instant)
// at start and then runs at real speed. The queue issues tickets only while the unit receives (a working
// day, office hours), so a run at night or on a Sunday would measure refusals; moving the server's clock
// to a Thursday morning makes every run measure the same work. motcua takes every instant from its
// own clock (ctx.now() → Date), never from the database's now(), so nothing else is affected.
const target = Date.parse(process.env.BENCH_CLOCK_AT ?? '');
if (Number.isFinite(target)) {
  const RealDate = Date;
  const offset = target - RealDate.now();
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...args);
    }
    static now() {
      return RealDate.now() + offset;
    }
    static [Symbol.hasInstance](value) {
      return value instanceof RealDate;
    }
  }
  globalThis.Date = ShiftedDate;
}
