import { meetingTypePage } from '@/app/public-pages';

// The booking page for other sites' frames: the same flow, no site chrome, never indexed.
const { generateMetadata, MeetingTypePage } = meetingTypePage({ embedded: true });
export { generateMetadata };
export default MeetingTypePage;
