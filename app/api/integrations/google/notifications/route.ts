import { googleNotification } from '@/lib/calendars/http-handlers';
import { route } from '@/lib/http';

// Google events.watch deliveries: verified by X-Goog-Channel-Token, they only enqueue a sync.
export const POST = route((request) => googleNotification(request));
