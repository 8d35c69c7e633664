/**
 * The Facebook JavaScript SDK stand-in (seed guide "User Access Token: Facebook JavaScript SDK"): a web page loads
 * `<script src="{emulator}/sdk.js">` instead of connect.facebook.net's and calls, as it would on Facebook:
 *   FB.init({appId, version}) · FB.login(cb, {scope, auth_type, return_scopes}) · FB.getLoginStatus(cb) ·
 *   FB.getAuthResponse() · FB.logout(cb) · FB.api(path, [method], [params], cb) · window.fbAsyncInit.
 * FB.login opens the emulator's login dialog in a popup with `response_type=token,granted_scopes` and a redirect_uri
 * on the emulator (`/dialog/oauth/sdk-callback`), whose page posts the answer back to the opener with postMessage,
 * addressed to the opener's origin only. The callback shapes follow Facebook's SDK reference
 * (https://developers.facebook.com/docs/reference/javascript/FB.login/, FB.getLoginStatus/):
 *   { status: 'connected' | 'unknown', authResponse: { accessToken, expiresIn, userID, grantedScopes,
 *     data_access_expiration_time, graphDomain } | null }
 * `signedRequest` is left out: it needs the app secret, which never reaches a browser. FB.api reaches Graph across
 * origins because Graph answers any origin (graph/cors.ts).
 */
import { Hono } from 'hono'
import { html, raw } from 'hono/html'
import { SDK_CALLBACK_PATH } from './paths.js'

/** The postMessage type both halves agree on. */
const MESSAGE_TYPE = 'messenger-emulator:auth'

/** The SDK itself, for an emulator reached at `origin`. Plain ES2017, no build step; nothing user-given inside. */
function sdkScript(origin: string): string {
  return `/* Messenger Emulator: a stand-in for Facebook's JavaScript SDK (connect.facebook.net/en_US/sdk.js). */
(function () {
  'use strict';
  var EMULATOR = ${JSON.stringify(origin)};
  var MESSAGE_TYPE = ${JSON.stringify(MESSAGE_TYPE)};
  var options = { appId: null, version: 'v21.0' };
  var auth = null;

  function storageKey() { return 'messenger-emulator:auth:' + options.appId; }
  function save() {
    try {
      if (auth) sessionStorage.setItem(storageKey(), JSON.stringify(auth));
      else sessionStorage.removeItem(storageKey());
    } catch (e) { /* storage may be unavailable (private mode): the login then lasts as long as the page */ }
  }
  function restore() {
    try { auth = JSON.parse(sessionStorage.getItem(storageKey()) || 'null'); } catch (e) { auth = null; }
  }
  function expired(a) { return !a || Date.now() / 1000 >= a.expiresAt; }
  function status() {
    if (expired(auth)) return { status: 'unknown', authResponse: null };
    var r = Object.assign({}, auth.authResponse, { expiresIn: Math.max(0, Math.round(auth.expiresAt - Date.now() / 1000)) });
    return { status: 'connected', authResponse: r };
  }
  function requireInit(name) {
    if (!options.appId) throw new Error('FB.' + name + '() called before FB.init() with an appId');
  }
  function graphUrl(path) {
    return EMULATOR + '/' + options.version + (path.charAt(0) === '/' ? path : '/' + path);
  }

  function init(params) {
    if (!params || !params.appId) throw new Error('FB.init: appId is required');
    options.appId = String(params.appId);
    if (params.version) options.version = params.version;
    restore();
  }

  function login(cb, opts) {
    requireInit('login');
    opts = opts || {};
    var state = Math.random().toString(36).slice(2) + Date.now().toString(36);
    var redirect = EMULATOR + ${JSON.stringify(SDK_CALLBACK_PATH)} + '?origin=' + encodeURIComponent(location.origin);
    var query = new URLSearchParams({
      client_id: options.appId, redirect_uri: redirect, state: state, response_type: 'token,granted_scopes',
      scope: opts.scope || ''
    });
    if (opts.auth_type) query.set('auth_type', opts.auth_type);
    var popup = window.open(EMULATOR + '/' + options.version + '/dialog/oauth?' + query.toString(),
      'messenger-emulator-login', 'width=600,height=680');
    var done = false;
    function finish(result) {
      if (done) return;
      done = true;
      window.removeEventListener('message', onMessage);
      clearInterval(watch);
      if (typeof cb === 'function') cb(result);
    }
    function onMessage(event) {
      var d = event.data;
      if (event.origin !== EMULATOR || !d || d.type !== MESSAGE_TYPE || d.state !== state) return;
      if (d.authResponse) {
        auth = { authResponse: d.authResponse, expiresAt: Date.now() / 1000 + d.authResponse.expiresIn };
        save();
      }
      finish(d.authResponse ? status() : { status: auth ? 'connected' : 'unknown', authResponse: null });
    }
    window.addEventListener('message', onMessage);
    // Closing the popup without answering is a cancel, as on Facebook.
    var watch = setInterval(function () {
      if (!popup || popup.closed) setTimeout(function () { finish({ status: 'unknown', authResponse: null }); }, 300);
    }, 300);
  }

  function getLoginStatus(cb) {
    requireInit('getLoginStatus');
    var current = status();
    if (current.status !== 'connected') return cb(current);
    // The token may have died since (a password change, Business Integrations › Remove): ask Graph.
    fetch(graphUrl('/me?fields=id&access_token=' + encodeURIComponent(current.authResponse.accessToken)))
      .then(function (res) {
        if (!res.ok) { auth = null; save(); }
        cb(status());
      }, function () { cb(current); });
  }

  function api(path) {
    var args = Array.prototype.slice.call(arguments, 1);
    var cb = typeof args[args.length - 1] === 'function' ? args.pop() : function () {};
    var method = typeof args[0] === 'string' ? args.shift().toUpperCase() : 'GET';
    var params = Object.assign({}, args[0] || {});
    if (!params.access_token && !expired(auth)) params.access_token = auth.authResponse.accessToken;
    var body = new URLSearchParams();
    Object.keys(params).forEach(function (k) {
      var v = params[k];
      body.set(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
    });
    var url = graphUrl(path);
    var init = { method: method };
    if (method === 'GET') url += (url.indexOf('?') >= 0 ? '&' : '?') + body.toString();
    else init.body = body;
    fetch(url, init).then(function (res) { return res.json(); })
      .then(cb, function (e) { cb({ error: { message: String(e), type: 'NetworkError', code: 1 } }); });
  }

  function logout(cb) {
    auth = null;
    save();
    if (typeof cb === 'function') cb({ status: 'unknown', authResponse: null });
  }

  window.FB = {
    init: init, login: login, getLoginStatus: getLoginStatus, api: api, logout: logout,
    getAuthResponse: function () { return status().authResponse; }
  };
  if (typeof window.fbAsyncInit === 'function') setTimeout(window.fbAsyncInit, 0);
})();
`
}

/**
 * The popup's last page: reads the dialog's answer from the fragment (or the denial from the query), asks Graph for
 * the person's id with the new token, posts everything to the opener's origin and closes. Static script; the page
 * names only the origin, which the browser checks when delivering the message.
 */
export const CALLBACK_SCRIPT = `
(function () {
  var MESSAGE_TYPE = ${JSON.stringify(MESSAGE_TYPE)};
  var query = new URLSearchParams(location.search);
  var answer = new URLSearchParams(location.hash.slice(1));
  var origin = query.get('origin');
  var state = answer.get('state') || query.get('state');
  var out = document.getElementById('status');
  function post(authResponse) {
    if (!window.opener) { out.textContent = 'The page that asked for this login is gone. You can close this window.'; return; }
    window.opener.postMessage({ type: MESSAGE_TYPE, state: state, authResponse: authResponse }, origin);
    window.close();
  }
  try { origin = new URL(origin).origin; } catch (e) { out.textContent = 'No valid origin to answer.'; return; }
  var token = answer.get('access_token');
  if (!token) return post(null);
  var split = function (v) { return v ? v.split(',').filter(Boolean) : []; };
  fetch('/me?fields=id&access_token=' + encodeURIComponent(token))
    .then(function (res) { return res.json(); })
    .then(function (me) {
      post({
        accessToken: token, expiresIn: Number(answer.get('expires_in')), userID: me.id || null,
        grantedScopes: split(answer.get('granted_scopes')).join(','),
        data_access_expiration_time: Number(answer.get('data_access_expiration_time')), graphDomain: 'facebook'
      });
    }, function () { out.textContent = 'Could not reach the emulator.'; });
})();
`

export function createSdkApp(): Hono {
  const app = new Hono()
  app.get('/sdk.js', (c) => c.body(sdkScript(new URL(c.req.url).origin), 200, {
    'content-type': 'application/javascript; charset=utf-8', 'cache-control': 'no-cache',
  }))
  app.get(SDK_CALLBACK_PATH, (c) => c.html(html`<!DOCTYPE html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Logging in…</title></head>
  <body>
    <main><p id="status" role="status">Returning to the app…</p></main>
    <script>${raw(CALLBACK_SCRIPT)}</script>
  </body>
</html>`))
  return app
}
