import { Body, Container, Head, Heading, Html, Preview } from '@react-email/components';
import type { CSSProperties, ReactNode } from 'react';

// The page and card every email sits in, with its preview line and heading.

const page = { backgroundColor: '#f6f7f9', fontFamily: 'Inter, Segoe UI, Helvetica, Arial, sans-serif', color: '#111827' };
const card = { backgroundColor: '#ffffff', borderRadius: '8px', margin: '32px auto', maxWidth: '560px', padding: '32px' };
export const emailButton = { backgroundColor: '#1d4ed8', borderRadius: '6px', color: '#ffffff', fontSize: '14px', padding: '10px 16px' };

export function EmailFrame({ preview, heading, headingStyle, lang = 'en', children }: { preview: string; heading: string; headingStyle?: CSSProperties; lang?: string; children: ReactNode }) {
  return (
    <Html lang={lang}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={page}>
        <Container style={card}>
          <Heading as="h1" style={{ fontSize: '22px', ...headingStyle }}>
            {heading}
          </Heading>
          {children}
        </Container>
      </Body>
    </Html>
  );
}
