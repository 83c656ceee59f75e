// Signing in as a browser would, for the benches that time pages as a
// signed-in person: the pre-session cookie and its CSRF token, then the
// form; the session cookie to send with each request.
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const first = await fetch(`${base}/api/session`);
  const presession = first.headers.getSetCookie()[0]!.split(';')[0]!;
  const { csrfToken } = (await first.json()) as { csrfToken: string };
  const response = await fetch(`${base}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Cookie: presession },
    body: new URLSearchParams({ email, password, _csrf: csrfToken }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('lantern_session='));
  if (!cookie) throw new Error(`sign-in answered ${response.status}`);
  return cookie.split(';')[0]!;
}
