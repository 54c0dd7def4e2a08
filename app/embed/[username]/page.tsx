import { hostPage } from '@/app/public-pages';

// The host's page for other sites' frames (any site may frame /embed/…, see lib/security-headers.ts).
const { generateMetadata, HostPage } = hostPage({ embedded: true });
export { generateMetadata };
export default HostPage;
