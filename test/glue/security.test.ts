import { describe, expect, it, vi } from 'vitest';
import { electronEvent, SessionDouble, WebContentsDouble } from './electron-double';
import { isAppUrl } from '../../electron/main/origin';
import { hardenContents, hardenSession, isAllowedRequest } from '../../electron/main/security';

vi.mock('electron', () => import('./electron-double'));

const FOREIGN = [
  'https://evil.example/',
  'http://localhost:5173/',
  'file:///etc/passwd',
  'file://evil/share',
  'app://evil/index.html',
  'app://cordon.evil.example/index.html',
  'app://cordon:8080/index.html',
  'javascript:alert(1)',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'not a url',
];

function hardenedContents() {
  const contents = new WebContentsDouble();
  hardenContents(contents as never);
  return contents;
}

describe('navigation', () => {
  for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
    it.each(FOREIGN)(`${name} to %s is prevented`, (url) => {
      const contents = hardenedContents();
      const event = electronEvent({ url });
      contents.emit(name, event);
      expect(event.preventDefault).toHaveBeenCalled();
    });

    it(`${name} within app://cordon is allowed`, () => {
      const contents = hardenedContents();
      const event = electronEvent({ url: 'app://cordon/index.html' });
      contents.emit(name, event);
      expect(event.preventDefault).not.toHaveBeenCalled();
    });
  }

  it('denies every new window, whatever it asks for', () => {
    const contents = hardenedContents();
    for (const url of ['app://cordon/index.html', 'https://evil.example/', 'about:blank', '']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
  });

  it('prevents attaching a webview', () => {
    const contents = hardenedContents();
    const event = electronEvent();
    contents.emit('will-attach-webview', event, { preload: '/evil.js' }, { src: 'https://evil.example/' });
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('the session', () => {
  const ses = new SessionDouble();
  hardenSession(ses as never);

  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'hid', 'usb', 'serial', 'unknown'])(
    'denies the permission request %s',
    (permission) => {
      const callback = vi.fn();
      ses.handlers.permissionRequest!({}, permission, callback, { requestingUrl: 'app://cordon/index.html' });
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    },
  );

  it('denies every permission check, even from the app origin', () => {
    for (const permission of ['media', 'clipboard-sanitized-write', 'notifications', 'hid', 'serial', 'usb']) {
      expect(ses.handlers.permissionCheck!({}, permission, 'app://cordon', {})).toBe(false);
    }
    expect(ses.handlers.devicePermission!({ deviceType: 'usb', origin: 'app://cordon' })).toBe(false);
  });

  it('refuses screen capture', () => {
    const callback = vi.fn();
    ses.handlers.displayMedia!({}, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith(null);
  });

  it.each([
    'http://example.com/',
    'https://evil.example/beacon?d=secret',
    'ws://127.0.0.1:9222/',
    'wss://evil.example/socket',
    'file:///etc/passwd',
    'file://evil/share/x',
    'ftp://evil.example/',
    'app://evil/index.html',
    'app://cordon:1/index.html',
    'chrome-extension://abc/x.js',
    'garbage',
  ])('blocks the web request %s', (url) => {
    const callback = vi.fn();
    ses.handlers.beforeRequest!({ url }, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith({ cancel: true });
  });

  it.each(['app://cordon/index.html', 'app://cordon/assets/x.js', 'data:image/png;base64,iVBORw0KGgo=', 'blob:app://cordon/6c1f0e1e'])(
    'lets the app load its own %s',
    (url) => {
      const callback = vi.fn();
      ses.handlers.beforeRequest!({ url }, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith({ cancel: false });
    },
  );

  it('prevents downloads', () => {
    const event = electronEvent();
    ses.emit('will-download', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('the origin check', () => {
  it('accepts exactly app://cordon', () => {
    expect(isAppUrl('app://cordon/index.html')).toBe(true);
    expect(isAppUrl('app://cordon')).toBe(true);
    for (const url of [...FOREIGN, 'app://user:pw@cordon/', 'APP://evil/', 'app:cordon', 42, null, undefined]) {
      expect(isAppUrl(url)).toBe(false);
    }
    expect(isAllowedRequest('app://cordon/')).toBe(true);
  });
});
