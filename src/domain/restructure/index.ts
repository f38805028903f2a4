export * from './plan.ts';
export * from './network-change.ts';
export * from './bundled-plans.ts';
export * from './network-planning.ts';
export * from './structure-mapping.ts';
