import { oneTimeLinkPage } from '@/app/one-time-link-pages';

// A one-time booking link: books the meeting type once, then says it has been used.
const { generateMetadata, OneTimeLinkPage } = oneTimeLinkPage({ embedded: false });
export { generateMetadata };
export default OneTimeLinkPage;
