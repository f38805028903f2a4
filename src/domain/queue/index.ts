// Queues (hàng đợi) at the reception units: pure rules, no I/O.
export * from './service-groups.ts';
export * from './ticket-number.ts';
export * from './priority.ts';
export * from './wait-estimate.ts';
export * from './ticket-status.ts';
export * from './slots.ts';
export * from './where-to-go.ts';
export { CENTER_SEAT_DISTRICT, DISTRICT_CENTROIDS, haversineKm } from './district-centroids.ts';
export * from './queue-settings.ts';
