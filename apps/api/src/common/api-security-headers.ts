/**
 * Security headers for JSON answers, computed once: nothing on /api is meant to render, frame, sniff or be cached.
 * (OWASP REST Security Cheat Sheet.) HTML pages get helmet's full set instead.
 */
export function API_SECURITY_HEADERS(https: boolean): Record<string, string> {
  return {
    'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
    ...(https ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/** The web build's hashed scripts and styles (/assets/): typed, never sniffed, not for other sites to load. */
export function ASSET_SECURITY_HEADERS(https: boolean): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Resource-Policy': 'same-origin',
    ...(https ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}
