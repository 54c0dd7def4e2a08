import { type RefObject, useEffect } from 'react';
import { EMBED_ORIGIN_PARAM, type EmbedMessage } from './embed-protocol';

// What an embedded booking page tells the page that frames it (public/embed.js listens). Messages
// go only to the origin embed.js passed in `embed_origin`, never to "*": booking data must not reach
// whatever page happens to frame this one. Outside a frame, or without that origin, nothing is sent.


let parentOrigin: string | null | undefined;

/** The embedding page's origin as embed.js passed it, or null (not framed, or no valid origin). */
export function embedParentOrigin(): string | null {
  if (parentOrigin !== undefined) return parentOrigin;
  parentOrigin = null;
  if (typeof window === 'undefined' || window.parent === window) return parentOrigin;
  try {
    const url = new URL(new URLSearchParams(window.location.search).get(EMBED_ORIGIN_PARAM) ?? '');
    if (url.protocol === 'https:' || url.protocol === 'http:') parentOrigin = url.origin;
  } catch {
    // Not a URL: stay silent.
  }
  return parentOrigin;
}

export function postToEmbedder(message: EmbedMessage): void {
  const origin = embedParentOrigin();
  if (origin) window.parent.postMessage(message, origin);
}

/**
 * While framed: reports the height of `root` whenever it changes (so the frame never scrolls inside)
 * and passes Escape up (so a popup closes). Does nothing on a page that is not framed.
 */
export function useEmbedBridge(root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = root.current;
    if (!element || !embedParentOrigin()) return;
    let lastHeight = -1;
    const report = () => {
      const style = getComputedStyle(element);
      const height = Math.ceil(element.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom));
      if (height === lastHeight) return;
      lastHeight = height;
      postToEmbedder({ type: 'rendezvous:page_height', height });
    };
    const observer = new ResizeObserver(report);
    observer.observe(element);
    report();
    // Escape closes the popup, unless it was closing something open inside the page first: a listbox
    // that marks the event handled, or one (react-aria's combobox) that only says so with aria-expanded,
    // which is seen before it closes (capture phase).
    let closingSomething = false;
    const beforeKeyDown = (event: KeyboardEvent) => {
      closingSomething = event.key === 'Escape' && event.target instanceof Element && event.target.closest('[aria-expanded="true"]') !== null;
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented && !closingSomething) postToEmbedder({ type: 'rendezvous:escape' });
    };
    window.addEventListener('keydown', beforeKeyDown, true);
    window.addEventListener('keydown', onKeyDown);
    return () => {
      observer.disconnect();
      window.removeEventListener('keydown', beforeKeyDown, true);
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [root]);
}
