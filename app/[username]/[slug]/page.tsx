import { meetingTypePage } from '@/app/public-pages';

// The booking page: month calendar and times in the invitee's zone, details form, confirmation.
const { generateMetadata, MeetingTypePage } = meetingTypePage({ embedded: false });
export { generateMetadata };
export default MeetingTypePage;
