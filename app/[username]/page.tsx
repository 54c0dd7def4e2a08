import { hostPage } from '@/app/public-pages';

// A host's public page: their active meeting types.
const { generateMetadata, HostPage } = hostPage({ embedded: false });
export { generateMetadata };
export default HostPage;
