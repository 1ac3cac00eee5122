// The captcha page's only script (its hash is in the page's CSP). It loads reCAPTCHA v2 (Google's,
// or the sandbox's practice one: only the script address differs), renders the checkbox
// explicitly, and hands the token to the app by navigating to <this origin>/captcha/done?token=…,
// a navigation the app takes the token from and cancels. This window has no other way to talk to
// the app.
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('captcha-config').textContent);
  var slot = document.getElementById('captcha');
  var status = document.getElementById('status');
  var retry = document.getElementById('retry');
  // Long enough for Tor; a script that has not rendered the box by then is not coming.
  var LOAD_LIMIT_MS = 20000;
  var widget = null;
  var loadTimer = null;

  function say(text, kind) {
    status.textContent = text;
    status.setAttribute('data-kind', kind || '');
  }

  function offerRetry(show) {
    retry.hidden = !show;
    if (show) retry.focus();
  }

  function unreachable() {
    clearTimeout(loadTimer);
    say('Could not reach the captcha service. Check your internet connection and, if you use ' +
      'one, the proxy in Settings; then press Try again.', 'error');
    offerRetry(true);
  }

  function solved(token) {
    say('Done. The code is on its way.', '');
    var done = new URL('/captcha/done', window.location.origin);
    done.searchParams.set('token', token);
    window.location.href = done.href;
  }

  function expired() {
    say('The check expired before it was used. Tick the box again.', 'warn');
  }

  function failed() {
    say('The check stopped because the captcha service could not be reached. Check your ' +
      'connection and, if you use one, the proxy in Settings; then press Try again.', 'error');
    offerRetry(true);
  }

  function render() {
    clearTimeout(loadTimer);
    offerRetry(false);
    if (widget === null) {
      widget = window.grecaptcha.render(slot, {
        sitekey: config.siteKey,
        callback: solved,
        'expired-callback': expired,
        'error-callback': failed,
      });
    } else {
      window.grecaptcha.reset(widget);
    }
    say('Tick the box to show you are a person.', '');
  }

  // reCAPTCHA calls this (by name, from ?onload=) once it is ready.
  window[config.onload] = render;

  function load() {
    offerRetry(false);
    say('Loading the check…', '');
    var old = document.getElementById('recaptcha-script');
    if (old) old.remove();
    var script = document.createElement('script');
    script.id = 'recaptcha-script';
    script.src = config.scriptUrl;
    script.async = true;
    script.onerror = unreachable;
    document.head.appendChild(script);
    clearTimeout(loadTimer);
    loadTimer = setTimeout(function () {
      if (widget === null) unreachable();
    }, LOAD_LIMIT_MS);
  }

  retry.addEventListener('click', function () {
    if (window.grecaptcha && typeof window.grecaptcha.render === 'function') render();
    else load();
  });

  load();
})();
