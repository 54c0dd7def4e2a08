/*! Rendezvous embed v1 · load as /embed.js?v=1 · no dependencies, no cookies */
// Puts a Rendezvous booking page on any site: inline (data-rendezvous-inline), as a popup
// (data-rendezvous-popup, Rendezvous.popup) or behind a floating button (Rendezvous.floatingButton).
// The frame is /embed/… on the Rendezvous origin; it tells this page its height and what the invitee
// did, by postMessage to this page's origin only. Messages are believed only from that origin and frame.
(function () {
  'use strict';
  if (window.Rendezvous && window.Rendezvous.version) return;

  var VERSION = '1';
  var TRACKING = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'];
  var script = document.currentScript;
  var frames = [];
  var listeners = {};
  var styled = false;

  /** https://ORIGIN/USER/SLUG → https://ORIGIN/embed/USER/SLUG?embed_origin=…, with this page's utm_* unless set. */
  function embedUrl(url) {
    var target = new URL(url, script ? script.src : location.href);
    if (!/^\/embed(\/|$)/.test(target.pathname)) target.pathname = '/embed' + target.pathname;
    target.searchParams.set('embed_origin', location.origin);
    var here = new URLSearchParams(location.search);
    TRACKING.forEach(function (key) {
      if (!target.searchParams.has(key) && here.get(key)) target.searchParams.set(key, here.get(key));
    });
    return target;
  }

  function createFrame(url, title) {
    var target = embedUrl(url);
    var iframe = document.createElement('iframe');
    iframe.src = target.href;
    iframe.title = title || 'Book a meeting';
    // The frame is sized to its content (rendezvous:page_height), so it never scrolls inside.
    iframe.setAttribute('scrolling', 'no');
    iframe.style.cssText = 'display:block;width:100%;height:640px;border:0;overflow:hidden;background:transparent;color-scheme:normal';
    var entry = { iframe: iframe, origin: target.origin, close: null };
    frames.push(entry);
    return entry;
  }

  function forget(entry) {
    frames = frames.filter(function (other) {
      return other !== entry;
    });
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data.type !== 'string' || data.type.indexOf('rendezvous:') !== 0) return;
    frames.forEach(function (entry) {
      if (event.origin !== entry.origin || event.source !== entry.iframe.contentWindow) return;
      if (data.type === 'rendezvous:page_height' && typeof data.height === 'number' && data.height > 0) {
        entry.iframe.style.height = Math.ceil(Math.min(data.height, 100000)) + 'px';
      }
      if (data.type === 'rendezvous:escape' && entry.close) entry.close();
      (listeners[data.type.slice(11)] || []).forEach(function (listener) {
        listener(data, entry.iframe);
      });
    });
  });

  function inline(element, url) {
    if (element.getAttribute('data-rendezvous-ready')) return;
    element.setAttribute('data-rendezvous-ready', '1');
    element.appendChild(createFrame(url || element.getAttribute('data-rendezvous-inline')).iframe);
  }

  function addStyles() {
    if (styled) return;
    styled = true;
    var style = document.createElement('style');
    style.textContent =
      '.rendezvous-popup{padding:0;border:0;border-radius:12px;width:min(1040px,calc(100vw - 24px));max-width:none;max-height:calc(100vh - 24px);overflow:auto;background:#f8fafc}' +
      '.rendezvous-popup::backdrop{background:rgba(15,23,42,.6)}' +
      '.rendezvous-close{position:sticky;top:8px;float:right;margin:8px 8px -48px 0;z-index:1;width:40px;height:40px;border:0;border-radius:50%;background:#fff;color:#0f172a;font:24px/1 system-ui,sans-serif;cursor:pointer;box-shadow:0 1px 4px rgba(15,23,42,.3)}' +
      '.rendezvous-close:focus-visible{outline:3px solid #2563eb;outline-offset:2px}';
    document.head.appendChild(style);
  }

  /** A modal dialog with the booking page: focus stays inside, Escape closes it, focus goes back. */
  function popup(options) {
    addStyles();
    var opener = document.activeElement;
    var dialog = document.createElement('dialog');
    dialog.className = 'rendezvous-popup';
    dialog.setAttribute('aria-label', options.title || 'Book a meeting');
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'rendezvous-close';
    close.setAttribute('aria-label', 'Close');
    close.textContent = '\u00d7';
    close.autofocus = true;
    var entry = createFrame(options.url, options.title);
    // Tab past the frame (or Shift+Tab before the button) wraps around: focus never reaches the page.
    var before = document.createElement('span');
    var after = document.createElement('span');
    before.tabIndex = after.tabIndex = 0;
    before.addEventListener('focus', function () {
      entry.iframe.focus();
    });
    after.addEventListener('focus', function () {
      close.focus();
    });
    dialog.append(before, close, entry.iframe, after);
    entry.close = function () {
      if (dialog.open) dialog.close();
    };
    close.addEventListener('click', entry.close);
    dialog.addEventListener('close', function () {
      forget(entry);
      dialog.remove();
      if (opener && opener.focus) opener.focus();
    });
    document.body.appendChild(dialog);
    dialog.showModal();
    close.focus();
    return { close: entry.close, element: dialog };
  }

  function floatingButton(options) {
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = options.text || 'Book a meeting';
    button.style.cssText =
      'position:fixed;right:20px;bottom:20px;z-index:2147483000;padding:12px 20px;border:0;border-radius:999px;' +
      'background:' + (options.color || '#1d4ed8') + ';color:#fff;font:600 16px/1.2 system-ui,sans-serif;' +
      'box-shadow:0 6px 20px rgba(15,23,42,.25);cursor:pointer';
    button.addEventListener('click', function () {
      popup({ url: options.url, title: options.title });
    });
    document.body.appendChild(button);
    return button;
  }

  function scan() {
    document.querySelectorAll('[data-rendezvous-inline]').forEach(function (element) {
      inline(element);
    });
  }

  document.addEventListener('click', function (event) {
    var trigger = event.target && event.target.closest && event.target.closest('[data-rendezvous-popup]');
    if (!trigger) return;
    event.preventDefault();
    popup({ url: trigger.getAttribute('data-rendezvous-popup'), title: trigger.getAttribute('data-rendezvous-title') });
  });

  window.Rendezvous = {
    version: VERSION,
    inline: inline,
    popup: popup,
    floatingButton: floatingButton,
    /** Rendezvous.on('event_scheduled', function (message, iframe) { … }) */
    on: function (name, listener) {
      (listeners[name] = listeners[name] || []).push(listener);
    },
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
})();
