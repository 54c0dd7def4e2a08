import { teamPage } from '@/app/team-pages';

// A team's page for other sites' frames: no site chrome, never indexed.
const { generateMetadata, TeamPage } = teamPage({ embedded: true });
export { generateMetadata };
export default TeamPage;
