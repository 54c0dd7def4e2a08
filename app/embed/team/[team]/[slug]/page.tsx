import { teamMeetingTypePage } from '@/app/team-pages';

// A team meeting type's booking page for other sites' frames: the same flow, never indexed.
const { generateMetadata, TeamMeetingTypePage } = teamMeetingTypePage({ embedded: true });
export { generateMetadata };
export default TeamMeetingTypePage;
