// Approximate centres (latitude, longitude) of Bình Dương's nine district-level units, computed as the
// area centroids of the boundaries in shared/data/binh-duong-districts.geojson (GSO dataset
// daohoangson/dvhcvn). The network stores no coordinates of the points themselves, so distances between
// points are measured between the centres of their districts: a coarse but honest proxy.
export const DISTRICT_CENTROIDS: Readonly<Record<string, readonly [number, number]>> = {
  '718': [11.0219, 106.6646], // Thủ Dầu Một
  '719': [11.2639, 106.6057], // Bàu Bàng
  '720': [11.3273, 106.4544], // Dầu Tiếng
  '721': [11.1153, 106.6072], // Bến Cát
  '722': [11.315, 106.7873], // Phú Giáo
  '723': [11.1405, 106.849], // Tân Uyên
  '724': [10.9082, 106.7768], // Dĩ An
  '725': [10.936, 106.71], // Thuận An
  '726': [11.0633, 106.7524], // Bắc Tân Uyên
};

/** Great-circle distance in km between two (lat, lon) points. */
export function haversineKm(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[0] - a[0]) * rad;
  const dLon = (b[1] - a[1]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The Center sits in the province's concentrated administrative centre (Thành phố mới Bình Dương), in
 * Thủ Dầu Một (shared/data/binh-duong-center-facts.json, "location"). */
export const CENTER_SEAT_DISTRICT = '718';
