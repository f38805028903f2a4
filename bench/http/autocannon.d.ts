// The part of autocannon's API the HTTP bench uses (the package ships no types).
declare module 'autocannon' {
  export interface Histogram { average: number; mean: number; stddev: number; min: number; max: number; total: number; p50: number; p90: number; p97_5: number; p99: number; p99_9: number }
  export interface RawRequest { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer }
  export interface RequestSpec extends RawRequest {
    setupRequest?: (request: RawRequest, context: Record<string, unknown>) => RawRequest;
    onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string>) => void;
  }
  export interface Options {
    url: string; connections?: number; duration?: number; amount?: number; pipelining?: number; timeout?: number;
    method?: string; headers?: Record<string, string>; body?: string; requests?: RequestSpec[];
  }
  export interface Result {
    requests: Histogram; latency: Histogram; throughput: Histogram;
    errors: number; timeouts: number; non2xx: number; mismatches: number; resets: number;
    '1xx': number; '2xx': number; '3xx': number; '4xx': number; '5xx': number;
    statusCodeStats: Record<string, { count: number }>;
    duration: number; start: Date; finish: Date;
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
