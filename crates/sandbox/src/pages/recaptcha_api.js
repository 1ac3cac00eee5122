// The sandbox's practice reCAPTCHA: the part of Google's reCAPTCHA v2 api.js that a page rendering
// the checkbox explicitly uses, so the app's captcha page runs unchanged against it.
//   - api.js?onload=NAME&render=explicit: window[NAME]() is called once grecaptcha is ready.
//   - grecaptcha.render(container, {sitekey, callback, 'expired-callback', 'error-callback'})
//     returns a widget id; callbacks may be functions or names of global functions.
//   - grecaptcha.getResponse(id), grecaptcha.reset(id).
// Ticking the box asks the sandbox that served this script for a token; the sandbox records the
// site key sent and the hostname of the page (from the Origin header the browser sets), and the
// API refuses the token at dispatch unless both are the ones registered for the app.
(function () {
  'use strict';
  var script = document.currentScript;
  var served = new URL(script.src);
  var tokenUrl = new URL('/sandbox/recaptcha/token', served).href;
  var widgets = [];

  function named(fn) {
    if (typeof fn === 'function') return fn;
    if (typeof fn === 'string' && typeof window[fn] === 'function') return window[fn];
    return null;
  }

  function element(container) {
    var found = typeof container === 'string' ? document.getElementById(container) : container;
    if (!found || !found.appendChild) throw new Error('grecaptcha.render: no container element');
    return found;
  }

  function setState(widget, text, isError) {
    widget.status.textContent = text;
    widget.status.style.color = isError ? '#b00020' : '#555';
  }

  function expire(widget) {
    widget.response = '';
    widget.box.checked = false;
    widget.box.disabled = false;
    setState(widget, 'Verification expired. Check the checkbox again.', true);
    var onExpired = named(widget.params['expired-callback']);
    if (onExpired) onExpired();
  }

  function solve(widget) {
    widget.box.disabled = true;
    setState(widget, 'Checking…', false);
    fetch(tokenUrl, {
      method: 'POST',
      credentials: 'omit',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sitekey: String(widget.params.sitekey) }),
    })
      .then(function (response) {
        if (!response.ok) throw new Error('the sandbox answered ' + response.status);
        return response.json();
      })
      .then(function (answer) {
        widget.response = answer.token;
        setState(widget, 'Verified (practice).', false);
        clearTimeout(widget.timer);
        widget.timer = setTimeout(function () { expire(widget); }, answer.expires_in * 1000);
        var onSolved = named(widget.params.callback);
        if (onSolved) onSolved(answer.token);
      })
      .catch(function (error) {
        widget.box.checked = false;
        widget.box.disabled = false;
        setState(widget, 'Practice reCAPTCHA: ' + error.message, true);
        var onError = named(widget.params['error-callback']);
        if (onError) onError();
      });
  }

  function render(container, params) {
    var host = element(container);
    if (!params || !params.sitekey) throw new Error('Missing required parameters: sitekey');
    var id = widgets.length;
    var frame = document.createElement('div');
    frame.className = 'practice-recaptcha';
    frame.style.cssText = 'display:inline-block;border:1px solid #d3d3d3;border-radius:3px;' +
      'background:#f9f9f9;padding:14px 16px;min-width:270px;font:14px system-ui,sans-serif;' +
      'color:#222;text-align:left;box-shadow:0 0 4px rgba(0,0,0,.08)';
    var label = document.createElement('label');
    label.style.cssText = 'display:flex;align-items:center;gap:12px;cursor:pointer';
    var box = document.createElement('input');
    box.type = 'checkbox';
    if (id === 0) box.id = 'not-a-robot';
    box.style.cssText = 'width:24px;height:24px;margin:0;cursor:pointer';
    label.appendChild(box);
    label.appendChild(document.createTextNode("I'm not a robot"));
    var status = document.createElement('div');
    status.setAttribute('role', 'status');
    status.style.cssText = 'font-size:12px;margin-top:8px;min-height:1em';
    var brand = document.createElement('div');
    brand.textContent = 'Practice reCAPTCHA · CardCoins sandbox';
    brand.style.cssText = 'font-size:10px;color:#777;margin-top:6px';
    frame.appendChild(label);
    frame.appendChild(status);
    frame.appendChild(brand);
    host.appendChild(frame);
    var widget = { params: params, response: '', box: box, status: status, timer: null };
    widgets.push(widget);
    box.addEventListener('change', function () {
      if (box.checked) solve(widget);
    });
    return id;
  }

  function widget(id) {
    var found = widgets[id === undefined ? 0 : id];
    if (!found) throw new Error('Invalid reCAPTCHA client id: ' + id);
    return found;
  }

  window.grecaptcha = {
    render: render,
    getResponse: function (id) { return widget(id).response; },
    reset: function (id) {
      var found = widget(id);
      clearTimeout(found.timer);
      found.response = '';
      found.box.checked = false;
      found.box.disabled = false;
      setState(found, '', false);
    },
    ready: function (fn) { setTimeout(fn, 0); },
  };

  if (served.searchParams.get('render') !== 'explicit') {
    console.warn('The practice reCAPTCHA renders only explicitly: load it with render=explicit.');
  }
  var onload = served.searchParams.get('onload');
  if (onload) {
    setTimeout(function () {
      var fn = named(onload);
      if (fn) fn();
    }, 0);
  }
})();
