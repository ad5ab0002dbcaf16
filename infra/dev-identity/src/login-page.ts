const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** The sign-in form, in Russian, standing in for Keycloak's own login theme. */
export function loginPage(options: {
  realmTitle: string;
  requestId: string;
  username?: string;
  error?: string;
}) {
  return `<!doctype html>
<html lang="ru">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Вход — ${escapeHtml(options.realmTitle)}</title>
  <style>
    body { font-family: system-ui, sans-serif; background: #f3f5f8; color: #1b2430; margin: 0; }
    main { max-width: 24rem; margin: 8vh auto; background: #fff; padding: 2rem; border-radius: 8px;
           box-shadow: 0 1px 4px rgba(0,0,0,.12); }
    h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
    p.hint { color: #4a5565; margin: 0 0 1.5rem; }
    label { display: block; margin: 1rem 0 .3rem; font-weight: 600; }
    input { width: 100%; box-sizing: border-box; padding: .6rem; font-size: 1rem; border: 1px solid #8a94a3; border-radius: 4px; }
    input:focus, button:focus { outline: 3px solid #2f6fdb; outline-offset: 1px; }
    button { margin-top: 1.5rem; width: 100%; padding: .7rem; font-size: 1rem; background: #1f4e9c; color: #fff;
             border: 0; border-radius: 4px; cursor: pointer; }
    .error { background: #fdecec; color: #8a1c1c; padding: .6rem .8rem; border-radius: 4px; }
  </style>
</head>
<body>
  <main>
    <h1>${escapeHtml(options.realmTitle)}</h1>
    <p class="hint">Вход в систему</p>
    ${options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : ''}
    <form method="post">
      <input type="hidden" name="request_id" value="${escapeHtml(options.requestId)}">
      <label for="username">Имя пользователя</label>
      <input id="username" name="username" autocomplete="username" required value="${escapeHtml(options.username ?? '')}" autofocus>
      <label for="password">Пароль</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required>
      <button type="submit">Войти</button>
    </form>
  </main>
</body>
</html>`;
}
