import { microsoftNotification } from '@/lib/calendars/http-handlers';
import { route } from '@/lib/http';

// Graph change and lifecycle notifications, and the subscription validation handshake.
export const POST = route((request) => microsoftNotification(request));
