// The contract between an /embed/… page and public/embed.js (which repeats these names: it has no build step).

/** The query parameter embed.js puts the embedding page's origin in. */
export const EMBED_ORIGIN_PARAM = 'embed_origin';

export type EmbedMessage =
  | { type: 'rendezvous:page_height'; height: number }
  | { type: 'rendezvous:date_and_time_selected'; start: string }
  /** `status`: `confirmed`, or `pending` for a request the host must still approve. */
  | { type: 'rendezvous:event_scheduled'; booking: { id: string; start: string; end: string; status: string } }
  /** Escape pressed inside the frame, where the parent's popup cannot hear it. */
  | { type: 'rendezvous:escape' };
