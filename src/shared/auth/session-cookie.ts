/** The session cookie: __Host- when Secure (bound to this host, path /, no Domain), plain in development. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-sessie' : 'sessie';
}

export function sessionCookieOptions(secure: boolean) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure };
}
