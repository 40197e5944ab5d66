const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The local identity provider's sign-in page (the stand-in for Cognito's managed login): email + password, posted to
 * `action`. `error` is shown above the form after a failed attempt.
 */
export function signInPage(options: { action: string; clientName: string; error?: string; email?: string }): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in — local identity provider</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px system-ui,sans-serif;max-width:24rem;margin:4rem auto;padding:0 1rem}label{display:block;margin:.75rem 0 .25rem}
input{width:100%;padding:.5rem;box-sizing:border-box}button{margin-top:1rem;padding:.5rem 1rem}.error{color:#a00}</style></head>
<body><h1>Sign in</h1><p>to ${escape(options.clientName)} (local identity provider, a stand-in for Cognito)</p>
${options.error ? `<p class="error" role="alert">${escape(options.error)}</p>` : ''}
<form method="post" action="${escape(options.action)}">
<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required value="${escape(options.email ?? '')}">
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button></form></body></html>`;
}
