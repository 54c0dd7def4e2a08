import { teamMeetingTypePage } from '@/app/team-pages';

// A team meeting type's booking page: the same month, times and form as a host's.
const { generateMetadata, TeamMeetingTypePage } = teamMeetingTypePage({ embedded: false });
export { generateMetadata };
export default TeamMeetingTypePage;
