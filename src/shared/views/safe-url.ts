/**
 * Preact escapes attribute values but does not block javascript: URLs. Every href built from data passes
 * through here: relative paths, fragments and http(s)/mailto/tel links pass; anything else becomes "#".
 */
export function safeUrl(url: string): string {
  const trimmed = url.trim();
  if (trimmed.startsWith('/') && !trimmed.startsWith('//') && !trimmed.includes('\\')) return trimmed;
  if (trimmed.startsWith('#')) return trimmed;
  if (/^(https?:\/\/|mailto:|tel:)/i.test(trimmed)) return trimmed;
  return '#';
}

/**
 * A same-site path (with an optional query) safe to redirect to after a language switch: no scheme, no host,
 * no backslashes, nothing but URL-safe characters.
 */
export function safeLocalPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > 300) return '/';
  if (!/^\/(?!\/)[A-Za-z0-9\-._~/%]*(\?[A-Za-z0-9\-._~%=&+]*)?$/.test(value)) return '/';
  return value;
}
