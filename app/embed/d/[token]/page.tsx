import { oneTimeLinkPage } from '@/app/one-time-link-pages';

// A one-time booking link in another site's frame: the same page, no site chrome, never indexed.
const { generateMetadata, OneTimeLinkPage } = oneTimeLinkPage({ embedded: true });
export { generateMetadata };
export default OneTimeLinkPage;
