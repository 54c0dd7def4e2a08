import { teamPage } from '@/app/team-pages';

// A team's public page: its name and its active meeting types.
const { generateMetadata, TeamPage } = teamPage({ embedded: false });
export { generateMetadata };
export default TeamPage;
