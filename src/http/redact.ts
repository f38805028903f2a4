// Personal data never reaches the logs: ID numbers, phones, passwords, tokens and cookies are masked,
// in bodies that get logged and in the query strings of URLs (lookups carry ?phone=).
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.idNumber',
  '*.phone',
  '*.token',
  '*.*.idNumber',
  '*.*.phone',
];

const SENSITIVE_QUERY = /([?&](?:phone|idNumber|token|password)=)[^&#]*/gi;

export function redactUrl(url: string): string {
  return url.replace(SENSITIVE_QUERY, '$1[REDACTED]');
}
